/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "edge-inference-helper.h"

#include "ns3/boolean.h"
#include "ns3/c2-scheduler.h"
#include "ns3/double.h"
#include "ns3/edge-control-channel.h"
#include "ns3/edge-controller.h"
#include "ns3/edge-inference-error.h"
#include "ns3/edge-server.h"
#include "ns3/inference-client.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/ofdma-bs-net-device.h"
#include "ns3/ofdma-ue-net-device.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/task-arrival-process.h"
#include "ns3/uinteger.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EdgeInferenceHelper");

ApplicationContainer
EdgeInferenceApplications::GetAll() const
{
    ApplicationContainer all;
    all.Add(controller);
    all.Add(server);
    all.Add(clients);
    return all;
}

Ptr<EdgeController>
EdgeInferenceApplications::GetController() const
{
    return controller.GetN() ? DynamicCast<EdgeController>(controller.Get(0)) : nullptr;
}

Ptr<EdgeServer>
EdgeInferenceApplications::GetServer() const
{
    return server.GetN() ? DynamicCast<EdgeServer>(server.Get(0)) : nullptr;
}

EdgeInferenceHelper::EdgeInferenceHelper()
    : m_hasProfile(false),
      m_arrivalsSet(false),
      m_clientAccuracySet(false),
      m_nextUserId(0)
{
    m_controllerFactory.SetTypeId(EdgeController::GetTypeId());
    m_serverFactory.SetTypeId(EdgeServer::GetTypeId());
    m_controlFactory.SetTypeId(EdgeControlChannel::GetTypeId());
    m_clientFactory.SetTypeId(InferenceClient::GetTypeId());
    SetSchedulerType("ns3::TreeSearchC2Scheduler");
}

std::vector<std::string>
EdgeInferenceHelper::GetSchedulerTypeNames()
{
    std::vector<std::string> names;
    const TypeId base = C2Scheduler::GetTypeId();
    for (uint16_t i = 0; i < TypeId::GetRegisteredN(); ++i)
    {
        const TypeId tid = TypeId::GetRegistered(i);
        if (tid != base && tid.IsChildOf(base) && tid.HasConstructor())
        {
            names.push_back(tid.GetName());
        }
    }
    return names;
}

void
EdgeInferenceHelper::SetSchedulerType(std::string type)
{
    TypeId tid;
    const bool found = TypeId::LookupByNameFailSafe(type, &tid);
    if (!found || !tid.IsChildOf(C2Scheduler::GetTypeId()) || !tid.HasConstructor())
    {
        std::ostringstream known;
        for (const auto& n : GetSchedulerTypeNames())
        {
            known << " " << n;
        }
        NS_FATAL_ERROR("EdgeInferenceHelper::SetSchedulerType: '"
                       << type << "' is "
                       << (found ? "not a C2Scheduler plugin" : "an unknown TypeId")
                       << "; known schedulers:" << known.str());
    }
    m_schedulerFactory = ObjectFactory();
    m_schedulerFactory.SetTypeId(tid);
}

std::string
EdgeInferenceHelper::GetSchedulerType() const
{
    return m_schedulerFactory.GetTypeId().GetName();
}

void
EdgeInferenceHelper::SetSchedulerAttribute(std::string n, const AttributeValue& v)
{
    m_schedulerFactory.Set(n, v);
}

void
EdgeInferenceHelper::SetProfile(const std::string& path)
{
    std::string error;
    try
    {
        SetProfile(EarlyExitProfile::ReadFile(path));
    }
    catch (const EdgeInferenceError& e)
    {
        error = e.what();
    }
    // Outside the handler, so the abort does not report an active exception.
    NS_ABORT_MSG_IF(!error.empty(), "EdgeInferenceHelper::SetProfile: " << error);
}

void
EdgeInferenceHelper::SetProfile(const EarlyExitProfile& profile)
{
    m_profile = profile;
    m_hasProfile = true;
}

const EarlyExitProfile&
EdgeInferenceHelper::GetProfile() const
{
    NS_ABORT_MSG_IF(!m_hasProfile, "EdgeInferenceHelper: no profile; call SetProfile first");
    return m_profile;
}

void
EdgeInferenceHelper::SetControllerAttribute(std::string n, const AttributeValue& v)
{
    m_controllerFactory.Set(n, v);
}

void
EdgeInferenceHelper::SetServerAttribute(std::string n, const AttributeValue& v)
{
    m_serverFactory.Set(n, v);
}

void
EdgeInferenceHelper::SetControlChannelAttribute(std::string n, const AttributeValue& v)
{
    m_controlFactory.Set(n, v);
}

void
EdgeInferenceHelper::SetClientAttribute(std::string n, const AttributeValue& v)
{
    NS_ABORT_MSG_IF(n == "Arrivals",
                    "EdgeInferenceHelper::SetClientAttribute: Arrivals would be one object "
                    "shared by every client; use SetArrivals and SetArrivalsAttribute");
    m_clientAccuracySet |= (n == "AccuracyRequirement");
    m_clientFactory.Set(n, v);
}

void
EdgeInferenceHelper::SetArrivals(std::string type)
{
    TypeId tid;
    const bool found = TypeId::LookupByNameFailSafe(type, &tid);
    NS_ABORT_MSG_IF(
        !found || !tid.IsChildOf(TaskArrivalProcess::GetTypeId()) || !tid.HasConstructor(),
        "EdgeInferenceHelper::SetArrivals: '"
            << type << "' is " << (found ? "not a TaskArrivalProcess" : "an unknown TypeId"));
    m_arrivalsFactory = ObjectFactory();
    m_arrivalsFactory.SetTypeId(tid);
    m_arrivalsSet = true;
}

void
EdgeInferenceHelper::SetArrivalsAttribute(std::string n, const AttributeValue& v)
{
    NS_ABORT_MSG_IF(!m_arrivalsSet,
                    "EdgeInferenceHelper::SetArrivalsAttribute(" << n
                                                                 << "): call SetArrivals first");
    m_arrivalsFactory.Set(n, v);
}

namespace
{

/**
 * @brief The OFDMA BS device of a node, if any.
 * @param node the node
 * @return its first OfdmaBsNetDevice; null if it has none
 */
Ptr<OfdmaBsNetDevice>
FindOfdmaBs(Ptr<Node> node)
{
    for (uint32_t i = 0; i < node->GetNDevices(); ++i)
    {
        if (auto bs = DynamicCast<OfdmaBsNetDevice>(node->GetDevice(i)))
        {
            return bs;
        }
    }
    return nullptr;
}

/**
 * @brief The OFDMA BS device of a node.
 * @param bsNode the BS node
 * @return its first OfdmaBsNetDevice (aborts, naming the node, if none)
 */
Ptr<OfdmaBsNetDevice>
FindBsDevice(Ptr<Node> bsNode)
{
    if (Ptr<OfdmaBsNetDevice> bs = FindOfdmaBs(bsNode))
    {
        return bs;
    }
    NS_ABORT_MSG("EdgeInferenceHelper::Install: the BS node (node "
                 << bsNode->GetId()
                 << ") has no OfdmaBsNetDevice; install the uplink (OfdmaUplinkHelper::InstallBs) "
                    "first");
    return nullptr;
}

} // namespace

EdgeInferenceApplications
EdgeInferenceHelper::Install(Ptr<Node> bsNode, Ptr<Node> serverNode, NodeContainer ueNodes)
{
    // The other checks come first, in the order the general Install makes them.
    const bool checked = m_hasProfile && bsNode && serverNode;
    return Install(bsNode,
                   serverNode,
                   ueNodes,
                   checked ? FindBsDevice(bsNode)->GetEdgeUplinkSapProvider() : nullptr);
}

EdgeInferenceApplications
EdgeInferenceHelper::Install(Ptr<Node> controllerNode,
                             Ptr<Node> serverNode,
                             NodeContainer ueNodes,
                             EdgeUplinkSapProvider* uplink)
{
    NS_ABORT_MSG_IF(!m_hasProfile,
                    "EdgeInferenceHelper::Install: no DNN profile; call SetProfile first");
    NS_ABORT_MSG_IF(!controllerNode || !serverNode,
                    "EdgeInferenceHelper::Install: null BS or server node");
    NS_ABORT_MSG_IF(!uplink, "EdgeInferenceHelper::Install: no uplink interface");
    NS_ABORT_MSG_IF(ueNodes.GetN() == 0,
                    "EdgeInferenceHelper::Install: no UE nodes (the number of users must be > 0)");

    // The server's address: the BS interface if the server is on an OFDMA
    // BS, else the node's first interface.
    Ptr<Ipv4> ipv4 = serverNode->GetObject<Ipv4>();
    NS_ABORT_MSG_IF(!ipv4 || ipv4->GetNInterfaces() < 2,
                    "EdgeInferenceHelper::Install: the server node has no IPv4 address; install "
                    "the Internet stack and assign addresses first");
    int32_t iface = 1;
    if (Ptr<OfdmaBsNetDevice> bs = serverNode == controllerNode ? FindOfdmaBs(serverNode) : nullptr)
    {
        iface = ipv4->GetInterfaceForDevice(bs);
        NS_ABORT_MSG_IF(iface < 0,
                        "EdgeInferenceHelper::Install: the BS device has no IPv4 interface");
    }
    const Ipv4Address serverAddress = ipv4->GetAddress(iface, 0).GetLocal();

    EdgeInferenceApplications apps;
    Ptr<EdgeControlChannel> control = m_controlFactory.Create<EdgeControlChannel>();
    Ptr<EdgeServer> server = m_serverFactory.Create<EdgeServer>();
    server->SetProfile(m_profile);
    server->SetControlChannel(control);
    serverNode->AddApplication(server);
    apps.server.Add(server);

    Ptr<EdgeController> controller = m_controllerFactory.Create<EdgeController>();
    controller->SetScheduler(m_schedulerFactory.Create<C2Scheduler>());
    controller->SetProfile(m_profile);
    controller->SetServer(server);
    controller->SetControlChannel(control);
    control->SetController(controller);
    controller->SetUplinkSapProvider(uplink);
    controllerNode->AddApplication(controller);
    apps.controller.Add(controller);

    TimeValue framePeriod;
    controller->GetAttribute("FramePeriod", framePeriod);
    UintegerValue port;
    server->GetAttribute("Port", port);
    for (uint32_t i = 0; i < ueNodes.GetN(); ++i)
    {
        Ptr<InferenceClient> client = CreateClient(serverAddress, port, framePeriod, control);
        ueNodes.Get(i)->AddApplication(client);
        if (Ptr<OfdmaUeNetDevice> ue = client->GetUeDevice())
        {
            // Each grant carries one task's data: leftovers are stale.
            ue->SetAttribute("FlushAtGrantEnd", BooleanValue(true));
        }
        apps.clients.Add(client);
    }
    return apps;
}

Ptr<InferenceClient>
EdgeInferenceHelper::CreateClient(Ipv4Address server,
                                  const UintegerValue& port,
                                  const TimeValue& framePeriod,
                                  Ptr<EdgeControlChannel> control)
{
    Ptr<InferenceClient> client = m_clientFactory.Create<InferenceClient>();
    client->SetAttribute("UserId", UintegerValue(m_nextUserId++));
    client->SetAttribute("RemoteAddress", AddressValue(server));
    client->SetAttribute("RemotePort", port);
    Ptr<TaskArrivalProcess> arrivals;
    if (m_arrivalsSet)
    {
        arrivals = m_arrivalsFactory.Create<TaskArrivalProcess>();
    }
    else
    {
        arrivals = CreateObject<PeriodicTaskArrivals>();
        arrivals->SetAttribute("Interval", framePeriod);
    }
    client->SetAttribute("Arrivals", PointerValue(arrivals));
    if (!m_clientAccuracySet)
    {
        // Default of the paper's scenario: A ~ U[a_1, a_N].
        Ptr<UniformRandomVariable> a = CreateObject<UniformRandomVariable>();
        a->SetAttribute("Min", DoubleValue(m_profile.GetExitAccuracy(1)));
        a->SetAttribute("Max", DoubleValue(m_profile.GetExitAccuracy(m_profile.GetNExits())));
        client->SetAttribute("AccuracyRequirement", PointerValue(a));
    }
    client->SetControlChannel(control);
    return client;
}

int64_t
EdgeInferenceHelper::AssignStreams(const EdgeInferenceApplications& apps, int64_t stream)
{
    int64_t used = 0;
    for (auto it = apps.clients.Begin(); it != apps.clients.End(); ++it)
    {
        if (auto c = DynamicCast<InferenceClient>(*it))
        {
            // A fixed stride keeps each client's streams independent of how
            // many of its variables exist.
            c->AssignStreams(stream + used);
            used += 4;
        }
    }
    for (auto it = apps.server.Begin(); it != apps.server.End(); ++it)
    {
        if (auto s = DynamicCast<EdgeServer>(*it))
        {
            used += s->AssignStreams(stream + used);
        }
    }
    if (Ptr<EdgeController> controller = apps.GetController())
    {
        if (Ptr<EdgeControlChannel> control = controller->GetControlChannel())
        {
            used += control->AssignStreams(stream + used);
        }
    }
    return used;
}

} // namespace ns3
