/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "shelf-packing-c2-scheduler.h"

#include "ns3/log.h"

#include <algorithm>
#include <limits>
#include <utility>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ShelfPackingC2Scheduler");

NS_OBJECT_ENSURE_REGISTERED(ShelfPackingC2Scheduler);

TypeId
ShelfPackingC2Scheduler::GetTypeId()
{
    static TypeId tid = TypeId("ns3::ShelfPackingC2Scheduler")
                            .SetParent<C2Scheduler>()
                            .SetGroupName("EdgeInference")
                            .AddConstructor<ShelfPackingC2Scheduler>();
    return tid;
}

ShelfPackingC2Scheduler::ShelfPackingC2Scheduler()
{
    NS_LOG_FUNCTION(this);
}

ShelfPackingC2Scheduler::~ShelfPackingC2Scheduler()
{
    NS_LOG_FUNCTION(this);
}

C2Allocation
ShelfPackingC2Scheduler::DoAllocate(const C2Problem& problem)
{
    NS_LOG_FUNCTION(this << problem.GetNUsers());
    const auto& users = problem.GetUsers();
    const uint32_t nExits = problem.GetNExits();
    const double capacity = problem.Capacity();

    // Eligible users by decreasing deadline (ties: smaller index first), so
    // that E_j is a prefix of this order that grows as T_j decreases.
    std::vector<uint32_t> order;
    double maxDeadline = 0;
    for (uint32_t k = 0; k < problem.GetNUsers(); ++k)
    {
        if (problem.RequiredExit(k) != 0)
        {
            order.push_back(k);
            maxDeadline = std::max(maxDeadline, users[k].deadlineS);
        }
    }
    std::stable_sort(order.begin(), order.end(), [&users](uint32_t a, uint32_t b) {
        return users[a].deadlineS > users[b].deadlineS;
    });
    const uint32_t n = order.size();

    C2Allocation result;
    result.execution = C2Allocation::BATCH;

    // Lazy selection of the b cheapest users of E_j: t w_k(t) never
    // decreases as t shrinks (r(B) / B decreases in B), so with
    // a_k = t0 w_k(t0) at the largest possible t0, w_k(t) >= a_k / t for
    // every shelf, the same factor for all users. Users are visited in
    // increasing a_k and the visit stops once a_k / t exceeds the b-th
    // smallest need found, so most users' needs are never computed.
    const double t0 = maxDeadline - problem.FullNetworkTime(1);
    std::vector<std::pair<double, uint32_t>> byBound; // (a_k, user)
    for (uint32_t k : order)
    {
        byBound.emplace_back(problem.BandwidthTimeProduct(k, t0), k);
    }
    std::sort(byBound.begin(), byBound.end());

    // Best shelf of batch size b: returns false if none is feasible. With
    // firstOnly it stops at the first feasible shelf (existence test).
    std::vector<std::pair<double, uint32_t>> cheapest; // max-heap of (need at t, user)
    auto shelf = [&](uint32_t b, bool firstOnly, std::vector<uint32_t>& chosen) {
        result.stats.candidates++;
        const double c = problem.FullNetworkTime(b);
        double bestTotal = std::numeric_limits<double>::infinity();
        bool found = false;
        uint32_t end = 0; // E_j = order[0, end)
        while (end < n)
        {
            // Extend E_j by all users sharing the next deadline T_j.
            const double deadline = users[order[end]].deadlineS;
            while (end < n && users[order[end]].deadlineS == deadline)
            {
                ++end;
            }
            const double t = deadline - c;
            if (!(t > 0))
            {
                break; // deadlines only decrease from here
            }
            if (end < b)
            {
                continue;
            }
            result.stats.nodes++;
            // The b cheapest of E_j at t, ties by user index.
            const double scale = (1 - 1e-12) / t;
            cheapest.clear();
            for (const auto& [a, k] : byBound)
            {
                if (users[k].deadlineS < deadline)
                {
                    continue; // not in E_j
                }
                if (cheapest.size() == b && a * scale > cheapest.front().first)
                {
                    break; // every later user needs more than the b-th cheapest
                }
                const std::pair<double, uint32_t> entry(problem.Need(k, t), k);
                if (cheapest.size() < b)
                {
                    cheapest.push_back(entry);
                    std::push_heap(cheapest.begin(), cheapest.end());
                }
                else if (entry < cheapest.front())
                {
                    std::pop_heap(cheapest.begin(), cheapest.end());
                    cheapest.back() = entry;
                    std::push_heap(cheapest.begin(), cheapest.end());
                }
            }
            // Summed in ascending order.
            std::sort(cheapest.begin(), cheapest.end());
            double total = 0;
            for (uint32_t i = 0; i < b && total <= capacity; ++i)
            {
                total += cheapest[i].first;
            }
            if (total <= capacity && total < bestTotal)
            {
                found = true;
                bestTotal = total;
                chosen.clear();
                for (uint32_t i = 0; i < b; ++i)
                {
                    chosen.push_back(cheapest[i].second);
                }
                if (firstOnly)
                {
                    break;
                }
            }
        }
        return found;
    };

    // Largest b to try: no more than the eligible users, and C(b) must
    // leave a positive upload time for the latest deadline.
    uint32_t hi = 0;
    while (hi < n && problem.FullNetworkTime(hi + 1) < maxDeadline)
    {
        ++hi;
    }
    // Invariant: b = lo is feasible (lo = 0 trivially), every b > hi is not.
    uint32_t lo = 0;
    std::vector<uint32_t> chosen;
    while (lo < hi)
    {
        const uint32_t mid = lo + (hi - lo + 1) / 2;
        if (shelf(mid, true, chosen))
        {
            lo = mid;
        }
        else
        {
            hi = mid - 1;
        }
    }
    chosen.clear();
    if (lo > 0)
    {
        shelf(lo, false, chosen);
        std::sort(chosen.begin(), chosen.end());
        // Grant at the set's own shelf, t*(S) >= the candidate's t.
        double t = std::numeric_limits<double>::infinity();
        for (uint32_t k : chosen)
        {
            t = std::min(t, users[k].deadlineS);
        }
        t -= problem.FullNetworkTime(lo);
        result.uploadDeadlineS = t;
        for (uint32_t k : chosen)
        {
            result.served.push_back(MakeC2ServedTask(problem, k, nExits, t));
        }
    }
    NS_LOG_DEBUG("served " << lo << " of " << problem.GetNUsers()
                           << ", t* = " << result.uploadDeadlineS << " s");
    return result;
}

} // namespace ns3
