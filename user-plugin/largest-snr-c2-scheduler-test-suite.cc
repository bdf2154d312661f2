/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Tests of the example plugin ns3::LargestSnrC2Scheduler, compiled into the
 * plugin's own test runner (largest-snr-test-runner):
 * - the TypeId is registered and the module's helper lists it;
 * - frames solved by hand (continuous bandwidth, resource blocks, early
 *   exit);
 * - compared with the paper's schedulers through C2SchedulerComparison, at
 *   the allocation level and at the packet level.
 */

#include "largest-snr-c2-scheduler.h"

#include "ns3/boolean.h"
#include "ns3/c2-scheduler-comparison.h"
#include "ns3/edge-inference-helper.h"
#include "ns3/test.h"

#include <algorithm>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

const std::string kProfile = EDGE_INFERENCE_PROFILES_DIR "/paper-default.csv";

/// The TypeId is found by name, as scenarios and the harness look it up.
class RegistrationTestCase : public TestCase
{
  public:
    RegistrationTestCase()
        : TestCase("The plugin's TypeId is registered and listed")
    {
    }

  private:
    void DoRun() override
    {
        TypeId tid;
        NS_TEST_ASSERT_MSG_EQ(TypeId::LookupByNameFailSafe("ns3::LargestSnrC2Scheduler", &tid),
                              true,
                              "TypeId registered");
        const std::vector<std::string> names = EdgeInferenceHelper::GetSchedulerTypeNames();
        NS_TEST_ASSERT_MSG_EQ(
            std::count(names.begin(), names.end(), std::string("ns3::LargestSnrC2Scheduler")),
            1,
            "EdgeInferenceHelper lists the plugin");
    }
};

/**
 * Frames solved by hand. Fixed PSD with N0 = 1 W/Hz over a reference band of
 * 1 Hz and P = 1 W, so the SNR is g and the spectral efficiency log2(1 + g);
 * D = 3000 bit; tau(b) = (b + 4) ms.
 *   user 0: g = 3   (2 bit/s/Hz), T = 20 ms, A = 0.5
 *   user 1: g = 15  (4 bit/s/Hz), T = 20 ms, A = 0.5
 *   user 2: g = 1   (1 bit/s/Hz), T = 40 ms, A = 0.5
 *   user 3: g = 255 (8 bit/s/Hz), T = 40 ms, A = 0.95: no exit is accurate
 *           enough, never served although its SNR is the best.
 * Ranking: 1, 0, 2.
 */
class HandFramesTestCase : public TestCase
{
  public:
    HandFramesTestCase()
        : TestCase("Frames solved by hand")
    {
    }

  private:
    /**
     * @param exits the DNN
     * @param rbHz block width (0: continuous)
     * @param t01 deadline of users 0 and 1 (s)
     * @return the frame
     */
    static C2Problem Frame(const std::vector<C2Exit>& exits, double rbHz, double t01)
    {
        C2Problem p;
        p.SetBandwidth(450e3);
        p.SetResourceBlockWidth(rbHz);
        p.SetRateModel(UplinkRateModel::FixedPsd(1.0, 1.0));
        p.SetExits(exits);
        p.AddUser({0, 3000, 1, 3, t01, 0.5});
        p.AddUser({1, 3000, 1, 15, t01, 0.5});
        p.AddUser({2, 3000, 1, 1, 0.040, 0.5});
        p.AddUser({3, 3000, 1, 255, 0.040, 0.95});
        return p;
    }

    void DoRun() override
    {
        const std::vector<C2Exit> oneExit = {{0.9, 1e-3, 4e-3}};
        Ptr<C2Scheduler> s = CreateObject<LargestSnrC2Scheduler>();

        // Continuous, B = 450 kHz. b = 2: 225 kHz each, user 1 uploads in
        // 3000 / 900e3 = 3.33 ms, user 0 in 3000 / 450e3 = 6.67 ms; the batch
        // of 2 takes 6 ms: done at 12.67 ms <= 20 ms. b = 3: 150 kHz each,
        // user 2 needs 3000 / 150e3 = 20 ms, then 7 ms: 27 ms > 20 ms.
        C2Allocation a = s->Allocate(Frame(oneExit, 0, 0.020));
        NS_TEST_ASSERT_MSG_EQ(a.feasible, true, "feasible");
        NS_TEST_ASSERT_MSG_EQ(a.served.size(), 2, "b = 2");
        NS_TEST_ASSERT_MSG_EQ(a.served[0].user, 1, "best SNR first");
        NS_TEST_ASSERT_MSG_EQ(a.served[1].user, 0, "second best");
        NS_TEST_ASSERT_MSG_EQ_TOL(a.served[0].bandwidthHz, 225e3, 1e-6, "B / 2");
        NS_TEST_ASSERT_MSG_EQ_TOL(a.uploadDeadlineS, 3000 / 450e3, 1e-12, "last upload");
        NS_TEST_ASSERT_MSG_EQ_TOL(a.served[0].completionS, 3000 / 450e3 + 6e-3, 1e-12, "done");
        NS_TEST_ASSERT_MSG_EQ(a.stats.nodes, 3, "b = 1, 2, 3 evaluated");
        // The optimum serves 3: at t = 13 ms (= 20 - C(3)) the needs are
        // 3000 / (13 ms x {4, 2, 1}) = 57.7 + 115.4 + 230.8 = 403.8 kHz <= 450.
        ObjectFactory f;
        f.SetTypeId("ns3::ExhaustiveC2Scheduler");
        f.Set("EarlyExit", BooleanValue(true));
        NS_TEST_ASSERT_MSG_EQ(
            f.Create<C2Scheduler>()->Allocate(Frame(oneExit, 0, 0.020)).served.size(),
            3,
            "the optimum, as derived");

        // 100 kHz blocks: 4 fit in 450 kHz. b = 2: 2 blocks (200 kHz) each,
        // user 0 uploads in 3000 / 400e3 = 7.5 ms, done at 13.5 ms; b = 3:
        // one block each, user 2 needs 30 ms.
        a = s->Allocate(Frame(oneExit, 100e3, 0.020));
        NS_TEST_ASSERT_MSG_EQ(a.feasible, true, "RB: feasible");
        NS_TEST_ASSERT_MSG_EQ(a.served.size(), 2, "RB: b = 2");
        NS_TEST_ASSERT_MSG_EQ(a.served[0].resourceBlocks, 2, "RB: 2 blocks each");
        NS_TEST_ASSERT_MSG_EQ_TOL(a.served[1].completionS, 7.5e-3 + 6e-3, 1e-12, "RB: done");

        // Two exits (0.6 and 0.9, each block (b + 4) ms), T = 15 ms for
        // users 0 and 1, so m = 1 for users 0-2. Whole network: b = 1 is
        // done at 1.67 + 10 = 11.67 ms, b = 2 at 6.67 + 12 = 18.67 > 15 ms.
        // Early exit: b = 2 done at 6.67 + 6 = 12.67 ms.
        const std::vector<C2Exit> twoExits = {{0.6, 1e-3, 4e-3}, {0.9, 1e-3, 4e-3}};
        a = s->Allocate(Frame(twoExits, 0, 0.015));
        NS_TEST_ASSERT_MSG_EQ(a.served.size(), 1, "whole network: 1");
        NS_TEST_ASSERT_MSG_EQ(a.served[0].exit, 2, "whole network: exit N");
        s->SetAttribute("EarlyExit", BooleanValue(true));
        a = s->Allocate(Frame(twoExits, 0, 0.015));
        NS_TEST_ASSERT_MSG_EQ(a.served.size(), 2, "early exit: 2");
        NS_TEST_ASSERT_MSG_EQ(a.served[0].exit, 1, "early exit: required exit");
        NS_TEST_ASSERT_MSG_EQ_TOL(a.served[0].completionS, 3000 / 450e3 + 6e-3, 1e-12, "done");
    }
};

/// Allocation level: the plugin against the paper's schedulers.
class AllocationComparisonTestCase : public TestCase
{
  public:
    AllocationComparisonTestCase()
        : TestCase(
              "Allocation level: TreeSearch >= plugin, plugin feasible, Greedy near TreeSearch")
    {
    }

  private:
    void DoRun() override
    {
        C2SchedulerComparison cmp;
        cmp.SetProfile(kProfile); // default scenario of the module, K = 30
        std::vector<uint64_t> seeds;
        for (uint64_t s = 1; s <= 20; ++s)
        {
            seeds.push_back(s);
        }
        cmp.SetSeeds(seeds);
        cmp.AddScheduler("LargestSnr", "ns3::LargestSnrC2Scheduler", {{"EarlyExit", "true"}});
        cmp.AddScheduler("LargestSnrNoEE", "ns3::LargestSnrC2Scheduler");
        cmp.AddScheduler("TreeSearch", "ns3::TreeSearchC2Scheduler");
        cmp.AddScheduler("Greedy", "ns3::GreedyEarlyExitC2Scheduler");
        const C2ComparisonResult r = cmp.RunAllocationLevel();

        // Theorems: the tree search is optimal and the plugin's sets are
        // feasible (an early exit never hurts a feasible set).
        for (const char* mine : {"LargestSnr", "LargestSnrNoEE"})
        {
            C2ComparisonCheck c = r.CheckServesAtLeast("TreeSearch", mine);
            NS_TEST_ASSERT_MSG_EQ(c.ok, true, c.message);
            c = r.CheckFeasible(mine);
            NS_TEST_ASSERT_MSG_EQ(c.ok, true, c.message);
        }
        C2ComparisonCheck c = r.CheckServesAtLeast("LargestSnr", "LargestSnrNoEE");
        NS_TEST_ASSERT_MSG_EQ(c.ok, true, c.message);
        // Measured, not a theorem: the greedy's gap is small (manual: *Greedy early-exit
        // allocation*).
        c = r.CheckWithinPercentOf("Greedy", "TreeSearch", 1);
        NS_TEST_ASSERT_MSG_EQ(c.ok, true, c.message);
        c = r.CheckWithinOptimum("TreeSearch", 0);
        NS_TEST_ASSERT_MSG_EQ(c.ok, true, c.message);
        // The plugin is not vacuous: the best user alone nearly always fits.
        c = r.CheckMeanServedAtLeast("LargestSnr", 1);
        NS_TEST_ASSERT_MSG_EQ(c.ok, true, c.message);
    }
};

/// Packet level: the plugin runs in the simulated cell.
class PacketComparisonTestCase : public TestCase
{
  public:
    PacketComparisonTestCase()
        : TestCase("Packet level: the plugin's plans complete as predicted")
    {
    }

  private:
    void DoRun() override
    {
        C2SchedulerComparison cmp;
        cmp.SetProfile(kProfile);
        cmp.GetScenario().users = 20;
        cmp.SetSeeds({1, 2});
        cmp.SetFrames(3);
        cmp.AddScheduler("LargestSnr", "ns3::LargestSnrC2Scheduler", {{"EarlyExit", "true"}});
        cmp.AddScheduler("TreeSearch", "ns3::TreeSearchC2Scheduler");
        const C2ComparisonResult r = cmp.RunPacketLevel();
        C2ComparisonCheck c = r.CheckFeasible("LargestSnr");
        NS_TEST_ASSERT_MSG_EQ(c.ok, true, c.message);
        c = r.CheckServesAtLeast("TreeSearch", "LargestSnr");
        NS_TEST_ASSERT_MSG_EQ(c.ok, true, c.message);
        for (const C2DropResult& d : r.GetDrops("LargestSnr"))
        {
            // Ideal channel: what the scheduler plans is what completes.
            NS_TEST_ASSERT_MSG_EQ(d.completed, d.served, "RngRun " << d.seed);
            NS_TEST_ASSERT_MSG_GT(d.completed, 0, "RngRun " << d.seed);
        }
    }
};

/// The plugin's test suite.
class LargestSnrC2SchedulerTestSuite : public TestSuite
{
  public:
    LargestSnrC2SchedulerTestSuite()
        : TestSuite("edge-inference-largest-snr", Type::UNIT)
    {
        AddTestCase(new RegistrationTestCase);
        AddTestCase(new HandFramesTestCase);
        AddTestCase(new AllocationComparisonTestCase);
        AddTestCase(new PacketComparisonTestCase);
    }
};

/// Static instance.
static LargestSnrC2SchedulerTestSuite g_largestSnrC2SchedulerTestSuite;

} // namespace
