/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "greedy-early-exit-c2-scheduler.h"

#include "edge-inference-tolerance.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("GreedyEarlyExitC2Scheduler");

NS_OBJECT_ENSURE_REGISTERED(GreedyEarlyExitC2Scheduler);

namespace
{

/**
 * A set of candidate users under construction at a fixed upload deadline,
 * with the exact early-exit offsets maintained from the per-exit counts.
 * Candidates are identified by their position i in the selector's
 * candidate list.
 */
class ExactFiller
{
  public:
    ExactFiller(const C2Problem& problem, const std::vector<uint32_t>& users, bool ordered)
        : m_problem(problem),
          m_users(users),
          m_ordered(ordered),
          m_nExits(problem.GetNExits()),
          m_capacity(problem.Capacity()),
          m_fills(0)
    {
        // tau_n(b) for every batch size the set can reach, looked up in
        // the inner loops (affine fit or table, as the problem says).
        m_tau.resize(m_nExits);
        for (uint32_t n = 1; n <= m_nExits; ++n)
        {
            for (uint32_t b = 0; b <= users.size(); ++b)
            {
                m_tau[n - 1].push_back(problem.BlockTime(n, b));
            }
        }
        for (uint32_t k : users)
        {
            m_exit.push_back(problem.RequiredExit(k));
            m_deadline.push_back(problem.GetUsers()[k].deadlineS);
        }
        m_in.assign(users.size(), 0);
        Clear();
    }

    /// Empties the set.
    void Clear()
    {
        for (uint32_t i : m_members)
        {
            m_in[i] = 0;
        }
        m_members.clear();
        m_counts.assign(m_nExits, 0);
        m_through.assign(m_nExits, 0);
        m_minT.assign(m_nExits, std::numeric_limits<double>::infinity());
        m_used = 0;
        m_t = 0;
    }

    /// @return tau_n(b), C2Problem::BlockTime's value
    double Tau(uint32_t n, uint32_t b) const
    {
        return m_tau[n - 1][b];
    }

    /**
     * @return true if, with candidate i added, every member (and i) still
     * meets its deadline with upload deadline t under the exact offsets
     */
    bool DeadlinesHold(uint32_t i, double t) const
    {
        const uint32_t m = m_exit[i];
        double acc = 0;
        for (uint32_t n = 1; n <= m_nExits; ++n)
        {
            acc += Tau(n, m_through[n - 1] + (n <= m ? 1 : 0));
            double tMin = m_minT[n - 1];
            if (n == m)
            {
                tMin = std::min(tMin, m_deadline[i]);
            }
            if (tMin - acc < t)
            {
                return false;
            }
        }
        return true;
    }

    /// Adds candidate i whose need at the current t is need.
    void Add(uint32_t i, double need)
    {
        const uint32_t m = m_exit[i];
        m_counts[m - 1]++;
        for (uint32_t n = 1; n <= m; ++n)
        {
            m_through[n - 1]++;
        }
        m_minT[m - 1] = std::min(m_minT[m - 1], m_deadline[i]);
        m_used += need;
        m_members.push_back(i);
        m_in[i] = 1;
    }

    /// @return the shelf t*(S) of the set under the exact offsets (+inf if empty)
    double Shelf() const
    {
        double acc = 0;
        double shelf = std::numeric_limits<double>::infinity();
        for (uint32_t n = 1; n <= m_nExits; ++n)
        {
            acc += Tau(n, m_through[n - 1]);
            if (m_counts[n - 1] > 0)
            {
                shelf = std::min(shelf, m_minT[n - 1] - acc);
            }
        }
        return shelf;
    }

    /// Loads a set known to be feasible at t (total need at t within capacity).
    void Load(const std::vector<uint32_t>& members, double t)
    {
        Clear();
        m_t = t;
        for (uint32_t i : members)
        {
            Add(i, m_problem.Need(m_users[i], t));
        }
    }

    /**
     * One scan at the current t over the users in increasing need, keeping
     * each user that fits (deadlines and bandwidth).
     * @return number of users added
     */
    uint32_t Fill()
    {
        ++m_fills;
        uint32_t added = 0;
        const double t = m_t;
        if (m_ordered)
        {
            for (uint32_t i = 0; i < m_users.size(); ++i)
            {
                if (m_in[i] || !DeadlinesHold(i, t))
                {
                    continue;
                }
                const double need = m_problem.Need(m_users[i], t);
                if (!(m_used + need <= m_capacity))
                {
                    // Every later user needs at least as much.
                    break;
                }
                Add(i, need);
                ++added;
            }
            return added;
        }
        m_order.clear();
        for (uint32_t i = 0; i < m_users.size(); ++i)
        {
            if (!m_in[i])
            {
                m_order.emplace_back(m_problem.Need(m_users[i], t), i);
            }
        }
        std::sort(m_order.begin(), m_order.end());
        for (const auto& [need, i] : m_order)
        {
            if (!DeadlinesHold(i, t))
            {
                continue;
            }
            if (!(m_used + need <= m_capacity))
            {
                break;
            }
            Add(i, need);
            ++added;
        }
        return added;
    }

    /**
     * Alternates filling at t and re-shelving (moving t up to the set's own
     * shelf, where every need is smaller), until neither changes the set.
     * The first fill happens at the t given: the candidate deadline was
     * chosen for the set it should grow into, so moving up first would
     * shut the intended users out.
     */
    void FillToFixpoint()
    {
        while (true)
        {
            Fill();
            const double shelf = Shelf();
            if (!(shelf > m_t))
            {
                break;
            }
            double used = 0;
            for (uint32_t i : m_members)
            {
                used += m_problem.Need(m_users[i], shelf);
            }
            // Needs cannot grow with t; the check guards against rounding.
            if (!(used <= m_capacity))
            {
                break;
            }
            m_t = shelf;
            m_used = used;
        }
    }

    /// @return the members (candidate positions)
    const std::vector<uint32_t>& Members() const
    {
        return m_members;
    }

    /// @return the upload deadline the needs are computed at (s)
    double T() const
    {
        return m_t;
    }

    /// @return number of scans made
    uint64_t Fills() const
    {
        return m_fills;
    }

  private:
    const C2Problem& m_problem;                       //!< the problem
    const std::vector<uint32_t>& m_users;             //!< problem index of each candidate
    bool m_ordered;                                   //!< need order independent of t
    uint32_t m_nExits;                                //!< N
    double m_capacity;                                //!< Capacity() (units)
    std::vector<std::vector<double>> m_tau;           //!< [n-1][b]: tau_n(b) (s)
    std::vector<uint32_t> m_exit;                     //!< m_k per candidate
    std::vector<double> m_deadline;                   //!< T_k per candidate
    std::vector<char> m_in;                           //!< 1 if the candidate is a member
    std::vector<uint32_t> m_members;                  //!< members (candidate positions)
    std::vector<uint32_t> m_counts;                   //!< c_m
    std::vector<uint32_t> m_through;                  //!< b_n
    std::vector<double> m_minT;                       //!< earliest member deadline per exit
    double m_used;                                    //!< total need at m_t (units)
    double m_t;                                       //!< the upload deadline (s)
    uint64_t m_fills;                                 //!< scans made
    std::vector<std::pair<double, uint32_t>> m_order; //!< (need, candidate), general mode
};

/**
 * The three stages of GreedyEarlyExitC2Scheduler on one problem, with the
 * state they share: the candidates (by position i in the selector's list),
 * the current members and upload deadline, and the per-exit counts of the
 * local search.
 */
class GreedySearch
{
  public:
    /// @param selector the problem's shelf selector
    explicit GreedySearch(C2ShelfSelector& selector)
        : m_selector(selector),
          m_problem(selector.GetProblem()),
          m_cand(selector.GetCandidates()),
          m_nExits(m_problem.GetNExits()),
          m_local(m_problem.GetNUsers(), -1),
          m_offsets(m_nExits, 0.0),
          m_classes(m_nExits),
          m_counts(m_nExits, 0),
          m_filler(m_problem, m_cand, selector.IsOrdered()),
          m_selectsBefore(selector.GetSelectCalls())
    {
        for (uint32_t i = 0; i < m_cand.size(); ++i)
        {
            m_local[m_cand[i]] = i;
        }
    }

    /**
     * @brief Stage 1: conservative offsets U_m(b) = sum_{n <= m} tau_n(b),
     * exact selection per b. Feasibility under U is monotone in b (U grows
     * with b), so a binary search finds the largest b: lo feasible, hi not.
     */
    void ConservativeStage()
    {
        std::vector<C2ShelfSelector::Group> pool{{1, m_nExits, 0}};
        C2ShelfSelector::Selection best; // the empty set for b = 0
        uint32_t lo = 0;
        uint32_t hi = m_cand.size() + 1;
        while (hi - lo > 1)
        {
            const uint32_t mid = lo + (hi - lo) / 2;
            double acc = 0;
            for (uint32_t n = 1; n <= m_nExits; ++n)
            {
                acc += m_problem.BlockTime(n, mid);
                m_offsets[n - 1] = acc;
            }
            pool[0].quota = mid;
            if (m_selector.Select(pool, m_offsets, &m_sel))
            {
                lo = mid;
                best = m_sel;
            }
            else
            {
                hi = mid;
            }
        }
        NS_LOG_DEBUG("conservative stage: " << best.users.size()
                                            << " users at t = " << best.shelfS);
        m_members.clear();
        for (uint32_t k : best.users)
        {
            m_members.push_back(m_local[k]);
        }
        m_filler.Load(m_members, best.shelfS);
        m_conservativeShelfS = best.shelfS;
    }

    /**
     * @brief Stage 2 under the exact offsets: grow the set in need order
     * (or, conservative, only grant at the set's own shelf).
     * @param conservative keep the stage-1 set
     */
    void ExactStage(bool conservative)
    {
        if (conservative)
        {
            // Grant at the set's own shelf under the exact offsets (smaller needs).
            const double shelf = m_filler.Shelf();
            if (!m_members.empty() && shelf > m_conservativeShelfS)
            {
                double used = 0;
                for (uint32_t i : m_members)
                {
                    used += m_problem.Need(m_cand[i], shelf);
                }
                if (used <= m_problem.Capacity())
                {
                    m_filler.Load(m_members, shelf);
                }
            }
        }
        else
        {
            m_filler.FillToFixpoint();
            m_members = m_filler.Members();
        }
        m_bestT = m_filler.T();
        for (uint32_t i : m_members)
        {
            m_counts[m_problem.RequiredExit(m_cand[i]) - 1]++;
        }
    }

    /**
     * @brief Stage 3: local search over the per-exit counts c; each count
     * vector is decided exactly by the selector with the exact offsets
     * C_m(c).
     * @param maxPlateauMoves most moves that keep the size
     * @return plateau moves made
     */
    uint32_t LocalSearch(uint32_t maxPlateauMoves)
    {
        uint32_t plateau = 0;
        while (true)
        {
            if (TryAddOne() || TryTwoForOne())
            {
                Accept();
                continue;
            }
            if (plateau >= maxPlateauMoves || m_members.empty() || !TryPlateauMove())
            {
                return plateau;
            }
            Accept();
            ++plateau;
        }
    }

    /**
     * @brief The allocation of the final members.
     * @param result filled: served tasks, upload deadline, search effort
     */
    void Finish(C2Allocation& result)
    {
        result.stats.candidates = m_selector.GetSelectCalls() - m_selectsBefore;
        result.stats.nodes = result.stats.candidates + m_filler.Fills();
        result.uploadDeadlineS = m_members.empty() ? 0 : m_bestT;
        std::sort(m_members.begin(), m_members.end(), [this](uint32_t a, uint32_t b) {
            return m_cand[a] < m_cand[b];
        });
        for (uint32_t i : m_members)
        {
            result.served.push_back(
                MakeC2ServedTask(m_problem, m_cand[i], m_problem.RequiredExit(m_cand[i]), m_bestT));
        }
    }

  private:
    /**
     * @brief Decides the current counts.
     * @param minimizeCost find the least total need instead of any fit
     * @return whether they fit; m_sel then holds the users
     */
    bool CountsFit(bool minimizeCost)
    {
        uint32_t through = 0;
        for (uint32_t n = m_nExits; n >= 1; --n)
        {
            if (m_counts[n - 1] > m_selector.GetClassSize(n))
            {
                return false;
            }
            m_classes[n - 1] = {n, n, m_counts[n - 1]};
            through += m_counts[n - 1];
            m_offsets[n - 1] = m_problem.BlockTime(n, through); // tau_n(b_n) for now
        }
        for (uint32_t n = 2; n <= m_nExits; ++n)
        {
            m_offsets[n - 1] += m_offsets[n - 2];
        }
        return m_selector.Select(m_classes, m_offsets, &m_sel, minimizeCost);
    }

    /// The users in m_sel become the members.
    void Accept()
    {
        m_members.clear();
        for (uint32_t k : m_sel.users)
        {
            m_members.push_back(m_local[k]);
        }
        m_bestT = m_sel.shelfS;
    }

    /**
     * @brief Moves one user from exit index from to exit index to (either
     * may be m_nExits: none).
     * @param from exit index losing a user
     * @param to exit index gaining one
     */
    void Shift(uint32_t from, uint32_t to)
    {
        if (from < m_nExits)
        {
            m_counts[from]--;
        }
        if (to < m_nExits)
        {
            m_counts[to]++;
        }
    }

    /// @return whether one more user, in any exit, fits (counts kept if so)
    bool TryAddOne()
    {
        for (uint32_t m = 0; m < m_nExits; ++m)
        {
            Shift(m_nExits, m);
            if (CountsFit(false))
            {
                return true;
            }
            Shift(m, m_nExits);
        }
        return false;
    }

    /// @return whether two users in exits x <= y fit for one in exit a
    bool TryTwoForOne()
    {
        for (uint32_t a = 0; a < m_nExits; ++a)
        {
            for (uint32_t x = 0; x < m_nExits && m_counts[a] > 0; ++x)
            {
                for (uint32_t y = x; y < m_nExits; ++y)
                {
                    if (x == a || y == a)
                    {
                        continue; // covered by TryAddOne
                    }
                    Shift(a, x);
                    Shift(m_nExits, y);
                    if (CountsFit(false))
                    {
                        return true;
                    }
                    Shift(y, m_nExits);
                    Shift(x, a);
                }
            }
        }
        return false;
    }

    /**
     * @brief Plateau move: one user to another exit, if that lowers the
     * smallest total need over all shelves (more room for the other moves).
     * @return whether a move was made (m_sel then holds its users)
     */
    bool TryPlateauMove()
    {
        CountsFit(true);
        double bestCost = m_sel.costUnits * (1 - edgeinference::kRelativeTolerance);
        C2ShelfSelector::Selection bestSel;
        uint32_t bestFrom = m_nExits;
        uint32_t bestTo = m_nExits;
        for (uint32_t a = 0; a < m_nExits; ++a)
        {
            for (uint32_t x = 0; x < m_nExits && m_counts[a] > 0; ++x)
            {
                if (x == a)
                {
                    continue;
                }
                Shift(a, x);
                if (CountsFit(true) && m_sel.costUnits < bestCost)
                {
                    bestCost = m_sel.costUnits;
                    bestSel = m_sel;
                    bestFrom = a;
                    bestTo = x;
                }
                Shift(x, a);
            }
        }
        if (bestFrom == m_nExits)
        {
            return false;
        }
        Shift(bestFrom, bestTo);
        m_sel = bestSel;
        return true;
    }

    C2ShelfSelector& m_selector;                   //!< decides count vectors
    const C2Problem& m_problem;                    //!< the problem
    const std::vector<uint32_t>& m_cand;           //!< candidate users
    const uint32_t m_nExits;                       //!< N
    std::vector<int64_t> m_local;                  //!< user -> candidate position
    std::vector<double> m_offsets;                 //!< compute offsets per exit
    std::vector<C2ShelfSelector::Group> m_classes; //!< one group per exit
    std::vector<uint32_t> m_counts;                //!< users per exit
    ExactFiller m_filler;                          //!< stage 2
    C2ShelfSelector::Selection m_sel;              //!< the selector's last answer
    std::vector<uint32_t> m_members;               //!< current set (positions)
    double m_bestT{0};                             //!< its upload deadline (s)
    double m_conservativeShelfS{0};                //!< stage 1's shelf (s)
    const uint64_t m_selectsBefore;                //!< selector calls before the run
};

} // namespace

TypeId
GreedyEarlyExitC2Scheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::GreedyEarlyExitC2Scheduler")
            .SetParent<C2Scheduler>()
            .SetGroupName("EdgeInference")
            .AddConstructor<GreedyEarlyExitC2Scheduler>()
            .AddAttribute("Conservative",
                          "If true, stop after the conservative stage: every compute offset is "
                          "bounded by assuming all b tasks of the batch traverse each block up to "
                          "their exit, sum_{n <= m} tau_n(b) (seconds). If false (default), the "
                          "set is then grown with the exact early-exit offsets (fill and local "
                          "search over the per-exit counts).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&GreedyEarlyExitC2Scheduler::m_conservative),
                          MakeBooleanChecker())
            .AddAttribute("PlateauMoves",
                          "Largest number of plateau moves of the local search per allocation "
                          "(count): moving one task of the per-exit counts to another exit when "
                          "that lowers the smallest total bandwidth need over all upload "
                          "deadlines (Hz, or resource blocks) at the same batch size. 0 disables "
                          "them: faster, slightly larger gap to the optimum.",
                          UintegerValue(8),
                          MakeUintegerAccessor(&GreedyEarlyExitC2Scheduler::m_plateauMoves),
                          MakeUintegerChecker<uint32_t>());
    return tid;
}

GreedyEarlyExitC2Scheduler::GreedyEarlyExitC2Scheduler()
    : m_conservative(false),
      m_plateauMoves(8)
{
    NS_LOG_FUNCTION(this);
}

GreedyEarlyExitC2Scheduler::~GreedyEarlyExitC2Scheduler()
{
    NS_LOG_FUNCTION(this);
}

C2Allocation
GreedyEarlyExitC2Scheduler::DoAllocate(const C2Problem& problem)
{
    NS_LOG_FUNCTION(this << problem.GetNUsers());
    C2ShelfSelector selector(problem);
    return Solve(selector);
}

C2Allocation
GreedyEarlyExitC2Scheduler::Solve(C2ShelfSelector& selector) const
{
    C2Allocation result;
    result.execution = C2Allocation::BATCH;
    if (selector.GetCandidates().empty())
    {
        return result;
    }
    GreedySearch search(selector);
    search.ConservativeStage();
    search.ExactStage(m_conservative);
    const uint32_t plateauMoves = m_conservative ? 0 : search.LocalSearch(m_plateauMoves);
    search.Finish(result);
    NS_LOG_DEBUG("served " << result.served.size() << " at t = " << result.uploadDeadlineS
                           << " after " << plateauMoves << " plateau moves");
    return result;
}

} // namespace ns3
