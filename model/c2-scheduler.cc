/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "c2-scheduler.h"

#include "ns3/log.h"

#include <chrono>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("C2Scheduler");

NS_OBJECT_ENSURE_REGISTERED(C2Scheduler);

TypeId
C2Scheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::C2Scheduler")
            .SetParent<Object>()
            .SetGroupName("EdgeInference")
            .AddTraceSource("Allocation",
                            "An allocation was made for a frame's problem.",
                            MakeTraceSourceAccessor(&C2Scheduler::m_allocationTrace),
                            "ns3::C2Scheduler::AllocationTracedCallback");
    return tid;
}

C2Scheduler::C2Scheduler()
{
    NS_LOG_FUNCTION(this);
}

C2Scheduler::~C2Scheduler()
{
    NS_LOG_FUNCTION(this);
}

C2Allocation
C2Scheduler::Allocate(const C2Problem& problem)
{
    NS_LOG_FUNCTION(this << problem.GetNUsers());
    problem.Validate();
    const auto begin = std::chrono::steady_clock::now();
    C2Allocation allocation = DoAllocate(problem);
    const auto end = std::chrono::steady_clock::now();
    allocation.stats.runtimeUs = std::chrono::duration<double, std::micro>(end - begin).count();
    allocation.scheduler = GetInstanceTypeId().GetName();

    const C2Evaluation ev = EvaluateC2Allocation(problem, allocation);
    allocation.feasible = ev.feasible;
    allocation.violations = ev.violations;
    if (ev.feasible)
    {
        for (size_t i = 0; i < allocation.served.size(); ++i)
        {
            allocation.served[i].uploadEndS = ev.uploadEndS[i];
            allocation.served[i].computeStartS = ev.taskStartS[i];
            allocation.served[i].completionS = ev.completionS[i];
        }
    }
    else
    {
        NS_LOG_ERROR(allocation.scheduler << " returned an infeasible allocation: "
                                          << ev.violations.front());
    }
    NS_LOG_INFO(allocation.scheduler
                << ": " << problem.GetNUsers() << " users, " << allocation.served.size()
                << " served, t = " << allocation.uploadDeadlineS << " s, " << allocation.stats.nodes
                << " nodes, " << allocation.stats.runtimeUs << " us");
    m_allocationTrace(problem, allocation);
    return allocation;
}

} // namespace ns3
