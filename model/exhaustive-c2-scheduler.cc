/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "exhaustive-c2-scheduler.h"

#include "edge-inference-error.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ExhaustiveC2Scheduler");

NS_OBJECT_ENSURE_REGISTERED(ExhaustiveC2Scheduler);

TypeId
ExhaustiveC2Scheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::ExhaustiveC2Scheduler")
            .SetParent<C2Scheduler>()
            .SetGroupName("EdgeInference")
            .AddConstructor<ExhaustiveC2Scheduler>()
            .AddAttribute("EarlyExit",
                          "If true, each task leaves the network at its required exit m_k "
                          "(batching + early exit); if false, every task runs the whole "
                          "network (exit N, batching only).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&ExhaustiveC2Scheduler::m_earlyExit),
                          MakeBooleanChecker())
            .AddAttribute("MaxUsers",
                          "Largest number of users K (all users of the frame, eligible or "
                          "not) the search accepts; the worst-case work grows as 2^K. A "
                          "larger frame is refused with an EdgeInferenceError.",
                          UintegerValue(20),
                          MakeUintegerAccessor(&ExhaustiveC2Scheduler::m_maxUsers),
                          MakeUintegerChecker<uint32_t>(1, 30))
            .AddAttribute("MaxBatches",
                          "Largest number of batches the served tasks may form in one frame, "
                          "run back to back on the server (1: the paper's single batch). Above "
                          "1 the search enumerates every ordered partition of every subset "
                          "into at most this many batches, and frames of more than 10 users "
                          "are refused.",
                          UintegerValue(1),
                          MakeUintegerAccessor(&ExhaustiveC2Scheduler::m_maxBatches),
                          MakeUintegerChecker<uint32_t>(1, 10));
    return tid;
}

ExhaustiveC2Scheduler::ExhaustiveC2Scheduler()
    : m_earlyExit(false),
      m_maxUsers(20),
      m_maxBatches(1)
{
    NS_LOG_FUNCTION(this);
}

ExhaustiveC2Scheduler::~ExhaustiveC2Scheduler()
{
    NS_LOG_FUNCTION(this);
}

namespace
{

/**
 * @brief The depth-first search over subsets of the candidates: each
 * candidate is first included, then excluded; a subset is explored further
 * only while it is feasible (feasibility is hereditary: removing a user
 * never makes a set infeasible).
 */
class ExhaustiveSearch
{
  public:
    /**
     * @brief Prepares the search.
     * @param problem the problem
     * @param earlyExit tasks leave at their required exit (else at exit N)
     * @param stats receives the counts of nodes and feasibility checks
     */
    ExhaustiveSearch(const C2Problem& problem, bool earlyExit, C2SearchStats& stats)
        : m_problem(problem),
          m_exitOf(problem.GetNUsers(), 0),
          m_counts(problem.GetNExits(), 0),
          m_stats(stats)
    {
        // Candidates: users some exit is accurate enough for, with their exit.
        for (uint32_t k = 0; k < problem.GetNUsers(); ++k)
        {
            const uint32_t m = problem.RequiredExit(k);
            if (m != 0)
            {
                m_cand.push_back(k);
                m_exitOf[k] = earlyExit ? m : problem.GetNExits();
            }
        }
    }

    /**
     * @brief Searches every subset.
     * @return the largest feasible set, of smallest total need among the
     *         largest, each user with its exit
     */
    std::vector<C2BatchMember> Run()
    {
        Visit(0);
        std::vector<C2BatchMember> chosen;
        for (uint32_t k : m_best)
        {
            chosen.push_back({k, m_exitOf[k]});
        }
        NS_LOG_DEBUG("served " << m_best.size() << " of " << m_problem.GetNUsers() << ", t* = "
                               << m_bestT << " s, total need " << m_bestNeed << " units");
        return chosen;
    }

  private:
    /**
     * @brief Feasibility of m_members (with m_counts): its shelf t is the
     * smallest deadline minus exit offset, and the needs at t must fit.
     * @param t receives the shelf (s) if feasible
     * @param need receives the total need at t (units) if feasible
     * @return true if the members fit
     */
    bool Feasible(double& t, double& need)
    {
        m_stats.candidates++;
        const auto& users = m_problem.GetUsers();
        const std::vector<double> offsets = m_problem.ExitOffsets(m_counts);
        t = std::numeric_limits<double>::infinity();
        for (uint32_t k : m_members)
        {
            t = std::min(t, users[k].deadlineS - offsets[m_exitOf[k] - 1]);
        }
        if (!m_problem.CanStartAt(t))
        {
            return false;
        }
        need = 0;
        for (uint32_t k : m_members)
        {
            need += m_problem.Need(k, t);
            if (!(need <= m_problem.Capacity()))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @brief Keeps the members if they beat the incumbent: strictly more
     * users, or as many with a strictly smaller need. The first set met
     * among equals is the lexicographically smallest (include-first order).
     */
    void Offer()
    {
        if (m_members.size() > m_best.size() ||
            (m_members.size() == m_best.size() && m_curNeed < m_bestNeed))
        {
            m_best = m_members;
            m_bestNeed = m_curNeed;
            m_bestT = m_curT;
        }
    }

    /**
     * @brief Decides the candidates from pos on; m_members is feasible here.
     * @param pos the next candidate to decide
     */
    void Visit(uint32_t pos)
    {
        m_stats.nodes++;
        if (m_members.size() + (m_cand.size() - pos) < m_best.size())
        {
            return; // cannot reach the incumbent's size
        }
        if (pos == m_cand.size())
        {
            Offer();
            return;
        }
        const uint32_t k = m_cand[pos];
        m_members.push_back(k);
        m_counts[m_exitOf[k] - 1]++;
        double t = 0;
        double need = 0;
        if (Feasible(t, need))
        {
            const double savedNeed = m_curNeed;
            const double savedT = m_curT;
            m_curNeed = need;
            m_curT = t;
            Visit(pos + 1);
            m_curNeed = savedNeed;
            m_curT = savedT;
        }
        m_members.pop_back();
        m_counts[m_exitOf[k] - 1]--;
        Visit(pos + 1);
    }

    const C2Problem& m_problem;      //!< the problem
    std::vector<uint32_t> m_cand;    //!< candidate users, in index order
    std::vector<uint32_t> m_exitOf;  //!< each user's exit (0: not a candidate)
    std::vector<uint32_t> m_members; //!< the set being explored
    std::vector<uint32_t> m_counts;  //!< its tasks per exit
    double m_curNeed{0};             //!< its total need at m_curT (units)
    double m_curT{0};                //!< its shelf (s)
    std::vector<uint32_t> m_best;    //!< the incumbent
    double m_bestNeed{std::numeric_limits<double>::infinity()}; //!< its total need (units)
    double m_bestT{0};                                          //!< its shelf (s)
    C2SearchStats& m_stats;                                     //!< the search's counters
};

/// Largest frame the search over batch chains accepts.
constexpr uint32_t kMaxChainUsers = 10;

/**
 * @brief The enumeration over batch chains: every subset of the candidates,
 * every partition of it into at most a given number of batches, and every
 * order of those batches, each timed by TimeBatchChain(). No pruning but
 * the size bound, so that it stays an obviously complete reference.
 */
class ExhaustiveChainSearch
{
  public:
    /**
     * @brief Prepares the search.
     * @param problem the problem
     * @param earlyExit tasks leave at their required exit (else at exit N)
     * @param maxBatches most batches in a chain, >= 1
     * @param stats receives the counts of nodes and chains timed
     */
    ExhaustiveChainSearch(const C2Problem& problem,
                          bool earlyExit,
                          uint32_t maxBatches,
                          C2SearchStats& stats)
        : m_problem(problem),
          m_maxBatches(maxBatches),
          m_stats(stats)
    {
        for (uint32_t k = 0; k < problem.GetNUsers(); ++k)
        {
            const uint32_t m = problem.RequiredExit(k);
            if (m != 0)
            {
                m_cand.push_back({k, earlyExit ? m : problem.GetNExits()});
            }
        }
    }

    /**
     * @brief Searches every chain.
     * @return the chain serving the most users, of smallest total need among
     *         those; the first met among equals
     */
    std::vector<std::vector<C2BatchMember>> Run()
    {
        Assign(0);
        return m_best;
    }

  private:
    /**
     * @brief Places candidate pos and the following ones: in each existing
     * batch, in a new batch, or nowhere.
     * @param pos the next candidate to place
     */
    void Assign(uint32_t pos)
    {
        m_stats.nodes++;
        if (m_served + (m_cand.size() - pos) < m_bestServed)
        {
            return; // cannot reach the incumbent's size
        }
        if (pos == m_cand.size())
        {
            OfferEveryOrder();
            return;
        }
        for (std::size_t b = 0; b <= m_blocks.size() && b < m_maxBatches; ++b)
        {
            if (b == m_blocks.size())
            {
                m_blocks.emplace_back();
            }
            m_blocks[b].push_back(m_cand[pos]);
            ++m_served;
            Assign(pos + 1);
            --m_served;
            m_blocks[b].pop_back();
            if (m_blocks[b].empty())
            {
                m_blocks.pop_back();
            }
        }
        Assign(pos + 1);
    }

    /// Times the current partition in every order of its batches.
    void OfferEveryOrder()
    {
        std::vector<std::size_t> order(m_blocks.size());
        std::iota(order.begin(), order.end(), 0);
        do
        {
            std::vector<std::vector<C2BatchMember>> chain;
            for (std::size_t b : order)
            {
                chain.push_back(m_blocks[b]);
            }
            m_stats.candidates++;
            const C2ChainTiming timing = TimeBatchChain(m_problem, chain);
            if (timing.feasible && (m_served > m_bestServed ||
                                    (m_served == m_bestServed && timing.totalNeed < m_bestNeed)))
            {
                m_best = chain;
                m_bestServed = m_served;
                m_bestNeed = timing.totalNeed;
            }
        } while (std::next_permutation(order.begin(), order.end()));
    }

    const C2Problem& m_problem;                                 //!< the problem
    uint32_t m_maxBatches;                                      //!< most batches in a chain
    std::vector<C2BatchMember> m_cand;                          //!< candidates with their exits
    std::vector<std::vector<C2BatchMember>> m_blocks;           //!< the partition being built
    uint32_t m_served{0};                                       //!< users in m_blocks
    std::vector<std::vector<C2BatchMember>> m_best;             //!< the incumbent chain
    uint32_t m_bestServed{0};                                   //!< its users
    double m_bestNeed{std::numeric_limits<double>::infinity()}; //!< its total need (units)
    C2SearchStats& m_stats;                                     //!< the search's counters
};

} // namespace

C2Allocation
ExhaustiveC2Scheduler::DoAllocate(const C2Problem& problem)
{
    NS_LOG_FUNCTION(this << problem.GetNUsers());
    const uint32_t nUsers = problem.GetNUsers();
    if (nUsers > m_maxUsers)
    {
        std::ostringstream os;
        os << "ExhaustiveC2Scheduler: K = " << nUsers << " users exceeds the limit of "
           << m_maxUsers << " (attribute MaxUsers, at most 30; the search visits up to 2^K "
           << "subsets); use ns3::TreeSearchC2Scheduler (exact, batching + early exit) or "
           << "ns3::ShelfPackingC2Scheduler (exact, batching only) for larger frames";
        throw EdgeInferenceError(os.str());
    }
    C2Allocation result;
    result.execution = C2Allocation::BATCH;
    if (m_maxBatches > 1)
    {
        return AllocateChain(problem);
    }
    ExhaustiveSearch search(problem, m_earlyExit, result.stats);
    // The served set's allocation: its shelf and every need at it.
    const C2OneBatchResult batch = MakeOneBatchAllocation(problem, search.Run());
    NS_ASSERT_MSG(batch.feasible, "the search's best set is infeasible: " << batch.reason);
    result.served = batch.allocation.served;
    result.uploadDeadlineS = batch.allocation.uploadDeadlineS;
    return result;
}

C2Allocation
ExhaustiveC2Scheduler::AllocateChain(const C2Problem& problem) const
{
    if (problem.GetNUsers() > kMaxChainUsers)
    {
        std::ostringstream os;
        os << "ExhaustiveC2Scheduler: K = " << problem.GetNUsers() << " users exceeds the limit of "
           << kMaxChainUsers << " for MaxBatches = " << m_maxBatches
           << " (the search times every ordered partition of every subset); use "
           << "ns3::MultiBatchC2Scheduler for larger frames";
        throw EdgeInferenceError(os.str());
    }
    C2Allocation result;
    ExhaustiveChainSearch search(problem, m_earlyExit, m_maxBatches, result.stats);
    const C2OneBatchResult chain = MakeBatchChainAllocation(problem, search.Run());
    NS_ASSERT_MSG(chain.feasible, "the search's best chain is infeasible: " << chain.reason);
    result.served = chain.allocation.served;
    result.uploadDeadlineS = chain.allocation.uploadDeadlineS;
    return result;
}

} // namespace ns3
