/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ofdma-net-device.h"

#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("OfdmaNetDevice");

NS_OBJECT_ENSURE_REGISTERED(OfdmaNetDevice);

TypeId
OfdmaNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::OfdmaNetDevice")
            .SetParent<NetDevice>()
            .SetGroupName("EdgeInference")
            .AddAttribute("Mtu",
                          "Maximum transmission unit (bytes) announced to the upper layers.",
                          UintegerValue(1500),
                          MakeUintegerAccessor(&OfdmaNetDevice::SetMtu, &OfdmaNetDevice::GetMtu),
                          MakeUintegerChecker<uint16_t>(68));
    return tid;
}

OfdmaNetDevice::OfdmaNetDevice()
    : m_ifIndex(0),
      m_mtu(1500)
{
    NS_LOG_FUNCTION(this);
}

OfdmaNetDevice::~OfdmaNetDevice()
{
    NS_LOG_FUNCTION(this);
}

void
OfdmaNetDevice::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_node = nullptr;
    m_rxCallback =
        MakeNullCallback<bool, Ptr<NetDevice>, Ptr<const Packet>, uint16_t, const Address&>();
    m_promiscRxCallback = MakeNullCallback<bool,
                                           Ptr<NetDevice>,
                                           Ptr<const Packet>,
                                           uint16_t,
                                           const Address&,
                                           const Address&,
                                           PacketType>();
    NetDevice::DoDispose();
}

void
OfdmaNetDevice::NotifyLinkChange()
{
    NS_LOG_FUNCTION(this);
    m_linkChanges();
}

void
OfdmaNetDevice::ForwardUp(Ptr<Packet> packet, uint16_t protocol, const Address& from)
{
    NS_LOG_FUNCTION(this << packet << protocol << from);
    if (!m_promiscRxCallback.IsNull())
    {
        m_promiscRxCallback(this, packet, protocol, from, m_address, NetDevice::PACKET_HOST);
    }
    if (!m_rxCallback.IsNull())
    {
        m_rxCallback(this, packet, protocol, from);
    }
}

bool
OfdmaNetDevice::SendFrom(Ptr<Packet> packet,
                         const Address& source,
                         const Address& dest,
                         uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << source << dest << protocolNumber);
    NS_LOG_WARN("OFDMA devices do not support SendFrom: packet to " << dest << " not sent");
    return false;
}

bool
OfdmaNetDevice::SupportsSendFrom() const
{
    return false;
}

void
OfdmaNetDevice::SetIfIndex(const uint32_t index)
{
    m_ifIndex = index;
}

uint32_t
OfdmaNetDevice::GetIfIndex() const
{
    return m_ifIndex;
}

void
OfdmaNetDevice::SetAddress(Address address)
{
    m_address = Mac48Address::ConvertFrom(address);
}

Address
OfdmaNetDevice::GetAddress() const
{
    return m_address;
}

bool
OfdmaNetDevice::SetMtu(const uint16_t mtu)
{
    m_mtu = mtu;
    return true;
}

uint16_t
OfdmaNetDevice::GetMtu() const
{
    return m_mtu;
}

void
OfdmaNetDevice::AddLinkChangeCallback(Callback<void> callback)
{
    m_linkChanges.ConnectWithoutContext(callback);
}

bool
OfdmaNetDevice::IsBroadcast() const
{
    return true;
}

Address
OfdmaNetDevice::GetBroadcast() const
{
    return Mac48Address::GetBroadcast();
}

bool
OfdmaNetDevice::IsMulticast() const
{
    return true;
}

Address
OfdmaNetDevice::GetMulticast(Ipv4Address multicastGroup) const
{
    return Mac48Address::GetMulticast(multicastGroup);
}

Address
OfdmaNetDevice::GetMulticast(Ipv6Address addr) const
{
    return Mac48Address::GetMulticast(addr);
}

bool
OfdmaNetDevice::IsBridge() const
{
    return false;
}

bool
OfdmaNetDevice::IsPointToPoint() const
{
    return false;
}

Ptr<Node>
OfdmaNetDevice::GetNode() const
{
    return m_node;
}

void
OfdmaNetDevice::SetNode(Ptr<Node> node)
{
    m_node = node;
}

bool
OfdmaNetDevice::NeedsArp() const
{
    return false;
}

void
OfdmaNetDevice::SetReceiveCallback(NetDevice::ReceiveCallback cb)
{
    m_rxCallback = cb;
}

void
OfdmaNetDevice::SetPromiscReceiveCallback(PromiscReceiveCallback cb)
{
    m_promiscRxCallback = cb;
}

} // namespace ns3
