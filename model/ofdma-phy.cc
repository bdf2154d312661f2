/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ofdma-phy.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("OfdmaPhy");

NS_OBJECT_ENSURE_REGISTERED(OfdmaPhy);

TypeId
OfdmaPhy::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::OfdmaPhy").SetParent<SpectrumPhy>().SetGroupName("EdgeInference");
    return tid;
}

OfdmaPhy::OfdmaPhy()
{
    NS_LOG_FUNCTION(this);
}

OfdmaPhy::~OfdmaPhy()
{
    NS_LOG_FUNCTION(this);
}

void
OfdmaPhy::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_device = nullptr;
    m_mobility = nullptr;
    m_channel = nullptr;
    m_antenna = nullptr;
    m_model = nullptr;
    SpectrumPhy::DoDispose();
}

void
OfdmaPhy::SetDevice(Ptr<NetDevice> d)
{
    m_device = d;
}

Ptr<NetDevice>
OfdmaPhy::GetDevice() const
{
    return m_device;
}

void
OfdmaPhy::SetMobility(Ptr<MobilityModel> m)
{
    m_mobility = m;
}

Ptr<MobilityModel>
OfdmaPhy::GetMobility() const
{
    return m_mobility;
}

void
OfdmaPhy::SetChannel(Ptr<SpectrumChannel> c)
{
    m_channel = c;
}

Ptr<SpectrumChannel>
OfdmaPhy::GetChannel() const
{
    return m_channel;
}

Ptr<const SpectrumModel>
OfdmaPhy::GetRxSpectrumModel() const
{
    return m_model;
}

void
OfdmaPhy::SetCarrierModel(Ptr<const SpectrumModel> model)
{
    m_model = model;
}

Ptr<AntennaModel>
OfdmaPhy::GetAntennaModel() const
{
    return m_antenna;
}

void
OfdmaPhy::SetAntenna(Ptr<AntennaModel> antenna)
{
    m_antenna = antenna;
}

} // namespace ns3
