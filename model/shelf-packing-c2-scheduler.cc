/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "shelf-packing-c2-scheduler.h"

#include "edge-inference-tolerance.h"

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

namespace
{

/**
 * Best shelf packing of one problem: the eligible users by decreasing
 * deadline (ties: smaller index first), so that E_j, the users whose
 * deadline is at least T_j, is a prefix of that order that grows as T_j
 * decreases; and the users' need bounds for the lazy selection of the b
 * cheapest users of E_j.
 */
class ShelfSearch
{
  public:
    /// @param problem the problem
    explicit ShelfSearch(const C2Problem& problem)
        : m_problem(problem),
          m_users(problem.GetUsers())
    {
        for (uint32_t k = 0; k < problem.GetNUsers(); ++k)
        {
            if (problem.RequiredExit(k) != 0)
            {
                m_order.push_back(k);
                m_maxDeadline = std::max(m_maxDeadline, m_users[k].deadlineS);
            }
        }
        std::stable_sort(m_order.begin(), m_order.end(), [this](uint32_t a, uint32_t b) {
            return m_users[a].deadlineS > m_users[b].deadlineS;
        });
        // Lazy selection of the b cheapest users of E_j: t w_k(t) never
        // decreases as t shrinks, so with a_k = t0 w_k(t0) at the largest
        // possible t0, w_k(t) >= a_k / t for every shelf, the same factor
        // for all users. Users are visited in increasing a_k and the visit
        // stops once a_k / t exceeds the b-th smallest need found, so most
        // users' needs are never computed.
        const double t0 = m_maxDeadline - problem.FullNetworkTime(1);
        for (uint32_t k : m_order)
        {
            m_byBound.emplace_back(problem.BandwidthTimeProduct(k, t0), k);
        }
        std::sort(m_byBound.begin(), m_byBound.end());
    }

    /**
     * @return the largest batch size to try: no more than the eligible
     *         users, and C(b) must leave the latest deadline a batch start
     *         the problem allows (CanStartAt)
     */
    uint32_t LargestBatch() const
    {
        uint32_t hi = 0;
        while (hi < m_order.size() &&
               m_problem.CanStartAt(m_maxDeadline - m_problem.FullNetworkTime(hi + 1)))
        {
            ++hi;
        }
        return hi;
    }

    /**
     * @brief Best shelf of batch size b: the b users of least total need at
     * the shelf of some deadline T_j.
     * @param b batch size
     * @param firstOnly stop at the first feasible shelf (existence test)
     * @param chosen receives the users of the best shelf found
     * @param stats search statistics to update
     * @return false if no shelf of size b is feasible
     */
    bool BestShelf(uint32_t b, bool firstOnly, std::vector<uint32_t>& chosen, C2SearchStats& stats)
    {
        stats.candidates++;
        const double c = m_problem.FullNetworkTime(b);
        double bestTotal = std::numeric_limits<double>::infinity();
        bool found = false;
        uint32_t end = 0; // E_j = m_order[0, end)
        while (end < m_order.size())
        {
            // Extend E_j by all users sharing the next deadline T_j.
            const double deadline = m_users[m_order[end]].deadlineS;
            while (end < m_order.size() && m_users[m_order[end]].deadlineS == deadline)
            {
                ++end;
            }
            const double t = deadline - c;
            if (!m_problem.CanStartAt(t))
            {
                break; // deadlines only decrease from here
            }
            if (end < b)
            {
                continue;
            }
            stats.nodes++;
            const double total = CheapestTotal(b, deadline, t);
            if (total <= m_problem.Capacity() && total < bestTotal)
            {
                found = true;
                bestTotal = total;
                chosen.clear();
                for (uint32_t i = 0; i < b; ++i)
                {
                    chosen.push_back(m_cheapest[i].second);
                }
                if (firstOnly)
                {
                    break;
                }
            }
        }
        return found;
    }

  private:
    /**
     * @brief The b cheapest users of E_j at t (ties by user index), left
     * sorted in m_cheapest.
     * @param b how many
     * @param deadline T_j (E_j: the users due no earlier)
     * @param t the shelf T_j - C(b)
     * @return their total need, summed in ascending order (stops once over
     *         the capacity)
     */
    double CheapestTotal(uint32_t b, double deadline, double t)
    {
        const double scale = (1 - edgeinference::kRoundingMargin) / t;
        m_cheapest.clear(); // a max-heap while it fills
        for (const auto& [a, k] : m_byBound)
        {
            if (m_users[k].deadlineS < deadline)
            {
                continue; // not in E_j
            }
            if (m_cheapest.size() == b && a * scale > m_cheapest.front().first)
            {
                break; // every later user needs more than the b-th cheapest
            }
            const std::pair<double, uint32_t> entry(m_problem.Need(k, t), k);
            if (m_cheapest.size() < b)
            {
                m_cheapest.push_back(entry);
                std::push_heap(m_cheapest.begin(), m_cheapest.end());
            }
            else if (entry < m_cheapest.front())
            {
                std::pop_heap(m_cheapest.begin(), m_cheapest.end());
                m_cheapest.back() = entry;
                std::push_heap(m_cheapest.begin(), m_cheapest.end());
            }
        }
        std::sort(m_cheapest.begin(), m_cheapest.end());
        double total = 0;
        for (uint32_t i = 0; i < b && total <= m_problem.Capacity(); ++i)
        {
            total += m_cheapest[i].first;
        }
        return total;
    }

    const C2Problem& m_problem;                          //!< the problem
    const std::vector<C2User>& m_users;                  //!< its users
    std::vector<uint32_t> m_order;                       //!< eligible, by deadline
    double m_maxDeadline{0};                             //!< latest deadline (s)
    std::vector<std::pair<double, uint32_t>> m_byBound;  //!< (a_k, user), sorted
    std::vector<std::pair<double, uint32_t>> m_cheapest; //!< (need at t, user)
};

} // namespace

C2Allocation
ShelfPackingC2Scheduler::DoAllocate(const C2Problem& problem)
{
    NS_LOG_FUNCTION(this << problem.GetNUsers());
    C2Allocation result;
    result.execution = C2Allocation::BATCH;
    ShelfSearch search(problem);
    // Invariant: b = lo is feasible (lo = 0 trivially), every b > hi is not.
    uint32_t lo = 0;
    uint32_t hi = search.LargestBatch();
    std::vector<uint32_t> chosen;
    while (lo < hi)
    {
        const uint32_t mid = lo + (hi - lo + 1) / 2;
        if (search.BestShelf(mid, true, chosen, result.stats))
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
        search.BestShelf(lo, false, chosen, result.stats);
        std::sort(chosen.begin(), chosen.end());
        // Grant at the set's own shelf, t*(S) >= the candidate's t.
        double t = std::numeric_limits<double>::infinity();
        for (uint32_t k : chosen)
        {
            t = std::min(t, problem.GetUsers()[k].deadlineS);
        }
        t -= problem.FullNetworkTime(lo);
        result.uploadDeadlineS = t;
        for (uint32_t k : chosen)
        {
            result.served.push_back(MakeC2ServedTask(problem, k, problem.GetNExits(), t));
        }
    }
    NS_LOG_DEBUG("served " << lo << " of " << problem.GetNUsers()
                           << ", t* = " << result.uploadDeadlineS << " s");
    return result;
}

} // namespace ns3
