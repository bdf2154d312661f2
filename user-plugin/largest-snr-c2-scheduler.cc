/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "largest-snr-c2-scheduler.h"

#include "ns3/boolean.h"
#include "ns3/log.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LargestSnrC2Scheduler");

// Registers the TypeId when the program starts, so that
// EdgeInferenceHelper::SetSchedulerType("ns3::LargestSnrC2Scheduler") finds
// it by name. The registration is a static object of this file: the file
// must be linked into the program (see CMakeLists.txt).
NS_OBJECT_ENSURE_REGISTERED(LargestSnrC2Scheduler);

TypeId
LargestSnrC2Scheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LargestSnrC2Scheduler")
            .SetParent<C2Scheduler>()
            .SetGroupName("EdgeInference")
            .AddConstructor<LargestSnrC2Scheduler>()
            .AddAttribute("EarlyExit",
                          "If true, each task leaves at its required exit m_k; if false, "
                          "every task runs the whole network.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LargestSnrC2Scheduler::m_earlyExit),
                          MakeBooleanChecker());
    return tid;
}

LargestSnrC2Scheduler::LargestSnrC2Scheduler()
    : m_earlyExit(false)
{
    NS_LOG_FUNCTION(this);
}

LargestSnrC2Scheduler::~LargestSnrC2Scheduler()
{
    NS_LOG_FUNCTION(this);
}

C2Allocation
LargestSnrC2Scheduler::DoAllocate(const C2Problem& problem)
{
    NS_LOG_FUNCTION(this << problem.GetNUsers());
    // The problem passed C2Problem::Validate(): positive bits, powers,
    // gains and deadlines, exits sorted by accuracy.
    const auto& users = problem.GetUsers();
    std::vector<uint32_t> ranked;
    for (uint32_t k = 0; k < problem.GetNUsers(); ++k)
    {
        if (problem.RequiredExit(k) != 0) // 0: no exit is accurate enough
        {
            ranked.push_back(k);
        }
    }
    std::stable_sort(ranked.begin(), ranked.end(), [&users](uint32_t a, uint32_t b) {
        return users[a].powerW * users[a].gain > users[b].powerW * users[b].gain;
    });

    C2Allocation best; // serves nobody: always feasible
    best.execution = C2Allocation::BATCH;
    uint64_t evaluated = 0;
    for (uint32_t b = 1; b <= ranked.size(); ++b)
    {
        // Capacity() is B in Hz, or the number of whole resource blocks.
        const double units = problem.UsesResourceBlocks() ? std::floor(problem.Capacity() / b)
                                                          : problem.Capacity() / b;
        if (!(units > 0))
        {
            break; // fewer blocks than users
        }
        C2Allocation candidate;
        candidate.execution = C2Allocation::BATCH;
        for (uint32_t i = 0; i < b; ++i)
        {
            const uint32_t k = ranked[i];
            C2ServedTask t;
            t.user = k;
            t.exit = m_earlyExit ? problem.RequiredExit(k) : problem.GetNExits();
            t.bandwidthHz = problem.UnitsToHz(units);
            t.resourceBlocks = problem.UsesResourceBlocks() ? static_cast<uint32_t>(units) : 0;
            candidate.served.push_back(t);
            // The upload deadline is the last upload's end.
            const double upload = problem.GetRateModel().UploadTime(users[k].bits,
                                                                    t.bandwidthHz,
                                                                    users[k].powerW,
                                                                    users[k].gain);
            candidate.uploadDeadlineS = std::max(candidate.uploadDeadlineS, upload);
        }
        ++evaluated;
        // The module's single source of truth decides feasibility.
        if (!EvaluateC2Allocation(problem, candidate).feasible)
        {
            break; // monotone in b: no larger b is feasible either
        }
        best = candidate;
    }
    best.stats.nodes = evaluated;
    best.stats.candidates = evaluated;
    NS_LOG_INFO("largest SNR first: " << best.served.size() << " of " << ranked.size()
                                      << " eligible users");
    return best;
}

} // namespace ns3
