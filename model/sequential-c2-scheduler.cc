/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "sequential-c2-scheduler.h"

#include "edge-inference-tolerance.h"

#include "ns3/boolean.h"
#include "ns3/log.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>
#include <utility>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SequentialC2Scheduler");

NS_OBJECT_ENSURE_REGISTERED(SequentialC2Scheduler);

TypeId
SequentialC2Scheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::SequentialC2Scheduler")
            .SetParent<C2Scheduler>()
            .SetGroupName("EdgeInference")
            .AddConstructor<SequentialC2Scheduler>()
            .AddAttribute("EarlyExit",
                          "If true, each task runs only blocks 1..m_k (its required exit) "
                          "alone; if false, every task runs the whole network alone. The "
                          "early-exit variant is a heuristic, the plain one is optimal.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&SequentialC2Scheduler::m_earlyExit),
                          MakeBooleanChecker());
    return tid;
}

SequentialC2Scheduler::SequentialC2Scheduler()
    : m_earlyExit(false)
{
    NS_LOG_FUNCTION(this);
}

SequentialC2Scheduler::~SequentialC2Scheduler()
{
    NS_LOG_FUNCTION(this);
}

namespace
{

/// A task of the sequential schedule.
struct Job
{
    uint32_t user;   //!< user index
    double deadline; //!< T_k (s)
    double p;        //!< processing time alone (s)
};

/// EDF order; ties by processing time, then user, for determinism.
bool
EdfBefore(const Job& a, const Job& b)
{
    if (a.deadline != b.deadline)
    {
        return a.deadline < b.deadline;
    }
    if (a.p != b.p)
    {
        return a.p < b.p;
    }
    return a.user < b.user;
}

/**
 * Best upload deadline of jobs in EDF order: min_i (T_(i) - sum_{l<=i} p_(l)),
 * the prefix sums accumulated in order (as the evaluation does).
 */
double
Shelf(const std::vector<Job>& edf)
{
    double t = std::numeric_limits<double>::infinity();
    double sum = 0;
    for (const Job& j : edf)
    {
        sum += j.p;
        t = std::min(t, j.deadline - sum);
    }
    return t;
}

/**
 * Largest set of jobs that all finish by their deadlines when run in EDF
 * order from t, bandwidth ignored: the Moore-Hodgson algorithm (add jobs in
 * deadline order; when the last one is late, drop the longest so far).
 * @param edf the jobs in EDF order
 * @param t the start
 * @param set if not null, receives the set (in EDF order)
 * @return its size
 */
uint32_t
MaxOnTime(const std::vector<Job>& edf, double t, std::vector<Job>* set)
{
    std::priority_queue<std::pair<double, uint32_t>> longest; // (p, index into edf)
    double sum = 0;
    for (uint32_t i = 0; i < edf.size(); ++i)
    {
        const Job& j = edf[i];
        if (j.deadline - j.p < t)
        {
            continue;
        }
        if (j.deadline - (sum + j.p) >= t)
        {
            longest.emplace(j.p, i);
            sum += j.p;
        }
        else if (!longest.empty() && j.p < longest.top().first)
        {
            // Late: drop the longest job so far, which is not j.
            sum += j.p - longest.top().first;
            longest.pop();
            longest.emplace(j.p, i);
        }
        // else: late, and j itself is the longest: drop j.
    }
    const uint32_t count = longest.size();
    if (set)
    {
        std::vector<uint32_t> idx;
        while (!longest.empty())
        {
            idx.push_back(longest.top().second);
            longest.pop();
        }
        std::sort(idx.begin(), idx.end());
        set->clear();
        for (uint32_t i : idx)
        {
            set->push_back(edf[i]);
        }
    }
    return count;
}

/**
 * @brief The candidate upload deadlines of the search.
 *
 * T_j - Q_i, allowed as a start (C2Problem::CanStartAt), with Q_i the sum
 * of the i shortest processing times. With
 * unequal times also T_j - (p_j + sum of the i - 1 shortest jobs due no
 * later than j): job j last at position i behind the shortest jobs that EDF
 * may put before it.
 *
 * @param problem the problem (which starts it allows)
 * @param jobs the eligible users
 * @param edf the same in EDF order
 * @param maxLen the Moore-Hodgson count from the earliest start (no
 *        schedule holds more)
 * @return the candidates, sorted, without duplicates
 */
std::vector<double>
CandidateDeadlines(const C2Problem& problem,
                   const std::vector<Job>& jobs,
                   const std::vector<Job>& edf,
                   uint32_t maxLen)
{
    std::vector<double> shortest;
    for (const Job& j : jobs)
    {
        shortest.push_back(j.p);
    }
    std::sort(shortest.begin(), shortest.end());
    std::vector<double> cands;
    for (const Job& j : jobs)
    {
        double q = 0;
        for (uint32_t i = 0; i < maxLen; ++i)
        {
            q += shortest[i];
            const double t = j.deadline - q;
            if (!problem.CanStartAt(t))
            {
                break;
            }
            cands.push_back(t);
        }
    }
    if (shortest.front() != shortest.back())
    {
        std::vector<double> before; // the shortest times of earlier jobs, sorted
        for (const Job& j : edf)
        {
            double prefix = j.p;
            for (uint32_t i = 0;; ++i)
            {
                const double t = j.deadline - prefix;
                if (!problem.CanStartAt(t))
                {
                    break;
                }
                cands.push_back(t);
                if (i >= before.size() || i + 1 >= maxLen)
                {
                    break;
                }
                prefix += before[i];
            }
            before.insert(std::upper_bound(before.begin(), before.end(), j.p), j.p);
            if (before.size() > maxLen)
            {
                before.pop_back();
            }
        }
    }
    std::sort(cands.begin(), cands.end());
    cands.erase(std::unique(cands.begin(), cands.end()), cands.end());
    return cands;
}

/**
 * For a set in EDF order and an upload deadline t: the deadlines, the start
 * offsets P_(l-1) and the smallest slack T_(l) - P_(l) - t from l on. A job
 * (T, p) that EDF places before position l fits only if
 * p <= min(T - t - P_(l-1), slack from l on); compatibility only worsens as
 * the set grows, so a job failing it can be dropped before its need is
 * computed (Shelf() decides the others exactly).
 */
class EdfSlack
{
  public:
    /// @param t the upload deadline (s)
    explicit EdfSlack(double t)
        : m_t(t),
          m_startOff{0.0},
          m_slackFrom{std::numeric_limits<double>::infinity()}
    {
    }

    /// @param j a job @return false if it cannot join the set
    bool MayFit(const Job& j) const
    {
        const uint32_t l = std::upper_bound(m_dl.begin(), m_dl.end(), j.deadline) - m_dl.begin();
        const double room = std::min(j.deadline - m_t - m_startOff[l], m_slackFrom[l]);
        return j.p <= room * (1 + edgeinference::kRelativeTolerance) +
                          edgeinference::kAbsoluteTimeToleranceS;
    }

    /// @param set the set, in EDF order
    void Update(const std::vector<Job>& set)
    {
        const size_t m = set.size();
        m_dl.resize(m);
        m_startOff.resize(m + 1);
        m_slackFrom.resize(m + 1);
        for (size_t i = 0; i < m; ++i)
        {
            m_dl[i] = set[i].deadline;
            m_startOff[i + 1] = m_startOff[i] + set[i].p;
        }
        m_slackFrom[m] = std::numeric_limits<double>::infinity();
        for (size_t i = m; i-- > 0;)
        {
            m_slackFrom[i] = std::min(m_slackFrom[i + 1], m_dl[i] - m_startOff[i + 1] - m_t);
        }
    }

  private:
    double m_t;                      //!< upload deadline (s)
    std::vector<double> m_dl;        //!< deadlines in EDF order
    std::vector<double> m_startOff;  //!< start offsets P_(l-1)
    std::vector<double> m_slackFrom; //!< smallest slack from l on
};

/**
 * @param problem the problem
 * @param set jobs
 * @param t upload deadline (s)
 * @return whether their needs at t fit the capacity
 */
bool
FitsBandwidth(const C2Problem& problem, const std::vector<Job>& set, double t)
{
    double total = 0;
    for (const Job& j : set)
    {
        total += problem.Need(j.user, t);
        if (!(total <= problem.Capacity()))
        {
            return false;
        }
    }
    return true;
}

/**
 * @brief When bandwidth binds at t: add users in increasing need while the
 * set stays EDF-feasible, up to limit users.
 *
 * Lazy exact need order: byBound sorts users by a_k = t0 w_k(t0) at the
 * largest candidate t0; w_k(t) >= a_k / t for every candidate, the same
 * factor for all users, so a heap of exact needs is popped only when its top
 * is below the next user's bound.
 *
 * @param problem the problem
 * @param jobs the eligible users
 * @param byBound (a_k, index into jobs), sorted
 * @param t the upload deadline (s)
 * @param limit most jobs that can be on time after t
 * @param stats search statistics to update
 * @return the set, in EDF order
 */
std::vector<Job>
FillByNeed(const C2Problem& problem,
           const std::vector<Job>& jobs,
           const std::vector<std::pair<double, uint32_t>>& byBound,
           double t,
           uint32_t limit,
           C2SearchStats& stats)
{
    using Entry = std::pair<double, uint32_t>; // (need at t, index into jobs)
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap;
    std::vector<Job> chosen;
    std::vector<Job> trial;
    EdfSlack slack(t);
    double total = 0;
    uint32_t next = 0;
    const double scale = (1 - edgeinference::kRoundingMargin) / t;
    while (chosen.size() < limit)
    {
        while (next < jobs.size() &&
               (heap.empty() || heap.top().first > byBound[next].first * scale))
        {
            const Job& j = jobs[byBound[next].second];
            if (j.deadline - j.p >= t && slack.MayFit(j))
            {
                heap.emplace(problem.Need(j.user, t), byBound[next].second);
            }
            ++next;
        }
        if (heap.empty())
        {
            break;
        }
        const Entry e = heap.top();
        heap.pop();
        stats.candidates++;
        const Job& j = jobs[e.second];
        if (!slack.MayFit(j))
        {
            continue;
        }
        trial = chosen;
        trial.insert(std::upper_bound(trial.begin(), trial.end(), j, EdfBefore), j);
        if (!(Shelf(trial) >= t))
        {
            continue; // not EDF-feasible for t
        }
        if (!(total + e.first <= problem.Capacity()))
        {
            break; // every later user needs at least as much
        }
        total += e.first;
        chosen.swap(trial);
        slack.Update(chosen);
    }
    return chosen;
}

/**
 * The greedy over candidate upload deadlines (see the class description).
 * @param problem the problem
 * @param jobs the eligible users with their processing times
 * @param stats search statistics to update
 * @return the best set found, in EDF order
 */
std::vector<Job>
SearchSequential(const C2Problem& problem, const std::vector<Job>& jobs, C2SearchStats& stats)
{
    if (jobs.empty())
    {
        return {};
    }
    std::vector<Job> edf = jobs;
    std::sort(edf.begin(), edf.end(), EdfBefore);
    // No schedule holds more than the Moore-Hodgson count from the earliest
    // start the server allows.
    const uint32_t maxLen = MaxOnTime(edf, problem.GetServerFreeS(), nullptr);
    if (maxLen == 0)
    {
        return {};
    }
    const std::vector<double> cands = CandidateDeadlines(problem, jobs, edf, maxLen);
    if (cands.empty())
    {
        return {};
    }
    std::vector<std::pair<double, uint32_t>> byBound; // (a_k, index into jobs)
    for (uint32_t i = 0; i < jobs.size(); ++i)
    {
        byBound.emplace_back(problem.BandwidthTimeProduct(jobs[i].user, cands.back()), i);
    }
    std::sort(byBound.begin(), byBound.end());

    std::vector<Job> best;
    std::vector<Job> chosen;
    for (double t : cands)
    {
        // The most jobs that fit after t, bandwidth ignored; it only
        // decreases as t grows, so nothing after this candidate can win.
        const uint32_t limit = MaxOnTime(edf, t, &chosen);
        if (limit <= best.size())
        {
            break;
        }
        stats.nodes++;
        // Fast path: the largest on-time set fits the bandwidth.
        if (Shelf(chosen) >= t && FitsBandwidth(problem, chosen, t))
        {
            best = chosen;
            continue;
        }
        chosen = FillByNeed(problem, jobs, byBound, t, limit, stats);
        if (chosen.size() > best.size())
        {
            best = chosen;
        }
    }
    return best;
}

} // namespace

C2Allocation
SequentialC2Scheduler::DoAllocate(const C2Problem& problem)
{
    NS_LOG_FUNCTION(this << problem.GetNUsers());
    const uint32_t nExits = problem.GetNExits();
    const auto& users = problem.GetUsers();

    // Processing time alone through blocks 1..e, as the evaluation computes it.
    const auto alone = [&problem](uint32_t exit) { return problem.AloneTime(exit); };
    const double full = alone(nExits);

    std::vector<Job> plain;
    std::vector<Job> early;
    std::vector<uint32_t> exitOf(problem.GetNUsers(), nExits);
    for (uint32_t k = 0; k < problem.GetNUsers(); ++k)
    {
        const uint32_t m = problem.RequiredExit(k);
        if (m == 0)
        {
            continue;
        }
        plain.push_back({k, users[k].deadlineS, full});
        early.push_back({k, users[k].deadlineS, alone(m)});
        if (m_earlyExit)
        {
            exitOf[k] = m;
        }
    }

    C2Allocation result;
    result.execution = C2Allocation::SEQUENTIAL;
    std::vector<Job> set = SearchSequential(problem, plain, result.stats);
    if (m_earlyExit)
    {
        // The heuristic on the true times, or the plain optimum re-exited at
        // m_k (shorter tasks keep it feasible), whichever serves more.
        std::vector<Job> heuristic = SearchSequential(problem, early, result.stats);
        if (heuristic.size() >= set.size())
        {
            set = heuristic;
        }
        for (Job& j : set)
        {
            j.p = alone(exitOf[j.user]);
        }
        std::sort(set.begin(), set.end(), EdfBefore);
    }
    if (!set.empty())
    {
        const double t = Shelf(set);
        result.uploadDeadlineS = t;
        for (const Job& j : set)
        {
            result.served.push_back(MakeC2ServedTask(problem, j.user, exitOf[j.user], t));
        }
    }
    NS_LOG_DEBUG("served " << set.size() << " of " << problem.GetNUsers()
                           << ", t* = " << result.uploadDeadlineS << " s");
    return result;
}

} // namespace ns3
