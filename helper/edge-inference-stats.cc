/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "edge-inference-stats.h"

#include "ns3/callback.h"
#include "ns3/inference-client.h"

namespace ns3
{

void
EdgeInferenceStats::Connect(const EdgeInferenceApplications& apps)
{
    apps.GetController()->TraceConnectWithoutContext(
        "FrameScheduled",
        MakeCallback(&EdgeInferenceStats::AddFrame, this));
    for (auto it = apps.clients.Begin(); it != apps.clients.End(); ++it)
    {
        (*it)->TraceConnectWithoutContext("TaskRecord",
                                          MakeCallback(&EdgeInferenceStats::AddTask, this));
        (*it)->TraceConnectWithoutContext("TaskCreated",
                                          MakeCallback(&EdgeInferenceStats::AddCreated, this));
    }
}

void
EdgeInferenceStats::AddFrame(const EdgeFrameRecord& record)
{
    EdgeFrameStats& f = m_frames[record.frame];
    f.frame = record.frame;
    f.requests = record.requests;
    f.candidates = record.candidates;
    f.predicted = record.predicted;
    f.batches = record.batches;
    m_predicted += record.predicted;
}

void
EdgeInferenceStats::AddTask(const InferenceTaskRecord& record)
{
    EdgeFrameStats& f = m_frames[record.frame];
    f.frame = record.frame;
    f.ended++;
    f.outcomes[record.outcome]++;
    if (record.IsCompleted())
    {
        f.completed++;
    }
    m_outcomes[record.outcome]++;
    m_ended++;
}

void
EdgeInferenceStats::AddCreated(const InferenceTaskRecord& /* record */)
{
    m_created++;
}

std::vector<EdgeFrameStats>
EdgeInferenceStats::GetFrames() const
{
    std::vector<EdgeFrameStats> out;
    for (const auto& [n, f] : m_frames)
    {
        out.push_back(f);
    }
    return out;
}

uint64_t
EdgeInferenceStats::GetTasksCreated() const
{
    return m_created;
}

uint64_t
EdgeInferenceStats::GetTasksEnded() const
{
    return m_ended;
}

uint64_t
EdgeInferenceStats::GetCompleted() const
{
    return GetCount(InferenceTaskOutcome::COMPLETED);
}

uint64_t
EdgeInferenceStats::GetPredicted() const
{
    return m_predicted;
}

uint64_t
EdgeInferenceStats::GetCount(InferenceTaskOutcome outcome) const
{
    auto it = m_outcomes.find(outcome);
    return it == m_outcomes.end() ? 0 : it->second;
}

} // namespace ns3
