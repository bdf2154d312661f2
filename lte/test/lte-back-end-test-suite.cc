/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/config.h"
#include "ns3/edge-inference-ff-mac-scheduler.h"
#include "ns3/edge-inference-lte-helper.h"
#include "ns3/edge-inference-scenario-runner.h"
#include "ns3/lte-amc.h"
#include "ns3/lte-common.h"
#include "ns3/lte-uplink-amc.h"
#include "ns3/lte-vendor-specific-parameters.h"
#include "ns3/test.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

/**
 * @file
 * The LTE back end: the uplink link adaptation against 3GPP's tables worked
 * by hand, the scheduler driven TTI by TTI through its SAPs (plan windows,
 * HARQ retransmissions), one UE's upload time against the transport-block
 * arithmetic, and a static drop's completed tasks against the plans.
 */

using namespace ns3;

namespace
{

/// The profile every case uses.
const std::string kProfile = EDGE_INFERENCE_SOURCE_DIR "/data/profiles/paper-default.csv";

/**
 * @brief The LTE scenario of the cases: static channel, 6 blocks of
 * 180 kHz, LTE timing.
 * @param users number of users
 * @param frames frames
 * @return the scenario
 */
EdgeInferenceScenario
LteScenario(uint32_t users, uint32_t frames)
{
    EdgeInferenceScenario s;
    s.profile = EarlyExitProfile::ReadFile(kProfile);
    s.scheduler = ParseC2SchedulerSpec("ns3::TreeSearchC2Scheduler");
    s.users = users;
    s.frames = frames;
    s.bandwidthHz = 6 * 180e3;
    s.resourceBlockHz = 180e3;
    s.fading = false;
    s.collectTasks = true;
    EdgeInferenceLteHelper::PrepareScenario(s);
    return s;
}

/**
 * @brief Runs a scenario on the LTE back end.
 * @param s the scenario
 * @param hook called before the run
 * @return the result
 */
EdgeInferenceScenarioResult
RunLte(const EdgeInferenceScenario& s, const EdgeInferenceApplicationsHook& hook = {})
{
    EdgeInferenceLteHelper lte;
    return RunEdgeInferenceScenarioOn(
        s,
        [&lte](const EdgeInferenceScenario& sc) { return lte.Build(sc); },
        hook);
}

} // namespace

/**
 * @brief LteUplinkAdapt against 3GPP TS 36.213 worked by hand.
 *
 * The rule: s = log2(1 + SINR / Gamma), Gamma = -ln(5 x 5e-5) / 1.5 =
 * 5.52937; the CQI is the largest whose efficiency (ns-3's rounding of
 * 36.213 Table 7.2.3-1: 0.15, 0.23, 0.38, 0.6, 0.88, 1.18, 1.48, 1.91,
 * 2.41, ...) is below s; the MCS the largest whose efficiency is at most
 * the CQI's; the TBS index by 36.213 Table 8.6.1-1 (I_TBS = MCS up to 10,
 * MCS - 1 up to 20, MCS - 2 above); the size from Table 7.1.7.2.1-1.
 */
class LteLinkAdaptationTestCase : public TestCase
{
  public:
    LteLinkAdaptationTestCase()
        : TestCase("Uplink MCS and transport block sizes match 36.213 worked by hand")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<LteAmc> amc = CreateObject<LteAmc>();
        // SRS SINR 10 dB over all 6 blocks, granted 6: s = log2(1 + 10 /
        // 5.52937) = 1.4898 -> CQI 7 (1.48 < s < 1.91) -> MCS 12 (1.48)
        // -> I_TBS 11 -> TBS(11, 6 PRB) = 1192 bit.
        auto a = edgeinference::LteUplinkAdapt(amc, 10.0, 6, 6);
        NS_TEST_ASSERT_MSG_EQ(a.usable, true, "10 dB is decodable");
        NS_TEST_ASSERT_MSG_EQ(+a.mcs, 12, "MCS at 10 dB on 6 blocks");
        NS_TEST_ASSERT_MSG_EQ(a.tbBits, 1192, "TBS(I_TBS 11, 6 PRB)");
        // Granted 3: the power on half the band doubles the SINR to 20:
        // s = log2(1 + 20 / 5.52937) = 2.2070 -> CQI 8 (1.91 < s < 2.41)
        // -> MCS 14 (1.91) -> I_TBS 13 -> TBS(13, 3 PRB) = 744 bit.
        a = edgeinference::LteUplinkAdapt(amc, 10.0, 6, 3);
        NS_TEST_ASSERT_MSG_EQ(+a.mcs, 14, "MCS at 10 dB + 3 dB on 3 blocks");
        NS_TEST_ASSERT_MSG_EQ(a.tbBits, 744, "TBS(I_TBS 13, 3 PRB)");
        // 30 dB on one block of six: s = log2(1 + 6000 / 5.52937) = 10.1
        // -> CQI 15 -> MCS 28 -> I_TBS 26 -> TBS(26, 1 PRB) = 712 bit.
        a = edgeinference::LteUplinkAdapt(amc, 1000.0, 6, 1);
        NS_TEST_ASSERT_MSG_EQ(+a.mcs, 28, "MCS at 30 dB on 1 block of 6");
        NS_TEST_ASSERT_MSG_EQ(a.tbBits, 712, "TBS(I_TBS 26, 1 PRB)");
        // -20 dB: s = 0.0026 < 0.15 -> CQI 0, nothing decodable.
        a = edgeinference::LteUplinkAdapt(amc, 0.01, 6, 6);
        NS_TEST_ASSERT_MSG_EQ(a.usable, false, "-20 dB is out of range (CQI 0)");
        // The table is the same rule per n, less the 2-byte RLC header, per
        // 1 ms TTI.
        const std::vector<double> rates = edgeinference::LteUplinkRates(amc, 10.0, 6, 1e-3);
        NS_TEST_ASSERT_MSG_EQ(rates.size(), 6, "one rate per number of blocks");
        if (rates.size() == 6)
        {
            NS_TEST_ASSERT_MSG_EQ_TOL(rates[5], 1176e3, 1e-6, "6 blocks: 1192 - 16 bit per ms");
            NS_TEST_ASSERT_MSG_EQ_TOL(rates[2], 728e3, 1e-6, "3 blocks: 744 - 16 bit per ms");
        }
        const std::vector<double> none = edgeinference::LteUplinkRates(amc, 0.0, 6, 1e-3);
        NS_TEST_ASSERT_MSG_EQ(none[0] + none[5], 0.0, "no measurement, no rate");
    }
};

/**
 * @brief One UE on a fixed channel: the grants start where the plan's
 * window starts, and the upload takes the TTIs the transport blocks need,
 * plus one HARQ round trip per retransmission, within one TTI.
 *
 * The bytes on the air: the task's on-air bytes (payload and the IP, UDP
 * and task headers of each packet), 2 PDCP header bytes per packet, and a
 * 2-byte RLC UM header in every transport block (ns-3's RLC UM, one
 * segment per block; a block that closes one packet and opens the next
 * carries 2 more). So the TTIs are ceil((bytes + 2 packets) / (TB - 2)),
 * one more at most for the extra headers; the last byte is in when its TTI
 * ends; each retransmission adds HARQ's 8 ms.
 */
class LteOneUeUploadTestCase : public TestCase
{
  public:
    LteOneUeUploadTestCase()
        : TestCase("One UE: upload time is the transport-block count, within one TTI")
    {
    }

  private:
    /// The UE's transmissions: time and whether it is new data.
    struct Tx
    {
        Time at;        //!< when
        bool fresh;     //!< NDI set
        uint16_t bytes; //!< transport block size
    };

    std::vector<Tx> m_tx;       //!< every uplink transmission of the UE
    std::vector<Time> m_grants; //!< every new-data grant decision

    /// @param p the UE PHY's UlPhyTransmission
    void OnTx(PhyTransmissionStatParameters p)
    {
        m_tx.push_back({Simulator::Now(), p.m_ndi == 1, p.m_size});
    }

    /// @param retransmission the scheduler's UlGrant, last field
    void OnGrant(uint16_t, uint8_t, uint8_t, uint8_t, uint16_t, bool retransmission)
    {
        if (!retransmission)
        {
            m_grants.push_back(Simulator::Now());
        }
    }

    void DoRun() override
    {
        EdgeInferenceScenario s = LteScenario(1, 3);
        s.deadlineMinS = 0.2; // long deadlines: the upload is the point
        s.deadlineMaxS = 0.2;
        s.cellRadiusM = 1000;
        s.minDistanceM = 900; // far: the UE needs several blocks
        auto hook = [this](const EdgeInferenceApplications&) {
            const bool ok = Config::ConnectWithoutContextFailSafe(
                "/NodeList/*/DeviceList/*/$ns3::LteUeNetDevice/ComponentCarrierMapUe/*/"
                "LteUePhy/UlPhyTransmission",
                MakeCallback(&LteOneUeUploadTestCase::OnTx, this));
            NS_TEST_ASSERT_MSG_EQ(ok, true, "UE PHY trace connected");
            const bool grants = Config::ConnectWithoutContextFailSafe(
                "/NodeList/*/DeviceList/*/$ns3::LteEnbNetDevice/ComponentCarrierMap/*/"
                "FfMacScheduler/$ns3::EdgeInferenceFfMacScheduler/UlGrant",
                MakeCallback(&LteOneUeUploadTestCase::OnGrant, this));
            NS_TEST_ASSERT_MSG_EQ(grants, true, "scheduler trace connected");
        };
        const EdgeInferenceScenarioResult r = RunLte(s, hook);
        NS_TEST_ASSERT_MSG_EQ(r.tasks.size(), 3, "three tasks");
        for (const InferenceTaskRecord& t : r.tasks)
        {
            NS_TEST_ASSERT_MSG_EQ(ToString(t.outcome), "completed", "task outcome");
            CheckUpload(t);
        }
    }

    /// @param t a completed task's record
    void CheckUpload(const InferenceTaskRecord& t)
    {
        uint32_t fresh = 0;
        uint32_t retx = 0;
        uint16_t tb = 0;
        Time first = Time::Max();
        for (const Tx& x : m_tx)
        {
            if (x.at >= t.uploadStart && x.at < t.uploadEnd)
            {
                first = std::min(first, x.at);
                (x.fresh ? fresh : retx)++;
                tb = x.bytes;
            }
        }
        // The UE's subframes start 0.214 ms (3 OFDM symbols) into the eNB's.
        NS_TEST_ASSERT_MSG_GT_OR_EQ(first, t.uploadStart, "no block before the window");
        NS_TEST_ASSERT_MSG_LT(first,
                              t.uploadStart + MilliSeconds(1),
                              "the first block goes out in the window's first TTI");
        // No grant of the window goes unused at its start: the first grant
        // decided after the frame's decision (uploadStart - GrantDelay 3 ms -
        // transmission delay 4 ms) is the one the first block used, which
        // ns-3's LTE sends 6 TTIs after the decision (the DCI reaches the
        // UE's MAC after 2 subframes, the block goes out 4 TTIs later).
        const Time decision = t.uploadStart - MilliSeconds(7);
        auto firstGrant = std::upper_bound(m_grants.begin(), m_grants.end(), decision);
        NS_TEST_ASSERT_MSG_EQ((firstGrant != m_grants.end()), true, "a grant after the decision");
        if (firstGrant != m_grants.end())
        {
            NS_TEST_ASSERT_MSG_EQ_TOL((first - *firstGrant).GetSeconds(),
                                      6.214e-3,
                                      1e-6,
                                      "the first grant carries the first block");
        }
        const double bytes = t.onAirBits / 8 + 2.0 * t.packets;
        const uint32_t ttis = static_cast<uint32_t>(std::ceil(bytes / (tb - 2)));
        const Time expected = t.uploadStart + MilliSeconds(ttis + 8 * retx);
        std::cout << "LTE one UE: " << t.onAirBits / 8 << " on-air bytes, TB " << tb << " bytes, "
                  << ttis << " TTIs by hand, " << fresh << " new blocks and " << retx
                  << " retransmissions sent, upload " << (t.uploadEnd - t.uploadStart).As(Time::MS)
                  << " (by hand " << (expected - t.uploadStart).As(Time::MS) << "), predicted "
                  << (t.predictedUploadEnd - t.uploadStart).As(Time::MS) << ", batch at "
                  << (t.batchStart - t.uploadStart).As(Time::MS) << "\n";
        NS_TEST_ASSERT_MSG_GT_OR_EQ(t.uploadEnd, expected - MilliSeconds(1), "not early");
        NS_TEST_ASSERT_MSG_LT_OR_EQ(t.uploadEnd, expected + MilliSeconds(1), "not late");
    }
};

/**
 * @brief A static drop of 10 UEs: at least 95 % of the tasks the plans
 * served complete on LTE.
 */
class LteStaticDropTestCase : public TestCase
{
  public:
    LteStaticDropTestCase()
        : TestCase("Static drop: LTE completes at least 95 % of the planned tasks")
    {
    }

  private:
    void DoRun() override
    {
        EdgeInferenceScenario s = LteScenario(10, 10);
        s.collectTasks = false;
        const EdgeInferenceScenarioResult lte = RunLte(s);
        s.clientAttributes.emplace_back("SegmentSize", "1400"); // OFDMA's MTU is 1500
        const EdgeInferenceScenarioResult ofdma = RunEdgeInferenceScenario(s);
        std::cout << "LTE static drop: completed " << lte.completed << " of " << lte.predicted
                  << " planned; OFDMA (same drop and timing) " << ofdma.completed << " of "
                  << ofdma.predicted << "\n";
        NS_TEST_ASSERT_MSG_GT(lte.predicted, 0, "the plans serve tasks");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(lte.completed, 0.95 * lte.predicted, "95 % of the plans");
        NS_TEST_ASSERT_MSG_LT_OR_EQ(lte.completed, lte.predicted, "never more than planned");
    }
};

/**
 * @brief The scheduler driven through its SAPs by hand, TTI by TTI: a
 * planned range is granted in every TTI of its window and only there, and
 * a NACKed block is granted again, same blocks and MCS, no new data, up to
 * MaxUlRetransmissions (3) times.
 *
 * Timing by hand: a grant decided at TTI d goes out at d + 6 (ns-3's LTE,
 * see the one-UE case); the eNB reports a failed block in the uplink
 * trigger of TTI d + 7, and the retransmission decided then goes out at
 * d + 13, 8 TTIs after the first transmission: LTE's synchronous HARQ
 * round trip.
 */
class LteHarqByHandTestCase : public TestCase
{
  public:
    LteHarqByHandTestCase()
        : TestCase("Scheduler by hand: plan windows and HARQ retransmissions")
    {
    }

  private:
    /// The MAC's side of the scheduler's SAPs: keeps the uplink decisions.
    class Mac : public FfMacSchedSapUser, public FfMacCschedSapUser
    {
      public:
        std::map<int64_t, std::vector<UlDciListElement_s>> ul; //!< per TTI (ms)

        void SchedDlConfigInd(const SchedDlConfigIndParameters&) override
        {
        }

        void SchedUlConfigInd(const SchedUlConfigIndParameters& p) override
        {
            auto& v = ul[Simulator::Now().GetMilliSeconds()];
            v.insert(v.end(), p.m_dciList.begin(), p.m_dciList.end());
        }

        void CschedCellConfigCnf(const CschedCellConfigCnfParameters&) override
        {
        }

        void CschedUeConfigCnf(const CschedUeConfigCnfParameters&) override
        {
        }

        void CschedLcConfigCnf(const CschedLcConfigCnfParameters&) override
        {
        }

        void CschedLcReleaseCnf(const CschedLcReleaseCnfParameters&) override
        {
        }

        void CschedUeReleaseCnf(const CschedUeReleaseCnfParameters&) override
        {
        }

        void CschedUeConfigUpdateInd(const CschedUeConfigUpdateIndParameters&) override
        {
        }

        void CschedCellConfigUpdateInd(const CschedCellConfigUpdateIndParameters&) override
        {
        }
    };

    /// NACK the block granted at these decision TTIs.
    const std::set<int64_t> m_nacked{5, 12, 19, 26};

    /**
     * @brief One TTI: the downlink trigger, then the uplink trigger with
     * the HARQ feedback of the block decided 7 TTIs ago.
     * @param s the scheduler
     */
    void Tti(Ptr<EdgeInferenceFfMacScheduler> s)
    {
        const int64_t now = Simulator::Now().GetMilliSeconds();
        s->GetFfMacSchedSapProvider()->SchedDlTriggerReq({});
        FfMacSchedSapProvider::SchedUlTriggerReqParameters ul;
        if (m_nacked.count(now - 7) > 0)
        {
            UlInfoListElement_s nack;
            nack.m_rnti = 1;
            nack.m_receptionStatus = UlInfoListElement_s::NotOk;
            ul.m_ulInfoList.push_back(nack);
        }
        s->GetFfMacSchedSapProvider()->SchedUlTriggerReq(ul);
    }

    void DoRun() override
    {
        Mac mac;
        Ptr<EdgeInferenceFfMacScheduler> s = CreateObject<EdgeInferenceFfMacScheduler>();
        s->SetFfMacCschedSapUser(&mac);
        s->SetFfMacSchedSapUser(&mac);
        FfMacCschedSapProvider::CschedCellConfigReqParameters cell;
        cell.m_ulBandwidth = 6;
        cell.m_dlBandwidth = 6;
        s->GetFfMacCschedSapProvider()->CschedCellConfigReq(cell);
        FfMacCschedSapProvider::CschedUeConfigReqParameters ue;
        ue.m_rnti = 1;
        ue.m_transmissionMode = 0;
        s->GetFfMacCschedSapProvider()->CschedUeConfigReq(ue);
        FfMacSchedSapProvider::SchedUlCqiInfoReqParameters srs;
        srs.m_ulCqi.m_type = UlCqi_s::SRS;
        srs.m_ulCqi.m_sinr.assign(6, LteFfConverter::double2fpS11dot3(10.0)); // 10 dB
        VendorSpecificListElement_s vsp;
        vsp.m_type = SRS_CQI_RNTI_VSP;
        vsp.m_length = sizeof(SrsCqiRntiVsp);
        vsp.m_value = Create<SrsCqiRntiVsp>(1);
        srs.m_vendorSpecificList.push_back(vsp);
        s->GetFfMacSchedSapProvider()->SchedUlCqiInfoReq(srs);
        // Blocks 2..4 for the TTIs [10 ms, 60 ms): decisions 4..53.
        s->AddPlannedGrant(1, 2, 3, MilliSeconds(10), MilliSeconds(60));
        for (int64_t t = 0; t < 70; ++t)
        {
            Simulator::Schedule(MilliSeconds(t), &LteHarqByHandTestCase::Tti, this, s);
        }
        Simulator::Run();
        Simulator::Destroy();

        for (int64_t t = 0; t < 70; ++t)
        {
            const std::vector<UlDciListElement_s>& dcis = mac.ul[t];
            if (t < 4 || t > 53)
            {
                NS_TEST_ASSERT_MSG_EQ(dcis.size(), 0, "no grant outside the window, TTI " << t);
                continue;
            }
            NS_TEST_ASSERT_MSG_EQ(dcis.size(), 1, "one grant per TTI in the window, TTI " << t);
            if (dcis.size() != 1)
            {
                continue;
            }
            const UlDciListElement_s& d = dcis[0];
            // Retransmissions of decision 5: at 12, 19, 26 (the third is the
            // last; its NACK at 33 drops the block and new data follows).
            const bool retx = t == 12 || t == 19 || t == 26;
            NS_TEST_ASSERT_MSG_EQ(+d.m_ndi, (retx ? 0 : 1), "new data or not, TTI " << t);
            NS_TEST_ASSERT_MSG_EQ(+d.m_rbStart, 2, "planned first block, TTI " << t);
            NS_TEST_ASSERT_MSG_EQ(+d.m_rbLen, 3, "planned blocks, TTI " << t);
            // 10 dB on 6 blocks, 3 granted: MCS 14, 744 bit (the
            // link-adaptation case).
            NS_TEST_ASSERT_MSG_EQ(+d.m_mcs, 14, "MCS, TTI " << t);
            NS_TEST_ASSERT_MSG_EQ(d.m_tbSize, 93, "transport block bytes, TTI " << t);
        }
    }
};

/**
 * @brief The LTE back end's suite.
 */
class LteBackEndTestSuite : public TestSuite
{
  public:
    LteBackEndTestSuite()
        : TestSuite("edge-inference-lte", Type::UNIT)
    {
        AddTestCase(new LteLinkAdaptationTestCase);
        AddTestCase(new LteHarqByHandTestCase);
        AddTestCase(new LteOneUeUploadTestCase);
        AddTestCase(new LteStaticDropTestCase);
    }
};

/// The suite's instance.
static LteBackEndTestSuite g_lteBackEndTestSuite;
