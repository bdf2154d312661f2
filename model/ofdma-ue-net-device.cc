/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ofdma-ue-net-device.h"

#include "ofdma-bs-net-device.h"
#include "ofdma-spectrum-signal-parameters.h"
#include "ofdma-ue-phy.h"
#include "uplink-rate-model.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("OfdmaUeNetDevice");

NS_OBJECT_ENSURE_REGISTERED(OfdmaUeNetDevice);

TypeId
OfdmaUeNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::OfdmaUeNetDevice")
            .SetParent<OfdmaNetDevice>()
            .SetGroupName("EdgeInference")
            .AddConstructor<OfdmaUeNetDevice>()
            .AddAttribute("TxPower",
                          "Total transmit power (dBm), spread evenly over the granted resource "
                          "blocks. Any finite dBm value is a positive power.",
                          DoubleValue(23.0),
                          MakeDoubleAccessor(&OfdmaUeNetDevice::m_txPowerDbm),
                          MakeDoubleChecker<double>(-300.0, 100.0))
            .AddAttribute("MaxQueuePackets",
                          "Capacity of the transmit queue (packets, >= 1); a packet sent to a "
                          "full queue is dropped (Drop trace, reason \"queue full\").",
                          UintegerValue(1000),
                          MakeUintegerAccessor(&OfdmaUeNetDevice::m_maxQueuePackets),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("MaxRetransmissions",
                          "ARQ: how many times a packet the BS failed to decode is sent again "
                          "(0 = never). A lost packet goes back to the head of the queue while "
                          "the grant it was sent in lasts (Retransmit trace); past the limit, "
                          "or once that grant has ended, it is dropped (Drop trace).",
                          UintegerValue(3),
                          MakeUintegerAccessor(&OfdmaUeNetDevice::m_maxRetransmissions),
                          MakeUintegerChecker<uint32_t>(0, 1000))
            .AddAttribute("FlushAtGrantEnd",
                          "Whether the packets still queued when a grant ends are dropped "
                          "(Drop trace, reason \"flushed\", after GrantEnd) instead of waiting "
                          "for the next grant. EdgeInferenceHelper sets it on the UEs it "
                          "serves, where each grant carries one task's data.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&OfdmaUeNetDevice::m_flushAtGrantEnd),
                          MakeBooleanChecker())
            .AddAttribute("Phy",
                          "The PHY of the device.",
                          PointerValue(),
                          MakePointerAccessor(&OfdmaUeNetDevice::GetPhy),
                          MakePointerChecker<OfdmaUePhy>())
            .AddTraceSource("TxStart",
                            "A packet starts on the air: packet, grant, rate (bit/s).",
                            MakeTraceSourceAccessor(&OfdmaUeNetDevice::m_txStartTrace),
                            "ns3::OfdmaUeNetDevice::TxStartTracedCallback")
            .AddTraceSource("TxEnd",
                            "A packet's transmission ended.",
                            MakeTraceSourceAccessor(&OfdmaUeNetDevice::m_txEndTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("GrantEnd",
                            "A grant ended: grant, bytes and packets still queued.",
                            MakeTraceSourceAccessor(&OfdmaUeNetDevice::m_grantEndTrace),
                            "ns3::OfdmaUeNetDevice::GrantEndTracedCallback")
            .AddTraceSource("Retransmit",
                            "A packet the BS failed to decode goes back to the head of the "
                            "queue: packet, which retransmission (1 = the first).",
                            MakeTraceSourceAccessor(&OfdmaUeNetDevice::m_retransmitTrace),
                            "ns3::OfdmaUeNetDevice::RetransmitTracedCallback")
            .AddTraceSource("Drop",
                            "A packet was dropped by the UE: packet, reason (\"queue full\", "
                            "\"no serving BS\", \"flushed\": discarded by FlushQueue; "
                            "\"retransmission limit\" or \"grant ended\": lost on the air "
                            "and not sent again).",
                            MakeTraceSourceAccessor(&OfdmaUeNetDevice::m_dropTrace),
                            "ns3::OfdmaUeNetDevice::DropTracedCallback");
    return tid;
}

OfdmaUeNetDevice::OfdmaUeNetDevice()
    : m_txPowerDbm(23.0),
      m_maxQueuePackets(1000),
      m_maxRetransmissions(3),
      m_flushAtGrantEnd(false),
      m_queuedBytes(0),
      m_hasActiveGrant(false),
      m_transmitting(false)
{
    NS_LOG_FUNCTION(this);
}

OfdmaUeNetDevice::~OfdmaUeNetDevice()
{
    NS_LOG_FUNCTION(this);
}

void
OfdmaUeNetDevice::DoDispose()
{
    NS_LOG_FUNCTION(this);
    CancelGrants();
    m_txEndEvent.Cancel();
    m_queue.clear();
    m_unacknowledged.clear();
    m_txPacket = nullptr;
    if (m_phy)
    {
        m_phy->Dispose();
    }
    m_phy = nullptr;
    m_bs = nullptr;
    OfdmaNetDevice::DoDispose();
}

// ---- grants and transmission ----

void
OfdmaUeNetDevice::SetGrant(const OfdmaGrant& grant)
{
    NS_LOG_FUNCTION(this << grant);
    NS_ABORT_MSG_UNLESS(m_bs,
                        "OfdmaUeNetDevice::SetGrant: UE " << Mac48Address::ConvertFrom(GetAddress())
                                                          << " has no serving BS");
    for (const auto& p : m_grants)
    {
        NS_ABORT_MSG_IF(grant.start < p.grant.end && p.grant.start < grant.end,
                        "OfdmaUeNetDevice::SetGrant: grant "
                            << grant << " of UE " << Mac48Address::ConvertFrom(GetAddress())
                            << " overlaps in time its grant " << p.grant);
    }
    m_bs->RegisterGrant(this, grant); // aborts with the reason if invalid
    const Time now = Simulator::Now();
    PendingGrant p;
    p.grant = grant;
    p.startEvent = Simulator::Schedule(std::max(grant.start - now, Time(0)),
                                       &OfdmaUeNetDevice::StartGrant,
                                       this,
                                       grant);
    p.endEvent = Simulator::Schedule(grant.end - now, &OfdmaUeNetDevice::EndGrant, this, grant);
    m_grants.push_back(p);
}

void
OfdmaUeNetDevice::StartGrant(OfdmaGrant grant)
{
    NS_LOG_FUNCTION(this << grant);
    m_activeGrant = grant;
    m_hasActiveGrant = true;
    TryTransmit();
}

void
OfdmaUeNetDevice::EndGrant(OfdmaGrant grant)
{
    NS_LOG_FUNCTION(this << grant);
    // A grant that starts exactly when this one ends may already be active.
    if (m_hasActiveGrant && m_activeGrant == grant)
    {
        m_hasActiveGrant = false;
    }
    m_grants.erase(std::remove_if(m_grants.begin(),
                                  m_grants.end(),
                                  [&grant](const PendingGrant& p) { return p.grant == grant; }),
                   m_grants.end());
    NS_LOG_LOGIC("grant " << grant << " ends with " << m_queuedBytes << " bytes queued");
    m_grantEndTrace(grant, m_queuedBytes, m_queue.size());
    if (m_flushAtGrantEnd)
    {
        FlushQueue();
    }
}

void
OfdmaUeNetDevice::CancelGrants()
{
    NS_LOG_FUNCTION(this);
    for (auto& p : m_grants)
    {
        p.startEvent.Cancel();
        p.endEvent.Cancel();
    }
    m_grants.clear();
    m_hasActiveGrant = false;
}

void
OfdmaUeNetDevice::TryTransmit()
{
    NS_LOG_FUNCTION(this);
    if (!m_hasActiveGrant || m_transmitting || m_queue.empty())
    {
        return;
    }
    const OfdmaGrant& g = m_activeGrant;
    const Item& head = m_queue.front();
    const OfdmaLinkAdaptation la = m_bs->ComputeLinkAdaptation(this, g.firstRb, g.nRbs);
    const double bits = 8.0 * head.packet->GetSize();
    const double airtimeS = la.rateBps > 0 ? bits / la.rateBps : HUGE_VAL;
    const Time left = g.end - Simulator::Now();
    if (airtimeS > left.GetSeconds())
    {
        NS_LOG_LOGIC("head packet (" << bits << " bit at " << la.rateBps
                                     << " bit/s) does not fit before the grant end; waits");
        return;
    }
    // Round the airtime up to the time resolution: never faster than the rate.
    const double stepsPerSecond = static_cast<double>(Seconds(1).GetTimeStep());
    Time airtime = TimeStep(static_cast<uint64_t>(std::ceil(airtimeS * stepsPerSecond)));
    if (airtime > left)
    {
        return; // fits only before rounding
    }

    Ptr<Packet> packet = head.packet;
    auto params = Create<OfdmaSpectrumSignalParameters>();
    params->packet = packet;
    params->protocol = head.protocol;
    m_unacknowledged[packet->GetUid()] = Unacknowledged{head, g};
    params->firstRb = g.firstRb;
    params->nRbs = g.nRbs;
    params->rateBps = la.rateBps;
    params->mcs = la.mcs;
    params->ue = this;
    params->bs = m_bs;
    m_queuedBytes -= packet->GetSize();
    m_queue.pop_front();

    m_transmitting = true;
    m_txPacket = packet;
    NS_LOG_LOGIC("tx " << packet->GetSize() << " B on " << g << " at " << la.rateBps
                       << " bit/s (SINR " << la.sinrDb << " dB) for " << airtime.As(Time::US));
    m_txStartTrace(packet, g, la.rateBps);
    m_txEndEvent = Simulator::Schedule(airtime, &OfdmaUeNetDevice::EndTx, this);
    m_phy->StartTx(params, airtime, GetTxPowerW());
}

void
OfdmaUeNetDevice::EndTx()
{
    NS_LOG_FUNCTION(this);
    m_transmitting = false;
    Ptr<Packet> p = m_txPacket;
    m_txPacket = nullptr;
    m_txEndTrace(p);
    TryTransmit();
}

void
OfdmaUeNetDevice::ReceiveArqFeedback(uint64_t packetUid, bool decoded)
{
    NS_LOG_FUNCTION(this << packetUid << decoded);
    const auto it = m_unacknowledged.find(packetUid);
    if (it == m_unacknowledged.end())
    {
        NS_LOG_LOGIC("feedback on packet " << packetUid << ", not awaited; ignored");
        return;
    }
    Unacknowledged sent = it->second;
    m_unacknowledged.erase(it);
    if (decoded)
    {
        return;
    }
    if (sent.item.retransmissions >= m_maxRetransmissions)
    {
        m_dropTrace(sent.item.packet, "retransmission limit");
        return;
    }
    // Only within the grant it was sent in: a later grant belongs to a
    // later task, which must not carry this one's data.
    const bool sameGrant = m_hasActiveGrant && m_activeGrant == sent.grant;
    if (!sameGrant)
    {
        m_dropTrace(sent.item.packet, "grant ended");
        return;
    }
    ++sent.item.retransmissions;
    NS_LOG_LOGIC("packet " << packetUid << " lost; retransmission " << sent.item.retransmissions);
    m_retransmitTrace(sent.item.packet, sent.item.retransmissions);
    m_queuedBytes += sent.item.packet->GetSize();
    m_queue.push_front(sent.item);
    TryTransmit();
}

uint32_t
OfdmaUeNetDevice::FlushQueue()
{
    NS_LOG_FUNCTION(this);
    std::deque<Item> flushed;
    flushed.swap(m_queue);
    m_queuedBytes = 0;
    NS_LOG_LOGIC("flushing " << flushed.size() << " queued packets");
    for (const Item& item : flushed)
    {
        m_dropTrace(item.packet, "flushed");
    }
    return flushed.size();
}

uint32_t
OfdmaUeNetDevice::GetQueuedBytes() const
{
    return m_queuedBytes;
}

uint32_t
OfdmaUeNetDevice::GetQueuedPackets() const
{
    return m_queue.size();
}

bool
OfdmaUeNetDevice::IsTransmitting() const
{
    return m_transmitting;
}

double
OfdmaUeNetDevice::GetTxPowerW() const
{
    return edgeinference::DbmToW(m_txPowerDbm);
}

// ---- wiring ----

Ptr<OfdmaUePhy>
OfdmaUeNetDevice::GetPhy() const
{
    return m_phy;
}

void
OfdmaUeNetDevice::SetPhy(Ptr<OfdmaUePhy> phy)
{
    NS_LOG_FUNCTION(this << phy);
    m_phy = phy;
    m_phy->SetDevice(this);
    if (m_bs)
    {
        m_phy->SetSpectrumModel(m_bs->GetSpectrumModel(), m_bs->GetResourceBlockWidth());
    }
}

Ptr<OfdmaBsNetDevice>
OfdmaUeNetDevice::GetServingBs() const
{
    return m_bs;
}

void
OfdmaUeNetDevice::SetServingBs(Ptr<OfdmaBsNetDevice> bs)
{
    NS_LOG_FUNCTION(this << bs);
    if (bs == m_bs)
    {
        return;
    }
    CancelGrants();
    if (m_bs)
    {
        m_bs->RemoveUe(this);
    }
    m_bs = bs;
    if (m_bs)
    {
        m_bs->AddUe(this);
        if (m_phy)
        {
            m_phy->SetSpectrumModel(m_bs->GetSpectrumModel(), m_bs->GetResourceBlockWidth());
        }
    }
    NotifyLinkChange();
}

// ---- NetDevice ----

bool
OfdmaUeNetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << dest << protocolNumber);
    if (!m_bs)
    {
        m_dropTrace(packet, "no serving BS");
        return false;
    }
    if (m_queue.size() >= m_maxQueuePackets)
    {
        m_dropTrace(packet, "queue full");
        return false;
    }
    Item item;
    item.packet = packet;
    item.protocol = protocolNumber;
    m_queue.push_back(item);
    m_queuedBytes += packet->GetSize();
    TryTransmit();
    return true;
}

Ptr<Channel>
OfdmaUeNetDevice::GetChannel() const
{
    return m_phy ? m_phy->GetChannel() : nullptr;
}

bool
OfdmaUeNetDevice::IsLinkUp() const
{
    return m_bs != nullptr;
}

} // namespace ns3
