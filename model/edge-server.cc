/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "edge-server.h"

#include "edge-control-channel.h"
#include "inference-client.h"
#include "inference-task-header.h"

#include "ns3/boolean.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/random-variable-stream.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EdgeServer");

NS_OBJECT_ENSURE_REGISTERED(EdgeServer);

TypeId
EdgeServer::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::EdgeServer")
            .SetParent<Application>()
            .SetGroupName("EdgeInference")
            .AddConstructor<EdgeServer>()
            .AddAttribute("Port",
                          "UDP port on which task data is received.",
                          UintegerValue(9000),
                          MakeUintegerAccessor(&EdgeServer::m_port),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("BlockTimeJitter",
                          "Multiply each block time by a factor drawn uniformly between the "
                          "profile's p10/median and p90/median (false: the median exactly).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&EdgeServer::m_jitter),
                          MakeBooleanChecker())
            .AddTraceSource("Rx",
                            "A packet of task data was received.",
                            MakeTraceSourceAccessor(&EdgeServer::m_rxTrace),
                            "ns3::Packet::AddressTracedCallback")
            .AddTraceSource("BatchStart",
                            "A batch (or one task of a sequential plan) starts.",
                            MakeTraceSourceAccessor(&EdgeServer::m_batchStartTrace),
                            "ns3::EdgeServer::BatchStartTracedCallback")
            .AddTraceSource("BlockEnd",
                            "A block of the DNN finished on a batch.",
                            MakeTraceSourceAccessor(&EdgeServer::m_blockEndTrace),
                            "ns3::EdgeServer::BlockEndTracedCallback")
            .AddTraceSource("TaskDone",
                            "A task left the DNN at its exit (record at the server).",
                            MakeTraceSourceAccessor(&EdgeServer::m_taskDoneTrace),
                            "ns3::EdgeServer::TaskTracedCallback")
            .AddTraceSource("TaskDropped",
                            "A planned task was not executed because its data was late or "
                            "incomplete.",
                            MakeTraceSourceAccessor(&EdgeServer::m_taskDroppedTrace),
                            "ns3::EdgeServer::TaskTracedCallback");
    return tid;
}

EdgeServer::EdgeServer()
    : m_port(9000),
      m_jitter(false),
      m_hasProfile(false),
      m_block(0),
      m_busy(false),
      m_batches(0),
      m_unexpected(0)
{
    NS_LOG_FUNCTION(this);
    m_jitterRv = CreateObject<UniformRandomVariable>();
}

EdgeServer::~EdgeServer()
{
    NS_LOG_FUNCTION(this);
}

void
EdgeServer::SetProfile(const EarlyExitProfile& profile)
{
    m_profile = profile;
    m_hasProfile = true;
}

const EarlyExitProfile&
EdgeServer::GetProfile() const
{
    return m_profile;
}

bool
EdgeServer::HasProfile() const
{
    return m_hasProfile;
}

void
EdgeServer::SetControlChannel(Ptr<EdgeControlChannel> channel)
{
    m_control = channel;
}

bool
EdgeServer::IsBusy() const
{
    return m_busy;
}

uint64_t
EdgeServer::GetBatchesStarted() const
{
    return m_batches;
}

uint64_t
EdgeServer::GetUnexpectedPackets() const
{
    return m_unexpected;
}

int64_t
EdgeServer::AssignStreams(int64_t stream)
{
    m_jitterRv->SetStream(stream);
    return 1;
}

void
EdgeServer::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_socket = nullptr;
    m_plans.clear();
    m_runs.clear();
    m_data.clear();
    m_jitterRv = nullptr;
    m_control = nullptr;
    Application::DoDispose();
}

void
EdgeServer::StartApplication()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_hasProfile,
                    "EdgeServer: no DNN profile; use EdgeInferenceHelper::SetProfile or "
                    "EdgeServer::SetProfile");
    if (!m_socket)
    {
        m_socket = Socket::CreateSocket(GetNode(), UdpSocketFactory::GetTypeId());
        NS_ABORT_MSG_IF(m_socket->Bind(InetSocketAddress(Ipv4Address::GetAny(), m_port)) == -1,
                        "EdgeServer: cannot bind UDP port " << m_port << " (attribute Port)");
    }
    m_socket->SetRecvCallback(MakeCallback(&EdgeServer::HandleRead, this));
}

void
EdgeServer::StopApplication()
{
    NS_LOG_FUNCTION(this);
    if (m_socket)
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    }
}

void
EdgeServer::HandleRead(Ptr<Socket> socket)
{
    Ptr<Packet> packet;
    Address from;
    while ((packet = socket->RecvFrom(from)))
    {
        m_rxTrace(packet, from);
        ReceiveTaskData(packet);
    }
}

void
EdgeServer::ReceiveTaskData(Ptr<const Packet> packet)
{
    InferenceTaskHeader h;
    if (packet->PeekHeader(h) != h.GetSerializedSize())
    {
        NS_LOG_WARN("packet without task header ignored");
        ++m_unexpected;
        return;
    }
    auto it = m_data.find(h.GetTaskId());
    if (it == m_data.end())
    {
        // Not planned, or its batch already started without it.
        NS_LOG_INFO("data of task " << h.GetTaskId() << " not expected (late or unplanned)");
        ++m_unexpected;
        return;
    }
    DataState& d = it->second;
    if (h.GetSegmentIndex() >= d.segments.size() || d.segments[h.GetSegmentIndex()])
    {
        NS_LOG_WARN("task " << h.GetTaskId() << ": bad or duplicate segment "
                            << h.GetSegmentIndex());
        return;
    }
    d.segments[h.GetSegmentIndex()] = true;
    d.bytes += packet->GetSize() - h.GetSerializedSize();
    d.lastRx = Simulator::Now();
    d.complete = std::all_of(d.segments.begin(), d.segments.end(), [](bool b) { return b; });
    NS_LOG_LOGIC("task " << h.GetTaskId() << " segment " << h.GetSegmentIndex() << " (" << d.bytes
                         << "/" << d.expectedBytes << " bytes)");
    if (d.complete)
    {
        TryStart();
    }
}

void
EdgeServer::SubmitPlan(const EdgeBatchPlan& plan)
{
    NS_LOG_FUNCTION(this << plan.frame << plan.tasks.size());
    if (plan.tasks.empty())
    {
        return;
    }
    for (const EdgePlannedTask& t : plan.tasks)
    {
        DataState d;
        d.expectedBytes = t.record.dataBytes;
        d.segments.assign(std::max<uint32_t>(t.record.packets, 1), false);
        m_data[t.record.taskId] = d;
    }
    m_plans.push_back(plan);
    Simulator::Schedule(std::max(plan.latestStart - Simulator::Now(), Time(0)),
                        &EdgeServer::TryStart,
                        this);
    if (plan.releaseTime > Simulator::Now())
    {
        Simulator::Schedule(plan.releaseTime - Simulator::Now(), &EdgeServer::TryStart, this);
    }
}

bool
EdgeServer::AllArrived(const EdgeBatchPlan& plan) const
{
    for (const EdgePlannedTask& t : plan.tasks)
    {
        auto it = m_data.find(t.record.taskId);
        if (it == m_data.end() || !it->second.complete)
        {
            return false;
        }
    }
    return true;
}

void
EdgeServer::TryStart()
{
    if (m_busy || m_plans.empty())
    {
        return;
    }
    const EdgeBatchPlan& head = m_plans.front();
    if (Simulator::Now() < head.releaseTime)
    {
        return; // TryStart runs again at the release time
    }
    if (AllArrived(head) || Simulator::Now() >= head.latestStart)
    {
        EdgeBatchPlan plan = head;
        m_plans.pop_front();
        StartPlan(plan);
    }
}

void
EdgeServer::StartPlan(EdgeBatchPlan plan)
{
    NS_LOG_FUNCTION(this << plan.frame);
    std::vector<EdgePlannedTask> ready;
    for (EdgePlannedTask& t : plan.tasks)
    {
        auto it = m_data.find(t.record.taskId);
        const DataState d = it->second;
        m_data.erase(it);
        if (d.complete)
        {
            t.record.uploadEnd = d.lastRx;
            ready.push_back(t);
            continue;
        }
        // Its data missed the batch: never executed, with the reason.
        t.record.uploadEnd = d.lastRx;
        t.record.outcome =
            d.bytes > 0 || std::find(d.segments.begin(), d.segments.end(), true) != d.segments.end()
                ? InferenceTaskOutcome::DATA_INCOMPLETE
                : InferenceTaskOutcome::DATA_LATE;
        NS_LOG_INFO("frame " << plan.frame << ": task " << t.record.taskId << " dropped, "
                             << ToString(t.record.outcome));
        m_taskDroppedTrace(t.record);
        SendResult(t);
    }
    if (ready.empty())
    {
        TryStart();
        return;
    }
    m_busy = true;
    if (plan.execution == C2Allocation::BATCH)
    {
        m_runs.push_back({plan.frame, ready});
    }
    else
    {
        for (const EdgePlannedTask& t : ready)
        {
            m_runs.push_back({plan.frame, {t}});
        }
    }
    StartNextRun();
}

void
EdgeServer::StartNextRun()
{
    if (m_runs.empty())
    {
        m_busy = false;
        TryStart();
        return;
    }
    Run& run = m_runs.front();
    const Time now = Simulator::Now();
    for (EdgePlannedTask& t : run.tasks)
    {
        t.record.batchStart = now;
        t.record.batchSize = run.tasks.size();
    }
    ++m_batches;
    NS_LOG_INFO("frame " << run.frame << ": batch of " << run.tasks.size() << " starts");
    m_batchStartTrace(run.frame, run.tasks.size(), now);
    m_block = 1;
    RunBlock();
}

void
EdgeServer::RunBlock()
{
    Run& run = m_runs.front();
    uint32_t batch = 0;
    for (const EdgePlannedTask& t : run.tasks)
    {
        batch += t.record.exit >= m_block ? 1 : 0;
    }
    if (batch == 0)
    {
        m_runs.pop_front();
        StartNextRun();
        return;
    }
    NS_ABORT_MSG_IF(m_block > m_profile.GetNExits(),
                    "EdgeServer: a task exits after block "
                        << m_block - 1 << " but the profile has " << m_profile.GetNExits()
                        << " blocks");
    const Time d = BlockDuration(m_block, batch);
    m_blockEvent = Simulator::Schedule(d, &EdgeServer::EndBlock, this, d);
}

void
EdgeServer::EndBlock(Time duration)
{
    Run& run = m_runs.front();
    uint32_t batch = 0;
    for (EdgePlannedTask& t : run.tasks)
    {
        if (t.record.exit >= m_block)
        {
            ++batch;
        }
        if (t.record.exit == m_block)
        {
            t.record.completion = Simulator::Now();
            m_taskDoneTrace(t.record);
            SendResult(t);
        }
    }
    m_blockEndTrace(run.frame, m_block, batch, duration);
    ++m_block;
    RunBlock();
}

Time
EdgeServer::BlockDuration(uint32_t block, uint32_t batch)
{
    double s = m_profile.GetBlockTime(block, batch);
    if (m_jitter)
    {
        // Spread measured at the largest grid batch size not above b.
        const auto& grid = m_profile.GetBatchSizes();
        const uint32_t idx = std::upper_bound(grid.begin(), grid.end(), batch) - grid.begin() - 1;
        const LatencyStats st = m_profile.GetMeasuredStats(block, idx);
        const double lo = st.p10S / st.medianS;
        const double hi = st.p90S / st.medianS;
        s *= lo + (hi - lo) * m_jitterRv->GetValue();
    }
    return Seconds(s);
}

void
EdgeServer::SendResult(const EdgePlannedTask& task)
{
    if (!task.client || !m_control)
    {
        return; // a plan without clients (tests): the traces have the record
    }
    m_control->SendResult(task.record, task.client);
}

} // namespace ns3
