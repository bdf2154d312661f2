/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The bad-input matrix (issue 7): one test case per row, each a class of
 * bad or hostile input that can be checked in-process, with its documented
 * outcome: a clear EdgeInferenceError (the message fragment below comes
 * from the documentation of the reader or validator), or a counted outcome
 * (0 served, bytes left reported by GrantEnd, packets dropped with a
 * reason). Rows whose outcome is NS_FATAL_ERROR cannot run in-process; the
 * table in doc/edge-inference.rst ("Robustness") lists them with the way
 * they were checked by hand. The profile and problem suites test each
 * reader in detail; here there is one row per class, through the public
 * API only.
 */

#include "edge-inference-test-helpers.h"
#include "ofdma-test-helpers.h"

#include "ns3/boolean.h"
#include "ns3/c2-allocation.h"
#include "ns3/c2-problem-json.h"
#include "ns3/c2-scheduler.h"
#include "ns3/constant-position-mobility-model.h"
#include "ns3/double.h"
#include "ns3/early-exit-profile.h"
#include "ns3/edge-inference-error.h"
#include "ns3/edge-inference-scenario-runner.h"
#include "ns3/enum.h"
#include "ns3/node.h"
#include "ns3/object-factory.h"
#include "ns3/ofdma-bs-net-device.h"
#include "ns3/ofdma-rate-mapping.h"
#include "ns3/ofdma-ue-net-device.h"
#include "ns3/ofdma-uplink-helper.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using namespace ns3;

namespace
{

using edgetest::ErrorOf;

/// @return s with every occurrence of 'from' replaced by 'to' (at least one)
std::string
Replace(std::string s, const std::string& from, const std::string& to)
{
    const auto at = s.find(from);
    NS_ABORT_MSG_IF(at == std::string::npos, "test bug: '" << from << "' not in the text");
    return s.replace(at, from.size(), to);
}

// ---------------------------------------------------------------- profiles

/// A valid two-exit profile on batch sizes 1 and 2; every row breaks one
/// thing in it.
const std::string kProfile = "# edge-inference-profile 1\n"
                             "# name: matrix\n"
                             "# device: test\n"
                             "exit,accuracy\n"
                             "1,0.5\n"
                             "2,0.8\n"
                             "block,batch,block_median_s,block_p10_s,block_p90_s,"
                             "head_median_s,head_p10_s,head_p90_s\n"
                             "1,1,1e-3,1e-3,1e-3,1e-4,1e-4,1e-4\n"
                             "1,2,2e-3,2e-3,2e-3,1e-4,1e-4,1e-4\n"
                             "2,1,3e-3,3e-3,3e-3,1e-4,1e-4,1e-4\n"
                             "2,2,4e-3,4e-3,4e-3,1e-4,1e-4,1e-4\n";

/// Block rows of kProfile, for rows that rewrite them.
const std::string kRow11 = "1,1,1e-3,1e-3,1e-3,1e-4,1e-4,1e-4\n";
const std::string kRow12 = "1,2,2e-3,2e-3,2e-3,1e-4,1e-4,1e-4\n"; //!< block 1 batch 2
const std::string kRow22 = "2,2,4e-3,4e-3,4e-3,1e-4,1e-4,1e-4\n"; //!< block 2 batch 2

/// One malformed-profile class: parsing must throw EdgeInferenceError whose
/// message is "bad.csv:LINE: problem" with the documented problem text.
class ProfileRowTestCase : public TestCase
{
  public:
    /**
     * @param row name of the class
     * @param text the malformed file
     * @param line line the message must name
     * @param fragment text the message must contain
     */
    ProfileRowTestCase(const std::string& row,
                       const std::string& text,
                       uint32_t line,
                       const std::string& fragment)
        : TestCase("Profile file: " + row),
          m_text(text),
          m_line(line),
          m_fragment(fragment)
    {
    }

  private:
    void DoRun() override
    {
        const std::string what = ErrorOf([this]() {
            std::istringstream in(m_text);
            EarlyExitProfile::Parse(in, "bad.csv");
        });
        NS_TEST_ASSERT_MSG_EQ(what.empty(), false, "rejected with EdgeInferenceError");
        const std::string at = "bad.csv:" + std::to_string(m_line) + ": ";
        NS_TEST_EXPECT_MSG_EQ(what.rfind(at, 0), 0, "names file and line: " << what);
        NS_TEST_EXPECT_MSG_NE(what.find(m_fragment), std::string::npos, "says why: " << what);
    }

    std::string m_text;     //!< the file
    uint32_t m_line;        //!< expected line
    std::string m_fragment; //!< expected problem text
};

/// The valid base profile parses (else every profile row proves nothing).
class ProfileBaseTestCase : public TestCase
{
  public:
    ProfileBaseTestCase()
        : TestCase("Profile file: the matrix's base profile is valid")
    {
    }

  private:
    void DoRun() override
    {
        std::istringstream in(kProfile);
        const EarlyExitProfile p = EarlyExitProfile::Parse(in, "good.csv");
        NS_TEST_ASSERT_MSG_EQ(p.GetNExits(), 2, "two exits");
        // Block 1 at batch 2: 2e-3 + 1e-4 s, the row as written.
        NS_TEST_EXPECT_MSG_EQ_TOL(p.GetBlockTime(1, 2), 2.1e-3, 1e-15, "table value");
    }
};

/// An unreadable file is an error naming the file (ReadFile).
class ProfileMissingFileTestCase : public TestCase
{
  public:
    ProfileMissingFileTestCase()
        : TestCase("Profile file: a file that cannot be opened")
    {
    }

  private:
    void DoRun() override
    {
        const std::string what =
            ErrorOf([]() { EarlyExitProfile::ReadFile("/nonexistent/edge-inference.csv"); });
        NS_TEST_EXPECT_MSG_NE(what.find("/nonexistent/edge-inference.csv:0: cannot open profile"),
                              std::string::npos,
                              "names the file: " << what);
    }
};

// ---------------------------------------------------------------- problems

/// A valid problem with one user who can be served (checked by the zero-
/// and one-user rows); every problem row breaks one field.
const std::string kProblem = R"({"bandwidth_hz": 1e6, "rate_model": "fixed-power",
 "exits": [{"accuracy": 0.6, "alpha_s": 1e-3, "beta_s": 2e-3},
           {"accuracy": 0.9, "alpha_s": 1e-3, "beta_s": 2e-3}],
 "users": [{"id": 0, "bits": 8000, "power_w": 0.1, "gain": 1e-11, "deadline_s": 0.05,
            "accuracy": 0.5}]})";

/// The scheduler plugins the rows run (every registered one).
const std::vector<std::string> kSchedulers = {"ns3::EqualBandwidthC2Scheduler",
                                              "ns3::ExhaustiveC2Scheduler",
                                              "ns3::GreedyEarlyExitC2Scheduler",
                                              "ns3::SequentialC2Scheduler",
                                              "ns3::ShelfPackingC2Scheduler",
                                              "ns3::TreeSearchC2Scheduler"};

/// @return the allocation of the named scheduler for the problem
C2Allocation
AllocateWith(const std::string& scheduler, const C2Problem& problem)
{
    ObjectFactory factory(scheduler);
    return factory.Create<C2Scheduler>()->Allocate(problem);
}

/// One invalid problem field: the reader throws an EdgeInferenceError that
/// names the file and the field.
class ProblemRowTestCase : public TestCase
{
  public:
    /**
     * @param row name of the class
     * @param text the problem file
     * @param fragment text the message must contain (field and value)
     */
    ProblemRowTestCase(const std::string& row, const std::string& text, const std::string& fragment)
        : TestCase("Problem file: " + row),
          m_text(text),
          m_fragment(fragment)
    {
    }

  private:
    void DoRun() override
    {
        const std::string what = ErrorOf([this]() { ParseC2ProblemJson(m_text, "bad.json"); });
        NS_TEST_ASSERT_MSG_EQ(what.empty(), false, "rejected with EdgeInferenceError");
        NS_TEST_EXPECT_MSG_EQ(what.rfind("bad.json: ", 0), 0, "names the file: " << what);
        NS_TEST_EXPECT_MSG_NE(what.find(m_fragment), std::string::npos, "says why: " << what);
    }

    std::string m_text;     //!< the file
    std::string m_fragment; //!< expected field and problem
};

/**
 * A frame is valid but some or all users cannot be served: every scheduler
 * returns a feasible allocation (EvaluateC2Allocation agrees) serving
 * exactly the expected number, no error.
 */
class ProblemOutcomeTestCase : public TestCase
{
  public:
    /**
     * @param row name of the class
     * @param text the problem file
     * @param served tasks every exact scheduler must serve
     * @param heuristicsToo whether the heuristics (equal bandwidth, greedy,
     *        sequential) must serve exactly that many too, not just at most
     */
    ProblemOutcomeTestCase(const std::string& row,
                           const std::string& text,
                           uint32_t served,
                           bool heuristicsToo)
        : TestCase("Problem outcome: " + row),
          m_text(text),
          m_served(served),
          m_heuristicsToo(heuristicsToo)
    {
    }

  private:
    void DoRun() override
    {
        const C2Problem problem = ParseC2ProblemJson(m_text, "frame.json");
        const std::map<std::string, bool> exact = {{"ns3::ExhaustiveC2Scheduler", true},
                                                   {"ns3::ShelfPackingC2Scheduler", true},
                                                   {"ns3::TreeSearchC2Scheduler", true}};
        for (const std::string& name : kSchedulers)
        {
            const C2Allocation a = AllocateWith(name, problem);
            NS_TEST_EXPECT_MSG_EQ(a.feasible, true, name << " allocation is feasible");
            NS_TEST_EXPECT_MSG_EQ(EvaluateC2Allocation(problem, a).feasible,
                                  true,
                                  name << " allocation passes the evaluation");
            if (exact.count(name) || m_heuristicsToo)
            {
                NS_TEST_EXPECT_MSG_EQ(a.GetServedCount(), m_served, name << " served");
            }
            else
            {
                NS_TEST_EXPECT_MSG_LT_OR_EQ(a.GetServedCount(), m_served, name << " served");
            }
        }
    }

    std::string m_text;   //!< the problem
    uint32_t m_served;    //!< expected served count
    bool m_heuristicsToo; //!< heuristics must reach it too
};

/// An unknown scheduler TypeId is reported by the fail-safe lookup, and a
/// registered TypeId that is no C2Scheduler is recognised as such (what
/// edge-inference-solve checks before it creates anything).
class UnknownSchedulerTestCase : public TestCase
{
  public:
    UnknownSchedulerTestCase()
        : TestCase("Scheduler TypeId: unknown, or not a C2Scheduler")
    {
    }

  private:
    void DoRun() override
    {
        TypeId tid;
        NS_TEST_EXPECT_MSG_EQ(TypeId::LookupByNameFailSafe("ns3::NoSuchC2Scheduler", &tid),
                              false,
                              "unknown name: lookup fails without aborting");
        NS_TEST_ASSERT_MSG_EQ(TypeId::LookupByNameFailSafe("ns3::Node", &tid),
                              true,
                              "ns3::Node is registered");
        NS_TEST_EXPECT_MSG_EQ(tid.IsChildOf(C2Scheduler::GetTypeId()),
                              false,
                              "ns3::Node is not a scheduler");
        for (const std::string& name : kSchedulers)
        {
            NS_TEST_EXPECT_MSG_EQ(TypeId::LookupByNameFailSafe(name, &tid) &&
                                      tid.IsChildOf(C2Scheduler::GetTypeId()),
                                  true,
                                  name << " is a registered scheduler");
        }
    }
};

/**
 * A radio attribute out of range in a scenario's bsAttributes stops the
 * scenario check with a message naming the field, the attribute and the
 * value, before anything is built. The ranges are the attributes' help
 * texts: TargetBler in [1e-6, 0.5], AirtimeMargin in [0, 10], BlerSlope
 * > 0 (checked from 1e-6), BlockErrors a boolean.
 */
class ScenarioRadioAttributeTestCase : public TestCase
{
  public:
    /**
     * @param name the attribute
     * @param value its bad value
     * @param expected the whole message expected
     */
    ScenarioRadioAttributeTestCase(std::string name, std::string value, std::string expected)
        : TestCase("Scenario bsAttributes: " + name + " = " + value),
          m_name(name),
          m_value(value),
          m_expected(expected)
    {
    }

  private:
    void DoRun() override
    {
        std::istringstream in(kProfile);
        EdgeInferenceScenario scenario;
        scenario.profile = EarlyExitProfile::Parse(in, "good.csv");
        scenario.scheduler = {"TreeSearch", "ns3::TreeSearchC2Scheduler", {}};
        scenario.bsAttributes = {{"RateMapping", "McsTable"}, {m_name, m_value}};
        std::string error;
        try
        {
            CheckEdgeInferenceScenario(scenario);
        }
        catch (const EdgeInferenceError& e)
        {
            error = e.what();
        }
        NS_TEST_EXPECT_MSG_EQ(error, m_expected, "the message");
    }

    std::string m_name;     //!< attribute
    std::string m_value;    //!< bad value
    std::string m_expected; //!< expected message
};

// ------------------------------------------------------------------ radio

using ofdmatest::kN0;
using ofdmatest::kPowerW;
using ofdmatest::kRbWidth;
using ofdmatest::NodeAt;
const uint16_t kIpv4 = 0x0800; //!< protocol number used

/// Rate of n blocks at distance d (manual: *Uplink rate model*, the helper's
/// 128.1 + 37.6 log10(d / km) dB path loss, no fading).
double
ShannonRate(uint32_t n, double d)
{
    const double gain = std::pow(10.0, -(128.1 + 37.6 * std::log10(d / 1000.0)) / 10.0);
    const double b = n * kRbWidth;
    return b * std::log2(1.0 + kPowerW * gain / (kN0 * b));
}

/// A BS at the origin with UEs at the given distances, fading off.
struct Cell
{
    Ptr<OfdmaBsNetDevice> bs;               //!< the BS
    std::vector<Ptr<OfdmaUeNetDevice>> ues; //!< its UEs

    /**
     * @param distances UE distances (m)
     * @param helper a configured helper
     */
    Cell(const std::vector<double>& distances, OfdmaUplinkHelper& helper)
    {
        helper.EnableFading(false);
        bs = DynamicCast<OfdmaBsNetDevice>(helper.InstallBs(NodeContainer(NodeAt(0))).Get(0));
        NodeContainer nodes;
        for (double d : distances)
        {
            nodes.Add(NodeAt(d));
        }
        NetDeviceContainer devs = helper.InstallUe(nodes, bs);
        for (uint32_t i = 0; i < devs.GetN(); ++i)
        {
            ues.push_back(DynamicCast<OfdmaUeNetDevice>(devs.Get(i)));
        }
    }
};

/// What the traces of one UE and its BS counted.
struct Counters
{
    std::vector<Time> txStart;             //!< TxStart times
    uint32_t rx{0};                        //!< packets the BS received
    std::map<std::string, uint32_t> drops; //!< BS RxDrop and UE Drop by reason
    std::vector<uint32_t> grantEndPackets; //!< GrantEnd packets left
    std::vector<uint32_t> grantEndBytes;   //!< GrantEnd bytes left

    /// @param ue the UE @param bs its BS
    void Connect(Ptr<OfdmaUeNetDevice> ue, Ptr<OfdmaBsNetDevice> bs)
    {
        ue->TraceConnectWithoutContext("TxStart", MakeCallback(&Counters::OnTxStart, this));
        ue->TraceConnectWithoutContext("GrantEnd", MakeCallback(&Counters::OnGrantEnd, this));
        ue->TraceConnectWithoutContext("Drop", MakeCallback(&Counters::OnDrop, this));
        bs->TraceConnectWithoutContext("Rx", MakeCallback(&Counters::OnRx, this));
        bs->TraceConnectWithoutContext("RxDrop", MakeCallback(&Counters::OnDrop, this));
    }

    /// TxStart sink
    void OnTxStart(Ptr<const Packet>, const OfdmaGrant&, double)
    {
        txStart.push_back(Simulator::Now());
    }

    /// Rx sink
    void OnRx(Ptr<const Packet>, const Address&, double, double)
    {
        ++rx;
    }

    /// Drop and RxDrop sink
    void OnDrop(Ptr<const Packet>, const std::string& reason)
    {
        ++drops[reason];
    }

    /// GrantEnd sink
    void OnGrantEnd(const OfdmaGrant&, uint32_t bytes, uint32_t packets)
    {
        grantEndBytes.push_back(bytes);
        grantEndPackets.push_back(packets);
    }

    /// @return all drops, whatever the reason
    uint32_t TotalDrops() const
    {
        uint32_t n = 0;
        for (const auto& [reason, count] : drops)
        {
            n += count;
        }
        return n;
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

/// Grants outside the band are refused by CheckGrant with a reason (the
/// caller then does not call SetGrant, which would abort).
class GrantOutsideBandTestCase : public TestCase
{
  public:
    GrantOutsideBandTestCase()
        : TestCase("Radio: grants outside the band are refused with a reason")
    {
    }

  private:
    void DoTeardown() override
    {
        Simulator::Destroy();
    }

    void DoRun() override
    {
        OfdmaUplinkHelper helper;
        Cell cell({50}, helper);
        const uint32_t n = cell.bs->GetNResourceBlocks();
        // Default carrier: 1 MHz of 10 kHz blocks.
        NS_TEST_ASSERT_MSG_EQ(n, 100, "100 blocks");
        auto why = [&](uint32_t first, uint32_t count) {
            return cell.bs->CheckGrant(cell.ues[0], {first, count, Seconds(0), Seconds(1)});
        };
        const std::string beyond = "exceed the carrier's 100 blocks";
        NS_TEST_EXPECT_MSG_NE(why(100, 1).find(beyond), std::string::npos, "block 100 is past 99");
        NS_TEST_EXPECT_MSG_NE(why(99, 2).find(beyond), std::string::npos, "[99, 101) ends past");
        // firstRb + nRbs overflows 32 bits: must still be refused, not wrap.
        NS_TEST_EXPECT_MSG_NE(why(std::numeric_limits<uint32_t>::max(), 2).find(beyond),
                              std::string::npos,
                              "no 32-bit wrap-around");
        NS_TEST_EXPECT_MSG_NE(why(0, 0).find("no resource block"),
                              std::string::npos,
                              "empty grant");
        NS_TEST_EXPECT_MSG_EQ(why(99, 1), "", "the last block alone is fine");
        Simulator::Destroy();
    }
};

/// More UEs than resource blocks at one time: the grants that fit are
/// accepted, the extra UE is refused on every block, and gets a later
/// window on the same blocks (time sharing).
class MoreUesThanBlocksTestCase : public TestCase
{
  public:
    MoreUesThanBlocksTestCase()
        : TestCase("Radio: more UEs than resource blocks")
    {
    }

  private:
    void DoTeardown() override
    {
        Simulator::Destroy();
    }

    void DoRun() override
    {
        OfdmaUplinkHelper helper;
        // 40 kHz of 10 kHz blocks: 4 blocks for 5 UEs.
        helper.SetBsDeviceAttribute("Bandwidth", DoubleValue(40e3));
        Cell cell({10, 20, 30, 40, 50}, helper);
        NS_TEST_ASSERT_MSG_EQ(cell.bs->GetNResourceBlocks(), 4, "4 blocks");
        const Time start = MilliSeconds(1);
        const Time end = MilliSeconds(11);
        for (uint32_t i = 0; i < 4; ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(cell.bs->CheckGrant(cell.ues[i], {i, 1, start, end}),
                                  "",
                                  "UE " << i << " gets block " << i);
            cell.ues[i]->SetGrant({i, 1, start, end});
        }
        for (uint32_t rb = 0; rb < 4; ++rb)
        {
            NS_TEST_EXPECT_MSG_NE(cell.bs->CheckGrant(cell.ues[4], {rb, 1, start, end})
                                      .find("overlaps, on resource block " + std::to_string(rb)),
                                  std::string::npos,
                                  "fifth UE refused on block " << rb);
        }
        NS_TEST_EXPECT_MSG_EQ(cell.bs->CheckGrant(cell.ues[4], {0, 4, end, end + end}),
                              "",
                              "fifth UE served after the others");
        Simulator::Run();
        Simulator::Destroy();
    }
};

/**
 * A grant too short for the queued data: what fits is sent, the rest stays
 * queued (nothing dropped) and GrantEnd reports it.
 */
class ShortGrantTestCase : public TestCase
{
  public:
    ShortGrantTestCase()
        : TestCase("Radio: a grant that ends before the data is sent")
    {
    }

  private:
    void DoTeardown() override
    {
        Simulator::Destroy();
    }

    void DoRun() override
    {
        const double d = 100;
        const uint32_t n = 5;
        OfdmaUplinkHelper helper;
        Cell cell({d}, helper);
        Counters c;
        c.Connect(cell.ues[0], cell.bs);
        // One 1000-byte packet takes a = 8000 / r; the grant lasts 2.5 a,
        // so 2 packets fit (no fragmentation) and 8 of 10 are left.
        const double a = 8000.0 / ShannonRate(n, d);
        Enqueue(cell.ues[0], 10, 1000);
        cell.ues[0]->SetGrant({0, n, MilliSeconds(10), MilliSeconds(10) + Seconds(2.5 * a)});
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(c.txStart.size(), 2, "two packets sent");
        NS_TEST_EXPECT_MSG_EQ(c.rx, 2, "two packets received");
        NS_TEST_ASSERT_MSG_EQ(c.grantEndPackets.size(), 1, "one GrantEnd");
        NS_TEST_EXPECT_MSG_EQ(c.grantEndPackets[0], 8, "8 packets reported left");
        NS_TEST_EXPECT_MSG_EQ(c.grantEndBytes[0], 8000, "8000 bytes reported left");
        NS_TEST_EXPECT_MSG_EQ(c.TotalDrops(), 0, "nothing dropped");
        NS_TEST_EXPECT_MSG_EQ(cell.ues[0]->GetQueuedPackets(), 8, "still queued");
        Simulator::Destroy();
    }
};

/**
 * A UE that leaves coverage mid-upload: it jumps from 50 m to 1000 km
 * during its grant. Signals are fixed when a packet starts (the channel
 * applies the loss at transmission start), so every packet started before
 * the jump is received; what happens to the later ones depends on the rate
 * mapping:
 * - Shannon (ideal link adaptation): 240.9 dB of path loss at 1000 km give
 *   -94 dB SNR on 10 blocks, a rate of 6e-5 bit/s: no packet fits in the
 *   grant, so nothing more is sent and GrantEnd reports the rest; nothing
 *   is dropped;
 * - McsTable: the UE keeps sending at the most robust MCS (SelectMcs
 *   returns 0 below every threshold); 86 dB below MCS 0's threshold
 *   (-8.2 dB) with the 0.5 dB slope the BLER is 1 / (1 + 9 e^-171), i.e.
 *   exactly 1.0 in double, so every later packet is dropped with reason
 *   "bler" at the BS and, ARQ being off here (MaxRetransmissions 0), with
 *   "retransmission limit" at the UE.
 * Either way the simulation ends at the grant end: no hang, no crash.
 */
class LeavesCoverageTestCase : public TestCase
{
  public:
    /// @param mcs whether to use the McsTable mapping (else Shannon)
    explicit LeavesCoverageTestCase(bool mcs)
        : TestCase(std::string("Radio: a UE leaves coverage mid-upload (") +
                   (mcs ? "McsTable" : "Shannon") + ")"),
          m_mcs(mcs)
    {
    }

  private:
    void DoTeardown() override
    {
        Simulator::Destroy();
    }

    void DoRun() override
    {
        OfdmaUplinkHelper helper;
        if (m_mcs)
        {
            helper.SetBsDeviceAttribute("RateMapping", EnumValue(OfdmaRateMapping::MCS_TABLE));
        }
        helper.SetUeDeviceAttribute("MaxRetransmissions", UintegerValue(0));
        Cell cell({50}, helper);
        Ptr<OfdmaUeNetDevice> ue = cell.ues[0];
        Counters c;
        c.Connect(ue, cell.bs);
        const uint32_t queued = 100;
        Enqueue(ue, queued, 100);
        ue->SetGrant({0, 10, Seconds(0), Seconds(1)});
        const Time jump = MilliSeconds(20);
        Ptr<MobilityModel> m = ue->GetNode()->GetObject<MobilityModel>();
        Simulator::Schedule(jump, &MobilityModel::SetPosition, m, Vector(1e6, 0, 0));
        Simulator::Run();

        uint32_t before = 0;
        for (const Time& t : c.txStart)
        {
            before += (t < jump) ? 1 : 0;
        }
        const uint32_t after = c.txStart.size() - before;
        // 100-byte packets take 0.4 ms (Shannon, ~2 Mbit/s) or 1.4 ms (MCS
        // 15) at 50 m: several are sent before the jump.
        NS_TEST_EXPECT_MSG_GT(before, 5, "packets sent before the jump");
        NS_TEST_EXPECT_MSG_EQ(c.rx, before, "exactly the packets started before are received");
        if (m_mcs)
        {
            // MCS 0 (0.1523 bit/s/Hz) on 100 kHz: 800 bit in 53 ms, so
            // about 18 more packets in the 980 ms left, all lost.
            NS_TEST_EXPECT_MSG_GT(after, 10, "the UE keeps sending at MCS 0");
            NS_TEST_EXPECT_MSG_EQ(c.drops["bler"], after, "every later packet lost, counted");
            NS_TEST_EXPECT_MSG_EQ(c.drops["retransmission limit"],
                                  after,
                                  "and given up by the UE, ARQ being off");
            NS_TEST_EXPECT_MSG_EQ(c.TotalDrops(), 2 * after, "no other drop reason");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(after, 0, "no packet fits at the far rate");
            NS_TEST_EXPECT_MSG_EQ(c.TotalDrops(), 0, "nothing dropped");
        }
        NS_TEST_ASSERT_MSG_EQ(c.grantEndPackets.size(), 1, "the grant ended");
        NS_TEST_EXPECT_MSG_EQ(c.grantEndPackets[0],
                              queued - c.txStart.size(),
                              "the rest is reported by GrantEnd");
        NS_TEST_EXPECT_MSG_EQ(Simulator::Now(), Seconds(1), "the simulation ends at the grant end");
        Simulator::Destroy();
    }

    bool m_mcs; //!< McsTable mapping
};

/// The bad-input matrix TestSuite.
class BadInputMatrixTestSuite : public TestSuite
{
  public:
    BadInputMatrixTestSuite()
        : TestSuite("edge-inference-bad-input", Type::UNIT)
    {
        // Profiles: one row per class of doc/edge-inference.rst's error
        // list; line numbers count kProfile's lines (the exit table header
        // is line 4, the block table header line 7).
        AddTestCase(new ProfileBaseTestCase);
        AddTestCase(new ProfileMissingFileTestCase);
        const std::vector<std::tuple<std::string, std::string, uint32_t, std::string>> profiles = {
            {"unknown format line",
             Replace(kProfile, "profile 1", "profile 2"),
             1,
             "missing or unknown format line"},
            {"empty file", "", 1, "empty file"},
            {"header line without key: value",
             Replace(kProfile, "# device: test", "# device test"),
             3,
             "unknown header line"},
            {"duplicate header key",
             Replace(kProfile, "# device: test\n", "# device: a\n# device: b\n"),
             4,
             "duplicate header key 'device'"},
            {"missing name", Replace(kProfile, "# name: matrix\n", ""), 3, "missing header line"},
            {"unknown table header",
             Replace(kProfile, "exit,accuracy", "exits,accuracy"),
             4,
             "unknown table header"},
            {"wrong column count", Replace(kProfile, "1,0.5\n", "1,0.5,7\n"), 5, "wrong column"},
            {"not a number", Replace(kProfile, "1,0.5\n", "1,0.5x\n"), 5, "not a number '0.5x'"},
            {"nan", Replace(kProfile, "1,1,1e-3,", "1,1,nan,"), 8, "not a number 'nan'"},
            {"infinite time", Replace(kProfile, "1,1,1e-3,", "1,1,inf,"), 8, "not a number 'inf'"},
            {"non-positive time",
             Replace(kProfile, kRow11, "1,1,0,0,0,1e-4,1e-4,1e-4\n"),
             8,
             "time must be positive"},
            {"p10 above median",
             Replace(kProfile, kRow11, "1,1,1e-3,2e-3,3e-3,1e-4,1e-4,1e-4\n"),
             8,
             "p10 > median"},
            {"median above p90",
             Replace(kProfile, kRow11, "1,1,1e-3,1e-3,5e-4,1e-4,1e-4,1e-4\n"),
             8,
             "median > p90"},
            {"accuracy outside [0,1]",
             Replace(kProfile, "2,0.8\n", "2,1.5\n"),
             6,
             "accuracy 1.5 outside [0,1]"},
            {"accuracy decreasing with depth",
             Replace(kProfile, "2,0.8\n", "2,0.4\n"),
             6,
             "accuracy decreases with depth"},
            {"exits not numbered 1..N",
             Replace(kProfile, "2,0.8\n", "3,0.8\n"),
             6,
             "exits not numbered 1..N"},
            {"block without an exit",
             kProfile + "3,1,1e-3,1e-3,1e-3,1e-4,1e-4,1e-4\n",
             12,
             "block 3 has no exit"},
            {"exit without blocks",
             Replace(Replace(kProfile, "2,1,3e-3,3e-3,3e-3,1e-4,1e-4,1e-4\n", ""), kRow22, ""),
             6,
             "exit 2 has no block 2 rows"},
            {"gap in batch sizes",
             Replace(kProfile, kRow22, ""),
             10,
             "gap in batch sizes: block 2 lacks batch size 2"},
            {"grid not starting at 1",
             Replace(Replace(kProfile, kRow11, ""), "2,1,3e-3,3e-3,3e-3,1e-4,1e-4,1e-4\n", ""),
             8,
             "batch sizes must start at 1 (smallest is 2)"},
            {"batch sizes not increasing",
             Replace(Replace(kProfile, kRow12, ""), kRow11, kRow12 + kRow11),
             9,
             "not increasing (1 after 2)"},
            {"duplicate row", Replace(kProfile, kRow12, kRow11), 9, "duplicate row"},
            {"empty exit table",
             Replace(Replace(kProfile, "1,0.5\n", ""), "2,0.8\n", ""),
             4,
             "empty exit table"},
            {"missing block table",
             kProfile.substr(0, kProfile.find("block,batch")),
             6,
             "missing block table"},
            {"empty block table",
             kProfile.substr(0, kProfile.find(kRow11)),
             7,
             "empty block table"},
        };
        for (const auto& [row, text, line, fragment] : profiles)
        {
            AddTestCase(new ProfileRowTestCase(row, text, line, fragment));
        }

        // Problem files: the message fragments are C2Problem::Validate's
        // and the reader's documented texts (field, rule, value).
        const std::vector<std::tuple<std::string, std::string, std::string>> problems = {
            {"zero bandwidth",
             Replace(kProblem, "\"bandwidth_hz\": 1e6", "\"bandwidth_hz\": 0"),
             "bandwidth_hz must be a positive number of Hz, got 0"},
            {"negative bandwidth",
             Replace(kProblem, "\"bandwidth_hz\": 1e6", "\"bandwidth_hz\": -1e6"),
             "bandwidth_hz must be a positive number of Hz, got -1e+06"},
            {"zero power",
             Replace(kProblem, "\"power_w\": 0.1", "\"power_w\": 0"),
             "users[0].power_w must be a positive number of W, got 0"},
            {"negative power",
             Replace(kProblem, "\"power_w\": 0.1", "\"power_w\": -0.1"),
             "users[0].power_w must be a positive number of W, got -0.1"},
            {"zero task size",
             Replace(kProblem, "\"bits\": 8000", "\"bits\": 0"),
             "users[0].bits must be a positive number, got 0"},
            {"negative task size",
             Replace(kProblem, "\"bits\": 8000", "\"bits\": -8000"),
             "users[0].bits must be a positive number, got -8000"},
            {"zero deadline",
             Replace(kProblem, "\"deadline_s\": 0.05", "\"deadline_s\": 0"),
             "users[0].deadline_s must be a positive number of s, got 0"},
            {"zero channel gain",
             Replace(kProblem, "\"gain\": 1e-11", "\"gain\": 0"),
             "users[0].gain must be a positive number, got 0"},
            {"user accuracy above 1",
             Replace(kProblem, "\"accuracy\": 0.5", "\"accuracy\": 1.5"),
             "users[0].accuracy must be in [0, 1], got 1.5"},
            {"user accuracy below 0",
             Replace(kProblem, "\"accuracy\": 0.5", "\"accuracy\": -0.1"),
             "users[0].accuracy must be in [0, 1], got -0.1"},
            {"exit accuracy above 1",
             Replace(kProblem, "\"accuracy\": 0.9", "\"accuracy\": 1.2"),
             "exits[1].accuracy must be in [0, 1], got 1.2"},
            {"exit with no latency",
             Replace(kProblem,
                     "{\"accuracy\": 0.6, \"alpha_s\": 1e-3, \"beta_s\": 2e-3}",
                     "{\"accuracy\": 0.6, \"alpha_s\": 0, \"beta_s\": 0}"),
             "exits[0].alpha_s + beta_s must be > 0"},
            // Found by fuzzing: this one used to abort in UplinkRateModel.
            {"fixed-psd with zero bandwidth",
             Replace(Replace(kProblem, "\"bandwidth_hz\": 1e6", "\"bandwidth_hz\": 0"),
                     "\"fixed-power\"",
                     "\"fixed-psd\""),
             "bandwidth_hz must be a positive number of Hz, got 0"},
            {"unknown rate model",
             Replace(kProblem, "\"fixed-power\"", "\"shannon\""),
             "rate_model must be \"fixed-power\" or \"fixed-psd\", got \"shannon\""},
            {"resource block wider than the band",
             Replace(kProblem,
                     "\"bandwidth_hz\": 1e6",
                     "\"bandwidth_hz\": 1e6, "
                     "\"resource_block_hz\": 2e6"),
             "resource_block_hz must be at most bandwidth_hz"},
            {"number out of double range",
             Replace(kProblem, "\"bits\": 8000", "\"bits\": 1e999"),
             "invalid JSON: number overflow"},
        };
        for (const auto& [row, text, fragment] : problems)
        {
            AddTestCase(new ProblemRowTestCase(row, text, fragment));
        }

        // Valid frames with counted outcomes.
        // The base user: 8000 bit on the whole 1 MHz at SNR 0.1 * 1e-11 /
        // (4e-21 * 1e6) = 250 takes 1 ms, and exit 1 computes in 3 ms: one
        // served by every scheduler (proves the rows below can fail).
        AddTestCase(new ProblemOutcomeTestCase("one servable user", kProblem, 1, true));
        AddTestCase(new ProblemOutcomeTestCase(
            "zero users is valid and serves 0",
            Replace(kProblem, kProblem.substr(kProblem.find("[{\"id\"")), "[]}"),
            0,
            true));
        // One task alone needs tau_1(1) = 3 ms at exit 1 > 2 ms deadline.
        AddTestCase(new ProblemOutcomeTestCase(
            "no user can meet its deadline: 0 served",
            Replace(kProblem, "\"deadline_s\": 0.05", "\"deadline_s\": 0.002"),
            0,
            true));
        // No exit reaches 0.95.
        AddTestCase(
            new ProblemOutcomeTestCase("no exit accurate enough: 0 served",
                                       Replace(kProblem, "\"accuracy\": 0.5", "\"accuracy\": 0.95"),
                                       0,
                                       true));
        // 3 blocks of 100 kHz and 6 users who each need one block (SNR
        // 0.1 * 1e-11 / (4e-21 * 1e5) = 2500: 1.1 Mbit/s on one block, 8000
        // bit in 7 ms; 6 tasks compute in 2 * (6 * 1e-3 + 2e-3) = 16 ms
        // at the deepest exit, far below 0.5 s): each served user takes a
        // whole block, so exactly 3 are served.
        {
            std::string users;
            for (int k = 0; k < 6; ++k)
            {
                users += std::string(k ? "," : "") + "{\"id\": " + std::to_string(k) +
                         ", \"bits\": 8000, \"power_w\": 0.1, \"gain\": 1e-11, "
                         "\"deadline_s\": 0.5, \"accuracy\": 0.5}";
            }
            std::string text = Replace(kProblem,
                                       "\"bandwidth_hz\": 1e6",
                                       "\"bandwidth_hz\": 3e5, \"resource_block_hz\": 1e5");
            text = Replace(text, kProblem.substr(kProblem.find("[{\"id\"")), "[" + users + "]}");
            AddTestCase(new ProblemOutcomeTestCase("more users than resource blocks: 3 of 6",
                                                   text,
                                                   3,
                                                   false));
        }
        AddTestCase(new UnknownSchedulerTestCase);

        // Radio.
        const std::string field = "EdgeInferenceScenario: bsAttributes: ";
        AddTestCase(new ScenarioRadioAttributeTestCase(
            "TargetBler",
            "0.7",
            field + "bad value \"0.7\" for TargetBler (expected double 1e-06:0.5)"));
        AddTestCase(new ScenarioRadioAttributeTestCase(
            "AirtimeMargin",
            "-0.1",
            field + "bad value \"-0.1\" for AirtimeMargin (expected double 0:10)"));
        AddTestCase(new ScenarioRadioAttributeTestCase(
            "BlerSlope",
            "0",
            field + "bad value \"0\" for BlerSlope (expected double 1e-06:100)"));
        AddTestCase(new ScenarioRadioAttributeTestCase(
            "BlockErrors",
            "sometimes",
            field + "bad value \"sometimes\" for BlockErrors (expected bool)"));
        AddTestCase(new ScenarioRadioAttributeTestCase(
            "TargetBLER",
            "0.01",
            field + "ns3::OfdmaBsNetDevice has no settable attribute \"TargetBLER\""));
        AddTestCase(new GrantOutsideBandTestCase);
        AddTestCase(new MoreUesThanBlocksTestCase);
        AddTestCase(new ShortGrantTestCase);
        AddTestCase(new LeavesCoverageTestCase(false));
        AddTestCase(new LeavesCoverageTestCase(true));
    }
};

/// Static instance.
static BadInputMatrixTestSuite g_badInputMatrixTestSuite;

} // namespace
