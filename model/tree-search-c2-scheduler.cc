/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "tree-search-c2-scheduler.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/object-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TreeSearchC2Scheduler");

NS_OBJECT_ENSURE_REGISTERED(TreeSearchC2Scheduler);

TypeId
TreeSearchC2Scheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TreeSearchC2Scheduler")
            .SetParent<C2Scheduler>()
            .SetGroupName("EdgeInference")
            .AddConstructor<TreeSearchC2Scheduler>()
            .AddAttribute("MaxNodes",
                          "Safety limit on the tree nodes visited per allocation (0: no "
                          "limit). When it is reached the search stops and returns the best "
                          "set found so far: feasible, but possibly not of maximum size (a "
                          "warning is logged).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&TreeSearchC2Scheduler::m_maxNodes),
                          MakeUintegerChecker<uint64_t>())
            .AddAttribute("GreedyIncumbent",
                          "If true, the search starts from the greedy solution's size "
                          "(GreedyEarlyExitC2Scheduler with PlateauMoves = 0); if false, from "
                          "b = 1 with no incumbent (slower, same result; for tests and "
                          "comparisons).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&TreeSearchC2Scheduler::m_greedyIncumbent),
                          MakeBooleanChecker());
    return tid;
}

TreeSearchC2Scheduler::TreeSearchC2Scheduler()
    : m_maxNodes(0),
      m_greedyIncumbent(true),
      m_greedy(
          CreateObjectWithAttributes<GreedyEarlyExitC2Scheduler>("PlateauMoves", UintegerValue(0))),
      m_selector(nullptr),
      m_nExits(0),
      m_batch(0),
      m_nodes(0),
      m_aborted(false)
{
    NS_LOG_FUNCTION(this);
}

TreeSearchC2Scheduler::~TreeSearchC2Scheduler()
{
    NS_LOG_FUNCTION(this);
}

void
TreeSearchC2Scheduler::DoDispose()
{
    m_greedy = nullptr;
    C2Scheduler::DoDispose();
}

C2Allocation
TreeSearchC2Scheduler::DoAllocate(const C2Problem& problem)
{
    NS_LOG_FUNCTION(this << problem.GetNUsers());
    C2ShelfSelector selector(problem);
    C2Allocation result;
    if (m_greedyIncumbent)
    {
        result = m_greedy->Solve(selector);
    }
    result.execution = C2Allocation::BATCH;
    const uint32_t greedySize = result.served.size();
    result.stats.nodes = 0;

    m_selector = &selector;
    m_nExits = problem.GetNExits();
    m_classSize.assign(m_nExits + 1, 0);
    m_classesAfter.assign(m_nExits + 1, 0);
    for (uint32_t m = 1; m <= m_nExits; ++m)
    {
        m_classSize[m] = selector.GetClassSize(m);
    }
    for (uint32_t m = m_nExits; m >= 1; --m)
    {
        m_classesAfter[m - 1] = m_classesAfter[m] + m_classSize[m];
    }
    m_counts.assign(m_nExits + 1, 0);
    m_offsets.assign(m_nExits, 0.0);
    m_nodes = 0;
    m_aborted = false;

    const uint32_t nCand = selector.GetCandidates().size();
    for (m_batch = greedySize + 1; m_batch <= nCand; ++m_batch)
    {
        if (!Visit(0, m_batch))
        {
            break;
        }
        NS_LOG_DEBUG("b = " << m_batch << " feasible at t = " << m_witness.shelfS);
        result.served.clear();
        for (uint32_t k : m_witness.users)
        {
            result.served.push_back(
                MakeC2ServedTask(problem, k, problem.RequiredExit(k), m_witness.shelfS));
        }
        result.uploadDeadlineS = m_witness.shelfS;
    }
    if (m_aborted)
    {
        NS_LOG_WARN("node limit " << m_maxNodes << " reached at b = " << m_batch << "; returning "
                                  << result.served.size() << " users, possibly not the maximum");
    }
    std::sort(result.served.begin(),
              result.served.end(),
              [](const C2ServedTask& a, const C2ServedTask& b) { return a.user < b.user; });
    result.stats.nodes = m_nodes;
    result.stats.candidates = selector.GetSelectCalls();
    m_selector = nullptr;
    NS_LOG_DEBUG("greedy " << greedySize << ", optimum " << result.served.size() << ", " << m_nodes
                           << " nodes, " << selector.GetSelectCalls() << " selections, "
                           << selector.GetNeedEvaluations() << " need evaluations");
    return result;
}

bool
TreeSearchC2Scheduler::Visit(uint32_t level, uint32_t remaining)
{
    if (m_maxNodes > 0 && m_nodes >= m_maxNodes)
    {
        m_aborted = true;
        return false;
    }
    ++m_nodes;
    const uint32_t nExits = m_nExits;
    // Batch sizes b_n: exact up to level + 1, lower bounds beyond.
    double acc = 0;
    uint32_t through = m_batch; // b_n for n <= level + 1
    uint32_t reachable = 0;     // n_{level+1} + ... + n_{n-1}
    for (uint32_t n = 1; n <= nExits; ++n)
    {
        uint32_t bn;
        if (n <= level + 1)
        {
            bn = through;
            if (n <= level)
            {
                through -= m_counts[n];
            }
        }
        else
        {
            reachable += m_classSize[n - 1];
            bn = remaining > reachable ? remaining - reachable : 0;
        }
        acc += m_selector->GetProblem().BlockTime(n, bn);
        m_offsets[n - 1] = acc;
    }
    m_groups.clear();
    for (uint32_t m = 1; m <= level; ++m)
    {
        m_groups.push_back({m, m, m_counts[m]});
    }
    if (level < nExits)
    {
        m_groups.push_back({level + 1, nExits, remaining});
    }
    const bool leaf = level + 1 >= nExits;
    if (!m_selector->Select(m_groups, m_offsets, leaf ? &m_witness : nullptr))
    {
        return false;
    }
    if (leaf)
    {
        return true;
    }
    const uint32_t next = level + 1;
    const uint32_t rest = m_classesAfter[next];
    const uint32_t lo = remaining > rest ? remaining - rest : 0;
    const uint32_t hi = std::min(m_classSize[next], remaining);
    for (uint32_t v = hi + 1; v-- > lo;)
    {
        m_counts[next] = v;
        if (Visit(next, remaining - v))
        {
            m_counts[next] = 0;
            return true;
        }
        if (m_aborted)
        {
            break;
        }
    }
    m_counts[next] = 0;
    return false;
}

} // namespace ns3
