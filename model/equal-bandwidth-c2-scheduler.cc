/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "equal-bandwidth-c2-scheduler.h"

#include "ns3/boolean.h"
#include "ns3/log.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>
#include <utility>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EqualBandwidthC2Scheduler");

NS_OBJECT_ENSURE_REGISTERED(EqualBandwidthC2Scheduler);

TypeId
EqualBandwidthC2Scheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::EqualBandwidthC2Scheduler")
            .SetParent<C2Scheduler>()
            .SetGroupName("EdgeInference")
            .AddConstructor<EqualBandwidthC2Scheduler>()
            .AddAttribute("EarlyExit",
                          "If true, each task leaves at its required exit m_k and the "
                          "batch is chosen with offsets bounded as if every task ran each "
                          "block up to its exit (a conservative heuristic); if false, every "
                          "task runs the whole network (exact).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&EqualBandwidthC2Scheduler::m_earlyExit),
                          MakeBooleanChecker());
    return tid;
}

EqualBandwidthC2Scheduler::EqualBandwidthC2Scheduler()
    : m_earlyExit(false)
{
    NS_LOG_FUNCTION(this);
}

EqualBandwidthC2Scheduler::~EqualBandwidthC2Scheduler()
{
    NS_LOG_FUNCTION(this);
}

C2Allocation
EqualBandwidthC2Scheduler::DoAllocate(const C2Problem& problem)
{
    NS_LOG_FUNCTION(this << problem.GetNUsers());
    const uint32_t nExits = problem.GetNExits();
    const auto& users = problem.GetUsers();
    const auto& rate = problem.GetRateModel();
    const double capacity = problem.Capacity();

    std::vector<uint32_t> eligible;
    std::vector<uint32_t> exitOf(problem.GetNUsers(), nExits);
    for (uint32_t k = 0; k < problem.GetNUsers(); ++k)
    {
        const uint32_t m = problem.RequiredExit(k);
        if (m != 0)
        {
            eligible.push_back(k);
            exitOf[k] = m_earlyExit ? m : nExits;
        }
    }
    const uint32_t n = eligible.size();

    C2Allocation result;
    result.execution = C2Allocation::BATCH;

    // Units per user for a batch of b (whole blocks in RB mode).
    auto share = [&](uint32_t b) {
        const double units = capacity / b;
        return problem.UsesResourceBlocks() ? std::floor(units) : units;
    };

    struct Interval
    {
        double u;      //!< upload end on the equal share
        double d;      //!< latest batch start for this user
        uint32_t user; //!< user index
    };

    // Feasibility of batch size b; on success 'chosen' holds the b users.
    auto test = [&](uint32_t b, std::vector<uint32_t>& chosen) {
        result.stats.nodes++;
        const double units = share(b);
        if (!(units > 0))
        {
            return false;
        }
        const double hz = problem.UnitsToHz(units);
        // Cbar_m(b): every one of the b tasks through blocks 1..m.
        std::vector<uint32_t> all(nExits, 0);
        all[nExits - 1] = b;
        const std::vector<double> cbar = problem.ExitOffsets(all);
        std::vector<Interval> iv;
        for (uint32_t k : eligible)
        {
            const C2User& u = users[k];
            const double up = rate.UploadTime(u.bits, hz, u.powerW, u.gain);
            const double d = u.deadlineS - cbar[exitOf[k] - 1];
            if (up <= d)
            {
                iv.push_back({up, d, k});
            }
        }
        if (iv.size() < b)
        {
            return false;
        }
        std::sort(iv.begin(), iv.end(), [](const Interval& x, const Interval& y) {
            return x.u < y.u || (x.u == y.u && x.user < y.user);
        });
        // Sweep the left ends; the heap holds the right ends of the
        // intervals that started, the earliest on top.
        using End = std::pair<double, uint32_t>; // (d, index into iv)
        std::priority_queue<End, std::vector<End>, std::greater<End>> open;
        for (uint32_t i = 0; i < iv.size(); ++i)
        {
            result.stats.candidates++;
            const double s = iv[i].u;
            open.emplace(iv[i].d, i);
            while (open.top().first < s)
            {
                open.pop();
            }
            if (open.size() >= b)
            {
                // Covering intervals: those in the heap. Keep the b with
                // the latest d (ties: smaller user index).
                std::vector<std::pair<double, uint32_t>> cover;
                while (!open.empty())
                {
                    const uint32_t idx = open.top().second;
                    cover.emplace_back(-iv[idx].d, iv[idx].user);
                    open.pop();
                }
                std::sort(cover.begin(), cover.end());
                chosen.clear();
                for (uint32_t c = 0; c < b; ++c)
                {
                    chosen.push_back(cover[c].second);
                }
                return true;
            }
        }
        return false;
    };

    // Invariant: b = lo is feasible (lo = 0 trivially), every b > hi is not.
    uint32_t lo = 0;
    uint32_t hi = n;
    std::vector<uint32_t> chosen;
    while (lo < hi)
    {
        const uint32_t mid = lo + (hi - lo + 1) / 2;
        if (test(mid, chosen))
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
        test(lo, chosen);
        std::sort(chosen.begin(), chosen.end());
        const double units = share(lo);
        const double hz = problem.UnitsToHz(units);
        double start = 0;
        for (uint32_t k : chosen)
        {
            C2ServedTask task;
            task.user = k;
            task.exit = exitOf[k];
            task.bandwidthHz = hz;
            task.resourceBlocks = problem.UsesResourceBlocks() ? static_cast<uint32_t>(units) : 0;
            result.served.push_back(task);
            const C2User& u = users[k];
            start = std::max(start, rate.UploadTime(u.bits, hz, u.powerW, u.gain));
        }
        result.uploadDeadlineS = start;
    }
    NS_LOG_DEBUG("served " << lo << " of " << problem.GetNUsers() << ", share "
                           << share(std::max(lo, 1u)) << " units");
    return result;
}

} // namespace ns3
