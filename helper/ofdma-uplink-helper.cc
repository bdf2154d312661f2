/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ofdma-uplink-helper.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/mobility-model.h"
#include "ns3/ofdma-bs-net-device.h"
#include "ns3/ofdma-bs-phy.h"
#include "ns3/ofdma-ue-net-device.h"
#include "ns3/ofdma-ue-phy.h"
#include "ns3/propagation-delay-model.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("OfdmaUplinkHelper");

OfdmaUplinkHelper::OfdmaUplinkHelper()
    : m_fadingEnabled(true),
      m_delayEnabled(true),
      m_streamsAssignedToChannel(false)
{
    NS_LOG_FUNCTION(this);
    m_channelFactory.SetTypeId("ns3::SingleModelSpectrumChannel");
    // 128.1 + 37.6 log10(d / km) = 15.3 + 37.6 log10(d / m): ns-3's
    // log-distance model is constant below its reference distance, so the
    // reference must be 1 m (a 1 km reference would flatten every d < 1 km).
    m_pathLossFactory.SetTypeId("ns3::LogDistancePropagationLossModel");
    m_pathLossFactory.Set("Exponent", DoubleValue(3.76));
    m_pathLossFactory.Set("ReferenceDistance", DoubleValue(1.0));
    m_pathLossFactory.Set("ReferenceLoss", DoubleValue(128.1 - 37.6 * 3));
    m_fadingFactory.SetTypeId("ns3::RayleighBlockFadingLossModel");
    m_delayFactory.SetTypeId("ns3::ConstantSpeedPropagationDelayModel");
    m_bsDeviceFactory.SetTypeId("ns3::OfdmaBsNetDevice");
    m_ueDeviceFactory.SetTypeId("ns3::OfdmaUeNetDevice");
}

OfdmaUplinkHelper::~OfdmaUplinkHelper()
{
    NS_LOG_FUNCTION(this);
}

void
OfdmaUplinkHelper::CheckNotCreated(const char* what) const
{
    NS_ABORT_MSG_IF(m_channel,
                    "OfdmaUplinkHelper: " << what << " must be set before the channel is created "
                                          << "(first GetChannel or Install)");
}

void
OfdmaUplinkHelper::SetChannelType(std::string type)
{
    CheckNotCreated("SetChannelType");
    m_channelFactory.SetTypeId(type);
}

void
OfdmaUplinkHelper::SetChannelAttribute(std::string n, const AttributeValue& v)
{
    CheckNotCreated("SetChannelAttribute");
    m_channelFactory.Set(n, v);
}

void
OfdmaUplinkHelper::SetPathLossModelType(std::string type)
{
    CheckNotCreated("SetPathLossModelType");
    m_pathLossFactory = ObjectFactory();
    m_pathLossFactory.SetTypeId(type);
}

void
OfdmaUplinkHelper::SetPathLossModelAttribute(std::string n, const AttributeValue& v)
{
    CheckNotCreated("SetPathLossModelAttribute");
    m_pathLossFactory.Set(n, v);
}

void
OfdmaUplinkHelper::SetFadingModelType(std::string type)
{
    CheckNotCreated("SetFadingModelType");
    m_fadingFactory = ObjectFactory();
    m_fadingFactory.SetTypeId(type);
    m_fadingEnabled = true;
}

void
OfdmaUplinkHelper::SetFadingModelAttribute(std::string n, const AttributeValue& v)
{
    CheckNotCreated("SetFadingModelAttribute");
    m_fadingFactory.Set(n, v);
}

void
OfdmaUplinkHelper::EnableFading(bool enable)
{
    CheckNotCreated("EnableFading");
    m_fadingEnabled = enable;
}

void
OfdmaUplinkHelper::SetPropagationDelayModelType(std::string type)
{
    CheckNotCreated("SetPropagationDelayModelType");
    m_delayEnabled = !type.empty();
    if (m_delayEnabled)
    {
        m_delayFactory = ObjectFactory();
        m_delayFactory.SetTypeId(type);
    }
}

void
OfdmaUplinkHelper::SetBsDeviceAttribute(std::string n, const AttributeValue& v)
{
    m_bsDeviceFactory.Set(n, v);
}

void
OfdmaUplinkHelper::SetUeDeviceAttribute(std::string n, const AttributeValue& v)
{
    m_ueDeviceFactory.Set(n, v);
}

void
OfdmaUplinkHelper::CreateChannel()
{
    if (m_channel)
    {
        return;
    }
    NS_LOG_FUNCTION(this);
    m_channel = m_channelFactory.Create<SpectrumChannel>();
    m_pathLoss = m_pathLossFactory.Create<PropagationLossModel>();
    if (m_fadingEnabled)
    {
        m_fading = m_fadingFactory.Create<PropagationLossModel>();
        m_pathLoss->SetNext(m_fading);
    }
    m_channel->AddPropagationLossModel(m_pathLoss);
    if (m_delayEnabled)
    {
        m_channel->SetPropagationDelayModel(m_delayFactory.Create<PropagationDelayModel>());
    }
}

Ptr<SpectrumChannel>
OfdmaUplinkHelper::GetChannel()
{
    CreateChannel();
    return m_channel;
}

Ptr<PropagationLossModel>
OfdmaUplinkHelper::GetPathLossModel()
{
    CreateChannel();
    return m_pathLoss;
}

Ptr<PropagationLossModel>
OfdmaUplinkHelper::GetFadingModel()
{
    CreateChannel();
    return m_fading;
}

NetDeviceContainer
OfdmaUplinkHelper::InstallBs(NodeContainer bsNodes)
{
    NS_LOG_FUNCTION(this);
    CreateChannel();
    NetDeviceContainer devices;
    for (auto it = bsNodes.Begin(); it != bsNodes.End(); ++it)
    {
        Ptr<Node> node = *it;
        Ptr<MobilityModel> mobility = node->GetObject<MobilityModel>();
        NS_ABORT_MSG_UNLESS(mobility,
                            "OfdmaUplinkHelper::InstallBs: node " << node->GetId()
                                                                  << " has no MobilityModel");
        Ptr<OfdmaBsNetDevice> dev = m_bsDeviceFactory.Create<OfdmaBsNetDevice>();
        Ptr<OfdmaBsPhy> phy = CreateObject<OfdmaBsPhy>();
        phy->SetMobility(mobility);
        phy->SetChannel(m_channel);
        dev->SetAddress(Mac48Address::Allocate());
        dev->SetNode(node);
        dev->SetPhy(phy); // builds the carrier from the device attributes
        node->AddDevice(dev);
        m_channel->AddRx(phy); // the BS is the only receiver of uplink signals
        devices.Add(dev);
    }
    return devices;
}

NetDeviceContainer
OfdmaUplinkHelper::InstallUe(NodeContainer ueNodes, Ptr<NetDevice> servingBs)
{
    NS_LOG_FUNCTION(this << servingBs);
    CreateChannel();
    Ptr<OfdmaBsNetDevice> bs = DynamicCast<OfdmaBsNetDevice>(servingBs);
    NS_ABORT_MSG_UNLESS(bs && bs->GetPhy(),
                        "OfdmaUplinkHelper::InstallUe: servingBs is not an OfdmaBsNetDevice "
                        "installed by InstallBs");
    NS_ABORT_MSG_UNLESS(bs->GetPhy()->GetChannel() == m_channel,
                        "OfdmaUplinkHelper::InstallUe: servingBs is on another helper's channel");
    NetDeviceContainer devices;
    for (auto it = ueNodes.Begin(); it != ueNodes.End(); ++it)
    {
        Ptr<Node> node = *it;
        Ptr<MobilityModel> mobility = node->GetObject<MobilityModel>();
        NS_ABORT_MSG_UNLESS(mobility,
                            "OfdmaUplinkHelper::InstallUe: node " << node->GetId()
                                                                  << " has no MobilityModel");
        Ptr<OfdmaUeNetDevice> dev = m_ueDeviceFactory.Create<OfdmaUeNetDevice>();
        Ptr<OfdmaUePhy> phy = CreateObject<OfdmaUePhy>();
        phy->SetMobility(mobility);
        phy->SetChannel(m_channel); // transmit only: not added as a receiver
        dev->SetAddress(Mac48Address::Allocate());
        dev->SetNode(node);
        dev->SetPhy(phy);
        dev->SetServingBs(bs);
        node->AddDevice(dev);
        devices.Add(dev);
    }
    return devices;
}

int64_t
OfdmaUplinkHelper::AssignStreams(NetDeviceContainer devices, int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    int64_t current = stream;
    if (!m_streamsAssignedToChannel)
    {
        CreateChannel();
        current += m_pathLoss->AssignStreams(current); // whole chain, fading included
        m_streamsAssignedToChannel = true;
    }
    for (auto it = devices.Begin(); it != devices.End(); ++it)
    {
        Ptr<OfdmaBsNetDevice> bs = DynamicCast<OfdmaBsNetDevice>(*it);
        if (bs)
        {
            current += bs->AssignStreams(current);
        }
    }
    return current - stream;
}

void
OfdmaUplinkHelper::EnableLogComponents()
{
    LogComponentEnable("OfdmaUplinkHelper", LOG_LEVEL_ALL);
    LogComponentEnable("OfdmaNetDevice", LOG_LEVEL_ALL);
    LogComponentEnable("OfdmaUeNetDevice", LOG_LEVEL_ALL);
    LogComponentEnable("OfdmaBsNetDevice", LOG_LEVEL_ALL);
    LogComponentEnable("OfdmaPhy", LOG_LEVEL_ALL);
    LogComponentEnable("OfdmaUePhy", LOG_LEVEL_ALL);
    LogComponentEnable("OfdmaBsPhy", LOG_LEVEL_ALL);
    LogComponentEnable("OfdmaRateMapping", LOG_LEVEL_ALL);
    LogComponentEnable("OfdmaSpectrumModel", LOG_LEVEL_ALL);
    LogComponentEnable("OfdmaSpectrumSignalParameters", LOG_LEVEL_ALL);
    LogComponentEnable("RayleighBlockFadingLossModel", LOG_LEVEL_ALL);
}

} // namespace ns3
