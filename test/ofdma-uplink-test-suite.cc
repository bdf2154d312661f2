/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * System tests of the OFDMA uplink with one cell and no fading: upload
 * times and rates against the manual's *Uplink rate model* fixed-power Shannon formula
 * r = n W log2(1 + P g / (N0 n W)), transmissions confined to grants,
 * FlushQueue, grant validation, and a moving UE whose rate follows its
 * distance.
 */

#include "ofdma-test-helpers.h"

#include "ns3/boolean.h"
#include "ns3/constant-position-mobility-model.h"
#include "ns3/constant-velocity-mobility-model.h"
#include "ns3/edge-inference-compat.h"
#include "ns3/node.h"
#include "ns3/ofdma-bs-net-device.h"
#include "ns3/ofdma-rate-mapping.h"
#include "ns3/ofdma-ue-net-device.h"
#include "ns3/ofdma-uplink-helper.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

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

const uint16_t kIpv4 = 0x0800; //!< protocol number used

/// the manual's *Uplink rate model* fixed-power rate with B = n W.
double
ShannonRate(uint32_t n, double d)
{
    const double b = n * kRbWidth;
    return b * std::log2(1.0 + kPowerW * PathGain(d) / (kN0 * b));
}

/**
 * @param mobility the node's mobility model
 * @return a node carrying it
 */
Ptr<Node>
NodeWith(Ptr<MobilityModel> mobility)
{
    Ptr<Node> n = CreateObject<Node>();
    n->AggregateObject(mobility);
    return n;
}

/// A BS at the origin and UEs on given nodes, fading off.
struct Cell
{
    Ptr<OfdmaBsNetDevice> bs;               //!< the BS
    std::vector<Ptr<OfdmaUeNetDevice>> ues; //!< its UEs

    /// @param ueNodes UE nodes (with mobility)
    explicit Cell(NodeContainer ueNodes)
    {
        OfdmaUplinkHelper helper;
        helper.EnableFading(false);
        bs = DynamicCast<OfdmaBsNetDevice>(helper.InstallBs(NodeContainer(NodeAt(0))).Get(0));
        NetDeviceContainer devs = helper.InstallUe(ueNodes, bs);
        for (uint32_t i = 0; i < devs.GetN(); ++i)
        {
            ues.push_back(DynamicCast<OfdmaUeNetDevice>(devs.Get(i)));
        }
    }
};

/// What the trace sources reported.
struct Log
{
    std::vector<Time> txStart;             //!< TxStart times
    std::vector<double> rate;              //!< TxStart rates
    std::vector<Time> txEnd;               //!< TxEnd times
    std::vector<double> rxSinrDb;          //!< BS Rx SINRs
    std::vector<double> rxRate;            //!< BS Rx rates
    std::vector<OfdmaGrant> grantEnd;      //!< GrantEnd grants
    std::vector<uint32_t> grantEndBytes;   //!< GrantEnd bytes left
    std::vector<uint32_t> grantEndPackets; //!< GrantEnd packets left

    /// @param ue UE whose traces to record @param bs its BS
    void Connect(Ptr<OfdmaUeNetDevice> ue, Ptr<OfdmaBsNetDevice> bs)
    {
        ue->TraceConnectWithoutContext("TxStart", MakeCallback(&Log::OnTxStart, this));
        ue->TraceConnectWithoutContext("TxEnd", MakeCallback(&Log::OnTxEnd, this));
        ue->TraceConnectWithoutContext("GrantEnd", MakeCallback(&Log::OnGrantEnd, this));
        bs->TraceConnectWithoutContext("Rx", MakeCallback(&Log::OnRx, this));
    }

    /// TxStart sink
    void OnTxStart(Ptr<const Packet>, const OfdmaGrant&, double r)
    {
        txStart.push_back(Simulator::Now());
        rate.push_back(r);
    }

    /// TxEnd sink
    void OnTxEnd(Ptr<const Packet>)
    {
        txEnd.push_back(Simulator::Now());
    }

    /// GrantEnd sink
    void OnGrantEnd(const OfdmaGrant& g, uint32_t bytes, uint32_t packets)
    {
        grantEnd.push_back(g);
        grantEndBytes.push_back(bytes);
        grantEndPackets.push_back(packets);
    }

    /// Rx sink
    void OnRx(Ptr<const Packet>, const Address&, double sinrDb, double r)
    {
        rxSinrDb.push_back(sinrDb);
        rxRate.push_back(r);
    }
};

/// @param ue queue count packets of size bytes on it
void
Enqueue(Ptr<OfdmaUeNetDevice> ue, uint32_t count, uint32_t size)
{
    for (uint32_t i = 0; i < count; ++i)
    {
        ue->Send(Create<Packet>(size), ue->GetBroadcast(), kIpv4);
    }
}

/**
 * Uploads D bits on n blocks at distance d in one long grant: the time
 * equals D / r with the manual's fixed-power formula, within one packet's airtime.
 */
class UploadTimeTestCase : public TestCase
{
  public:
    /// @param n blocks @param d distance (m) @param packets count @param size bytes
    UploadTimeTestCase(uint32_t n, double d, uint32_t packets, uint32_t size)
        : TestCase("Upload time of " + std::to_string(packets * size * 8) + " bit on " +
                   std::to_string(n) + " RBs at " + std::to_string(int(d)) + " m"),
          m_n(n),
          m_d(d),
          m_packets(packets),
          m_size(size)
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
        Cell cell(NodeContainer(NodeAt(m_d)));
        Ptr<OfdmaUeNetDevice> ue = cell.ues[0];
        Log log;
        log.Connect(ue, cell.bs);
        Enqueue(ue, m_packets, m_size);
        ue->SetGrant({100 - m_n, m_n, Seconds(0), Seconds(100)});
        Simulator::Run();

        const double r = ShannonRate(m_n, m_d);
        const double bits = 8.0 * m_packets * m_size;
        const double airtime = 8.0 * m_size / r;
        NS_TEST_ASSERT_MSG_EQ(log.txEnd.size(), m_packets, "all packets sent");
        if (log.txEnd.size() != m_packets)
        {
            return; // asserts continue on failure: do not index past the end
        }
        NS_TEST_ASSERT_MSG_EQ(log.rxRate.size(), m_packets, "all packets received");
        if (log.rxRate.size() != m_packets)
        {
            return; // asserts continue on failure: do not index past the end
        }
        NS_TEST_ASSERT_MSG_EQ_TOL(log.txEnd.back().GetSeconds(),
                                  bits / r,
                                  airtime,
                                  "upload time D / r within one packet's airtime");
        NS_TEST_ASSERT_MSG_EQ_TOL(log.rate[0], r, r * 1e-9, "rate = n W log2(1 + P g / (N0 n W))");
        // SNR over the granted band, the same for every block.
        const double snrDb = 10 * std::log10(kPowerW * PathGain(m_d) / (kN0 * m_n * kRbWidth));
        NS_TEST_ASSERT_MSG_EQ_TOL(log.rxSinrDb[0], snrDb, 1e-6, "SNR seen by the BS");
        NS_TEST_ASSERT_MSG_EQ_TOL(log.rxRate.back(), r, r * 1e-9, "rate reported by the BS");
        Simulator::Destroy();
    }

    uint32_t m_n;       //!< blocks
    double m_d;         //!< distance (m)
    uint32_t m_packets; //!< packets
    uint32_t m_size;    //!< packet size (bytes)
};

/// The rate over n blocks follows n W log2(1 + P g / (N0 n W)).
class RateScalingTestCase : public TestCase
{
  public:
    RateScalingTestCase()
        : TestCase("Rate scales with the granted blocks as the fixed-power formula says")
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
        const double d = 150;
        Cell cell(NodeContainer(NodeAt(d)));
        Ptr<OfdmaUeNetDevice> ue = cell.ues[0];
        Log log;
        log.Connect(ue, cell.bs);
        const std::vector<uint32_t> blocks = {1, 2, 5, 10, 50, 100};
        // One 100 ms grant per size, at the top of the carrier, and one
        // packet queued at its start.
        for (size_t i = 0; i < blocks.size(); ++i)
        {
            Simulator::Schedule(MilliSeconds(100 * i), &Enqueue, ue, 1, 100);
            ue->SetGrant(
                {100 - blocks[i], blocks[i], MilliSeconds(100 * i), MilliSeconds(100 * i + 100)});
        }
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(log.rate.size(), blocks.size(), "one packet per grant");
        if (log.rate.size() != blocks.size())
        {
            return; // asserts continue on failure: do not index past the end
        }
        for (size_t i = 0; i < blocks.size(); ++i)
        {
            const double r = ShannonRate(blocks[i], d);
            NS_TEST_ASSERT_MSG_EQ_TOL(log.rate[i], r, r * 1e-9, blocks[i] << " blocks");
            NS_TEST_ASSERT_MSG_EQ_TOL(log.rate[i] / log.rate[0],
                                      r / ShannonRate(1, d),
                                      1e-9,
                                      "ratio to one block, " << blocks[i] << " blocks");
        }
        Simulator::Destroy();
    }
};

/**
 * The uplink interface tells the planner what the UE will get: for a UE at
 * 150 m and one at 900 m, in Shannon and in MCS mode, the link state's rate
 * on n blocks equals, to the bit, the rate the UE transmits at on a grant
 * of n blocks (what ComputeLinkAdaptation gives it at each packet's start,
 * and TxStart reports), for every n = 1..100; in MCS mode the 900 m UE's
 * rate falls at MCS steps as n grows, and where the SINR is below the
 * lowest MCS threshold the link state says 0. The Shannon closed form's
 * noise PSD is N0 (no SNR gap) and absent in MCS mode; grants given through
 * the interface reach the UE.
 */
class UplinkSapTestCase : public TestCase
{
  public:
    UplinkSapTestCase()
        : TestCase("Uplink interface: planned rates equal the transmitted ones, per block count")
    {
    }

  private:
    void DoTeardown() override
    {
        Simulator::Destroy();
    }

    /**
     * @param mcs MCS table mode if true, Shannon otherwise
     * @param d the UE's distance (m)
     * @param decreases receives whether some n carries less than n - 1
     */
    void CheckMode(bool mcs, double d, bool& decreases)
    {
        Cell cell(NodeContainer(NodeAt(d)));
        Ptr<OfdmaUeNetDevice> ue = cell.ues[0];
        cell.bs->SetAttribute("RateMapping", StringValue(mcs ? "McsTable" : "Shannon"));
        cell.bs->SetAttribute("BlockErrors", BooleanValue(false));
        EdgeUplinkSapProvider* sap = cell.bs->GetEdgeUplinkSapProvider();
        NS_TEST_ASSERT_MSG_EQ(sap->GetNResourceBlocks(), 100u, "1 MHz in 10 kHz blocks");
        const EdgeUplinkLinkState state = sap->GetLinkState(ue->GetAddress());
        NS_TEST_ASSERT_MSG_EQ(state.rateBps.size(), 100u, "a rate per block count");
        NS_TEST_ASSERT_MSG_EQ(state.shannonNoisePsdWHz, mcs ? 0.0 : cell.bs->GetNoisePsd(), "");
        const double mcs0Db = OfdmaRateMapping::GetMcsTable().front().thresholdDb;
        for (uint32_t n = 1; n <= 100; ++n)
        {
            // What the UE asks at the start of each packet on the top n blocks.
            const OfdmaLinkAdaptation la = cell.bs->ComputeLinkAdaptation(ue, 100 - n, n);
            const bool decodable = !mcs || la.sinrDb >= mcs0Db;
            const double expected = decodable ? la.rateBps : 0.0;
            NS_TEST_EXPECT_MSG_EQ(state.rateBps[n - 1],
                                  expected,
                                  (mcs ? "MCS" : "Shannon")
                                      << ", " << d << " m, " << n << " blocks");
            decreases = decreases || (n > 1 && state.rateBps[n - 1] < state.rateBps[n - 2]);
        }
        if (d < 200)
        {
            // Grants through the interface reach the UE, which sends at the
            // planned rate (every block count is decodable this close).
            Log log;
            log.Connect(ue, cell.bs);
            const std::vector<uint32_t> blocks{1, 10, 100};
            for (size_t i = 0; i < blocks.size(); ++i)
            {
                const Time start = MilliSeconds(100 * i);
                Simulator::Schedule(start, &Enqueue, ue, 1, 100);
                sap->Grant(ue->GetAddress(),
                           {100 - blocks[i], blocks[i], start, start + MilliSeconds(100)});
            }
            Simulator::Run();
            NS_TEST_ASSERT_MSG_EQ(log.rate.size(), blocks.size(), "one packet per grant");
            for (size_t i = 0; i < blocks.size(); ++i)
            {
                NS_TEST_EXPECT_MSG_EQ(log.rate[i],
                                      state.rateBps[blocks[i] - 1],
                                      blocks[i] << " blocks: sent at the planned rate");
            }
        }
        Simulator::Destroy();
    }

    void DoRun() override
    {
        bool shannonDecreases = false;
        bool mcsDecreases = false;
        for (double d : {150.0, 900.0})
        {
            CheckMode(false, d, shannonDecreases);
            CheckMode(true, d, mcsDecreases);
        }
        NS_TEST_EXPECT_MSG_EQ(shannonDecreases, false, "Shannon rates grow with n");
        NS_TEST_EXPECT_MSG_EQ(mcsDecreases, true, "MCS rates fall at some MCS steps");
    }
};

/**
 * Nothing is sent outside a grant: TxStart inside [start, end), TxEnd <=
 * end; packets that do not fit wait; GrantEnd reports what is left.
 */
class GrantWindowTestCase : public TestCase
{
  public:
    GrantWindowTestCase()
        : TestCase("Transmissions stay inside grants; GrantEnd reports the rest")
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
        const double d = 100;
        const uint32_t n = 5;
        Cell cell(NodeContainer(NodeAt(d)));
        Ptr<OfdmaUeNetDevice> ue = cell.ues[0];
        Log log;
        log.Connect(ue, cell.bs);
        const double r = ShannonRate(n, d);
        const Time a = Seconds(8000.0 / r); // one 1000-byte packet
        Enqueue(ue, 10, 1000);
        const std::vector<OfdmaGrant> grants = {
            {0, n, MilliSeconds(10), MilliSeconds(10) + a * 2.5},  // 2 packets fit
            {7, n, MilliSeconds(50), MilliSeconds(50) + a * 3.2},  // 3 more
            {20, n, MilliSeconds(80), MilliSeconds(80) + a * 0.9}, // none fits
            {0, n, MilliSeconds(100), MilliSeconds(300)},          // the last 5, then idle
        };
        for (const auto& g : grants)
        {
            ue->SetGrant(g);
        }
        // A packet sent mid-grant to an empty queue starts at once.
        Simulator::Schedule(MilliSeconds(250), &Enqueue, ue, 1, 1000);
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(log.txStart.size(), 11, "10 + 1 packets sent");
        if (log.txStart.size() != 11)
        {
            return; // asserts continue on failure: do not index past the end
        }
        NS_TEST_ASSERT_MSG_EQ(log.txEnd.size(), 11, "all ended");
        if (log.txEnd.size() != 11)
        {
            return; // asserts continue on failure: do not index past the end
        }
        for (size_t i = 0; i < log.txStart.size(); ++i)
        {
            bool inside = false;
            for (const auto& g : grants)
            {
                inside = inside || (log.txStart[i] >= g.start && log.txStart[i] < g.end &&
                                    log.txEnd[i] <= g.end && log.txEnd[i] > g.start);
            }
            NS_TEST_ASSERT_MSG_EQ(inside, true, "packet " << i << " inside one grant");
        }
        NS_TEST_ASSERT_MSG_EQ(log.txStart[0], MilliSeconds(10), "starts at the grant start");
        NS_TEST_ASSERT_MSG_EQ(log.txStart[2], MilliSeconds(50), "third waits for grant 2");
        NS_TEST_ASSERT_MSG_EQ(log.txStart[5], MilliSeconds(100), "sixth waits for grant 4");
        NS_TEST_ASSERT_MSG_EQ(log.txStart[10], MilliSeconds(250), "late packet sent at once");
        NS_TEST_ASSERT_MSG_EQ(log.grantEnd.size(), 4, "four grants ended");
        if (log.grantEnd.size() != 4)
        {
            return; // asserts continue on failure: do not index past the end
        }
        // Left after each grant: 8, 5, 5, 0 packets of 1000 bytes.
        const uint32_t left[] = {8, 5, 5, 0};
        for (size_t i = 0; i < 4; ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(log.grantEnd[i], grants[i], "grant " << i);
            NS_TEST_ASSERT_MSG_EQ(log.grantEndPackets[i], left[i], "packets left, grant " << i);
            NS_TEST_ASSERT_MSG_EQ(log.grantEndBytes[i], 1000 * left[i], "bytes left, grant " << i);
        }
        Simulator::Destroy();
    }
};

/**
 * FlushQueue drops exactly the queued packets, each with Drop reason
 * "flushed", and returns their number: not the packet on the air (it ends
 * and is received), not packets sent afterwards; an empty queue gives 0.
 */
class FlushQueueTestCase : public TestCase
{
  public:
    FlushQueueTestCase()
        : TestCase("FlushQueue drops exactly the queued packets, with Drop reason flushed")
    {
    }

  private:
    /// Also after a failed assertion, which returns from DoRun early.
    void DoTeardown() override
    {
        Simulator::Destroy();
    }

    /// @param ue flushes it and records the count and the queue afterwards
    void Flush(Ptr<OfdmaUeNetDevice> ue)
    {
        m_flushed.push_back(ue->FlushQueue());
        m_leftAfter.push_back(ue->GetQueuedPackets() + ue->GetQueuedBytes());
        m_onAir.push_back(ue->IsTransmitting());
    }

    /// Drop sink: counts by reason and bytes.
    void OnDrop(Ptr<const Packet> p, const std::string& reason)
    {
        m_drops[reason]++;
        m_dropBytes += p->GetSize();
    }

    void DoRun() override
    {
        const double d = 100;
        const uint32_t n = 5;
        Cell cell(NodeContainer(NodeAt(d)));
        Ptr<OfdmaUeNetDevice> ue = cell.ues[0];
        Log log;
        log.Connect(ue, cell.bs);
        ue->TraceConnectWithoutContext("Drop", MakeCallback(&FlushQueueTestCase::OnDrop, this));
        const Time a = Seconds(8000.0 / ShannonRate(n, d)); // one 1000-byte packet
        NS_TEST_ASSERT_MSG_LT(MilliSeconds(10) + a * 2.5, MilliSeconds(40), "schedule below");
        Enqueue(ue, 10, 1000);
        ue->SetGrant({0, n, MilliSeconds(10), MilliSeconds(10) + a * 2.5});
        ue->SetGrant({0, n, MilliSeconds(60), MilliSeconds(60) + a * 3});
        // Mid-packet: the first packet is on the air, 9 are queued.
        Simulator::Schedule(MilliSeconds(10) + a * 0.5, &FlushQueueTestCase::Flush, this, ue);
        // Outside any grant: 3 packets queued, flushed, then an empty flush.
        Simulator::Schedule(MilliSeconds(40), &Enqueue, ue, 3, 500);
        Simulator::Schedule(MilliSeconds(45), &FlushQueueTestCase::Flush, this, ue);
        Simulator::Schedule(MilliSeconds(46), &FlushQueueTestCase::Flush, this, ue);
        // Packets queued after a flush are sent in the next grant.
        Simulator::Schedule(MilliSeconds(50), &Enqueue, ue, 2, 1000);
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(m_flushed.size(), 3, "three flushes");
        if (m_flushed.size() != 3)
        {
            return; // asserts continue on failure: do not index past the end
        }
        const uint32_t flushed[] = {9, 3, 0};
        const bool onAir[] = {true, false, false};
        for (size_t i = 0; i < 3; ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(m_flushed[i], flushed[i], "packets flushed, flush " << i);
            NS_TEST_ASSERT_MSG_EQ(m_leftAfter[i], 0, "queue empty after flush " << i);
            NS_TEST_ASSERT_MSG_EQ(m_onAir[i], onAir[i], "packet on the air, flush " << i);
        }
        NS_TEST_ASSERT_MSG_EQ(m_drops.size(), 1, "one drop reason");
        NS_TEST_ASSERT_MSG_EQ(m_drops["flushed"], 12, "a Drop \"flushed\" per flushed packet");
        NS_TEST_ASSERT_MSG_EQ(m_dropBytes, 9 * 1000 + 3 * 500, "the flushed packets' bytes");
        // Sent: the packet on the air at the first flush, then the 2 late ones.
        NS_TEST_ASSERT_MSG_EQ(log.txStart.size(), 3, "3 packets sent");
        NS_TEST_ASSERT_MSG_EQ(log.txEnd.size(), 3, "3 packets ended");
        NS_TEST_ASSERT_MSG_EQ(log.rxRate.size(), 3, "3 packets received");
        if (log.txStart.size() == 3)
        {
            NS_TEST_ASSERT_MSG_EQ(log.txStart[0], MilliSeconds(10), "first at grant 1's start");
            NS_TEST_ASSERT_MSG_EQ(log.txStart[1], MilliSeconds(60), "late ones in grant 2");
        }
        NS_TEST_ASSERT_MSG_EQ(log.grantEndPackets.size(), 2, "two grants ended");
        if (log.grantEndPackets.size() == 2)
        {
            NS_TEST_ASSERT_MSG_EQ(log.grantEndPackets[0], 0, "nothing left after grant 1");
            NS_TEST_ASSERT_MSG_EQ(log.grantEndPackets[1], 0, "nothing left after grant 2");
        }
        Simulator::Destroy();
    }

    std::vector<uint32_t> m_flushed;         //!< FlushQueue results
    std::vector<uint32_t> m_leftAfter;       //!< queued packets + bytes after each flush
    std::vector<bool> m_onAir;               //!< IsTransmitting after each flush
    std::map<std::string, uint32_t> m_drops; //!< Drop count by reason
    uint64_t m_dropBytes{0};                 //!< bytes of the dropped packets
};

/// OfdmaBsNetDevice::CheckGrant names each invalid configuration.
class GrantCheckTestCase : public TestCase
{
  public:
    GrantCheckTestCase()
        : TestCase("Invalid grants are refused with a reason")
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
        NodeContainer ues(NodeAt(50), NodeAt(60));
        Cell cell(ues);
        Ptr<OfdmaBsNetDevice> bs = cell.bs;
        Ptr<OfdmaUeNetDevice> a = cell.ues[0];
        Ptr<OfdmaUeNetDevice> b = cell.ues[1];
        auto has = [](const std::string& s, const std::string& what) {
            return s.find(what) != std::string::npos;
        };
        a->SetGrant({10, 20, MilliSeconds(10), MilliSeconds(20)}); // blocks [10, 30)
        NS_TEST_ASSERT_MSG_EQ(bs->CheckGrant(b, {0, 0, Seconds(0), Seconds(1)}).empty(),
                              false,
                              "zero blocks");
        NS_TEST_ASSERT_MSG_EQ(has(bs->CheckGrant(b, {95, 6, Seconds(0), Seconds(1)}), "exceed"),
                              true,
                              "blocks 95..100 beyond 100 blocks");
        NS_TEST_ASSERT_MSG_EQ(has(bs->CheckGrant(b, {0, 5, Seconds(1), Seconds(1)}), "empty"),
                              true,
                              "empty window");
        NS_TEST_ASSERT_MSG_EQ(
            has(bs->CheckGrant(b, {29, 2, MilliSeconds(19), MilliSeconds(40)}), "overlaps"),
            true,
            "block 29 at 19 ms is a's");
        NS_TEST_ASSERT_MSG_EQ(bs->CheckGrant(b, {30, 2, MilliSeconds(15), MilliSeconds(40)}),
                              "",
                              "adjacent blocks are free");
        NS_TEST_ASSERT_MSG_EQ(bs->CheckGrant(b, {10, 20, MilliSeconds(20), MilliSeconds(40)}),
                              "",
                              "same blocks right after a's grant are free");
        NS_TEST_ASSERT_MSG_EQ(bs->CheckGrant(b, {10, 20, MilliSeconds(0), MilliSeconds(10)}),
                              "",
                              "same blocks right before a's grant are free");
        edgeinference::ScheduleClosure(MilliSeconds(50), [&]() {
            NS_TEST_EXPECT_MSG_EQ(
                has(bs->CheckGrant(b, {0, 5, MilliSeconds(10), MilliSeconds(40)}), "past"),
                true,
                "grant ending in the past");
        });
        Simulator::Run();
        Simulator::Destroy();
    }
};

/// A UE moving away: each packet's rate is the formula at the distance then.
class MovingUeTestCase : public TestCase
{
  public:
    MovingUeTestCase()
        : TestCase("A moving UE's rate follows its distance")
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
        const double x0 = 20;
        const double v = 30; // m/s, away from the BS
        Ptr<ConstantVelocityMobilityModel> m = CreateObject<ConstantVelocityMobilityModel>();
        m->SetPosition(Vector(x0, 0, 0));
        m->SetVelocity(Vector(v, 0, 0));
        Cell cell(NodeContainer(NodeWith(m)));
        Ptr<OfdmaUeNetDevice> ue = cell.ues[0];
        ue->SetAttribute("MaxQueuePackets", UintegerValue(5000));
        Log log;
        log.Connect(ue, cell.bs);
        const uint32_t n = 4;
        Enqueue(ue, 5000, 500);
        ue->SetGrant({0, n, Seconds(0), Seconds(5)});
        Simulator::Run();
        NS_TEST_ASSERT_MSG_GT(log.rate.size(), 500, "hundreds of packets in 5 s");
        if (log.rate.size() <= 500)
        {
            return; // asserts continue on failure: do not index past the end
        }
        for (size_t i = 0; i < log.rate.size(); ++i)
        {
            const double d = x0 + v * log.txStart[i].GetSeconds();
            const double r = ShannonRate(n, d);
            NS_TEST_ASSERT_MSG_EQ_TOL(log.rate[i], r, r * 1e-9, "packet " << i << " at " << d);
        }
        NS_TEST_ASSERT_MSG_LT(log.rate.back(), 0.8 * log.rate.front(), "rate falls with distance");
        Simulator::Destroy();
    }
};

/// The single-cell OFDMA uplink TestSuite.
class OfdmaUplinkTestSuite : public TestSuite
{
  public:
    OfdmaUplinkTestSuite()
        : TestSuite("edge-inference-ofdma-uplink", Type::SYSTEM)
    {
        AddTestCase(new UploadTimeTestCase(10, 100, 50, 1000));
        AddTestCase(new UploadTimeTestCase(1, 200, 20, 200));
        AddTestCase(new UploadTimeTestCase(100, 50, 100, 1500));
        AddTestCase(new RateScalingTestCase);
        AddTestCase(new GrantWindowTestCase);
        AddTestCase(new FlushQueueTestCase);
        AddTestCase(new GrantCheckTestCase);
        AddTestCase(new MovingUeTestCase);
        AddTestCase(new UplinkSapTestCase);
    }
};

/// Static instance.
static OfdmaUplinkTestSuite g_ofdmaUplinkTestSuite;

} // namespace
