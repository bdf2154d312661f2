/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "edge-inference-ff-mac-scheduler.h"

#include "lte-uplink-amc.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/lte-amc.h"
#include "ns3/lte-common.h"
#include "ns3/lte-vendor-specific-parameters.h"
#include "ns3/object-factory.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/type-id.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EdgeInferenceFfMacScheduler");
NS_OBJECT_ENSURE_REGISTERED(EdgeInferenceFfMacScheduler);

namespace
{
/// The LTE TTI.
const Time kTti = MilliSeconds(1);
} // namespace

/**
 * The MAC as the downlink scheduler sees it: downlink decisions pass
 * through this scheduler, which notes the message-3 grants; the downlink
 * scheduler's uplink decisions never happen (its uplink trigger is never
 * called).
 */
class EdgeInferenceFfMacScheduler::DownlinkIndications : public FfMacSchedSapUser
{
  public:
    /// @param owner the scheduler
    explicit DownlinkIndications(EdgeInferenceFfMacScheduler* owner)
        : m_owner(owner)
    {
    }

    void SchedDlConfigInd(const SchedDlConfigIndParameters& params) override
    {
        m_owner->OnDownlinkDecision(params);
    }

    void SchedUlConfigInd(const SchedUlConfigIndParameters& /* params */) override
    {
        NS_FATAL_ERROR("EdgeInferenceFfMacScheduler: the downlink scheduler granted the uplink");
    }

  private:
    EdgeInferenceFfMacScheduler* m_owner; //!< the scheduler
};

TypeId
EdgeInferenceFfMacScheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::EdgeInferenceFfMacScheduler")
            .SetParent<FfMacScheduler>()
            .SetGroupName("EdgeInference")
            .AddConstructor<EdgeInferenceFfMacScheduler>()
            .AddAttribute("DownlinkScheduler",
                          "TypeId of the ns-3 FfMacScheduler that serves the downlink and the "
                          "random access responses",
                          TypeIdValue(TypeId::LookupByName("ns3::RrFfMacScheduler")),
                          MakeTypeIdAccessor(&EdgeInferenceFfMacScheduler::m_downlinkType),
                          MakeTypeIdChecker())
            .AddAttribute("HarqEnabled",
                          "Retransmit uplink transport blocks the eNB could not decode",
                          BooleanValue(true),
                          MakeBooleanAccessor(&EdgeInferenceFfMacScheduler::m_harqEnabled),
                          MakeBooleanChecker())
            .AddAttribute("MaxUlRetransmissions",
                          "Most HARQ retransmissions of one uplink transport block",
                          UintegerValue(3),
                          MakeUintegerAccessor(&EdgeInferenceFfMacScheduler::m_maxRetransmissions),
                          MakeUintegerChecker<uint8_t>(0, 7))
            .AddTraceSource("UlGrant",
                            "An uplink grant: RNTI, first block, blocks, MCS, transport block "
                            "bytes, and whether it is a HARQ retransmission",
                            MakeTraceSourceAccessor(&EdgeInferenceFfMacScheduler::m_ulGrantTrace),
                            "ns3::EdgeInferenceFfMacScheduler::UlGrantTracedCallback")
            .AddTraceSource("UlHarqNack",
                            "The eNB could not decode an uplink transport block of this RNTI",
                            MakeTraceSourceAccessor(&EdgeInferenceFfMacScheduler::m_ulNackTrace),
                            "ns3::EdgeInferenceFfMacScheduler::RntiTracedCallback");
    return tid;
}

EdgeInferenceFfMacScheduler::EdgeInferenceFfMacScheduler()
    : m_cschedSapUser(nullptr),
      m_schedSapUser(nullptr),
      m_cschedSapProvider(new MemberCschedSapProvider<EdgeInferenceFfMacScheduler>(this)),
      m_schedSapProvider(new MemberSchedSapProvider<EdgeInferenceFfMacScheduler>(this)),
      m_downlinkUser(std::make_unique<DownlinkIndications>(this)),
      m_harqEnabled(true),
      m_maxRetransmissions(3),
      m_amc(CreateObject<LteAmc>()),
      m_ulBandwidth(0)
{
    NS_LOG_FUNCTION(this);
}

EdgeInferenceFfMacScheduler::~EdgeInferenceFfMacScheduler()
{
    NS_LOG_FUNCTION(this);
}

void
EdgeInferenceFfMacScheduler::NotifyConstructionCompleted()
{
    FfMacScheduler::NotifyConstructionCompleted();
    NS_ABORT_MSG_IF(
        !m_downlinkType.IsChildOf(FfMacScheduler::GetTypeId()) || m_downlinkType == GetTypeId(),
        "EdgeInferenceFfMacScheduler: attribute DownlinkScheduler "
            << m_downlinkType.GetName() << " is not an ns-3 FfMacScheduler other than this one");
    ObjectFactory factory(m_downlinkType.GetName());
    TypeId::AttributeInformation harq;
    if (m_downlinkType.LookupAttributeByName("HarqEnabled", &harq))
    {
        // Its uplink HARQ bookkeeping (for random access grants) is never
        // used, and ns-3's schedulers abort in it when a preamble names an
        // RNTI they have not configured; the downlink is served simply.
        factory.Set("HarqEnabled", BooleanValue(false));
    }
    m_downlink = factory.Create<FfMacScheduler>();
    m_downlink->SetFfMacSchedSapUser(m_downlinkUser.get());
}

void
EdgeInferenceFfMacScheduler::DoDispose()
{
    NS_LOG_FUNCTION(this);
    delete m_cschedSapProvider;
    m_cschedSapProvider = nullptr;
    delete m_schedSapProvider;
    m_schedSapProvider = nullptr;
    if (m_downlink)
    {
        m_downlink->Dispose();
        m_downlink = nullptr;
    }
    m_amc = nullptr;
    FfMacScheduler::DoDispose();
}

void
EdgeInferenceFfMacScheduler::SetFfMacCschedSapUser(FfMacCschedSapUser* s)
{
    m_cschedSapUser = s;
    // The downlink scheduler confirms the configurations to the MAC itself.
    m_downlink->SetFfMacCschedSapUser(s);
}

void
EdgeInferenceFfMacScheduler::SetFfMacSchedSapUser(FfMacSchedSapUser* s)
{
    m_schedSapUser = s;
}

FfMacCschedSapProvider*
EdgeInferenceFfMacScheduler::GetFfMacCschedSapProvider()
{
    return m_cschedSapProvider;
}

FfMacSchedSapProvider*
EdgeInferenceFfMacScheduler::GetFfMacSchedSapProvider()
{
    return m_schedSapProvider;
}

void
EdgeInferenceFfMacScheduler::SetLteFfrSapProvider(LteFfrSapProvider* s)
{
    m_downlink->SetLteFfrSapProvider(s);
}

LteFfrSapUser*
EdgeInferenceFfMacScheduler::GetLteFfrSapUser()
{
    return m_downlink->GetLteFfrSapUser();
}

void
EdgeInferenceFfMacScheduler::AddPlannedGrant(uint16_t rnti,
                                             uint32_t firstRb,
                                             uint32_t nRbs,
                                             Time start,
                                             Time end)
{
    NS_LOG_FUNCTION(this << rnti << firstRb << nRbs << start << end);
    NS_ABORT_MSG_IF(nRbs == 0 || firstRb + nRbs > m_ulBandwidth,
                    "EdgeInferenceFfMacScheduler: blocks "
                        << firstRb << ".." << firstRb + nRbs << " for RNTI " << rnti
                        << " leave the uplink band of " << m_ulBandwidth << " blocks");
    NS_ABORT_MSG_IF(end <= start, "EdgeInferenceFfMacScheduler: empty window for RNTI " << rnti);
    m_planned[rnti].push_back({firstRb, nRbs, start, end});
}

double
EdgeInferenceFfMacScheduler::GetUplinkSrsSinr(uint16_t rnti) const
{
    auto it = m_srsSinr.find(rnti);
    return it == m_srsSinr.end() ? 0.0 : it->second;
}

uint32_t
EdgeInferenceFfMacScheduler::GetUlBandwidth() const
{
    return m_ulBandwidth;
}

Ptr<LteAmc>
EdgeInferenceFfMacScheduler::GetAmc() const
{
    return m_amc;
}

void
EdgeInferenceFfMacScheduler::DoCschedCellConfigReq(
    const FfMacCschedSapProvider::CschedCellConfigReqParameters& params)
{
    NS_ABORT_MSG_IF(m_ulCqiFilter != FfMacScheduler::SRS_UL_CQI,
                    "EdgeInferenceFfMacScheduler: attribute UlCqiFilter must be SRS_UL_CQI (the "
                    "plan's rates come from SRS measurements)");
    m_ulBandwidth = params.m_ulBandwidth;
    m_downlink->GetFfMacCschedSapProvider()->CschedCellConfigReq(params);
}

void
EdgeInferenceFfMacScheduler::DoCschedUeConfigReq(
    const FfMacCschedSapProvider::CschedUeConfigReqParameters& params)
{
    m_harq.emplace(params.m_rnti, UlHarqState{});
    m_downlink->GetFfMacCschedSapProvider()->CschedUeConfigReq(params);
}

void
EdgeInferenceFfMacScheduler::DoCschedLcConfigReq(
    const FfMacCschedSapProvider::CschedLcConfigReqParameters& params)
{
    m_downlink->GetFfMacCschedSapProvider()->CschedLcConfigReq(params);
}

void
EdgeInferenceFfMacScheduler::DoCschedLcReleaseReq(
    const FfMacCschedSapProvider::CschedLcReleaseReqParameters& params)
{
    m_downlink->GetFfMacCschedSapProvider()->CschedLcReleaseReq(params);
}

void
EdgeInferenceFfMacScheduler::DoCschedUeReleaseReq(
    const FfMacCschedSapProvider::CschedUeReleaseReqParameters& params)
{
    const uint16_t rnti = params.m_rnti;
    m_harq.erase(rnti);
    m_srsSinr.erase(rnti);
    m_planned.erase(rnti);
    m_bufferBytes.erase(rnti);
    m_downlink->GetFfMacCschedSapProvider()->CschedUeReleaseReq(params);
}

void
EdgeInferenceFfMacScheduler::DoSchedDlRlcBufferReq(
    const FfMacSchedSapProvider::SchedDlRlcBufferReqParameters& params)
{
    m_downlink->GetFfMacSchedSapProvider()->SchedDlRlcBufferReq(params);
}

void
EdgeInferenceFfMacScheduler::DoSchedDlPagingBufferReq(
    const FfMacSchedSapProvider::SchedDlPagingBufferReqParameters& params)
{
    m_downlink->GetFfMacSchedSapProvider()->SchedDlPagingBufferReq(params);
}

void
EdgeInferenceFfMacScheduler::DoSchedDlMacBufferReq(
    const FfMacSchedSapProvider::SchedDlMacBufferReqParameters& params)
{
    m_downlink->GetFfMacSchedSapProvider()->SchedDlMacBufferReq(params);
}

void
EdgeInferenceFfMacScheduler::DoSchedDlTriggerReq(
    const FfMacSchedSapProvider::SchedDlTriggerReqParameters& params)
{
    // One subframe on: every UE's synchronous HARQ moves to its next
    // process, in step with the UE's MAC.
    for (auto& [rnti, harq] : m_harq)
    {
        harq.currentProcess = (harq.currentProcess + 1) % kUlHarqProcesses;
    }
    m_downlink->GetFfMacSchedSapProvider()->SchedDlTriggerReq(params);
}

void
EdgeInferenceFfMacScheduler::DoSchedDlRachInfoReq(
    const FfMacSchedSapProvider::SchedDlRachInfoReqParameters& params)
{
    m_downlink->GetFfMacSchedSapProvider()->SchedDlRachInfoReq(params);
}

void
EdgeInferenceFfMacScheduler::DoSchedDlCqiInfoReq(
    const FfMacSchedSapProvider::SchedDlCqiInfoReqParameters& params)
{
    m_downlink->GetFfMacSchedSapProvider()->SchedDlCqiInfoReq(params);
}

void
EdgeInferenceFfMacScheduler::OnDownlinkDecision(
    const FfMacSchedSapUser::SchedDlConfigIndParameters& params)
{
    for (const BuildRarListElement_s& rar : params.m_buildRarList)
    {
        NS_LOG_INFO("RAR for RNTI " << rar.m_rnti << ": message 3 on blocks "
                                    << +rar.m_grant.m_rbStart << "+" << +rar.m_grant.m_rbLen);
        const UlGrant_s& g = rar.m_grant;
        m_msg3Ranges.emplace_back(g.m_rbStart, g.m_rbLen);
        // Message 3 is HARQ-protected like any transport block.
        UlDciListElement_s dci;
        dci.m_rnti = rar.m_rnti;
        dci.m_rbStart = g.m_rbStart;
        dci.m_rbLen = g.m_rbLen;
        dci.m_mcs = g.m_mcs;
        dci.m_tbSize = g.m_tbSize;
        dci.m_ndi = 1;
        UlHarqState& harq = m_harq[rar.m_rnti];
        harq.dci[harq.currentProcess] = dci;
        harq.retransmissions[harq.currentProcess] = 0;
    }
    m_schedSapUser->SchedDlConfigInd(params);
}

void
EdgeInferenceFfMacScheduler::DoSchedUlTriggerReq(
    const FfMacSchedSapProvider::SchedUlTriggerReqParameters& params)
{
    const Time txStart = Simulator::Now() + kGrantToTransmissionTtis * kTti;
    NS_LOG_FUNCTION(this << txStart << params.m_ulInfoList.size());
    std::vector<uint16_t> owner(m_ulBandwidth, 0);
    for (const auto& [first, len] : m_msg3Ranges)
    {
        for (uint32_t rb = first; rb < first + len && rb < m_ulBandwidth; ++rb)
        {
            owner[rb] = std::numeric_limits<uint16_t>::max();
        }
    }
    m_msg3Ranges.clear();
    FfMacSchedSapUser::SchedUlConfigIndParameters ret;
    GrantRetransmissions(params.m_ulInfoList, owner, ret);
    GrantPlanned(txStart, owner, ret);
    GrantUnplanned(owner, ret);
    if (!ret.m_dciList.empty())
    {
        m_schedSapUser->SchedUlConfigInd(ret);
    }
}

void
EdgeInferenceFfMacScheduler::GrantRetransmissions(
    const std::vector<UlInfoListElement_s>& feedback,
    std::vector<uint16_t>& owner,
    FfMacSchedSapUser::SchedUlConfigIndParameters& ret)
{
    for (const UlInfoListElement_s& info : feedback)
    {
        if (info.m_receptionStatus != UlInfoListElement_s::NotOk)
        {
            continue;
        }
        m_ulNackTrace(info.m_rnti);
        auto it = m_harq.find(info.m_rnti);
        if (!m_harqEnabled || it == m_harq.end())
        {
            continue;
        }
        UlHarqState& harq = it->second;
        // The NACKed block went out HARQ_PERIOD processes ago.
        const uint8_t failed =
            (harq.currentProcess + kUlHarqProcesses - HARQ_PERIOD) % kUlHarqProcesses;
        UlDciListElement_s dci = harq.dci[failed];
        if (dci.m_rnti != info.m_rnti || harq.retransmissions[failed] >= m_maxRetransmissions ||
            !AllFree(owner, dci.m_rbStart, dci.m_rbLen))
        {
            NS_LOG_INFO("RNTI " << info.m_rnti << ": HARQ process " << +failed << " dropped");
            continue;
        }
        std::fill(owner.begin() + dci.m_rbStart,
                  owner.begin() + dci.m_rbStart + dci.m_rbLen,
                  info.m_rnti);
        NS_LOG_INFO("RNTI " << info.m_rnti << ": HARQ retransmission "
                            << +harq.retransmissions[failed] + 1 << " of process " << +failed);
        dci.m_ndi = 0;
        harq.dci[harq.currentProcess] = dci;
        harq.retransmissions[harq.currentProcess] = harq.retransmissions[failed] + 1;
        ret.m_dciList.push_back(dci);
        m_ulGrantTrace(dci.m_rnti, dci.m_rbStart, dci.m_rbLen, dci.m_mcs, dci.m_tbSize, true);
    }
}

void
EdgeInferenceFfMacScheduler::GrantPlanned(Time txStart,
                                          std::vector<uint16_t>& owner,
                                          FfMacSchedSapUser::SchedUlConfigIndParameters& ret)
{
    for (auto& [rnti, windows] : m_planned)
    {
        while (!windows.empty() && windows.front().end < txStart + kTti)
        {
            windows.pop_front(); // closed before this TTI ends
        }
        const bool busy = std::find(owner.begin(), owner.end(), rnti) != owner.end();
        for (const PlannedGrant& w : windows)
        {
            if (busy || w.start > txStart || txStart + kTti > w.end)
            {
                continue;
            }
            if (!AllFree(owner, w.firstRb, w.nRbs))
            {
                NS_LOG_INFO("RNTI " << rnti << ": planned blocks taken this TTI");
                break;
            }
            AddNewDci(rnti, w.firstRb, w.nRbs, owner, ret);
            break;
        }
    }
}

void
EdgeInferenceFfMacScheduler::GrantUnplanned(std::vector<uint16_t>& owner,
                                            FfMacSchedSapUser::SchedUlConfigIndParameters& ret)
{
    for (auto& [rnti, bytes] : m_bufferBytes)
    {
        if (bytes == 0 || m_planned.count(rnti) > 0 ||
            std::find(owner.begin(), owner.end(), rnti) != owner.end())
        {
            continue;
        }
        // The first run of free blocks, as long as the report needs.
        auto first = std::find(owner.begin(), owner.end(), 0);
        if (first == owner.end())
        {
            return;
        }
        const uint32_t start = first - owner.begin();
        uint32_t len = std::find_if(first, owner.end(), [](uint16_t o) { return o != 0; }) - first;
        const edgeinference::LteUplinkLinkAdaptation a =
            edgeinference::LteUplinkAdapt(m_amc, GetUplinkSrsSinr(rnti), m_ulBandwidth, 1);
        const uint32_t perRbBytes = a.usable ? std::max<uint32_t>(a.tbBits / 8, 1) : 2;
        len = std::min<uint32_t>(len, std::max<uint32_t>(3, bytes / perRbBytes + 1));
        len = std::min<uint32_t>(len, m_ulBandwidth - start);
        const uint16_t granted = AddNewDci(rnti, start, len, owner, ret);
        bytes -= std::min<uint32_t>(bytes, granted);
    }
}

uint16_t
EdgeInferenceFfMacScheduler::AddNewDci(uint16_t rnti,
                                       uint32_t firstRb,
                                       uint32_t nRbs,
                                       std::vector<uint16_t>& owner,
                                       FfMacSchedSapUser::SchedUlConfigIndParameters& ret)
{
    UlDciListElement_s dci;
    dci.m_rnti = rnti;
    dci.m_rbStart = static_cast<uint8_t>(firstRb);
    dci.m_rbLen = static_cast<uint8_t>(nRbs);
    const double sinr = GetUplinkSrsSinr(rnti);
    if (sinr > 0)
    {
        const edgeinference::LteUplinkLinkAdaptation a =
            edgeinference::LteUplinkAdapt(m_amc, sinr, m_ulBandwidth, nRbs);
        if (!a.usable)
        {
            return 0;
        }
        dci.m_mcs = a.mcs;
    }
    else
    {
        dci.m_mcs = 0; // no measurement yet (attach): the most robust MCS
    }
    dci.m_tbSize = static_cast<uint16_t>(m_amc->GetUlTbSizeFromMcs(dci.m_mcs, nRbs) / 8);
    dci.m_ndi = 1;
    dci.m_cceIndex = 0;
    dci.m_aggrLevel = 1;
    dci.m_ueTxAntennaSelection = 3; // no antenna selection
    dci.m_hopping = false;
    dci.m_n2Dmrs = 0;
    dci.m_tpc = 1; // 0 dB: power control is off
    dci.m_cqiRequest = false;
    dci.m_ulIndex = 0; // TDD only
    dci.m_dai = 1;     // TDD only
    dci.m_freqHopping = 0;
    dci.m_pdcchPowerOffset = 0;
    std::fill(owner.begin() + firstRb, owner.begin() + firstRb + nRbs, rnti);
    UlHarqState& harq = m_harq[rnti];
    harq.dci[harq.currentProcess] = dci;
    harq.retransmissions[harq.currentProcess] = 0;
    ret.m_dciList.push_back(dci);
    NS_LOG_INFO("RNTI " << rnti << ": blocks " << firstRb << "+" << nRbs << ", MCS " << +dci.m_mcs
                        << ", " << dci.m_tbSize << " bytes, HARQ process " << +harq.currentProcess);
    m_ulGrantTrace(rnti, dci.m_rbStart, dci.m_rbLen, dci.m_mcs, dci.m_tbSize, false);
    return dci.m_tbSize;
}

bool
EdgeInferenceFfMacScheduler::AllFree(const std::vector<uint16_t>& owner,
                                     uint32_t firstRb,
                                     uint32_t nRbs)
{
    return firstRb + nRbs <= owner.size() && std::all_of(owner.begin() + firstRb,
                                                         owner.begin() + firstRb + nRbs,
                                                         [](uint16_t o) { return o == 0; });
}

void
EdgeInferenceFfMacScheduler::DoSchedUlNoiseInterferenceReq(
    const FfMacSchedSapProvider::SchedUlNoiseInterferenceReqParameters& /* params */)
{
}

void
EdgeInferenceFfMacScheduler::DoSchedUlSrInfoReq(
    const FfMacSchedSapProvider::SchedUlSrInfoReqParameters& /* params */)
{
}

void
EdgeInferenceFfMacScheduler::DoSchedUlMacCtrlInfoReq(
    const FfMacSchedSapProvider::SchedUlMacCtrlInfoReqParameters& params)
{
    for (const MacCeListElement_s& ce : params.m_macCeList)
    {
        if (ce.m_macCeType != MacCeListElement_s::BSR)
        {
            continue;
        }
        uint32_t bytes = 0;
        for (uint8_t level : ce.m_macCeValue.m_bufferStatus)
        {
            bytes += BufferSizeLevelBsr::BsrId2BufferSize(level);
        }
        m_bufferBytes[ce.m_rnti] = bytes;
    }
}

void
EdgeInferenceFfMacScheduler::DoSchedUlCqiInfoReq(
    const FfMacSchedSapProvider::SchedUlCqiInfoReqParameters& params)
{
    if (params.m_ulCqi.m_type != UlCqi_s::SRS)
    {
        return; // PUSCH-based reports describe past grants, not the band
    }
    for (const VendorSpecificListElement_s& v : params.m_vendorSpecificList)
    {
        if (v.m_type != SRS_CQI_RNTI_VSP)
        {
            continue;
        }
        const uint16_t rnti = DynamicCast<SrsCqiRntiVsp>(v.m_value)->GetRnti();
        double minDb = std::numeric_limits<double>::infinity();
        for (uint16_t fp : params.m_ulCqi.m_sinr)
        {
            minDb = std::min(minDb, LteFfConverter::fpS11dot3toDouble(fp));
        }
        if (!params.m_ulCqi.m_sinr.empty())
        {
            m_srsSinr[rnti] = std::pow(10.0, minDb / 10.0);
        }
    }
}

} // namespace ns3
