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

#include <functional>
#include <limits>
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
                          MakeUintegerChecker<uint32_t>(1, 30));
    return tid;
}

ExhaustiveC2Scheduler::ExhaustiveC2Scheduler()
    : m_earlyExit(false),
      m_maxUsers(20)
{
    NS_LOG_FUNCTION(this);
}

ExhaustiveC2Scheduler::~ExhaustiveC2Scheduler()
{
    NS_LOG_FUNCTION(this);
}

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
    const uint32_t nExits = problem.GetNExits();
    const auto& users = problem.GetUsers();
    const double capacity = problem.Capacity();

    // Candidates: users some exit is accurate enough for, with their exit.
    std::vector<uint32_t> cand;
    std::vector<uint32_t> exitOf(nUsers, 0);
    for (uint32_t k = 0; k < nUsers; ++k)
    {
        const uint32_t m = problem.RequiredExit(k);
        if (m != 0)
        {
            cand.push_back(k);
            exitOf[k] = m_earlyExit ? m : nExits;
        }
    }
    const uint32_t n = cand.size();

    C2Allocation result;
    result.execution = C2Allocation::BATCH;

    std::vector<uint32_t> members;
    std::vector<uint32_t> counts(nExits, 0);
    std::vector<uint32_t> best;
    double bestNeed = std::numeric_limits<double>::infinity();
    double bestT = 0;
    uint32_t bestSize = 0;
    double curNeed = 0; // total need of 'members' at curT
    double curT = 0;    // t*(members)

    // Feasibility of 'members' (with 'counts'); on success sets t and need.
    auto feasible = [&](double& t, double& need) {
        result.stats.candidates++;
        const std::vector<double> offsets = problem.ExitOffsets(counts);
        t = std::numeric_limits<double>::infinity();
        for (uint32_t k : members)
        {
            t = std::min(t, users[k].deadlineS - offsets[exitOf[k] - 1]);
        }
        if (!(t > 0))
        {
            return false;
        }
        need = 0;
        for (uint32_t k : members)
        {
            need += problem.Need(k, t);
            if (!(need <= capacity))
            {
                return false;
            }
        }
        return true;
    };

    // 'members' is feasible here; pos is the next candidate to decide.
    std::function<void(uint32_t)> visit = [&](uint32_t pos) {
        result.stats.nodes++;
        if (members.size() + (n - pos) < bestSize)
        {
            return; // cannot reach the incumbent's size
        }
        if (pos == n)
        {
            // Strict improvement only: the first set met among equals is the
            // lexicographically smallest (include-first order).
            if (members.size() > bestSize || (members.size() == bestSize && curNeed < bestNeed))
            {
                best = members;
                bestSize = members.size();
                bestNeed = curNeed;
                bestT = curT;
            }
            return;
        }
        const uint32_t k = cand[pos];
        members.push_back(k);
        counts[exitOf[k] - 1]++;
        double t = 0;
        double need = 0;
        if (feasible(t, need))
        {
            const double savedNeed = curNeed;
            const double savedT = curT;
            curNeed = need;
            curT = t;
            visit(pos + 1);
            curNeed = savedNeed;
            curT = savedT;
        }
        members.pop_back();
        counts[exitOf[k] - 1]--;
        visit(pos + 1);
    };
    visit(0);

    // The served set's allocation: its shelf bestT and every need at it.
    std::vector<C2BatchMember> chosen;
    for (uint32_t k : best)
    {
        chosen.push_back({k, exitOf[k]});
    }
    const C2OneBatchResult batch = MakeOneBatchAllocation(problem, chosen);
    NS_ASSERT_MSG(batch.feasible, "the search's best set is infeasible: " << batch.reason);
    result.served = batch.allocation.served;
    result.uploadDeadlineS = batch.allocation.uploadDeadlineS;
    NS_LOG_DEBUG("served " << bestSize << " of " << nUsers << ", t* = " << bestT
                           << " s, total need " << bestNeed << " units");
    return result;
}

} // namespace ns3
