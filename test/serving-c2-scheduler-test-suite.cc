/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Tests of the serving-style baselines (manual: *Serving-style baselines*):
 * each batching rule on arrival sequences worked by hand, the release
 * times in EvaluateC2Allocation, whole frames by hand (equal shares,
 * dropping of late tasks), and seeded random frames where every serving
 * allocation is feasible and serves no more than the exhaustive search over
 * batch chains.
 */

#include "c2-scheduler-test-helpers.h"

#include "ns3/boolean.h"
#include "ns3/c2-allocation.h"
#include "ns3/c2-problem.h"
#include "ns3/c2-scenario.h"
#include "ns3/serving-c2-scheduler.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

using c2test::ExitSet;
using c2test::HandProblem;
using c2test::TestExitSets;
using Batches = std::vector<ServingC2Scheduler::Batch>;

/// A batch of b tasks runs 2 ms + 1 ms * b.
const ServingC2Scheduler::DurationFn kDuration = [](const std::vector<uint32_t>& tasks) {
    return 0.002 + 0.001 * tasks.size();
};

/**
 * @param batches the rule's batches
 * @return them as "{0,1}@2 {2}@8" (dispatch in ms, rounded to 0.001 ms)
 */
std::string
Describe(const Batches& batches)
{
    std::ostringstream os;
    for (const auto& b : batches)
    {
        os << (os.str().empty() ? "{" : " {");
        for (std::size_t i = 0; i < b.tasks.size(); ++i)
        {
            os << (i ? "," : "") << b.tasks[i];
        }
        os << "}@" << std::round(b.dispatchS * 1e6) / 1e3;
    }
    return os.str();
}

/// @return arrival times given in ms, in s
std::vector<double>
Ms(const std::vector<double>& ms)
{
    std::vector<double> s;
    for (double v : ms)
    {
        s.push_back(v * 1e-3);
    }
    return s;
}

/**
 * The three rules on arrivals worked by hand, with batches of b tasks
 * taking 2 + b ms (kDuration).
 */
class BatchingRulesByHandTestCase : public TestCase
{
  public:
    BatchingRulesByHandTestCase()
        : TestCase("Immediate, timeout-or-full and dynamic batching on hand-worked arrivals")
    {
    }

  private:
    void DoRun() override
    {
        // Immediate, arrivals 1, 1.5, 10 ms: task 0 runs 1-4 ms, task 1
        // waits for it (4-7 ms), task 2 runs at its arrival.
        const auto immediate = CreateObject<ImmediateServingC2Scheduler>();
        NS_TEST_EXPECT_MSG_EQ(Describe(immediate->FormBatches(Ms({1, 1.5, 10}), 0, kDuration)),
                              "{0}@1 {1}@4 {2}@10",
                              "immediate");
        // A server busy until 5 ms delays the first one.
        NS_TEST_EXPECT_MSG_EQ(Describe(immediate->FormBatches(Ms({1}), 0.005, kDuration)),
                              "{0}@5",
                              "immediate, busy server");

        // Timeout-or-full, 2 tasks or 5 ms: {0,1} full at 2 ms, runs 2-6;
        // task 2 opens a batch at 3 ms that times out at 8 ms (task 3 comes
        // at 20), runs 8-11; task 3's batch times out at 25 ms.
        const auto timeout =
            CreateObjectWithAttributes<TimeoutOrFullServingC2Scheduler>("MaxBatchSize",
                                                                        UintegerValue(2),
                                                                        "Timeout",
                                                                        TimeValue(MilliSeconds(5)));
        NS_TEST_EXPECT_MSG_EQ(Describe(timeout->FormBatches(Ms({1, 2, 3, 20}), 0, kDuration)),
                              "{0,1}@2 {2}@8 {3}@25",
                              "timeout-or-full");
        // Full batches while the server is busy wait for it: {0,1} at 1 ms
        // runs 1-5, {2,3} full at 1 ms runs 5-9.
        NS_TEST_EXPECT_MSG_EQ(Describe(timeout->FormBatches(Ms({1, 1, 1, 1}), 0, kDuration)),
                              "{0,1}@1 {2,3}@5",
                              "timeout-or-full, busy");

        // Dynamic, preferred 2, max 3, delay 5 ms, arrivals 1, 2, 2.5, 3, 20:
        // at 1 ms one task waits (no preferred size): wait; at 2 ms two
        // wait: run {0,1} 2-6; at 6 ms tasks 2 and 3 wait: run 6-10; task 4
        // alone at 20 ms waits its 5 ms and runs at 25.
        const auto dynamic = CreateObjectWithAttributes<DynamicBatchingServingC2Scheduler>(
            "PreferredBatchSizes",
            StringValue("2"),
            "MaxBatchSize",
            UintegerValue(3),
            "MaxQueueDelay",
            TimeValue(MilliSeconds(5)));
        NS_TEST_EXPECT_MSG_EQ(Describe(dynamic->FormBatches(Ms({1, 2, 2.5, 3, 20}), 0, kDuration)),
                              "{0,1}@2 {2,3}@6 {4}@25",
                              "dynamic batching");
        // Four at once: the maximum (3) runs 1-6, the last one has waited
        // its 5 ms by 6 ms and runs then.
        NS_TEST_EXPECT_MSG_EQ(Describe(dynamic->FormBatches(Ms({1, 1, 1, 1}), 0, kDuration)),
                              "{0,1,2}@1 {3}@6",
                              "dynamic batching, full");

        StringValue sizes;
        dynamic->SetAttribute("PreferredBatchSizes", StringValue("8,4;4 2"));
        dynamic->GetAttribute("PreferredBatchSizes", sizes);
        NS_TEST_EXPECT_MSG_EQ(sizes.Get(), "2;4;8", "sizes sorted, duplicates removed");
    }
};

/**
 * Release times in EvaluateC2Allocation, on HandProblem's rate model
 * (w(t) = 1000 / t Hz for 2000 bits), one exit with tau(b) = b + 4 ms.
 */
class ReleaseTimesTestCase : public TestCase
{
  public:
    ReleaseTimesTestCase()
        : TestCase("A batch starts no earlier than its release time; bad release lists are named")
    {
    }

  private:
    void DoRun() override
    {
        const C2Problem p =
            HandProblem(300e3, {{0.9, 1e-3, 4e-3}}, {2000, 2000}, {0.030, 0.030}, {0.9, 0.9});
        // Both at 150 kHz upload in 2000 / 3e5 = 6.667 ms.
        C2Allocation a;
        a.served.push_back({0, 1, 150e3, 0, 0, 0, 0, 0});
        a.served.push_back({1, 1, 150e3, 0, 0, 0, 0, 1});
        a.batchReleaseS = {0.010, 0.0};
        const C2Evaluation ev = EvaluateC2Allocation(p, a);
        NS_TEST_EXPECT_MSG_EQ(ev.feasible, true, "on time");
        NS_TEST_EXPECT_MSG_EQ(ev.batchStartS.size(), 2u, "two batches");
        if (ev.batchStartS.size() == 2)
        {
            // Batch 0 held to 10 ms, runs 10-15; batch 1 follows at 15.
            NS_TEST_EXPECT_MSG_EQ_TOL(ev.batchStartS[0], 0.010, 1e-12, "released at 10 ms");
            NS_TEST_EXPECT_MSG_EQ_TOL(ev.batchStartS[1], 0.015, 1e-12, "after batch 0");
        }
        a.batchReleaseS = {0.0};
        const C2Evaluation one = EvaluateC2Allocation(p, a);
        NS_TEST_EXPECT_MSG_EQ(one.violations.empty() ? "" : one.violations.back(),
                              "batch release times: 1 given for 2 batches; each must be finite "
                              "and >= 0, and only in BATCH execution",
                              "one release for two batches");
        a.batchReleaseS = {0.0, -1.0};
        NS_TEST_EXPECT_MSG_EQ(EvaluateC2Allocation(p, a).feasible, false, "negative release");
    }
};

/**
 * Whole frames by hand (HandProblem: w(t) = 1000 / t Hz for 2000 bits, one
 * exit with tau(b) = b + 4 ms, B = 300 kHz): two users share the band, 150
 * kHz each, and both arrive at 2000 / 3e5 s = 6.667 ms.
 */
class ServingFramesByHandTestCase : public TestCase
{
  public:
    ServingFramesByHandTestCase()
        : TestCase("Serving baselines on frames worked by hand: shares, releases, late drops")
    {
    }

  private:
    void DoRun() override
    {
        const double arrive = 2000.0 / 3e5;
        // Deadlines 12 and 30 ms. Immediate: user 0 runs 6.667-11.667 ms,
        // user 1 11.667-16.667 ms: both on time.
        const C2Problem p =
            HandProblem(300e3, {{0.9, 1e-3, 4e-3}}, {2000, 2000}, {0.012, 0.030}, {0.9, 0.9});
        const C2Allocation imm = CreateObject<ImmediateServingC2Scheduler>()->Allocate(p);
        NS_TEST_EXPECT_MSG_EQ(imm.GetServedCount(), 2u, "immediate serves both");
        NS_TEST_EXPECT_MSG_EQ(imm.feasible, true, "feasible");
        if (imm.GetServedCount() == 2) // the runner goes on after a failed check
        {
            NS_TEST_EXPECT_MSG_EQ_TOL(imm.served[0].bandwidthHz, 150e3, 1e-6, "B / 2");
            NS_TEST_EXPECT_MSG_EQ_TOL(imm.served[1].completionS, arrive + 0.010, 1e-12, "second");
        }

        // Timeout-or-full (8 tasks, 5 ms): the batch of both closes at
        // 11.667 ms and runs 6 ms: user 0 would finish at 17.667 > 12 ms and
        // is dropped; user 1 alone closes at 11.667 and ends at 16.667.
        const C2Allocation tof = CreateObject<TimeoutOrFullServingC2Scheduler>()->Allocate(p);
        NS_TEST_EXPECT_MSG_EQ(tof.GetServedCount(), 1u, "user 0 dropped");
        if (tof.GetServedCount() == 1 && tof.batchReleaseS.size() == 1)
        {
            NS_TEST_EXPECT_MSG_EQ(tof.served[0].user, 1u, "user 1 kept");
            NS_TEST_EXPECT_MSG_EQ_TOL(tof.served[0].bandwidthHz, 150e3, 1e-6, "its share stays");
            NS_TEST_EXPECT_MSG_EQ_TOL(tof.batchReleaseS[0], arrive + 0.005, 1e-12, "timeout");
            NS_TEST_EXPECT_MSG_EQ_TOL(tof.served[0].completionS, arrive + 0.010, 1e-12, "5 ms");
        }

        // Dynamic batching (preferred 4;8, 5 ms): two tasks never form a
        // preferred size, so they wait 5 ms as well: the same as above.
        const C2Allocation dyn = CreateObject<DynamicBatchingServingC2Scheduler>()->Allocate(p);
        NS_TEST_EXPECT_MSG_EQ(dyn.GetServedCount(), 1u, "user 0 dropped");

        // Resource blocks: 25 blocks of 12 kHz shared by 2 users, 12 each.
        C2Problem rb = p;
        rb.SetResourceBlockWidth(12e3);
        const C2Allocation blocks = CreateObject<ImmediateServingC2Scheduler>()->Allocate(rb);
        NS_TEST_EXPECT_MSG_EQ(blocks.GetServedCount(), 2u, "both");
        if (blocks.GetServedCount() == 2)
        {
            NS_TEST_EXPECT_MSG_EQ(blocks.served[0].resourceBlocks, 12u, "floor(25 / 2)");
        }

        // A user with nothing decodable (a rate table of zeros) never
        // arrives: not served, and the other keeps its half of the blocks.
        rb.SetRateTable(0, std::vector<double>(25, 0.0));
        for (const C2Allocation& a :
             {CreateObject<ImmediateServingC2Scheduler>()->Allocate(rb),
              CreateObject<TimeoutOrFullServingC2Scheduler>()->Allocate(rb),
              CreateObject<DynamicBatchingServingC2Scheduler>()->Allocate(rb)})
        {
            NS_TEST_EXPECT_MSG_EQ(a.feasible, true, a.scheduler);
            NS_TEST_EXPECT_MSG_EQ(a.GetServedCount(), 1u, a.scheduler << ": user 1 only");
            NS_TEST_EXPECT_MSG_EQ((a.GetServedCount() == 1 ? a.served[0].resourceBlocks : 0),
                                  12u,
                                  a.scheduler << ": its share");
        }
    }
};

/**
 * Seeded random frames of at most 6 users: every serving allocation passes
 * EvaluateC2Allocation (with its release times) and serves no more users
 * than ExhaustiveC2Scheduler over chains of up to K batches (releases only
 * delay batches, so a serving allocation is also a feasible chain).
 */
class ServingRandomFramesTestCase : public TestCase
{
  public:
    ServingRandomFramesTestCase()
        : TestCase("Random frames: serving baselines feasible and below the chain optimum")
    {
    }

  private:
    void DoRun() override
    {
        const std::vector<ExitSet> exitSets = TestExitSets();
        const std::vector<Ptr<C2Scheduler>> serving = {
            CreateObject<ImmediateServingC2Scheduler>(),
            CreateObject<TimeoutOrFullServingC2Scheduler>(),
            CreateObject<DynamicBatchingServingC2Scheduler>()};
        std::vector<uint64_t> total(serving.size(), 0);
        uint64_t optimum = 0;
        for (uint32_t s = 0; s < 240; ++s)
        {
            C2ScenarioParameters params;
            params.users = 1 + s % 6;
            params.exits = exitSets[s / 6 % 4].exits;
            params.bandwidthHz = s % 3 == 0 ? 3e6 : 1e6;
            params.deadlineMinS = 0.005;
            params.deadlineMaxS = 0.060;
            params.resourceBlockHz = s % 5 == 0 ? params.bandwidthHz / 25 : 0;
            C2Problem p = C2ScenarioGenerator(params).Generate(51000 + s);
            if (s % 7 == 0)
            {
                p.SetServerFreeS(0.004);
            }
            ObjectFactory factory("ns3::ExhaustiveC2Scheduler");
            factory.Set("EarlyExit", BooleanValue(true));
            factory.Set("MaxBatches", UintegerValue(params.users));
            const uint32_t best = factory.Create<C2Scheduler>()->Allocate(p).GetServedCount();
            optimum += best;
            for (std::size_t i = 0; i < serving.size(); ++i)
            {
                const C2Allocation a = serving[i]->Allocate(p);
                const std::string tag = "frame " + std::to_string(s) + ", " + a.scheduler;
                NS_TEST_ASSERT_MSG_EQ(a.feasible, true, tag);
                NS_TEST_ASSERT_MSG_LT_OR_EQ(a.GetServedCount(), best, tag << ": above the optimum");
                total[i] += a.GetServedCount();
            }
        }
        std::cout << "    240 frames, served: immediate " << total[0] << ", timeout-or-full "
                  << total[1] << ", dynamic " << total[2] << ", chain optimum " << optimum
                  << std::endl;
        NS_TEST_EXPECT_MSG_GT(total[0] + total[1] + total[2], 0u, "the baselines serve tasks");
    }
};

/// The serving baselines' TestSuite.
class ServingC2SchedulerTestSuite : public TestSuite
{
  public:
    ServingC2SchedulerTestSuite()
        : TestSuite("edge-inference-serving", Type::UNIT)
    {
        AddTestCase(new BatchingRulesByHandTestCase);
        AddTestCase(new ReleaseTimesTestCase);
        AddTestCase(new ServingFramesByHandTestCase);
        AddTestCase(new ServingRandomFramesTestCase);
    }
};

/// Static instance.
static ServingC2SchedulerTestSuite g_servingC2SchedulerTestSuite;

} // namespace
