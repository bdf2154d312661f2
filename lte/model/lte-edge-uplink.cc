/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "lte-edge-uplink.h"

#include "edge-inference-ff-mac-scheduler.h"
#include "lte-uplink-amc.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/component-carrier-enb.h"
#include "ns3/log.h"
#include "ns3/lte-common.h"
#include "ns3/lte-enb-net-device.h"
#include "ns3/lte-ue-net-device.h"
#include "ns3/lte-ue-phy.h"
#include "ns3/lte-ue-rrc.h"
#include "ns3/uplink-rate-model.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LteEdgeUplink");
NS_OBJECT_ENSURE_REGISTERED(LteEdgeUplink);

TypeId
LteEdgeUplink::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LteEdgeUplink")
                            .SetParent<Object>()
                            .SetGroupName("EdgeInference")
                            .AddConstructor<LteEdgeUplink>();
    return tid;
}

LteEdgeUplink::LteEdgeUplink()
    : m_sap(std::make_unique<MemberEdgeUplinkSapProvider<LteEdgeUplink>>(this))
{
}

LteEdgeUplink::~LteEdgeUplink() = default;

void
LteEdgeUplink::DoDispose()
{
    m_enb = nullptr;
    m_scheduler = nullptr;
    m_ues.clear();
    Object::DoDispose();
}

void
LteEdgeUplink::SetEnbDevice(Ptr<LteEnbNetDevice> enb)
{
    NS_ABORT_MSG_IF(!enb, "LteEdgeUplink: null eNB device");
    NS_ABORT_MSG_IF(enb->GetCcMap().size() != 1,
                    "LteEdgeUplink: the eNB has " << enb->GetCcMap().size()
                                                  << " component carriers; one is supported");
    auto cc = DynamicCast<ComponentCarrierEnb>(enb->GetCcMap().begin()->second);
    m_scheduler = DynamicCast<EdgeInferenceFfMacScheduler>(cc->GetFfMacScheduler());
    NS_ABORT_MSG_IF(!m_scheduler,
                    "LteEdgeUplink: the eNB's scheduler is not ns3::EdgeInferenceFfMacScheduler "
                    "(LteHelper::SetSchedulerType before installing the eNB)");
    m_enb = enb;
}

void
LteEdgeUplink::AddUe(Ptr<LteUeNetDevice> ue)
{
    NS_ABORT_MSG_IF(!ue, "LteEdgeUplink: null UE device");
    BooleanValue powerControl;
    ue->GetPhy()->GetAttribute("EnableUplinkPowerControl", powerControl);
    NS_ABORT_MSG_IF(powerControl.Get(),
                    "LteEdgeUplink: UE IMSI "
                        << ue->GetImsi()
                        << " has ns3::LteUePhy::EnableUplinkPowerControl true; the plan's rates "
                           "assume a fixed transmit power (set it false)");
    m_ues[ue->GetAddress()] = ue;
}

EdgeUplinkSapProvider*
LteEdgeUplink::GetEdgeUplinkSapProvider()
{
    return m_sap.get();
}

uint32_t
LteEdgeUplink::DoGetNResourceBlocks() const
{
    NS_ABORT_MSG_IF(!m_enb, "LteEdgeUplink: no eNB (SetEnbDevice)");
    return m_enb->GetUlBandwidth();
}

double
LteEdgeUplink::DoGetResourceBlockWidth() const
{
    return kResourceBlockHz;
}

Time
LteEdgeUplink::DoGetTransmissionDelay() const
{
    return MilliSeconds(UL_PUSCH_TTIS_DELAY);
}

Ptr<LteUeNetDevice>
LteEdgeUplink::FindUe(const Address& ue) const
{
    auto it = m_ues.find(ue);
    NS_ABORT_MSG_IF(it == m_ues.end(),
                    "LteEdgeUplink: no UE device with address " << ue << " (AddUe)");
    return it->second;
}

uint16_t
LteEdgeUplink::ConnectedRnti(Ptr<LteUeNetDevice> ue) const
{
    Ptr<LteUeRrc> rrc = ue->GetRrc();
    const bool connected =
        rrc->GetState() == LteUeRrc::CONNECTED_NORMALLY && rrc->GetCellId() == m_enb->GetCellId();
    return connected ? rrc->GetRnti() : 0;
}

EdgeUplinkLinkState
LteEdgeUplink::DoGetLinkState(const Address& address) const
{
    Ptr<LteUeNetDevice> ue = FindUe(address);
    const uint32_t band = DoGetNResourceBlocks();
    const uint16_t rnti = ConnectedRnti(ue);
    const double sinr = rnti == 0 ? 0.0 : m_scheduler->GetUplinkSrsSinr(rnti);
    EdgeUplinkLinkState s;
    s.rateBps = edgeinference::LteUplinkRates(m_scheduler->GetAmc(), sinr, band, 1e-3);
    s.txPowerW = edgeinference::DbmToW(ue->GetPhy()->GetTxPower());
    s.gain = 0; // the rates come from the measured SINR, not a gain
    return s;
}

void
LteEdgeUplink::DoGrant(const Address& address, const OfdmaGrant& grant)
{
    Ptr<LteUeNetDevice> ue = FindUe(address);
    const uint16_t rnti = ConnectedRnti(ue);
    NS_ABORT_MSG_IF(rnti == 0,
                    "LteEdgeUplink: grant for UE IMSI " << ue->GetImsi()
                                                        << ", which is not connected to the cell");
    m_scheduler->AddPlannedGrant(rnti, grant.firstRb, grant.nRbs, grant.start, grant.end);
}

} // namespace ns3
