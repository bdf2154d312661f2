/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * System tests of the OFDMA uplink's SINR: UEs of one cell on disjoint
 * blocks do not interfere; UEs of two cells on the same blocks do, with the
 * SINR S / (N + I) computed by hand; interference that starts mid-packet
 * makes a Shannon-mode packet fail ("sinr"); in MCS mode the loss rate
 * follows the BLER curve.
 */

#include "ofdma-test-helpers.h"

#include "ns3/constant-position-mobility-model.h"
#include "ns3/double.h"
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

#include <cmath>
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

/// @param ue queue count packets of size bytes on it
void
Enqueue(Ptr<OfdmaUeNetDevice> ue, uint32_t count, uint32_t size)
{
    for (uint32_t i = 0; i < count; ++i)
    {
        ue->Send(Create<Packet>(size), ue->GetBroadcast(), 0x0800);
    }
}

/// Records one device's traces.
struct Recorder
{
    std::vector<double> txRate;     //!< UE TxStart rates
    std::vector<double> rxSinrDb;   //!< BS Rx SINRs
    std::vector<double> rxRate;     //!< BS Rx rates
    std::vector<std::string> drops; //!< BS RxDrop reasons

    /// TxStart sink
    void OnTxStart(Ptr<const Packet>, const OfdmaGrant&, double r)
    {
        txRate.push_back(r);
    }

    /// Rx sink
    void OnRx(Ptr<const Packet>, const Address&, double sinrDb, double r)
    {
        rxSinrDb.push_back(sinrDb);
        rxRate.push_back(r);
    }

    /// RxDrop sink
    void OnDrop(Ptr<const Packet>, const std::string& reason)
    {
        drops.push_back(reason);
    }

    /// @param ue a UE to record
    void ConnectUe(Ptr<NetDevice> ue)
    {
        ue->TraceConnectWithoutContext("TxStart", MakeCallback(&Recorder::OnTxStart, this));
    }

    /// @param bs a BS to record
    void ConnectBs(Ptr<NetDevice> bs)
    {
        bs->TraceConnectWithoutContext("Rx", MakeCallback(&Recorder::OnRx, this));
        bs->TraceConnectWithoutContext("RxDrop", MakeCallback(&Recorder::OnDrop, this));
    }
};

/// Two UEs of one cell on disjoint blocks at the same time: rates as if alone.
class DisjointBlocksTestCase : public TestCase
{
  public:
    DisjointBlocksTestCase()
        : TestCase("One cell, disjoint blocks: no interference")
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
        OfdmaUplinkHelper helper;
        helper.EnableFading(false);
        Ptr<NetDevice> bs = helper.InstallBs(NodeContainer(NodeAt(0))).Get(0);
        NetDeviceContainer ues = helper.InstallUe(NodeContainer(NodeAt(80), NodeAt(0, -160)), bs);
        Recorder a;
        Recorder b;
        a.ConnectUe(ues.Get(0));
        b.ConnectUe(ues.Get(1));
        Recorder bsLog;
        bsLog.ConnectBs(bs);
        auto ueA = DynamicCast<OfdmaUeNetDevice>(ues.Get(0));
        auto ueB = DynamicCast<OfdmaUeNetDevice>(ues.Get(1));
        Enqueue(ueA, 20, 1000);
        Enqueue(ueB, 20, 1000);
        ueA->SetGrant({0, 10, Seconds(0), Seconds(1)});  // blocks [0, 10)
        ueB->SetGrant({10, 20, Seconds(0), Seconds(1)}); // blocks [10, 30)
        Simulator::Run();
        // Alone: n W log2(1 + P g / (N0 n W)).
        const double ra =
            10 * kRbWidth * std::log2(1 + kPowerW * PathGain(80) / (kN0 * 10 * kRbWidth));
        const double rb =
            20 * kRbWidth * std::log2(1 + kPowerW * PathGain(160) / (kN0 * 20 * kRbWidth));
        NS_TEST_ASSERT_MSG_EQ(a.txRate.size(), 20, "A sent all");
        if (a.txRate.size() != 20)
        {
            return; // asserts continue on failure: do not index past the end
        }
        NS_TEST_ASSERT_MSG_EQ(b.txRate.size(), 20, "B sent all");
        if (b.txRate.size() != 20)
        {
            return; // asserts continue on failure: do not index past the end
        }
        for (size_t i = 0; i < 20; ++i)
        {
            NS_TEST_ASSERT_MSG_EQ_TOL(a.txRate[i], ra, ra * 1e-9, "A's rate as alone");
            NS_TEST_ASSERT_MSG_EQ_TOL(b.txRate[i], rb, rb * 1e-9, "B's rate as alone");
        }
        NS_TEST_ASSERT_MSG_EQ(bsLog.rxRate.size(), 40, "all received");
        if (bsLog.rxRate.size() != 40)
        {
            return; // asserts continue on failure: do not index past the end
        }
        NS_TEST_ASSERT_MSG_EQ(bsLog.drops.size(), 0, "no loss");
        if (bsLog.drops.size() != 0)
        {
            return; // asserts continue on failure: do not index past the end
        }
        Simulator::Destroy();
    }
};

/**
 * Two cells on the same block. BS1 at x = 0, BS2 at x = 400 m; UE1 at
 * 100 m (served by BS1, 300 m from BS2), UE2 at 300 m (served by BS2,
 * 300 m from BS1). UE2 sends a long packet from t = 0 (rate chosen with no
 * interference); UE1 starts at 10 ms, during it. On one block of width W:
 * - UE1 at BS1: SINR1 = P g(100) / (N0 W + P g(300)), rate W log2(1 + SINR1),
 *   received (the interference does not change during its packet);
 * - UE2 at BS2: its minimum SINR drops to the same value, below what its
 *   rate W log2(1 + P g(100) / (N0 W)) needs: lost with reason "sinr".
 */
class TwoCellsTestCase : public TestCase
{
  public:
    TwoCellsTestCase()
        : TestCase("Two cells, same block: SINR = S over (N + I), mid-packet interference")
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
        OfdmaUplinkHelper helper;
        helper.EnableFading(false);
        helper.SetUeDeviceAttribute("MaxRetransmissions", UintegerValue(0)); // one try each
        NetDeviceContainer bss = helper.InstallBs(NodeContainer(NodeAt(0), NodeAt(400)));
        auto ue1 = DynamicCast<OfdmaUeNetDevice>(
            helper.InstallUe(NodeContainer(NodeAt(100)), bss.Get(0)).Get(0));
        auto ue2 = DynamicCast<OfdmaUeNetDevice>(
            helper.InstallUe(NodeContainer(NodeAt(300)), bss.Get(1)).Get(0));
        Recorder log1;
        Recorder log2;
        log1.ConnectUe(ue1);
        log1.ConnectBs(bss.Get(0));
        log2.ConnectUe(ue2);
        log2.ConnectBs(bss.Get(1));

        Enqueue(ue2, 1, 1500); // about 54 ms on one block
        ue2->SetGrant({0, 1, Seconds(0), Seconds(1)});
        Enqueue(ue1, 1, 200); // about 27 ms with interference
        ue1->SetGrant({0, 1, MilliSeconds(10), Seconds(1)});
        Simulator::Run();

        const double noise = kN0 * kRbWidth;
        const double s = kPowerW * PathGain(100);
        const double i = kPowerW * PathGain(300);
        const double sinr1 = s / (noise + i);
        const double r1 = kRbWidth * std::log2(1 + sinr1);
        const double r2 = kRbWidth * std::log2(1 + s / noise);
        NS_TEST_ASSERT_MSG_EQ(log1.txRate.size(), 1, "UE1 sent");
        if (log1.txRate.size() != 1)
        {
            return; // asserts continue on failure: do not index past the end
        }
        NS_TEST_ASSERT_MSG_EQ_TOL(log1.txRate[0], r1, r1 * 1e-9, "UE1's rate accounts for I");
        NS_TEST_ASSERT_MSG_EQ(log1.rxSinrDb.size(), 1, "BS1 received UE1's packet");
        if (log1.rxSinrDb.size() != 1)
        {
            return; // asserts continue on failure: do not index past the end
        }
        NS_TEST_ASSERT_MSG_EQ_TOL(log1.rxSinrDb[0],
                                  10 * std::log10(sinr1),
                                  1e-6,
                                  "SINR at BS1 = S / (N + I)");
        NS_TEST_ASSERT_MSG_EQ(log1.drops.size(), 0, "nothing lost at BS1");
        if (log1.drops.size() != 0)
        {
            return; // asserts continue on failure: do not index past the end
        }
        NS_TEST_ASSERT_MSG_EQ(log2.txRate.size(), 1, "UE2 sent");
        if (log2.txRate.size() != 1)
        {
            return; // asserts continue on failure: do not index past the end
        }
        NS_TEST_ASSERT_MSG_EQ_TOL(log2.txRate[0], r2, r2 * 1e-9, "UE2's rate had no interference");
        NS_TEST_ASSERT_MSG_EQ(log2.rxSinrDb.size(), 0, "UE2's packet not received");
        if (log2.rxSinrDb.size() != 0)
        {
            return; // asserts continue on failure: do not index past the end
        }
        NS_TEST_ASSERT_MSG_EQ(log2.drops.size(), 1, "UE2's packet lost");
        if (log2.drops.size() != 1)
        {
            return; // asserts continue on failure: do not index past the end
        }
        NS_TEST_ASSERT_MSG_EQ(log2.drops[0], "sinr", "because the SINR fell mid-packet");
        Simulator::Destroy();
    }
};

/**
 * MCS mode: with the SNR set 0.3 dB above the threshold of MCS 6, the BS
 * picks MCS 6, the rate is n W eff_6 and the loss rate is the BLER
 * 1 / (1 + 9 e^{0.3 / 0.5}) = 0.05749.
 */
class McsBlerTestCase : public TestCase
{
  public:
    McsBlerTestCase()
        : TestCase("MCS mode: MCS choice, rate and BLER losses")
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
        const int mcs = 6;
        const double thresholdDb = OfdmaRateMapping::GetMcsTable()[mcs].thresholdDb;
        const double snrDb = thresholdDb + 0.3;
        const double powerDbm = ofdmatest::PowerDbmForSnr(snrDb, n, d);
        OfdmaUplinkHelper helper;
        helper.EnableFading(false);
        helper.SetBsDeviceAttribute("RateMapping", EnumValue(OfdmaRateMapping::MCS_TABLE));
        helper.SetBsDeviceAttribute("BlerSlope", DoubleValue(0.5));
        helper.SetUeDeviceAttribute("TxPower", DoubleValue(powerDbm));
        helper.SetUeDeviceAttribute("MaxQueuePackets", UintegerValue(3000));
        helper.SetUeDeviceAttribute("MaxRetransmissions", UintegerValue(0)); // the PHY's losses
        NetDeviceContainer bs = helper.InstallBs(NodeContainer(NodeAt(0)));
        auto ue = DynamicCast<OfdmaUeNetDevice>(
            helper.InstallUe(NodeContainer(NodeAt(d)), bs.Get(0)).Get(0));
        helper.AssignStreams(bs, 11);
        Recorder log;
        log.ConnectUe(ue);
        log.ConnectBs(bs.Get(0));
        const uint32_t packets = 3000;
        Enqueue(ue, packets, 100);
        ue->SetGrant({40, n, Seconds(0), Seconds(100)});
        Simulator::Run();

        const double eff = 1.4766; // CQI 7 of TS 36.213 (index 6 here)
        NS_TEST_ASSERT_MSG_EQ(log.txRate.size(), packets, "all sent");
        if (log.txRate.size() != packets)
        {
            return; // asserts continue on failure: do not index past the end
        }
        NS_TEST_ASSERT_MSG_EQ_TOL(log.txRate[0], n * kRbWidth * eff, 1e-6, "rate n W eff");
        const double bler = 1 / (1 + 9 * std::exp(0.3 / 0.5));
        const double lost = log.drops.size();
        // Binomial: std sqrt(3000 p (1 - p)) = 12.7 packets; 5 std = 64.
        NS_TEST_ASSERT_MSG_EQ_TOL(lost, packets * bler, 64, "losses follow the BLER");
        NS_TEST_ASSERT_MSG_EQ(lost + log.rxRate.size(), packets, "each lost or received");
        for (const auto& r : log.drops)
        {
            NS_TEST_ASSERT_MSG_EQ(r, "bler", "reason");
        }
        Simulator::Destroy();
    }
};

/// The OFDMA interference TestSuite.
class OfdmaInterferenceTestSuite : public TestSuite
{
  public:
    OfdmaInterferenceTestSuite()
        : TestSuite("edge-inference-ofdma-interference", Type::SYSTEM)
    {
        AddTestCase(new DisjointBlocksTestCase);
        AddTestCase(new TwoCellsTestCase);
        AddTestCase(new McsBlerTestCase);
    }
};

/// Static instance.
static OfdmaInterferenceTestSuite g_ofdmaInterferenceTestSuite;

} // namespace
