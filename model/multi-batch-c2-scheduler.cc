/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "multi-batch-c2-scheduler.h"

#include "tree-search-c2-scheduler.h"

#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MultiBatchC2Scheduler");

NS_OBJECT_ENSURE_REGISTERED(MultiBatchC2Scheduler);

TypeId
MultiBatchC2Scheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MultiBatchC2Scheduler")
            .SetParent<C2Scheduler>()
            .SetGroupName("EdgeInference")
            .AddConstructor<MultiBatchC2Scheduler>()
            .AddAttribute("MaxBatches",
                          "Largest number of batches the served tasks may form in one frame, "
                          "run back to back on the server (1: TreeSearch's single batch).",
                          UintegerValue(3),
                          MakeUintegerAccessor(&MultiBatchC2Scheduler::m_maxBatches),
                          MakeUintegerChecker<uint32_t>(1, 16));
    return tid;
}

MultiBatchC2Scheduler::MultiBatchC2Scheduler()
    : m_maxBatches(3),
      m_single(CreateObject<TreeSearchC2Scheduler>())
{
    NS_LOG_FUNCTION(this);
}

MultiBatchC2Scheduler::~MultiBatchC2Scheduler()
{
    NS_LOG_FUNCTION(this);
}

void
MultiBatchC2Scheduler::DoDispose()
{
    m_single = nullptr;
    C2Scheduler::DoDispose();
}

namespace
{

/**
 * @param problem the problem
 * @param chain a chain of admissible members
 * @return its total need if it is feasible, else infinity
 */
double
FeasibleNeed(const C2Problem& problem, const std::vector<std::vector<C2BatchMember>>& chain)
{
    const C2ChainTiming timing = TimeBatchChain(problem, chain);
    return timing.feasible ? timing.totalNeed : std::numeric_limits<double>::infinity();
}

/**
 * @param members users sorted by deadline
 * @param splits the indices where a new group starts, increasing, each in
 *        1..members.size()-1
 * @return the contiguous groups as a chain
 */
std::vector<std::vector<C2BatchMember>>
SplitAt(const std::vector<C2BatchMember>& members, const std::vector<std::size_t>& splits)
{
    std::vector<std::vector<C2BatchMember>> chain(1);
    std::size_t next = 0;
    for (std::size_t i = 0; i < members.size(); ++i)
    {
        if (next < splits.size() && splits[next] == i)
        {
            chain.emplace_back();
            ++next;
        }
        chain.back().push_back(members[i]);
    }
    return chain;
}

} // namespace

C2Allocation
MultiBatchC2Scheduler::DoAllocate(const C2Problem& problem)
{
    NS_LOG_FUNCTION(this << problem.GetNUsers());
    const C2Allocation single = m_single->Allocate(problem);
    Chain chain;
    std::vector<bool> served(problem.GetNUsers(), false);
    if (!single.served.empty())
    {
        chain.emplace_back();
        for (const C2ServedTask& t : single.served)
        {
            chain.front().push_back({t.user, t.exit});
            served[t.user] = true;
        }
    }
    double need = FeasibleNeed(problem, chain);
    C2Allocation result;
    result.execution = C2Allocation::BATCH;
    result.stats = single.stats;
    do
    {
        RegroupByDeadline(problem, chain, need);
        result.stats.nodes++;
    } while (InsertCheapest(problem, chain, served, need));
    const C2OneBatchResult built = MakeBatchChainAllocation(problem, chain);
    NS_ASSERT_MSG(built.feasible, "the kept chain is infeasible: " << built.reason);
    result.served = built.allocation.served;
    result.uploadDeadlineS = built.allocation.uploadDeadlineS;
    NS_LOG_DEBUG("single batch " << single.served.size() << ", chain of " << chain.size()
                                 << " batches serves " << result.served.size());
    return result;
}

void
MultiBatchC2Scheduler::RegroupByDeadline(const C2Problem& problem, Chain& chain, double& need) const
{
    std::vector<C2BatchMember> members;
    for (const auto& batch : chain)
    {
        members.insert(members.end(), batch.begin(), batch.end());
    }
    if (members.empty())
    {
        return;
    }
    const auto& users = problem.GetUsers();
    std::sort(members.begin(),
              members.end(),
              [&users](const C2BatchMember& a, const C2BatchMember& b) {
                  return users[a.user].deadlineS < users[b.user].deadlineS ||
                         (users[a.user].deadlineS == users[b.user].deadlineS && a.user < b.user);
              });
    std::vector<std::size_t> splits;
    double levelNeed = FeasibleNeed(problem, SplitAt(members, splits));
    while (true)
    {
        if (levelNeed < need)
        {
            chain = SplitAt(members, splits);
            need = levelNeed;
        }
        if (splits.size() + 1 >= m_maxBatches)
        {
            return;
        }
        std::vector<std::size_t> bestSplits;
        double bestNeed = std::numeric_limits<double>::infinity();
        for (std::size_t at = 1; at < members.size(); ++at)
        {
            if (std::find(splits.begin(), splits.end(), at) != splits.end())
            {
                continue;
            }
            std::vector<std::size_t> candidate = splits;
            candidate.insert(std::upper_bound(candidate.begin(), candidate.end(), at), at);
            const double candidateNeed = FeasibleNeed(problem, SplitAt(members, candidate));
            if (candidateNeed < bestNeed)
            {
                bestNeed = candidateNeed;
                bestSplits = candidate;
            }
        }
        if (bestSplits.empty())
        {
            return; // no feasible split at this level
        }
        splits = bestSplits;
        levelNeed = bestNeed;
    }
}

bool
MultiBatchC2Scheduler::InsertCheapest(const C2Problem& problem,
                                      Chain& chain,
                                      std::vector<bool>& served,
                                      double& need) const
{
    Chain best;
    uint32_t bestUser = 0;
    double bestNeed = std::numeric_limits<double>::infinity();
    auto consider = [&](const Chain& candidate, uint32_t user) {
        const double candidateNeed = FeasibleNeed(problem, candidate);
        if (candidateNeed < bestNeed)
        {
            bestNeed = candidateNeed;
            best = candidate;
            bestUser = user;
        }
    };
    for (uint32_t k = 0; k < problem.GetNUsers(); ++k)
    {
        const uint32_t exit = problem.RequiredExit(k);
        if (served[k] || exit == 0)
        {
            continue;
        }
        for (std::size_t j = 0; j < chain.size(); ++j)
        {
            Chain joined = chain;
            joined[j].push_back({k, exit});
            consider(joined, k);
        }
        for (std::size_t j = 0; chain.size() < m_maxBatches && j <= chain.size(); ++j)
        {
            Chain opened = chain;
            opened.insert(opened.begin() + j, std::vector<C2BatchMember>{{k, exit}});
            consider(opened, k);
        }
    }
    if (best.empty())
    {
        return false;
    }
    chain = best;
    served[bestUser] = true;
    need = bestNeed;
    return true;
}

} // namespace ns3
