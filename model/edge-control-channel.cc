/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "edge-control-channel.h"

#include "edge-controller.h"
#include "inference-client.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/random-variable-stream.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EdgeControlChannel");

NS_OBJECT_ENSURE_REGISTERED(EdgeControlChannel);

std::string
ToString(EdgeControlMessage type)
{
    switch (type)
    {
    case EdgeControlMessage::REQUEST:
        return "request";
    case EdgeControlMessage::GRANT:
        return "grant";
    case EdgeControlMessage::REJECTION:
        return "rejection";
    case EdgeControlMessage::RESULT:
        return "result";
    }
    return "unknown";
}

TypeId
EdgeControlChannel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::EdgeControlChannel")
            .SetParent<Object>()
            .SetGroupName("EdgeInference")
            .AddConstructor<EdgeControlChannel>()
            .AddAttribute("RequestDelay",
                          "Delay of a task request, UE to scheduler host (s, >= 0); the "
                          "decision of a frame is taken this long after its start.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&EdgeControlChannel::m_requestDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("GrantDelay",
                          "Delay of a grant, scheduler host to UE (s, >= 0): uploads start "
                          "this long after the decision.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&EdgeControlChannel::m_grantDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("RejectionDelay",
                          "Delay of a rejection, scheduler host to UE (s, >= 0).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&EdgeControlChannel::m_rejectionDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("ResultDelay",
                          "Delay of a result, edge server to UE (s, >= 0); the scheduler host "
                          "plans with deadlines shortened by it.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&EdgeControlChannel::m_resultDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("RequestLoss",
                          "Probability that a task request is lost, in [0, 1].",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&EdgeControlChannel::m_requestLoss),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("GrantLoss",
                          "Probability that a grant is lost, in [0, 1]; the UE then sends "
                          "nothing for that task.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&EdgeControlChannel::m_grantLoss),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("RejectionLoss",
                          "Probability that a rejection is lost, in [0, 1].",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&EdgeControlChannel::m_rejectionLoss),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("ResultLoss",
                          "Probability that a result is lost, in [0, 1]; the task then "
                          "ends at the UE with outcome no-response.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&EdgeControlChannel::m_resultLoss),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddTraceSource("Tx",
                            "A message is sent: type, the task's record.",
                            MakeTraceSourceAccessor(&EdgeControlChannel::m_txTrace),
                            "ns3::EdgeControlChannel::MessageTracedCallback")
            .AddTraceSource("Rx",
                            "A message is delivered: type, the task's record.",
                            MakeTraceSourceAccessor(&EdgeControlChannel::m_rxTrace),
                            "ns3::EdgeControlChannel::MessageTracedCallback")
            .AddTraceSource("Drop",
                            "A message is lost: type, the task's record.",
                            MakeTraceSourceAccessor(&EdgeControlChannel::m_dropTrace),
                            "ns3::EdgeControlChannel::MessageTracedCallback");
    return tid;
}

EdgeControlChannel::EdgeControlChannel()
    : m_requestDelay(Seconds(0)),
      m_grantDelay(Seconds(0)),
      m_rejectionDelay(Seconds(0)),
      m_resultDelay(Seconds(0)),
      m_requestLoss(0),
      m_grantLoss(0),
      m_rejectionLoss(0),
      m_resultLoss(0)
{
    NS_LOG_FUNCTION(this);
    m_lossDraw = CreateObject<UniformRandomVariable>();
}

EdgeControlChannel::~EdgeControlChannel()
{
    NS_LOG_FUNCTION(this);
}

void
EdgeControlChannel::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_controller = nullptr;
    m_lossDraw = nullptr;
    Object::DoDispose();
}

void
EdgeControlChannel::SetController(Ptr<EdgeController> controller)
{
    m_controller = controller;
}

std::pair<Time, double>
EdgeControlChannel::GetSettings(EdgeControlMessage type) const
{
    switch (type)
    {
    case EdgeControlMessage::REQUEST:
        return {m_requestDelay, m_requestLoss};
    case EdgeControlMessage::GRANT:
        return {m_grantDelay, m_grantLoss};
    case EdgeControlMessage::REJECTION:
        return {m_rejectionDelay, m_rejectionLoss};
    case EdgeControlMessage::RESULT:
        return {m_resultDelay, m_resultLoss};
    }
    NS_ABORT_MSG("EdgeControlChannel: unknown message type");
    return {Time(0), 0.0};
}

Time
EdgeControlChannel::GetDelay(EdgeControlMessage type) const
{
    return GetSettings(type).first;
}

double
EdgeControlChannel::GetLossProbability(EdgeControlMessage type) const
{
    return GetSettings(type).second;
}

bool
EdgeControlChannel::CanLose() const
{
    return m_requestLoss > 0 || m_grantLoss > 0 || m_rejectionLoss > 0 || m_resultLoss > 0;
}

void
EdgeControlChannel::SendRequest(const InferenceTaskRecord& record, Ptr<InferenceClient> from)
{
    NS_ABORT_MSG_IF(!m_controller,
                    "EdgeControlChannel: no scheduler host to receive requests; use "
                    "EdgeInferenceHelper::Install or SetController()");
    Ptr<EdgeController> controller = m_controller;
    Send(EdgeControlMessage::REQUEST, record, [controller, record, from]() {
        controller->ReceiveRequest(record, from);
    });
}

void
EdgeControlChannel::SendGrant(const InferenceTaskRecord& record, Ptr<InferenceClient> to)
{
    Send(EdgeControlMessage::GRANT, record, [record, to]() { to->ReceiveGrant(record); });
}

void
EdgeControlChannel::SendRejection(const InferenceTaskRecord& record, Ptr<InferenceClient> to)
{
    Send(EdgeControlMessage::REJECTION, record, [record, to]() { to->ReceiveRejection(record); });
}

void
EdgeControlChannel::SendResult(const InferenceTaskRecord& record, Ptr<InferenceClient> to)
{
    Send(EdgeControlMessage::RESULT, record, [record, to]() { to->ReceiveResult(record); });
}

void
EdgeControlChannel::Send(EdgeControlMessage type,
                         const InferenceTaskRecord& record,
                         std::function<void()> receive)
{
    NS_LOG_FUNCTION(this << ToString(type) << record.taskId);
    m_txTrace(type, record);
    const double loss = GetLossProbability(type);
    if (loss > 0 && m_lossDraw->GetValue() < loss)
    {
        NS_LOG_LOGIC(ToString(type) << " of task " << record.taskId << " lost");
        m_dropTrace(type, record);
        return;
    }
    const Time delay = GetDelay(type);
    if (delay.IsZero())
    {
        Deliver(type, record, receive);
    }
    else
    {
        Simulator::Schedule(delay, &EdgeControlChannel::Deliver, this, type, record, receive);
    }
}

void
EdgeControlChannel::Deliver(EdgeControlMessage type,
                            InferenceTaskRecord record,
                            std::function<void()> receive)
{
    m_rxTrace(type, record);
    receive();
}

int64_t
EdgeControlChannel::AssignStreams(int64_t stream)
{
    m_lossDraw->SetStream(stream);
    return 1;
}

} // namespace ns3
