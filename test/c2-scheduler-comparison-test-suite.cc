/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Tests of the scheduler comparison harness (helper/c2-scheduler-comparison.h,
 * helper/c2-comparison-result.h):
 * - allocation level: every number equals a direct call of the same
 *   scheduler on the problem C2ScenarioGenerator draws for the same seed;
 *   the optimum equals a direct exhaustive search (K <= limit) or tree
 *   search (K > limit);
 * - packet level: with the ideal channel every frame completes what the
 *   scheduler predicted (as edge-inference-system expects), and the
 *   completions equal a cell built here directly with the helpers;
 * - the optimality gap and the accuracy on a frame solved by hand;
 * - the assertion helpers fail, with a useful message, on results built to
 *   violate them, and an infeasible scheduler is reported, never executed;
 * - bad scheduler specifications are refused with a message.
 */

#include "ns3/boolean.h"
#include "ns3/c2-scheduler-comparison.h"
#include "ns3/c2-scheduler.h"
#include "ns3/core-module.h"
#include "ns3/edge-controller.h"
#include "ns3/edge-inference-cell-helper.h"
#include "ns3/edge-inference-error.h"
#include "ns3/edge-inference-helper.h"
#include "ns3/edge-inference-stats.h"
#include "ns3/test.h"

#include <cmath>
#include <string>
#include <vector>

namespace ns3
{

/**
 * @ingroup edge-inference-test
 * A broken scheduler for the tests: grants the whole bandwidth to every
 * user that has an accurate enough exit (infeasible as soon as two are
 * served), or throws (attribute Throw).
 */
class OverbookingTestC2Scheduler : public C2Scheduler
{
  public:
    /// @return the TypeId
    static TypeId GetTypeId()
    {
        static TypeId tid =
            TypeId("ns3::OverbookingTestC2Scheduler")
                .SetParent<C2Scheduler>()
                .SetGroupName("EdgeInference")
                .AddConstructor<OverbookingTestC2Scheduler>()
                .AddAttribute("Throw",
                              "Throw an EdgeInferenceError instead of allocating.",
                              BooleanValue(false),
                              MakeBooleanAccessor(&OverbookingTestC2Scheduler::m_throw),
                              MakeBooleanChecker());
        return tid;
    }

  protected:
    C2Allocation DoAllocate(const C2Problem& problem) override
    {
        if (m_throw)
        {
            throw EdgeInferenceError("OverbookingTestC2Scheduler: asked to throw");
        }
        C2Allocation a;
        for (uint32_t k = 0; k < problem.GetNUsers(); ++k)
        {
            if (problem.RequiredExit(k) == 0)
            {
                continue;
            }
            C2ServedTask t;
            t.user = k;
            t.exit = problem.RequiredExit(k);
            t.resourceBlocks =
                problem.UsesResourceBlocks() ? static_cast<uint32_t>(problem.Capacity()) : 0;
            t.bandwidthHz = problem.GetBandwidth();
            a.served.push_back(t);
        }
        a.uploadDeadlineS = 1e-3;
        return a;
    }

  private:
    bool m_throw{false}; //!< Throw attribute
};

NS_OBJECT_ENSURE_REGISTERED(OverbookingTestC2Scheduler);

} // namespace ns3

using namespace ns3;

namespace
{

const std::string kProfile = EDGE_INFERENCE_SOURCE_DIR "/data/profiles/paper-default.csv";

/// @return the default scenario with the paper-default profile's exits
C2ScenarioParameters
DefaultScenarioWithProfile(uint32_t users)
{
    C2ScenarioParameters p;
    p.users = users;
    C2Problem tmp;
    tmp.SetExitsFromProfile(EarlyExitProfile::ReadFile(kProfile));
    p.exits = tmp.GetExits();
    return p;
}

/**
 * Allocation level: the harness's numbers equal direct calls of the same
 * schedulers on the problem C2ScenarioGenerator draws for each seed.
 */
class AllocationLevelTestCase : public TestCase
{
  public:
    AllocationLevelTestCase()
        : TestCase("Allocation level equals direct scheduler calls on the same seeds")
    {
    }

  private:
    void DoRun() override
    {
        struct Choice
        {
            std::string label;
            std::string typeId;
            std::vector<std::pair<std::string, std::string>> attributes;
        };

        const std::vector<Choice> choices = {
            {"Greedy", "ns3::GreedyEarlyExitC2Scheduler", {}},
            {"ShelfPacking", "ns3::ShelfPackingC2Scheduler", {}},
            {"SequentialEE", "ns3::SequentialC2Scheduler", {{"EarlyExit", "true"}}},
            {"EqualBandwidth", "ns3::EqualBandwidthC2Scheduler", {}},
        };
        // K = 10 takes the exhaustive optimum, K = 25 the tree search.
        for (uint32_t users : {10U, 25U})
        {
            const std::vector<uint64_t> seeds = {1, 2, 3, 4, 5, 6};
            C2SchedulerComparison cmp;
            cmp.SetProfile(kProfile);
            cmp.GetScenario().users = users;
            cmp.SetSeeds(seeds);
            for (const Choice& c : choices)
            {
                cmp.AddScheduler(c.label, c.typeId, c.attributes);
            }
            const C2ComparisonResult r = cmp.RunAllocationLevel();
            NS_TEST_ASSERT_MSG_EQ(r.GetLevel(), C2ComparisonResult::ALLOCATION, "level");
            NS_TEST_ASSERT_MSG_EQ(r.GetLabels().size(), choices.size(), "one entry per scheduler");
            const std::string optimumSource = users <= 12
                                                  ? "ns3::ExhaustiveC2Scheduler[EarlyExit=true]"
                                                  : "ns3::TreeSearchC2Scheduler";
            NS_TEST_ASSERT_MSG_EQ(r.GetOptimumScheduler(), optimumSource, "optimum source");

            // The reference: the generator and the schedulers called here.
            const C2ScenarioGenerator gen(DefaultScenarioWithProfile(users));
            uint64_t servedTotal = 0;
            for (size_t i = 0; i < seeds.size(); ++i)
            {
                const C2Problem problem = gen.Generate(seeds[i]);
                const C2Problem harnessProblem = cmp.GetProblem(seeds[i]);
                NS_TEST_ASSERT_MSG_EQ(harnessProblem.GetUsers()[0].gain,
                                      problem.GetUsers()[0].gain,
                                      "GetProblem draws the same drop");
                ObjectFactory of;
                of.SetTypeId(users <= 12 ? "ns3::ExhaustiveC2Scheduler"
                                         : "ns3::TreeSearchC2Scheduler");
                if (users <= 12)
                {
                    of.Set("EarlyExit", BooleanValue(true));
                }
                const uint32_t optimum = of.Create<C2Scheduler>()->Allocate(problem).served.size();
                for (const Choice& c : choices)
                {
                    ObjectFactory f;
                    f.SetTypeId(c.typeId);
                    for (const auto& [n, v] : c.attributes)
                    {
                        f.Set(n, StringValue(v));
                    }
                    const C2Allocation a = f.Create<C2Scheduler>()->Allocate(problem);
                    const C2DropResult& d = r.GetDrops(c.label)[i];
                    const std::string what = c.label + " K=" + std::to_string(users) + " seed " +
                                             std::to_string(seeds[i]);
                    NS_TEST_ASSERT_MSG_EQ(d.seed, seeds[i], what);
                    NS_TEST_ASSERT_MSG_EQ(d.users, users, what);
                    NS_TEST_ASSERT_MSG_EQ(d.served, a.served.size(), what << ": served");
                    NS_TEST_ASSERT_MSG_EQ(d.feasible, a.feasible, what << ": feasible");
                    NS_TEST_ASSERT_MSG_EQ(d.completed,
                                          EvaluateC2Allocation(problem, a).completedCount,
                                          what << ": completed");
                    NS_TEST_ASSERT_MSG_EQ(d.optimum, optimum, what << ": optimum");
                    const double gap =
                        optimum > 0 ? (double(optimum) - a.served.size()) / optimum : 0.0;
                    NS_TEST_ASSERT_MSG_EQ_TOL(d.gap, gap, 1e-15, what << ": gap");
                    NS_TEST_ASSERT_MSG_EQ_TOL(d.throughput,
                                              a.served.size() / 0.1,
                                              1e-9,
                                              what << ": completed per 100 ms frame");
                    if (!a.served.empty())
                    {
                        double acc = 0;
                        for (const C2ServedTask& t : a.served)
                        {
                            acc += problem.GetExits()[t.exit - 1].accuracy;
                        }
                        NS_TEST_ASSERT_MSG_EQ_TOL(d.meanAccuracy,
                                                  acc / a.served.size(),
                                                  1e-12,
                                                  what << ": accuracy");
                    }
                    servedTotal += d.served;
                }
            }
            // Not a vacuous comparison: the schedulers served tasks.
            NS_TEST_ASSERT_MSG_GT(servedTotal, seeds.size() * choices.size(), "tasks served");
        }
    }
};

/**
 * Packet level: ideal channel, so each frame completes what the scheduler
 * predicted (the expectation of edge-inference-system); with K = 12 users
 * the optimum of each frame's problem comes from the exhaustive search
 * (the harness's limit is 12), an independent reference for the tree
 * search's gap of 0; and the counts equal those of a cell built here
 * directly with the helpers, independently of the harness's scenario
 * runner.
 */
class PacketLevelTestCase : public TestCase
{
  public:
    PacketLevelTestCase()
        : TestCase("Packet level: completions equal predictions and a direct simulation")
    {
    }

  private:
    /// Direct simulation with the helpers, without RunEdgeInferenceScenario().
    static uint64_t DirectCompleted(const std::string& typeId, uint32_t users, uint32_t run)
    {
        RngSeedManager::SetRun(run);
        EdgeInferenceCellHelper cellHelper;
        cellHelper.GetUplinkHelper().EnableFading(true);
        cellHelper.GetUplinkHelper().SetFadingModelAttribute("CoherenceTime",
                                                             TimeValue(MilliSeconds(100)));
        EdgeInferenceCell cell = cellHelper.Create(users, 1);
        EdgeInferenceHelper edge;
        edge.SetProfile(kProfile);
        edge.SetSchedulerType(typeId);
        edge.SetControllerAttribute("MaxFrames", UintegerValue(3));
        edge.SetClientAttribute("MaxTasks", UintegerValue(3));
        EdgeInferenceApplications apps = edge.Install(cell.bs, cell.bs, cell.ues);
        edge.AssignStreams(apps, 1000);
        apps.GetAll().Start(Seconds(0));
        Ptr<EdgeInferenceStats> stats = Create<EdgeInferenceStats>();
        stats->Connect(apps);
        Simulator::Stop(MilliSeconds(400));
        Simulator::Run();
        const uint64_t completed = stats->GetCompleted();
        Simulator::Destroy();
        return completed;
    }

    void DoRun() override
    {
        const uint32_t users = 12;
        C2SchedulerComparison cmp;
        cmp.SetProfile(kProfile);
        cmp.GetScenario().users = users;
        cmp.SetSeeds({2, 3});
        cmp.SetFrames(3);
        cmp.AddScheduler("TreeSearch", "ns3::TreeSearchC2Scheduler");
        cmp.AddScheduler("Greedy", "ns3::GreedyEarlyExitC2Scheduler");
        cmp.AddScheduler("Sequential", "ns3::SequentialC2Scheduler");
        RngSeedManager::SetRun(77);
        const C2ComparisonResult r = cmp.RunPacketLevel();
        NS_TEST_ASSERT_MSG_EQ(RngSeedManager::GetRun(), 77, "RngRun restored");
        NS_TEST_ASSERT_MSG_EQ(r.GetLevel(), C2ComparisonResult::PACKET, "level");
        for (const std::string& label : r.GetLabels())
        {
            for (const C2DropResult& d : r.GetDrops(label))
            {
                const std::string what = label + " RngRun " + std::to_string(d.seed);
                NS_TEST_ASSERT_MSG_EQ(d.feasible, true, what);
                NS_TEST_ASSERT_MSG_EQ(d.frames.size(), 3, what << ": frames");
                uint32_t predicted = 0;
                for (const EdgeFrameStats& f : d.frames)
                {
                    NS_TEST_ASSERT_MSG_EQ(f.completed,
                                          f.predicted,
                                          what << " frame " << f.frame << ": ideal channel");
                    predicted += f.predicted;
                }
                NS_TEST_ASSERT_MSG_EQ(d.served, predicted, what << ": served");
                NS_TEST_ASSERT_MSG_EQ(d.completed, d.served, what << ": completed");
                NS_TEST_ASSERT_MSG_GT(d.completed, 0, what << ": tasks completed");
                NS_TEST_ASSERT_MSG_EQ_TOL(d.throughput, d.completed / 0.3, 1e-9, what);
                NS_TEST_ASSERT_MSG_GT_OR_EQ(d.optimum, d.served, what << ": optimum");
            }
        }
        // The tree search is optimal on the controller's problems too, by
        // the exhaustive search.
        const std::string optimum = r.GetOptimumScheduler();
        const bool exhaustive = optimum.find("Exhaustive") != std::string::npos &&
                                optimum.find("TreeSearch") == std::string::npos;
        NS_TEST_ASSERT_MSG_EQ(exhaustive,
                              true,
                              "the optimum is exhaustive: " << r.GetOptimumScheduler());
        for (const C2DropResult& d : r.GetDrops("TreeSearch"))
        {
            NS_TEST_ASSERT_MSG_EQ(d.gap, 0, "TreeSearch gap at packet level");
        }
        // The same cell built directly.
        for (size_t i = 0; i < 2; ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(r.GetDrops("TreeSearch")[i].completed,
                                  DirectCompleted("ns3::TreeSearchC2Scheduler", users, 2 + i),
                                  "TreeSearch: harness vs direct simulation, RngRun " << 2 + i);
        }
        NS_TEST_ASSERT_MSG_EQ(r.GetDrops("Sequential")[0].completed,
                              DirectCompleted("ns3::SequentialC2Scheduler", users, 2),
                              "Sequential: harness vs direct simulation");
    }
};

/**
 * Gap, accuracy and throughput on a frame solved by hand. Every user has
 * the same deadline T = 11.5 ms and requirement A = 0.5; two exits with
 * accuracies 0.5 and 0.9 and tau_n(b) = (b + 4) ms; so m_k = 1. Fixed PSD
 * over B = 1 GHz with users within 50 m: the worst user has SNR about 600
 * (path loss 79.2 dB, 23 dBm, -174 dBm/Hz over 1 GHz), so 7 users need
 * about 7 x 24,576 / (0.5 ms x log2(601)) = 37 MHz at t = 0.5 ms: the
 * bandwidth never binds and every seed gives the same answers:
 *  - optimum (early exit): C_1(b) = b + 4 ms < 11.5 ms, so b = 7 of K = 8
 *    (t* = 0.5 ms); exits 1, accuracy 0.5;
 *  - ShelfPacking (no early exit): C(b) = 2 (b + 4) ms < 11.5 ms, so b = 1,
 *    exit 2, accuracy 0.9; gap (7 - 1) / 7;
 *  - Sequential with EarlyExit: tasks of 5 ms back to back, t + 10 ms
 *    <= 11.5 ms, so 2; gap 5 / 7.
 */
class GapByHandTestCase : public TestCase
{
  public:
    GapByHandTestCase()
        : TestCase("Optimality gap, accuracy and throughput on a frame solved by hand")
    {
    }

  private:
    void DoRun() override
    {
        C2ScenarioParameters p;
        p.users = 8;
        p.cellRadiusM = 50;
        p.bandwidthHz = 1e9;
        p.fixedPsd = true;
        p.rayleighFading = false;
        p.deadlineMinS = 0.0115;
        p.deadlineMaxS = 0.0115;
        p.accuracyMin = 0.5;
        p.accuracyMax = 0.5;
        p.exits = {{0.5, 1e-3, 4e-3}, {0.9, 1e-3, 4e-3}};
        C2SchedulerComparison cmp;
        cmp.SetScenario(p);
        cmp.SetSeeds({11, 12});
        cmp.AddScheduler("TreeSearch", "ns3::TreeSearchC2Scheduler");
        cmp.AddScheduler("ShelfPacking", "ns3::ShelfPackingC2Scheduler");
        cmp.AddScheduler("SequentialEE", "ns3::SequentialC2Scheduler", {{"EarlyExit", "true"}});
        const C2ComparisonResult r = cmp.RunAllocationLevel();

        struct Expect
        {
            std::string label;
            uint32_t served;
            double accuracy;
        };

        for (const Expect& e : std::vector<Expect>{{"TreeSearch", 7, 0.5},
                                                   {"ShelfPacking", 1, 0.9},
                                                   {"SequentialEE", 2, 0.5}})
        {
            for (const C2DropResult& d : r.GetDrops(e.label))
            {
                NS_TEST_ASSERT_MSG_EQ(d.optimum, 7, e.label << ": optimum");
                NS_TEST_ASSERT_MSG_EQ(d.served, e.served, e.label << ": served");
                NS_TEST_ASSERT_MSG_EQ(d.completed, e.served, e.label << ": completed");
                NS_TEST_ASSERT_MSG_EQ_TOL(d.gap, (7.0 - e.served) / 7.0, 1e-15, e.label);
                NS_TEST_ASSERT_MSG_EQ_TOL(d.meanAccuracy, e.accuracy, 1e-15, e.label);
                NS_TEST_ASSERT_MSG_EQ_TOL(d.throughput, e.served / 0.1, 1e-9, e.label);
            }
            const C2ComparisonSummary s = r.GetSummary(e.label);
            NS_TEST_ASSERT_MSG_EQ_TOL(s.meanGap, (7.0 - e.served) / 7.0, 1e-15, e.label);
            NS_TEST_ASSERT_MSG_EQ_TOL(s.meanServed, e.served, 1e-15, e.label);
        }
        // 6/7 = 85.714 %: the check's threshold is inclusive of the mean gap.
        NS_TEST_ASSERT_MSG_EQ(r.CheckWithinOptimum("ShelfPacking", 85.7).ok, false, "85.7 %");
        NS_TEST_ASSERT_MSG_EQ(r.CheckWithinOptimum("ShelfPacking", 85.8).ok, true, "85.8 %");
        NS_TEST_ASSERT_MSG_EQ(r.CheckWithinOptimum("TreeSearch", 0).ok, true, "0 %");
        // Sequential execution solves a different problem; still 2 <= 7 here.
        NS_TEST_ASSERT_MSG_EQ(r.CheckServesAtLeast("SequentialEE", "ShelfPacking").ok,
                              true,
                              "2 >= 1");
    }
};

/**
 * Assertion helpers on results built by hand to pass and to fail; an
 * infeasible (and a throwing) scheduler through the harness.
 */
class AssertionHelpersTestCase : public TestCase
{
  public:
    AssertionHelpersTestCase()
        : TestCase("Assertion helpers fail with a useful message when violated")
    {
    }

  private:
    /// @return a drop with these numbers
    static C2DropResult Drop(uint64_t seed, uint32_t served, uint32_t optimum, bool feasible = true)
    {
        C2DropResult d;
        d.seed = seed;
        d.served = served;
        d.completed = feasible ? served : 0;
        d.optimum = optimum;
        d.gap = optimum > 0 ? (double(optimum) - served) / optimum : 0;
        d.feasible = feasible;
        d.violation = feasible ? "" : "bandwidth: 200 Hz granted, 100 Hz available";
        return d;
    }

    /// @return true if text contains part
    static bool Has(const std::string& text, const std::string& part)
    {
        return text.find(part) != std::string::npos;
    }

    void DoRun() override
    {
        // A: 3, 5, 4 served; B: 3, 6, 2; optimum 4, 6, 4 on seeds 1, 2, 3.
        C2ComparisonResult r;
        r.SetOptimumScheduler("by hand");
        r.AddDrop("A", Drop(1, 3, 4));
        r.AddDrop("A", Drop(2, 5, 6));
        r.AddDrop("A", Drop(3, 4, 4));
        r.AddDrop("B", Drop(1, 3, 4));
        r.AddDrop("B", Drop(2, 6, 6));
        r.AddDrop("B", Drop(3, 2, 4, false));

        C2ComparisonCheck c = r.CheckServesAtLeast("A", "B");
        NS_TEST_ASSERT_MSG_EQ(c.ok, false, c.message);
        NS_TEST_ASSERT_MSG_EQ(Has(c.message, "1 of 3 drops: seed 2 (5 < 6)"), true, c.message);
        c = r.CheckServesAtLeast("B", "A");
        NS_TEST_ASSERT_MSG_EQ(c.ok, false, c.message);
        NS_TEST_ASSERT_MSG_EQ(Has(c.message, "seed 3 (2 < 4)"), true, c.message);
        c = r.CheckServesAtLeast("A", "A");
        NS_TEST_ASSERT_MSG_EQ(c.ok, true, c.message);

        // Mean gaps: A (1/4 + 1/6 + 0) / 3 = 5/36 = 13.89 %; B (1/4 + 0 + 1/2) / 3 = 25 %.
        NS_TEST_ASSERT_MSG_EQ_TOL(r.GetSummary("A").meanGap, 5.0 / 36, 1e-15, "A mean gap");
        c = r.CheckWithinOptimum("A", 13.8);
        NS_TEST_ASSERT_MSG_EQ(c.ok, false, c.message);
        NS_TEST_ASSERT_MSG_EQ(Has(c.message, "13.88"), true, c.message);
        NS_TEST_ASSERT_MSG_EQ(r.CheckWithinOptimum("A", 13.9).ok, true, "A within 13.9 %");
        NS_TEST_ASSERT_MSG_EQ(r.CheckWithinOptimum("B", 25).ok, true, "B within 25 %");
        NS_TEST_ASSERT_MSG_EQ(r.CheckWithinOptimum("B", 24.9).ok, false, "B not within 24.9 %");

        // Mean served: A 4, B 11/3.
        NS_TEST_ASSERT_MSG_EQ(r.CheckMeanServedAtLeast("A", 4).ok, true, "A mean 4");
        c = r.CheckMeanServedAtLeast("A", 4.01);
        NS_TEST_ASSERT_MSG_EQ(c.ok, false, c.message);
        NS_TEST_ASSERT_MSG_EQ(
            Has(c.message, "mean served 4 per drop over 3 drops, required >= 4.01"),
            true,
            c.message);

        // Totals: A 12, B 11; B's shortfall 1/12 = 8.33 %.
        NS_TEST_ASSERT_MSG_EQ(r.CheckWithinPercentOf("A", "B", 0).ok, true, "A >= B in total");
        NS_TEST_ASSERT_MSG_EQ(r.CheckWithinPercentOf("B", "A", 8.4).ok, true, "8.33 <= 8.4");
        c = r.CheckWithinPercentOf("B", "A", 8.3);
        NS_TEST_ASSERT_MSG_EQ(c.ok, false, c.message);
        NS_TEST_ASSERT_MSG_EQ(Has(c.message, "B serves 11 tasks, A 12"), true, c.message);

        // Feasibility.
        NS_TEST_ASSERT_MSG_EQ(r.CheckFeasible("A").ok, true, "A feasible");
        c = r.CheckFeasible("B");
        NS_TEST_ASSERT_MSG_EQ(c.ok, false, c.message);
        NS_TEST_ASSERT_MSG_EQ(Has(c.message, "1 of 3 drops: seed 3 (bandwidth: 200 Hz granted"),
                              true,
                              c.message);

        // Unknown labels and missing optimum.
        c = r.CheckServesAtLeast("A", "Nope");
        NS_TEST_ASSERT_MSG_EQ(c.ok, false, c.message);
        NS_TEST_ASSERT_MSG_EQ(Has(c.message, "'Nope'"), true, c.message);
        NS_TEST_ASSERT_MSG_EQ(Has(c.message, "(known: A B)"), true, c.message);
        C2ComparisonResult noOptimum;
        noOptimum.AddDrop("A", Drop(1, 3, 0));
        NS_TEST_ASSERT_MSG_EQ(noOptimum.CheckWithinOptimum("A", 100).ok, false, "no optimum");

        // A real infeasible scheduler, at both levels.
        C2SchedulerComparison cmp;
        cmp.SetProfile(kProfile);
        cmp.GetScenario().users = 6;
        cmp.SetSeeds({1, 2});
        cmp.SetFrames(2);
        cmp.AddScheduler("Overbooking", "ns3::OverbookingTestC2Scheduler");
        cmp.AddScheduler("Throwing", "ns3::OverbookingTestC2Scheduler", {{"Throw", "true"}});
        cmp.AddScheduler("TreeSearch", "ns3::TreeSearchC2Scheduler");
        const C2ComparisonResult a = cmp.RunAllocationLevel();
        c = a.CheckFeasible("Overbooking");
        NS_TEST_ASSERT_MSG_EQ(c.ok, false, c.message);
        NS_TEST_ASSERT_MSG_EQ(Has(c.message, "2 of 2 drops: seed 1 (bandwidth: "), true, c.message);
        c = a.CheckFeasible("Throwing");
        NS_TEST_ASSERT_MSG_EQ(c.ok, false, c.message);
        NS_TEST_ASSERT_MSG_EQ(
            Has(c.message, "exception: OverbookingTestC2Scheduler: asked to throw"),
            true,
            c.message);
        for (const C2DropResult& d : a.GetDrops("Overbooking"))
        {
            NS_TEST_ASSERT_MSG_GT(d.served, 1, "overbooked several users");
            NS_TEST_ASSERT_MSG_EQ(d.completed, 0, "an infeasible allocation completes nothing");
        }
        // Packet level: the EdgeController refuses to execute it.
        C2SchedulerComparison pkt;
        pkt.SetProfile(kProfile);
        pkt.GetScenario().users = 6;
        pkt.SetSeeds({1});
        pkt.SetFrames(2);
        pkt.AddScheduler("Overbooking", "ns3::OverbookingTestC2Scheduler");
        const C2ComparisonResult p = pkt.RunPacketLevel();
        const C2DropResult& d = p.GetDrops("Overbooking")[0];
        NS_TEST_ASSERT_MSG_EQ(d.feasible, false, "reported infeasible");
        NS_TEST_ASSERT_MSG_EQ(Has(d.violation, "frame 0: resource blocks: "), true, d.violation);
        NS_TEST_ASSERT_MSG_EQ(d.served, 0, "nothing executed");
        NS_TEST_ASSERT_MSG_EQ(d.completed, 0, "nothing completed");
    }
};

/// Bad scheduler specifications are refused when added, naming the problem.
class BadSpecificationTestCase : public TestCase
{
  public:
    BadSpecificationTestCase()
        : TestCase("Bad scheduler specifications are refused with a message")
    {
    }

  private:
    /// @return the EdgeInferenceError message of AddScheduler, "" if none
    static std::string Error(C2SchedulerComparison& cmp,
                             const std::string& label,
                             const std::string& typeId,
                             const std::vector<std::pair<std::string, std::string>>& attributes)
    {
        try
        {
            cmp.AddScheduler(label, typeId, attributes);
        }
        catch (const EdgeInferenceError& e)
        {
            return e.what();
        }
        return "";
    }

    void DoRun() override
    {
        C2SchedulerComparison cmp;
        cmp.AddScheduler("T", "ns3::TreeSearchC2Scheduler");
        const std::vector<std::pair<std::string, std::string>> none;
        NS_TEST_ASSERT_MSG_EQ(Error(cmp, "T", "ns3::GreedyEarlyExitC2Scheduler", none),
                              "C2SchedulerComparison::AddScheduler(\"T\"): the label is already "
                              "used",
                              "duplicate label");
        std::string e = Error(cmp, "X", "ns3::NoSuchC2Scheduler", none);
        NS_TEST_ASSERT_MSG_NE(e.find("unknown scheduler TypeId \"ns3::NoSuchC2Scheduler\""),
                              std::string::npos,
                              e);
        NS_TEST_ASSERT_MSG_NE(e.find("ns3::TreeSearchC2Scheduler"), std::string::npos, e);
        e = Error(cmp, "X", "ns3::Node", none);
        NS_TEST_ASSERT_MSG_NE(e.find("TypeId \"ns3::Node\" is not a C2Scheduler"),
                              std::string::npos,
                              e);
        e = Error(cmp, "X", "ns3::SequentialC2Scheduler", {{"EarlyExits", "true"}});
        NS_TEST_ASSERT_MSG_NE(e.find("has no attribute \"EarlyExits\""), std::string::npos, e);
        e = Error(cmp, "X", "ns3::SequentialC2Scheduler", {{"EarlyExit", "perhaps"}});
        NS_TEST_ASSERT_MSG_NE(e.find("bad value \"perhaps\" for attribute EarlyExit"),
                              std::string::npos,
                              e);
        NS_TEST_ASSERT_MSG_EQ(cmp.GetSchedulers().size(), 1, "only the good one was added");
        bool threw = false;
        try
        {
            C2SchedulerComparison empty;
            empty.AddScheduler("T", "ns3::TreeSearchC2Scheduler");
            empty.SetProfile(kProfile);
            empty.RunAllocationLevel();
        }
        catch (const EdgeInferenceError& err)
        {
            threw = std::string(err.what()).find("no seeds") != std::string::npos;
        }
        NS_TEST_ASSERT_MSG_EQ(threw, true, "no seeds is refused");
    }
};

/// The harness's test suite.
class C2SchedulerComparisonTestSuite : public TestSuite
{
  public:
    C2SchedulerComparisonTestSuite()
        : TestSuite("edge-inference-c2-comparison", Type::UNIT)
    {
        AddTestCase(new AllocationLevelTestCase);
        AddTestCase(new PacketLevelTestCase);
        AddTestCase(new GapByHandTestCase);
        AddTestCase(new AssertionHelpersTestCase);
        AddTestCase(new BadSpecificationTestCase);
    }
};

/// Static instance.
static C2SchedulerComparisonTestSuite g_c2SchedulerComparisonTestSuite;

} // namespace
