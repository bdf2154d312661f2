/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * System tests of the OFDMA uplink's ARQ and link margins: the timeline of
 * a packet that is always lost (sent again after each NACK, up to
 * MaxRetransmissions, only within its grant), the loss statistics of ARQ
 * against the binomial law of the BLER, the MCS that TargetBler picks, and
 * the rates AirtimeMargin plans. Every expected value is derived by hand in
 * the comment of its case.
 */

#include "ofdma-test-helpers.h"

#include "ns3/double.h"
#include "ns3/edge-uplink-sap.h"
#include "ns3/enum.h"
#include "ns3/node.h"
#include "ns3/ofdma-bs-net-device.h"
#include "ns3/ofdma-rate-mapping.h"
#include "ns3/ofdma-ue-net-device.h"
#include "ns3/ofdma-uplink-helper.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

using ofdmatest::kN0;
using ofdmatest::kPowerW;
using ofdmatest::kRbWidth;
using ofdmatest::NodeAt;
using ofdmatest::PathGain;

/// Spectral efficiencies of CQIs 1, 6 and 7 of TS 36.213 table 7.2.3-1
/// (MCS 0, 5 and 6 of OfdmaRateMapping), bit/s/Hz.
const double kEff0 = 0.1523;
const double kEff5 = 1.1758; //!< CQI 6
const double kEff6 = 1.4766; //!< CQI 7

/// @param eff spectral efficiency @return the MCS threshold (dB), the
/// SINR at which 0.75 log2(1 + SINR) reaches eff
double
ThresholdDb(double eff)
{
    return 10 * std::log10(std::pow(2.0, eff / 0.75) - 1);
}

/// One UE and its BS, fading off, McsTable mapping.
struct ArqCell
{
    Ptr<OfdmaBsNetDevice> bs; //!< the BS
    Ptr<OfdmaUeNetDevice> ue; //!< the UE

    /**
     * @param distance UE distance from the BS (m)
     * @param maxRetx the UE's MaxRetransmissions
     * @param txPowerDbm the UE's TxPower (dBm)
     * @param bsAttributes further BS attributes
     */
    ArqCell(double distance,
            uint32_t maxRetx,
            double txPowerDbm,
            const std::map<std::string, double>& bsAttributes = {})
    {
        OfdmaUplinkHelper helper;
        helper.EnableFading(false);
        helper.SetBsDeviceAttribute("RateMapping", EnumValue(OfdmaRateMapping::MCS_TABLE));
        for (const auto& [name, value] : bsAttributes)
        {
            helper.SetBsDeviceAttribute(name, DoubleValue(value));
        }
        helper.SetUeDeviceAttribute("MaxRetransmissions", UintegerValue(maxRetx));
        helper.SetUeDeviceAttribute("TxPower", DoubleValue(txPowerDbm));
        helper.SetUeDeviceAttribute("MaxQueuePackets", UintegerValue(5000));
        NetDeviceContainer bsDevs = helper.InstallBs(NodeContainer(NodeAt(0)));
        bs = DynamicCast<OfdmaBsNetDevice>(bsDevs.Get(0));
        ue = DynamicCast<OfdmaUeNetDevice>(
            helper.InstallUe(NodeContainer(NodeAt(distance)), bs).Get(0));
        helper.AssignStreams(bsDevs, 21);
    }

    /// @param count packets of size bytes to queue on the UE
    /// @param size bytes per packet
    void Enqueue(uint32_t count, uint32_t size) const
    {
        for (uint32_t i = 0; i < count; ++i)
        {
            ue->Send(Create<Packet>(size), ue->GetBroadcast(), 0x0800);
        }
    }
};

/// What the UE's and the BS's traces reported.
struct ArqLog
{
    std::vector<Time> txStart;               //!< TxStart times
    std::vector<double> txRate;              //!< TxStart rates
    std::vector<uint32_t> retransmissions;   //!< Retransmit numbers
    std::map<std::string, uint32_t> ueDrops; //!< UE Drop by reason
    std::map<std::string, uint32_t> bsDrops; //!< BS RxDrop by reason
    uint32_t received{0};                    //!< BS Rx
    std::vector<uint32_t> grantEndPackets;   //!< GrantEnd packets left
    std::vector<Time> ueDropTimes;           //!< UE Drop times

    /// @param cell the cell whose traces to record
    void Connect(const ArqCell& cell)
    {
        cell.ue->TraceConnectWithoutContext("TxStart", MakeCallback(&ArqLog::OnTxStart, this));
        cell.ue->TraceConnectWithoutContext("Retransmit",
                                            MakeCallback(&ArqLog::OnRetransmit, this));
        cell.ue->TraceConnectWithoutContext("Drop", MakeCallback(&ArqLog::OnUeDrop, this));
        cell.ue->TraceConnectWithoutContext("GrantEnd", MakeCallback(&ArqLog::OnGrantEnd, this));
        cell.bs->TraceConnectWithoutContext("RxDrop", MakeCallback(&ArqLog::OnBsDrop, this));
        cell.bs->TraceConnectWithoutContext("Rx", MakeCallback(&ArqLog::OnRx, this));
    }

    /// TxStart sink
    void OnTxStart(Ptr<const Packet>, const OfdmaGrant&, double rate)
    {
        txStart.push_back(Simulator::Now());
        txRate.push_back(rate);
    }

    /// Retransmit sink
    void OnRetransmit(Ptr<const Packet>, uint32_t n)
    {
        retransmissions.push_back(n);
    }

    /// UE Drop sink
    void OnUeDrop(Ptr<const Packet>, const std::string& reason)
    {
        ++ueDrops[reason];
        ueDropTimes.push_back(Simulator::Now());
    }

    /// BS RxDrop sink
    void OnBsDrop(Ptr<const Packet>, const std::string& reason)
    {
        ++bsDrops[reason];
    }

    /// Rx sink
    void OnRx(Ptr<const Packet>, const Address&, double, double)
    {
        ++received;
    }

    /// GrantEnd sink
    void OnGrantEnd(const OfdmaGrant&, uint32_t, uint32_t packets)
    {
        grantEndPackets.push_back(packets);
    }
};

/**
 * One 100-byte packet from a UE 1000 km away, always lost: 23 dBm over
 * 240.9 dB of path loss on 10 blocks (100 kHz, noise -124 dBm) is
 * -93.9 dB of SNR, 86 dB below MCS 0's threshold, where the BLER
 * 1 / (1 + 9 e^-171) is 1.0 in double. MCS 0 on 100 kHz sends 15,230 bit/s,
 * so the packet takes a = 800 / 15,230 s = 52.528 ms; the NACK reaches the
 * UE when the BS finishes receiving, after the propagation delay
 * d = 1e6 / 299,792,458 s = 3.3356 ms. The packet is therefore sent at
 * 0, a + d, 2 (a + d), ..., while its grant lasts and it fits:
 * - grant [0, 1 s], MaxRetransmissions 3: four sends, Retransmit 1, 2, 3,
 *   four "bler" drops at the BS, then Drop "retransmission limit" at
 *   4 (a + d) = 223.5 ms, nothing left at GrantEnd;
 * - grant [0, 150 ms], MaxRetransmissions 3: sends at 0 and a + d; after
 *   the second NACK (at 2 (a + d) = 111.7 ms) the third send would end at
 *   164.2 ms, past the grant, so the packet waits and GrantEnd reports it;
 * - grant [0, a + d / 2]: one send; the NACK comes after the grant's end,
 *   so Drop "grant ended" and no Retransmit;
 * - grant [0, 1 s], MaxRetransmissions 0: one send, Drop "retransmission
 *   limit" at a + d.
 */
class ArqTimelineTestCase : public TestCase
{
  public:
    /**
     * @param maxRetx MaxRetransmissions
     * @param grantEnd the grant's end
     * @param sends expected sends
     * @param ueDropReason expected UE Drop reason ("" for none)
     * @param leftAtGrantEnd expected packets at GrantEnd
     */
    ArqTimelineTestCase(uint32_t maxRetx,
                        Time grantEnd,
                        uint32_t sends,
                        std::string ueDropReason,
                        uint32_t leftAtGrantEnd)
        : TestCase("ARQ timeline of an always-lost packet: MaxRetransmissions " +
                   std::to_string(maxRetx) + ", grant of " +
                   std::to_string(grantEnd.GetMicroSeconds()) + " us"),
          m_maxRetx(maxRetx),
          m_grantEnd(grantEnd),
          m_sends(sends),
          m_ueDropReason(ueDropReason),
          m_leftAtGrantEnd(leftAtGrantEnd)
    {
    }

    /// @return the airtime a of the case's packet (s)
    static double Airtime()
    {
        return 800 / (10 * kRbWidth * kEff0);
    }

    /// @return the propagation delay d of the case (s)
    static double Delay()
    {
        return 1e6 / 299792458.0;
    }

  private:
    /// Also after a failed assertion, which returns from DoRun early.
    void DoTeardown() override
    {
        Simulator::Destroy();
    }

    void DoRun() override
    {
        ArqCell cell(1e6, m_maxRetx, 23);
        ArqLog log;
        log.Connect(cell);
        cell.Enqueue(1, 100);
        cell.ue->SetGrant({0, 10, Seconds(0), m_grantEnd});
        Simulator::Run();

        const double cycle = Airtime() + Delay();
        // Asserts continue on failure: every index below is guarded.
        NS_TEST_ASSERT_MSG_EQ(log.txStart.size(), m_sends, "sends");
        for (uint32_t i = 0; i < std::min<size_t>(m_sends, log.txStart.size()); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ_TOL(log.txStart[i].GetSeconds(), i * cycle, 1e-6, "send " << i);
            NS_TEST_EXPECT_MSG_EQ_TOL(log.txRate[i], 10 * kRbWidth * kEff0, 1e-6, "MCS 0 rate");
        }
        const uint32_t retransmitted =
            (m_ueDropReason == "grant ended") ? 0 : std::min(m_sends, m_maxRetx);
        NS_TEST_ASSERT_MSG_EQ(log.retransmissions.size(), retransmitted, "Retransmit count");
        for (uint32_t i = 0; i < log.retransmissions.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(log.retransmissions[i], i + 1, "Retransmit numbers");
        }
        NS_TEST_EXPECT_MSG_EQ(log.bsDrops["bler"], m_sends, "every send lost");
        NS_TEST_EXPECT_MSG_EQ(log.received, 0, "nothing received");
        NS_TEST_ASSERT_MSG_EQ(log.ueDropTimes.size(), m_ueDropReason.empty() ? 0 : 1, "UE Drop");
        if (!m_ueDropReason.empty() && log.ueDropTimes.size() == 1)
        {
            NS_TEST_EXPECT_MSG_EQ(log.ueDrops[m_ueDropReason], 1, "Drop reason");
            NS_TEST_EXPECT_MSG_EQ_TOL(log.ueDropTimes[0].GetSeconds(),
                                      m_sends * cycle,
                                      1e-6,
                                      "dropped when the last NACK arrives");
        }
        NS_TEST_ASSERT_MSG_EQ(log.grantEndPackets.size(), 1, "the grant ended");
        if (log.grantEndPackets.size() == 1)
        {
            NS_TEST_EXPECT_MSG_EQ(log.grantEndPackets[0], m_leftAtGrantEnd, "left at GrantEnd");
        }
    }

    uint32_t m_maxRetx;         //!< MaxRetransmissions
    Time m_grantEnd;            //!< grant end
    uint32_t m_sends;           //!< expected sends
    std::string m_ueDropReason; //!< expected UE Drop reason
    uint32_t m_leftAtGrantEnd;  //!< expected packets at GrantEnd
};

/**
 * ARQ against the binomial law. The UE is placed so that its SNR on 5
 * blocks is MCS 6's threshold plus 0.3 dB: link adaptation picks MCS 6,
 * whose BLER there is p = 1 / (1 + 9 e^(0.3 / 0.5)) = 0.05749 (BlerSlope
 * 0.5 dB). With one retransmission allowed and N = 3000 packets in a long
 * grant, each packet is lost on its first send with probability p (then
 * sent again) and on both with p^2, independently:
 * - retransmissions ~ Binomial(N, p): mean 172.5, std 12.7;
 * - given-up packets ~ Binomial(N, p^2): mean 9.9, std 3.1;
 * and exactly: sends = N + retransmissions, BS losses = retransmissions +
 * given-up packets, received = N - given-up packets. Bounds are 5 std.
 */
class ArqStatisticsTestCase : public TestCase
{
  public:
    ArqStatisticsTestCase()
        : TestCase("ARQ: retransmissions and given-up packets follow the BLER's binomial law")
    {
    }

  private:
    /// Also after a failed assertion, which returns from DoRun early.
    void DoTeardown() override
    {
        Simulator::Destroy();
    }

    void DoRun() override
    {
        const uint32_t n = 5;
        const double d = 100;
        const double snrDb = ThresholdDb(kEff6) + 0.3;
        const double powerDbm = ofdmatest::PowerDbmForSnr(snrDb, n, d);
        ArqCell cell(d, 1, powerDbm);
        ArqLog log;
        log.Connect(cell);
        const uint32_t packets = 3000;
        cell.Enqueue(packets, 100);
        cell.ue->SetGrant({0, n, Seconds(0), Seconds(100)});
        Simulator::Run();

        NS_TEST_ASSERT_MSG_GT(log.txRate.size(), 0, "sent");
        if (log.txRate.empty())
        {
            return; // asserts continue on failure: do not index past the end
        }
        NS_TEST_EXPECT_MSG_EQ_TOL(log.txRate[0], n * kRbWidth * kEff6, 1e-6, "MCS 6");
        const double p = 1 / (1 + 9 * std::exp(0.3 / 0.5));
        const double retx = log.retransmissions.size();
        const double givenUp = log.ueDrops["retransmission limit"];
        NS_TEST_EXPECT_MSG_EQ_TOL(retx, packets * p, 5 * std::sqrt(packets * p * (1 - p)), "retx");
        NS_TEST_EXPECT_MSG_EQ_TOL(givenUp,
                                  packets * p * p,
                                  5 * std::sqrt(packets * p * p * (1 - p * p)),
                                  "given up");
        NS_TEST_EXPECT_MSG_EQ(log.txStart.size(), packets + retx, "sends");
        NS_TEST_EXPECT_MSG_EQ(log.bsDrops["bler"], retx + givenUp, "BS losses");
        NS_TEST_EXPECT_MSG_EQ(log.received, packets - givenUp, "received");
        const size_t dropReasons = (givenUp > 0) ? 1 : 0;
        NS_TEST_EXPECT_MSG_EQ(log.ueDrops.size(), dropReasons, "no other UE drop");
        for (uint32_t r : log.retransmissions)
        {
            NS_TEST_EXPECT_MSG_EQ(r, 1, "only first retransmissions");
        }
    }
};

/**
 * TargetBler backs the MCS off. At TargetBler 0.01 and BlerSlope 0.5 dB
 * the back-off is 0.5 ln(0.99 / 0.09) = 1.1990 dB. At MCS 6's threshold
 * plus 0.3 dB (see ArqStatisticsTestCase) MCS 6 would need 1.199 - 0.3 dB
 * more; MCS 5's threshold is 1.713 dB lower than MCS 6's (4.645 vs
 * 2.932 dB), so MCS 5 is chosen, at 5 W 1.1758 bit/s and a BLER of
 * 1 / (1 + 9 e^((1.713 + 0.3) / 0.5)) = 0.00198: about 5.9 losses in 3000
 * packets (std 2.4). The planned rate on 5 blocks is the sent one, and
 * the planned rate with AirtimeMargin 0.25 is that rate / 1.25.
 */
class TargetBlerTestCase : public TestCase
{
  public:
    TargetBlerTestCase()
        : TestCase("TargetBler picks the MCS whose BLER meets it; AirtimeMargin scales the plan")
    {
    }

  private:
    /// Also after a failed assertion, which returns from DoRun early.
    void DoTeardown() override
    {
        Simulator::Destroy();
    }

    void DoRun() override
    {
        NS_TEST_EXPECT_MSG_EQ_TOL(OfdmaRateMapping::BlerTargetMarginDb(0.01, 0.5),
                                  0.5 * std::log(11.0),
                                  1e-12,
                                  "back-off at 1 %");
        NS_TEST_EXPECT_MSG_EQ(OfdmaRateMapping::BlerTargetMarginDb(0.1, 0.5),
                              0.0,
                              "no back-off at the thresholds' own 10 %");
        const uint32_t n = 5;
        const double d = 100;
        const double snrDb = ThresholdDb(kEff6) + 0.3;
        const double powerDbm = ofdmatest::PowerDbmForSnr(snrDb, n, d);
        ArqCell cell(d, 0, powerDbm, {{"TargetBler", 0.01}});
        ArqLog log;
        log.Connect(cell);
        const uint32_t packets = 3000;
        cell.Enqueue(packets, 100);
        cell.ue->SetGrant({0, n, Seconds(0), Seconds(100)});
        const EdgeUplinkLinkState planned = cell.bs->PlanLinkState(cell.ue);
        Simulator::Run();

        const double rate5 = n * kRbWidth * kEff5;
        NS_TEST_ASSERT_MSG_EQ(log.txRate.size(), packets, "each packet sent once");
        if (log.txRate.empty())
        {
            return; // asserts continue on failure: do not index past the end
        }
        NS_TEST_EXPECT_MSG_EQ_TOL(log.txRate[0], rate5, 1e-6, "MCS 5");
        NS_TEST_EXPECT_MSG_EQ_TOL(planned.rateBps[n - 1], rate5, 1e-6, "planned as sent");
        const double p =
            1 / (1 + 9 * std::exp((ThresholdDb(kEff6) + 0.3 - ThresholdDb(kEff5)) / 0.5));
        NS_TEST_EXPECT_MSG_LT(p, 0.01, "the hand-derived BLER meets the target");
        NS_TEST_EXPECT_MSG_EQ_TOL(log.bsDrops["bler"],
                                  packets * p,
                                  5 * std::sqrt(packets * p * (1 - p)) + 1,
                                  "losses at MCS 5's BLER");

        Simulator::Destroy();
        ArqCell margin(d, 0, powerDbm, {{"TargetBler", 0.01}, {"AirtimeMargin", 0.25}});
        const EdgeUplinkLinkState scaled = margin.bs->PlanLinkState(margin.ue);
        NS_TEST_EXPECT_MSG_EQ_TOL(scaled.rateBps[n - 1], rate5 / 1.25, 1e-6, "planned / 1.25");
    }
};

/**
 * AirtimeMargin in Shannon mode: the planned rates are the delivered ones
 * divided by 1 + margin, and the closed form (the noise PSD) is withheld,
 * since it describes the undivided rate.
 */
class ShannonMarginTestCase : public TestCase
{
  public:
    ShannonMarginTestCase()
        : TestCase("AirtimeMargin in Shannon mode: rates divided, no closed form")
    {
    }

  private:
    void DoRun() override
    {
        OfdmaUplinkHelper helper;
        helper.EnableFading(false);
        helper.SetBsDeviceAttribute("AirtimeMargin", DoubleValue(0.5));
        Ptr<OfdmaBsNetDevice> bs =
            DynamicCast<OfdmaBsNetDevice>(helper.InstallBs(NodeContainer(NodeAt(0))).Get(0));
        Ptr<OfdmaUeNetDevice> ue =
            DynamicCast<OfdmaUeNetDevice>(helper.InstallUe(NodeContainer(NodeAt(150)), bs).Get(0));
        const EdgeUplinkLinkState s = bs->PlanLinkState(ue);
        for (uint32_t n : {1U, 7U, 100U})
        {
            const double b = n * kRbWidth;
            const double shannon = b * std::log2(1 + kPowerW * PathGain(150) / (kN0 * b));
            NS_TEST_EXPECT_MSG_EQ_TOL(s.rateBps[n - 1], shannon / 1.5, shannon * 1e-9, "n = " << n);
        }
        NS_TEST_EXPECT_MSG_EQ(s.shannonNoisePsdWHz, 0.0, "no closed form with a margin");
        Simulator::Destroy();
    }
};

/// The OFDMA ARQ TestSuite.
class OfdmaArqTestSuite : public TestSuite
{
  public:
    OfdmaArqTestSuite()
        : TestSuite("edge-inference-ofdma-arq", Type::SYSTEM)
    {
        const double a = ArqTimelineTestCase::Airtime();
        const double d = ArqTimelineTestCase::Delay();
        AddTestCase(new ArqTimelineTestCase(3, Seconds(1), 4, "retransmission limit", 0));
        AddTestCase(new ArqTimelineTestCase(3, MilliSeconds(150), 2, "", 1));
        AddTestCase(new ArqTimelineTestCase(3, Seconds(a + d / 2), 1, "grant ended", 0));
        AddTestCase(new ArqTimelineTestCase(0, Seconds(1), 1, "retransmission limit", 0));
        AddTestCase(new ArqStatisticsTestCase);
        AddTestCase(new TargetBlerTestCase);
        AddTestCase(new ShannonMarginTestCase);
    }
};

/// Static instance.
static OfdmaArqTestSuite g_ofdmaArqTestSuite;

} // namespace
