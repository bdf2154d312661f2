/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "inference-task-record.h"

namespace ns3
{

std::string
ToString(InferenceTaskOutcome outcome)
{
    switch (outcome)
    {
    case InferenceTaskOutcome::PENDING:
        return "pending";
    case InferenceTaskOutcome::COMPLETED:
        return "completed";
    case InferenceTaskOutcome::DEADLINE_MISSED:
        return "deadline-missed";
    case InferenceTaskOutcome::ACCURACY:
        return "accuracy";
    case InferenceTaskOutcome::NOT_SCHEDULED:
        return "not-scheduled";
    case InferenceTaskOutcome::INFEASIBLE_ALLOCATION:
        return "infeasible-allocation";
    case InferenceTaskOutcome::EXPIRED:
        return "expired";
    case InferenceTaskOutcome::DATA_LATE:
        return "data-late";
    case InferenceTaskOutcome::DATA_INCOMPLETE:
        return "data-incomplete";
    case InferenceTaskOutcome::NO_RESPONSE:
        return "no-response";
    }
    return "unknown";
}

const std::vector<InferenceTaskOutcome>&
GetFinalOutcomes()
{
    static const std::vector<InferenceTaskOutcome> outcomes{
        InferenceTaskOutcome::COMPLETED,
        InferenceTaskOutcome::DEADLINE_MISSED,
        InferenceTaskOutcome::ACCURACY,
        InferenceTaskOutcome::NOT_SCHEDULED,
        InferenceTaskOutcome::INFEASIBLE_ALLOCATION,
        InferenceTaskOutcome::EXPIRED,
        InferenceTaskOutcome::DATA_LATE,
        InferenceTaskOutcome::DATA_INCOMPLETE,
        InferenceTaskOutcome::NO_RESPONSE,
    };
    return outcomes;
}

bool
IsRejection(InferenceTaskOutcome outcome)
{
    return outcome != InferenceTaskOutcome::PENDING && outcome != InferenceTaskOutcome::COMPLETED &&
           outcome != InferenceTaskOutcome::DEADLINE_MISSED &&
           outcome != InferenceTaskOutcome::NO_RESPONSE;
}

} // namespace ns3
