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

namespace
{

/// A user's window for the batch start on an equal share.
struct Interval
{
    double u;      //!< upload end on the equal share (s)
    double d;      //!< latest batch start for this user (s)
    uint32_t user; //!< user index
};

/**
 * The equal-share search on one problem: for a batch size b, every user
 * gets Capacity() / b units (whole blocks in RB mode), so each user has a
 * window [upload end, deadline - compute time] for the batch start, and b
 * users fit if b windows share a point.
 */
class EqualShareSearch
{
  public:
    /**
     * @param problem the problem
     * @param earlyExit tasks leave at their required exit (else at exit N)
     */
    EqualShareSearch(const C2Problem& problem, bool earlyExit)
        : m_problem(problem),
          m_nExits(problem.GetNExits()),
          m_exitOf(problem.GetNUsers(), m_nExits)
    {
        for (uint32_t k = 0; k < problem.GetNUsers(); ++k)
        {
            const uint32_t m = problem.RequiredExit(k);
            if (m != 0)
            {
                m_eligible.push_back(k);
                m_exitOf[k] = earlyExit ? m : m_nExits;
            }
        }
    }

    /// @return the number of users some exit is accurate enough for
    uint32_t GetNEligible() const
    {
        return m_eligible.size();
    }

    /// @param b batch size @return units per user (whole blocks in RB mode)
    double Share(uint32_t b) const
    {
        const double units = m_problem.Capacity() / b;
        return m_problem.UsesResourceBlocks() ? std::floor(units) : units;
    }

    /**
     * @brief Feasibility of batch size b.
     * @param b batch size
     * @param chosen receives the b users on success
     * @param stats search statistics to update
     * @return whether b users fit
     */
    bool Fits(uint32_t b, std::vector<uint32_t>& chosen, C2SearchStats& stats) const
    {
        stats.nodes++;
        const double units = Share(b);
        if (!(units > 0))
        {
            return false;
        }
        std::vector<Interval> iv = Windows(b, m_problem.UnitsToHz(units));
        if (iv.size() < b)
        {
            return false;
        }
        return CommonPoint(iv, b, chosen, stats);
    }

    /**
     * @brief The allocation of the chosen users on the share of their
     * batch size.
     * @param chosen the users, sorted
     * @param result receives the served tasks and the upload deadline
     */
    void Grant(const std::vector<uint32_t>& chosen, C2Allocation& result) const
    {
        const double units = Share(chosen.size());
        const double hz = m_problem.UnitsToHz(units);
        double start = m_problem.GetServerFreeS();
        for (uint32_t k : chosen)
        {
            C2ServedTask task;
            task.user = k;
            task.exit = m_exitOf[k];
            task.bandwidthHz = hz;
            task.resourceBlocks = m_problem.UsesResourceBlocks() ? static_cast<uint32_t>(units) : 0;
            result.served.push_back(task);
            start = std::max(start, m_problem.UploadTime(k, hz));
        }
        result.uploadDeadlineS = start;
    }

  private:
    /**
     * @param b batch size
     * @param hz the share (Hz)
     * @return the windows [earliest, latest batch start] of the users whose
     *         upload ends (and the server is free) before their latest batch
     *         start, with Cbar_m(b) (all b tasks through blocks 1..m) as the
     *         compute time
     */
    std::vector<Interval> Windows(uint32_t b, double hz) const
    {
        std::vector<uint32_t> all(m_nExits, 0);
        all[m_nExits - 1] = b;
        const std::vector<double> cbar = m_problem.ExitOffsets(all);
        std::vector<Interval> iv;
        for (uint32_t k : m_eligible)
        {
            // The batch starts after the upload and once the server is free.
            const double up = std::max(m_problem.UploadTime(k, hz), m_problem.GetServerFreeS());
            const double d = m_problem.GetUsers()[k].deadlineS - cbar[m_exitOf[k] - 1];
            if (up <= d)
            {
                iv.push_back({up, d, k});
            }
        }
        return iv;
    }

    /**
     * @brief Sweeps the left ends; a heap holds the right ends of the
     * windows that started, the earliest on top; at the first point covered
     * by b windows, keeps the b with the latest right end (ties: smaller
     * user index).
     * @param iv the windows
     * @param b how many must share a point
     * @param chosen receives the users on success
     * @param stats search statistics to update
     * @return whether b windows share a point
     */
    static bool CommonPoint(std::vector<Interval>& iv,
                            uint32_t b,
                            std::vector<uint32_t>& chosen,
                            C2SearchStats& stats)
    {
        std::sort(iv.begin(), iv.end(), [](const Interval& x, const Interval& y) {
            return x.u < y.u || (x.u == y.u && x.user < y.user);
        });
        using End = std::pair<double, uint32_t>; // (d, index into iv)
        std::priority_queue<End, std::vector<End>, std::greater<End>> open;
        for (uint32_t i = 0; i < iv.size(); ++i)
        {
            stats.candidates++;
            open.emplace(iv[i].d, i);
            while (open.top().first < iv[i].u)
            {
                open.pop();
            }
            if (open.size() >= b)
            {
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
    }

    const C2Problem& m_problem;       //!< the problem
    const uint32_t m_nExits;          //!< N
    std::vector<uint32_t> m_eligible; //!< users some exit is accurate enough for
    std::vector<uint32_t> m_exitOf;   //!< exit of each user
};

} // namespace

C2Allocation
EqualBandwidthC2Scheduler::DoAllocate(const C2Problem& problem)
{
    NS_LOG_FUNCTION(this << problem.GetNUsers());
    C2Allocation result;
    result.execution = C2Allocation::BATCH;
    const EqualShareSearch search(problem, m_earlyExit);
    // Invariant: b = lo is feasible (lo = 0 trivially), every b > hi is not.
    uint32_t lo = 0;
    uint32_t hi = search.GetNEligible();
    std::vector<uint32_t> chosen;
    while (lo < hi)
    {
        const uint32_t mid = lo + (hi - lo + 1) / 2;
        if (search.Fits(mid, chosen, result.stats))
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
        search.Fits(lo, chosen, result.stats);
        std::sort(chosen.begin(), chosen.end());
        search.Grant(chosen, result);
    }
    NS_LOG_DEBUG("served " << lo << " of " << problem.GetNUsers() << ", share "
                           << search.Share(std::max(lo, 1u)) << " units");
    return result;
}

} // namespace ns3
