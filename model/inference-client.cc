/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "inference-client.h"

#include "edge-control-channel.h"
#include "edge-inference-compat.h"
#include "inference-task-header.h"
#include "ofdma-ue-net-device.h"

#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-header.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/udp-header.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("InferenceClient");

NS_OBJECT_ENSURE_REGISTERED(InferenceClient);

TypeId
InferenceClient::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::InferenceClient")
            .SetParent<Application>()
            .SetGroupName("EdgeInference")
            .AddConstructor<InferenceClient>()
            .AddAttribute("UserId",
                          "Index of the user; tasks are identified as (UserId << 32) | sequence.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&InferenceClient::m_userId),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("TaskSize",
                          "Size D of each task's input (bit); every draw must be > 0. "
                          "Default: 24,576 bit (a 32x32x3 image).",
                          StringValue("ns3::ConstantRandomVariable[Constant=24576]"),
                          MakePointerAccessor(&InferenceClient::m_taskSize),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("AccuracyRequirement",
                          "Accuracy requirement A of each task, in [0, 1]. No default: "
                          "EdgeInferenceHelper sets U[a_1, a_N] of the profile unless told "
                          "otherwise.",
                          PointerValue(),
                          MakePointerAccessor(&InferenceClient::m_accuracy),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("LatencyRequirement",
                          "Latency requirement T of each task (s, from its creation); every "
                          "draw must be > 0.",
                          StringValue("ns3::UniformRandomVariable[Min=0.02|Max=0.1]"),
                          MakePointerAccessor(&InferenceClient::m_latency),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("Arrivals",
                          "When tasks are created (a TaskArrivalProcess; each client needs "
                          "its own). EdgeInferenceHelper sets a PeriodicTaskArrivals at the "
                          "frame period unless told otherwise (SetArrivals).",
                          StringValue("ns3::PeriodicTaskArrivals"),
                          MakePointerAccessor(&InferenceClient::m_arrivals),
                          MakePointerChecker<TaskArrivalProcess>())
            .AddAttribute("MaxTasks",
                          "Number of tasks to create; 0 for no limit.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&InferenceClient::m_maxTasks),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("RemoteAddress",
                          "IPv4 address of the edge server.",
                          AddressValue(),
                          MakeAddressAccessor(&InferenceClient::m_remoteAddress),
                          MakeAddressChecker())
            .AddAttribute("RemotePort",
                          "UDP port of the edge server.",
                          UintegerValue(9000),
                          MakeUintegerAccessor(&InferenceClient::m_remotePort),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("SegmentSize",
                          "Largest task payload per packet (bytes); with the 48 bytes of "
                          "headers a packet must fit the device MTU.",
                          UintegerValue(1400),
                          MakeUintegerAccessor(&InferenceClient::m_segmentSize),
                          MakeUintegerChecker<uint32_t>(1, 65000))
            .AddTraceSource("TaskCreated",
                            "A task was created (record with the requirements).",
                            MakeTraceSourceAccessor(&InferenceClient::m_taskCreatedTrace),
                            "ns3::InferenceClient::TaskRecordTracedCallback")
            .AddTraceSource("TaskRecord",
                            "A task ended (result or rejection): its complete record.",
                            MakeTraceSourceAccessor(&InferenceClient::m_taskRecordTrace),
                            "ns3::InferenceClient::TaskRecordTracedCallback")
            .AddTraceSource("Tx",
                            "A packet of task data was sent to the socket.",
                            MakeTraceSourceAccessor(&InferenceClient::m_txTrace),
                            "ns3::Packet::TracedCallback");
    return tid;
}

InferenceClient::InferenceClient()
    : m_userId(0),
      m_maxTasks(0),
      m_remotePort(9000),
      m_segmentSize(1400),
      m_sequence(0),
      m_created(0),
      m_completed(0)
{
    NS_LOG_FUNCTION(this);
}

InferenceClient::~InferenceClient()
{
    NS_LOG_FUNCTION(this);
}

void
InferenceClient::SetControlChannel(Ptr<EdgeControlChannel> channel)
{
    m_control = channel;
}

Ptr<EdgeControlChannel>
InferenceClient::GetControlChannel() const
{
    return m_control;
}

uint32_t
InferenceClient::GetUserId() const
{
    return m_userId;
}

Address
InferenceClient::GetUplinkAddress() const
{
    Ptr<NetDevice> dev = GetUplinkDevice();
    return dev ? dev->GetAddress() : Address();
}

void
InferenceClient::SetUplinkDevice(Ptr<NetDevice> device)
{
    m_uplinkDevice = device;
}

Ptr<NetDevice>
InferenceClient::GetUplinkDevice() const
{
    if (m_uplinkDevice)
    {
        return m_uplinkDevice;
    }
    return GetUeDevice();
}

Ptr<OfdmaUeNetDevice>
InferenceClient::GetUeDevice() const
{
    Ptr<Node> node = GetNode();
    for (uint32_t i = 0; node && i < node->GetNDevices(); ++i)
    {
        if (auto dev = DynamicCast<OfdmaUeNetDevice>(node->GetDevice(i)))
        {
            return dev;
        }
    }
    return nullptr;
}

int64_t
InferenceClient::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    int64_t used = 0;
    for (Ptr<RandomVariableStream> rv : {m_taskSize, m_accuracy, m_latency})
    {
        if (rv)
        {
            rv->SetStream(stream + used);
            ++used;
        }
    }
    if (m_arrivals)
    {
        used += m_arrivals->AssignStreams(stream + used);
    }
    return used;
}

uint64_t
InferenceClient::GetTasksCreated() const
{
    return m_created;
}

uint64_t
InferenceClient::GetTasksCompleted() const
{
    return m_completed;
}

uint32_t
InferenceClient::GetTasksInFlight() const
{
    return m_inFlight.size();
}

void
InferenceClient::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_control = nullptr;
    m_socket = nullptr;
    m_taskSize = nullptr;
    m_accuracy = nullptr;
    m_latency = nullptr;
    m_arrivals = nullptr;
    Application::DoDispose();
}

void
InferenceClient::StartApplication()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_control,
                    "InferenceClient (user " << m_userId
                                             << "): no EdgeControlChannel; use "
                                                "EdgeInferenceHelper or SetControlChannel()");
    NS_ABORT_MSG_IF(!m_accuracy,
                    "InferenceClient (user "
                        << m_userId
                        << "): attribute AccuracyRequirement is not set (EdgeInferenceHelper sets "
                           "U[a_1, a_N] of the profile)");
    NS_ABORT_MSG_IF(!InetSocketAddress::IsMatchingType(m_remoteAddress) &&
                        !Ipv4Address::IsMatchingType(m_remoteAddress),
                    "InferenceClient (user " << m_userId
                                             << "): attribute RemoteAddress must be the edge "
                                                "server's IPv4 address");
    Ptr<NetDevice> dev = GetUplinkDevice();
    NS_ABORT_MSG_IF(!dev,
                    "InferenceClient (user "
                        << m_userId << ", node " << GetNode()->GetId()
                        << "): the node has no OfdmaUeNetDevice and no uplink device was set "
                           "(SetUplinkDevice); install the uplink (OfdmaUplinkHelper::InstallUe) "
                           "first");
    NS_ABORT_MSG_IF(m_segmentSize + 48 > dev->GetMtu(),
                    "InferenceClient (user " << m_userId << "): attribute SegmentSize "
                                             << m_segmentSize << " + 48 header bytes exceeds the "
                                             << "device MTU " << dev->GetMtu());
    if (!m_socket)
    {
        m_socket = Socket::CreateSocket(GetNode(), UdpSocketFactory::GetTypeId());
        const Ipv4Address ip = InetSocketAddress::IsMatchingType(m_remoteAddress)
                                   ? InetSocketAddress::ConvertFrom(m_remoteAddress).GetIpv4()
                                   : Ipv4Address::ConvertFrom(m_remoteAddress);
        NS_ABORT_MSG_IF(m_socket->Bind() == -1, "InferenceClient: failed to bind the socket");
        m_socket->Connect(InetSocketAddress(ip, m_remotePort));
    }
    NS_ABORT_MSG_IF(!m_arrivals,
                    "InferenceClient (user " << m_userId << "): attribute Arrivals is not set");
    m_arrivals->Start(m_userId);
    m_startTime = Simulator::Now();
    ScheduleNextTask();
}

void
InferenceClient::StopApplication()
{
    NS_LOG_FUNCTION(this);
    Simulator::Cancel(m_createEvent);
    if (m_socket)
    {
        m_socket->Close();
    }
}

void
InferenceClient::ScheduleNextTask()
{
    TaskArrival next;
    if ((m_maxTasks > 0 && m_created >= m_maxTasks) || !m_arrivals->Next(next))
    {
        return;
    }
    const Time delay = m_startTime + next.time - Simulator::Now();
    NS_ABORT_MSG_IF(delay.IsStrictlyNegative(),
                    "InferenceClient (user " << m_userId << "): the arrival process went back "
                                             << "in time, to " << next.time.As(Time::S));
    if (delay.IsZero())
    {
        CreateTask(next); // as part of the start, before any frame decision
        return;
    }
    m_createEvent = Simulator::Schedule(delay, &InferenceClient::CreateTask, this, next);
}

void
InferenceClient::CreateTask(const TaskArrival& arrival)
{
    NS_LOG_FUNCTION(this);
    if (m_maxTasks > 0 && m_created >= m_maxTasks)
    {
        return;
    }
    InferenceTaskRecord r;
    r.user = m_userId;
    r.taskId = (static_cast<uint64_t>(m_userId) << 32) | m_sequence++;
    r.taskBits = arrival.hasBits ? arrival.bits : m_taskSize->GetValue();
    NS_ABORT_MSG_IF(!(r.taskBits > 0) || !std::isfinite(r.taskBits),
                    "InferenceClient (user " << m_userId << "): attribute TaskSize drew "
                                             << r.taskBits << " bit; task sizes must be > 0");
    r.requiredAccuracy = arrival.hasAccuracy ? arrival.accuracy : m_accuracy->GetValue();
    NS_ABORT_MSG_IF(!(r.requiredAccuracy >= 0 && r.requiredAccuracy <= 1),
                    "InferenceClient (user " << m_userId << "): attribute AccuracyRequirement "
                                             << "drew " << r.requiredAccuracy
                                             << "; must be in [0, 1]");
    r.latencyRequirementS = arrival.hasLatency ? arrival.latencyS : m_latency->GetValue();
    NS_ABORT_MSG_IF(!(r.latencyRequirementS > 0) || !std::isfinite(r.latencyRequirementS),
                    "InferenceClient (user " << m_userId << "): attribute LatencyRequirement "
                                             << "drew " << r.latencyRequirementS
                                             << " s; must be > 0");
    r.created = Simulator::Now();
    r.deadline = r.created + Seconds(r.latencyRequirementS);
    r.dataBytes = static_cast<uint32_t>(std::ceil(r.taskBits / 8.0));
    // What goes over the air: each segment carries the task header and the
    // UDP and IPv4 headers; the OFDMA device adds nothing (see its doc).
    r.packets = (r.dataBytes + m_segmentSize - 1) / m_segmentSize;
    const uint32_t perPacket =
        InferenceTaskHeader().GetSerializedSize() + UdpHeader().GetSerializedSize() + 20;
    r.onAirBits = 8.0 * (r.dataBytes + r.packets * perPacket);
    ++m_created;
    m_inFlight.insert(r.taskId);
    NS_LOG_INFO("user " << m_userId << " creates task " << r.taskId << ": " << r.taskBits
                        << " bit, A=" << r.requiredAccuracy << ", T=" << r.latencyRequirementS
                        << " s");
    m_taskCreatedTrace(r);
    if (m_control->CanLose())
    {
        Simulator::Schedule(r.deadline - Simulator::Now() + TimeStep(1),
                            &InferenceClient::GiveUp,
                            this,
                            r);
    }
    m_control->SendRequest(r, this);
    ScheduleNextTask();
}

void
InferenceClient::ReceiveGrant(const InferenceTaskRecord& record)
{
    NS_LOG_FUNCTION(this << record.taskId);
    if (m_inFlight.count(record.taskId) == 0)
    {
        NS_LOG_LOGIC("grant of task " << record.taskId << ", which has ended; ignored");
        return;
    }
    const uint32_t nSeg = record.packets;
    uint32_t left = record.dataBytes;
    for (uint32_t s = 0; s < nSeg; ++s)
    {
        const uint32_t bytes = std::min(left, m_segmentSize);
        left -= bytes;
        Ptr<Packet> p = Create<Packet>(bytes);
        InferenceTaskHeader h;
        h.SetTaskId(record.taskId);
        h.SetUser(m_userId);
        h.SetTaskBytes(record.dataBytes);
        h.SetSegment(s, nSeg);
        p->AddHeader(h);
        m_txTrace(p);
        if (m_socket->Send(p) < 0)
        {
            NS_LOG_WARN("user " << m_userId << ": socket refused segment " << s << " of task "
                                << record.taskId);
        }
    }
}

void
InferenceClient::ReceiveRejection(const InferenceTaskRecord& record)
{
    NS_LOG_FUNCTION(this << record.taskId << ToString(record.outcome));
    Finish(record);
}

void
InferenceClient::ReceiveResult(const InferenceTaskRecord& record)
{
    NS_LOG_FUNCTION(this << record.taskId);
    if (record.outcome != InferenceTaskOutcome::PENDING)
    {
        Finish(record); // not executed, and why
        return;
    }
    InferenceTaskRecord r = record;
    r.deadlineMet = Simulator::Now() <= r.deadline;
    r.accuracyMet = r.accuracy >= r.requiredAccuracy;
    if (!r.deadlineMet)
    {
        r.outcome = InferenceTaskOutcome::DEADLINE_MISSED;
    }
    else if (!r.accuracyMet)
    {
        r.outcome = InferenceTaskOutcome::ACCURACY;
    }
    else
    {
        r.outcome = InferenceTaskOutcome::COMPLETED;
    }
    Finish(r);
}

void
InferenceClient::Finish(InferenceTaskRecord record)
{
    if (m_inFlight.erase(record.taskId) == 0)
    {
        // Only an answer after a give-up (GiveUp) can come this late.
        NS_LOG_LOGIC("user " << m_userId << ": task " << record.taskId
                             << " has ended; answer ignored");
        return;
    }
    record.resultReceived = Simulator::Now();
    if (record.IsCompleted())
    {
        ++m_completed;
    }
    NS_LOG_INFO("user " << m_userId << " task " << record.taskId
                        << " ends: " << ToString(record.outcome));
    m_taskRecordTrace(record);
}

void
InferenceClient::GiveUp(InferenceTaskRecord record)
{
    if (m_inFlight.count(record.taskId) == 0)
    {
        return;
    }
    NS_LOG_INFO("user " << m_userId << ": no answer for task " << record.taskId
                        << " by its deadline");
    record.outcome = InferenceTaskOutcome::NO_RESPONSE;
    Finish(record);
}

} // namespace ns3
