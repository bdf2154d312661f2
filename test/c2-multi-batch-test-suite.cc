/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Tests of several batches per frame (manual: *Several batches per frame*):
 * the timing of a chain of batches (TimeBatchChain, MakeBatchChainAllocation)
 * and its evaluation (EvaluateC2Allocation) on frames solved by hand; the
 * backward rule checked against a brute force over a grid of batch starts;
 * ExhaustiveC2Scheduler with MaxBatches > 1 and MultiBatchC2Scheduler on
 * seeded random frames, bounded below by the best single batch.
 */

#include "c2-scheduler-test-helpers.h"

#include "ns3/boolean.h"
#include "ns3/c2-allocation.h"
#include "ns3/c2-problem.h"
#include "ns3/c2-scenario.h"
#include "ns3/c2-scheduler.h"
#include "ns3/edge-inference-error.h"
#include "ns3/object-factory.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

using c2test::ExitSet;
using c2test::HandProblem;
using c2test::TestExitSets;

/// A chain of batches in execution order.
using Chain = std::vector<std::vector<C2BatchMember>>;

/**
 * @param typeName the scheduler's TypeId name
 * @param maxBatches its MaxBatches attribute
 * @return the scheduler; Exhaustive gets EarlyExit = true
 */
Ptr<C2Scheduler>
MakeChainScheduler(const std::string& typeName, uint32_t maxBatches)
{
    ObjectFactory factory;
    factory.SetTypeId(typeName);
    factory.Set("MaxBatches", UintegerValue(maxBatches));
    if (typeName == "ns3::ExhaustiveC2Scheduler")
    {
        factory.Set("EarlyExit", BooleanValue(true));
    }
    return factory.Create<C2Scheduler>();
}

/**
 * One exit, tau(b) = 1 ms * b + 4 ms, B = 300 kHz, users of 2000 bits at
 * 2 bit/s/Hz, so user k needs w_k(t) = 1000 / t Hz to upload within t.
 * @param deadlinesS the users' deadlines
 * @return the problem
 */
C2Problem
OneExitFrame(const std::vector<double>& deadlinesS)
{
    const double ms = 1e-3;
    return HandProblem(300e3,
                       {{0.9, 1 * ms, 4 * ms}},
                       std::vector<double>(deadlinesS.size(), 2000),
                       deadlinesS,
                       std::vector<double>(deadlinesS.size(), 0.9));
}

/**
 * Users 0 (T = 10 ms) and 1 (T = 30 ms) on OneExitFrame().
 * One batch of both: tau(2) = 6 ms, shelf min(10, 30) - 6 = 4 ms, needs
 * 250 + 250 kHz > 300 kHz; alone each fits, so one batch serves 1.
 * Chain [{0}, {1}]: s_2 = 30 - 5 = 25 ms, s_1 = min(10 - 5, 25 - 5) = 5 ms,
 * needs 1000 / 0.005 = 200 kHz and 1000 / 0.025 = 40 kHz, 240 kHz in all:
 * both are served, completing at 10 and 30 ms.
 * Chain [{1}, {0}]: s_2 = 10 - 5 = 5 ms, s_1 = min(25, 5 - 5) = 0: infeasible.
 */
class TwoBatchesByHandTestCase : public TestCase
{
  public:
    TwoBatchesByHandTestCase()
        : TestCase("A second batch serves a user one batch cannot (hand-derived)")
    {
    }

  private:
    void DoRun() override
    {
        const C2Problem p = OneExitFrame({0.010, 0.030});
        const C2ChainTiming good = TimeBatchChain(p, {{{0, 1}}, {{1, 1}}});
        NS_TEST_ASSERT_MSG_EQ(good.feasible, true, "[{0}, {1}] fits");
        NS_TEST_EXPECT_MSG_EQ_TOL(good.startS[0], 0.005, 1e-15, "s_1 = 5 ms");
        NS_TEST_EXPECT_MSG_EQ_TOL(good.startS[1], 0.025, 1e-15, "s_2 = 25 ms");
        NS_TEST_EXPECT_MSG_EQ_TOL(good.totalNeed, 240e3, 1e-6, "200 + 40 kHz");
        const C2ChainTiming bad = TimeBatchChain(p, {{{1, 1}}, {{0, 1}}});
        NS_TEST_EXPECT_MSG_EQ(bad.feasible, false, "[{1}, {0}] would start at 0");
        NS_TEST_EXPECT_MSG_EQ_TOL(bad.startS[0], 0.0, 1e-15, "s_1 = 0");

        const C2OneBatchResult built = MakeBatchChainAllocation(p, {{{0, 1}}, {{1, 1}}});
        NS_TEST_ASSERT_MSG_EQ(built.feasible, true, built.reason);
        const auto& served = built.allocation.served;
        NS_TEST_EXPECT_MSG_EQ(served.size(), 2u, "both served");
        if (served.size() == 2) // the runner goes on after a failed check
        {
            NS_TEST_EXPECT_MSG_EQ(served[1].batch, 1u, "user 1 in the second batch");
            NS_TEST_EXPECT_MSG_EQ_TOL(served[0].bandwidthHz, 200e3, 1e-6, "w_0(5 ms)");
            NS_TEST_EXPECT_MSG_EQ_TOL(served[1].bandwidthHz, 40e3, 1e-6, "w_1(25 ms)");
            NS_TEST_EXPECT_MSG_EQ_TOL(served[0].completionS, 0.010, 1e-12, "5 + 5 ms");
            NS_TEST_EXPECT_MSG_EQ_TOL(served[1].completionS, 0.030, 1e-12, "25 + 5 ms");
        }
        NS_TEST_EXPECT_MSG_EQ_TOL(built.allocation.uploadDeadlineS, 0.005, 1e-15, "s_1");

        Ptr<C2Scheduler> single = c2test::MakeScheduler("ns3::TreeSearchC2Scheduler");
        NS_TEST_EXPECT_MSG_EQ(single->Allocate(p).GetServedCount(), 1u, "one batch: 1");
        for (const char* type : {"ns3::ExhaustiveC2Scheduler", "ns3::MultiBatchC2Scheduler"})
        {
            const C2Allocation a = MakeChainScheduler(type, 2)->Allocate(p);
            NS_TEST_EXPECT_MSG_EQ(a.GetServedCount(), 2u, type << ": two batches serve 2");
            NS_TEST_EXPECT_MSG_EQ(a.feasible, true, type << ": feasible");
            const C2Allocation one = MakeChainScheduler(type, 1)->Allocate(p);
            NS_TEST_EXPECT_MSG_EQ(one.GetServedCount(), 1u, type << ": MaxBatches 1 serves 1");
        }
    }
};

/**
 * The backward rule moves a batch earlier. Users 0 (T = 10 ms) and
 * 1 (T = 12 ms) on OneExitFrame() as [{0}, {1}]: s_2 = 12 - 5 = 7 ms and
 * s_1 = min(10 - 5, 7 - 5) = 2 ms, so user 0 needs 1000 / 0.002 = 500 kHz
 * and user 1 1000 / 0.007 = 142857.14 Hz: 642857.14 Hz, over the band. One
 * batch of both needs 2 * 1000 / 0.004 = 500 kHz: also over the band, so
 * no plan serves both and every scheduler serves one.
 */
class BackwardRuleByHandTestCase : public TestCase
{
  public:
    BackwardRuleByHandTestCase()
        : TestCase("A later batch pulls an earlier one forward (hand-derived)")
    {
    }

  private:
    void DoRun() override
    {
        const C2Problem p = OneExitFrame({0.010, 0.012});
        const C2ChainTiming t = TimeBatchChain(p, {{{0, 1}}, {{1, 1}}});
        NS_TEST_EXPECT_MSG_EQ_TOL(t.startS[0], 0.002, 1e-15, "s_1 = s_2 - 5 ms");
        NS_TEST_EXPECT_MSG_EQ_TOL(t.startS[1], 0.007, 1e-15, "s_2 = 12 - 5 ms");
        NS_TEST_EXPECT_MSG_EQ(t.feasible, false, "642.9 kHz > 300 kHz");
        const C2OneBatchResult r = MakeBatchChainAllocation(p, {{{0, 1}}, {{1, 1}}});
        NS_TEST_EXPECT_MSG_EQ(r.feasible, false, "over the band");
        const bool namesBand = r.reason.find("more than the 300000 available") != std::string::npos;
        NS_TEST_EXPECT_MSG_EQ(namesBand, true, r.reason);
        for (const char* type : {"ns3::ExhaustiveC2Scheduler", "ns3::MultiBatchC2Scheduler"})
        {
            NS_TEST_EXPECT_MSG_EQ(MakeChainScheduler(type, 2)->Allocate(p).GetServedCount(),
                                  1u,
                                  type);
        }
        // A busy server, free at 6 ms: the first case's chain [{0}, {1}]
        // must start its first batch by s_1 = 5 ms, too early.
        C2Problem busy = OneExitFrame({0.010, 0.030});
        busy.SetServerFreeS(0.006);
        const C2OneBatchResult late = MakeBatchChainAllocation(busy, {{{0, 1}}, {{1, 1}}});
        NS_TEST_EXPECT_MSG_EQ(late.feasible, false, "s_1 = 5 ms < s0 = 6 ms");
        NS_TEST_EXPECT_MSG_EQ(late.reason,
                              "the first batch would have to start by 0.005 s; it can start only "
                              "after 0 s and at or after the server's free time 0.006 s",
                              "reason");
    }
};

/**
 * EvaluateC2Allocation on chains built by hand (the first case's frame):
 * batches in index order, each after the previous one and its own uploads.
 */
class ChainEvaluationTestCase : public TestCase
{
  public:
    ChainEvaluationTestCase()
        : TestCase("The evaluation times batches in index order and rejects bad indices")
    {
    }

  private:
    /**
     * @param batch0 user 0's batch index
     * @param batch1 user 1's batch index
     * @return user 0 at 200 kHz (upload ends at 5 ms) and user 1 at 40 kHz
     *         (25 ms), exit 1, in the given batches
     */
    static C2Allocation Hand(uint32_t batch0, uint32_t batch1)
    {
        C2Allocation a;
        a.served.push_back({0, 1, 200e3, 0, 0, 0, 0, batch0});
        a.served.push_back({1, 1, 40e3, 0, 0, 0, 0, batch1});
        return a;
    }

    /**
     * @param ev an evaluation
     * @return its last violation, or "" (the runner continues after a
     *         failed check, so no index may go out of range)
     */
    static std::string Last(const C2Evaluation& ev)
    {
        return ev.violations.empty() ? "" : ev.violations.back();
    }

    void DoRun() override
    {
        const C2Problem p = OneExitFrame({0.010, 0.030});
        const C2Evaluation ok = EvaluateC2Allocation(p, Hand(0, 1));
        NS_TEST_EXPECT_MSG_EQ(ok.feasible, true, "the hand chain is feasible");
        NS_TEST_EXPECT_MSG_EQ(ok.batchStartS.size(), 2u, "two batches");
        if (ok.batchStartS.size() == 2)
        {
            NS_TEST_EXPECT_MSG_EQ_TOL(ok.batchStartS[0], 0.005, 1e-12, "batch 0 at 5 ms");
            NS_TEST_EXPECT_MSG_EQ_TOL(ok.batchStartS[1], 0.025, 1e-12, "batch 1 at 25 ms");
        }
        NS_TEST_EXPECT_MSG_EQ_TOL(ok.completionS[1], 0.030, 1e-12, "30 ms");
        NS_TEST_EXPECT_MSG_EQ(ok.completedCount, 2u, "both complete");

        // Swapped: batch 0 (user 1) starts at 25 ms and ends at 30 ms; user
        // 0's batch follows, 30 + 5 = 35 ms, after its 10 ms deadline.
        const C2Evaluation swapped = EvaluateC2Allocation(p, Hand(1, 0));
        NS_TEST_EXPECT_MSG_EQ(swapped.feasible, false, "user 0 late");
        NS_TEST_EXPECT_MSG_EQ_TOL(swapped.completionS[0], 0.035, 1e-12, "after batch 0");
        NS_TEST_EXPECT_MSG_EQ(swapped.violations.size(), 1u, "one violation");
        NS_TEST_EXPECT_MSG_EQ(Last(swapped),
                              "served[0] (user 0): completes at 0.035 s, after its deadline 0.01 s",
                              "message");

        // Both in batch 0 is the one-batch case: starts at 25 ms, late.
        NS_TEST_EXPECT_MSG_EQ(EvaluateC2Allocation(p, Hand(0, 0)).feasible, false, "one batch");

        // Indices above K - 1 are out of range; below it a gap is named.
        const C2Evaluation gap =
            EvaluateC2Allocation(OneExitFrame({0.010, 0.030, 0.050}), Hand(0, 2));
        NS_TEST_EXPECT_MSG_EQ(Last(gap), "batch 1 has no task (indices must be 0..J-1)", "message");
        const C2Evaluation far = EvaluateC2Allocation(p, Hand(0, 2));
        NS_TEST_EXPECT_MSG_EQ(
            Last(far),
            "served[1] (user 1): batch 2 is not below K = 2 (at most one batch per user)",
            "message");
        C2Allocation sequential = Hand(0, 1);
        sequential.execution = C2Allocation::SEQUENTIAL;
        const C2Evaluation mixed = EvaluateC2Allocation(p, sequential);
        NS_TEST_EXPECT_MSG_EQ(Last(mixed),
                              "batch indices other than 0 in SEQUENTIAL execution",
                              "message");

        NS_TEST_EXPECT_MSG_EQ(MakeBatchChainAllocation(p, {{{0, 1}}, {}}).reason,
                              "batch 1 of the chain is empty",
                              "empty batch");
        NS_TEST_EXPECT_MSG_EQ(MakeBatchChainAllocation(p, {{{0, 1}}, {{0, 1}}}).reason,
                              "user 0 is chosen twice",
                              "a user in two batches");
    }
};

/**
 * The backward rule against a brute force: on random frames, random chains
 * of 2 or 3 batches are timed by TimeBatchChain; independently, every
 * vector of batch starts on a grid is turned into an allocation (each
 * member's need at its batch's start) and checked by EvaluateC2Allocation.
 * Whenever a grid point is feasible the chain must be feasible with a
 * total need no larger; whenever the chain is feasible its allocation must
 * pass the evaluation.
 */
class ChainTimingBruteForceTestCase : public TestCase
{
  public:
    ChainTimingBruteForceTestCase()
        : TestCase("The latest batch starts need least: brute force over a grid of starts")
    {
    }

  private:
    /**
     * @param p the problem
     * @param chain the chain
     * @param starts a start per batch
     * @return the allocation giving each member its need at its batch's start
     */
    static C2Allocation AtStarts(const C2Problem& p,
                                 const Chain& chain,
                                 const std::vector<double>& starts)
    {
        C2Allocation a;
        for (std::size_t j = 0; j < chain.size(); ++j)
        {
            for (const C2BatchMember& m : chain[j])
            {
                C2ServedTask t = MakeC2ServedTask(p, m.user, m.exit, starts[j]);
                t.batch = j;
                a.served.push_back(t);
            }
        }
        return a;
    }

    /**
     * @param p the problem
     * @param chain the chain
     * @param grid the start values tried for every batch
     * @param bestNeed receives the least total need over the feasible points
     * @return the number of feasible grid points
     */
    static uint32_t GridSearch(const C2Problem& p,
                               const Chain& chain,
                               const std::vector<double>& grid,
                               double& bestNeed)
    {
        uint32_t feasible = 0;
        bestNeed = INFINITY;
        std::vector<std::size_t> index(chain.size(), 0);
        while (true)
        {
            std::vector<double> starts;
            for (std::size_t i : index)
            {
                starts.push_back(grid[i]);
            }
            const C2Allocation a = AtStarts(p, chain, starts);
            if (EvaluateC2Allocation(p, a).feasible)
            {
                ++feasible;
                double need = 0;
                for (std::size_t i = 0; i < a.served.size(); ++i)
                {
                    need += p.Need(a.served[i].user, starts[a.served[i].batch]);
                }
                bestNeed = std::min(bestNeed, need);
            }
            std::size_t d = 0;
            while (d < index.size() && ++index[d] == grid.size())
            {
                index[d++] = 0;
            }
            if (d == index.size())
            {
                return feasible;
            }
        }
    }

    void DoRun() override
    {
        const std::vector<ExitSet> exitSets = TestExitSets();
        uint32_t gridFeasible = 0;
        for (uint32_t s = 0; s < 120; ++s)
        {
            C2ScenarioParameters params;
            params.users = 4 + s % 3;
            params.exits = exitSets[s % 4].exits;
            params.bandwidthHz = s % 2 ? 3e6 : 1e6;
            params.resourceBlockHz = s % 5 == 0 ? params.bandwidthHz / 25 : 0;
            C2Problem p = C2ScenarioGenerator(params).Generate(31000 + s);
            std::mt19937_64 rng(s);
            const uint32_t nBatches = 2 + s % 2;
            Chain chain(nBatches);
            for (uint32_t k = 0; k < p.GetNUsers(); ++k)
            {
                if (p.RequiredExit(k) != 0)
                {
                    chain[rng() % nBatches].push_back({k, p.RequiredExit(k)});
                }
            }
            chain.erase(
                std::remove_if(chain.begin(),
                               chain.end(),
                               [](const std::vector<C2BatchMember>& b) { return b.empty(); }),
                chain.end());
            if (chain.empty())
            {
                continue;
            }
            const C2ChainTiming timing = TimeBatchChain(p, chain);
            std::vector<double> grid;
            const uint32_t points = chain.size() == 2 ? 40 : 14;
            for (uint32_t i = 1; i <= points; ++i)
            {
                grid.push_back(params.deadlineMaxS * i / points);
            }
            // The chain's own starts are on the grid too, so a feasible
            // chain always has a feasible grid point.
            grid.insert(grid.end(), timing.startS.begin(), timing.startS.end());
            double gridNeed = 0;
            const uint32_t feasible = GridSearch(p, chain, grid, gridNeed);
            gridFeasible += feasible > 0 ? 1 : 0;
            std::ostringstream tag;
            tag << "frame " << s << " (" << chain.size() << " batches)";
            const bool someGridPoint = feasible > 0;
            NS_TEST_ASSERT_MSG_EQ(timing.feasible, someGridPoint, tag.str() << ": feasibility");
            if (timing.feasible)
            {
                NS_TEST_ASSERT_MSG_LT_OR_EQ(timing.totalNeed,
                                            gridNeed * (1 + 1e-9),
                                            tag.str() << ": least need");
                const C2OneBatchResult built = MakeBatchChainAllocation(p, chain);
                NS_TEST_ASSERT_MSG_EQ(built.feasible, true, tag.str() << ": " << built.reason);
            }
        }
        std::cout << "    chains with a feasible grid point: " << gridFeasible << " of 120"
                  << std::endl;
        NS_TEST_EXPECT_MSG_GT(gridFeasible, 10u, "the comparison is not vacuous");
    }
};

/**
 * Seeded random frames of at most 7 users: ExhaustiveC2Scheduler with
 * MaxBatches = 2 and 3 against MultiBatchC2Scheduler with the same limit
 * and the best single batch (TreeSearch). Every allocation must pass
 * EvaluateC2Allocation, and single <= multi-batch <= exhaustive(J),
 * exhaustive(2) <= exhaustive(3), MultiBatch(MaxBatches = 1) = single.
 */
class RandomChainFramesTestCase : public TestCase
{
  public:
    RandomChainFramesTestCase()
        : TestCase("Random frames: single batch <= MultiBatch <= exhaustive over batch chains")
    {
    }

  private:
    void DoRun() override
    {
        const std::vector<ExitSet> exitSets = TestExitSets();
        Ptr<C2Scheduler> single = c2test::MakeScheduler("ns3::TreeSearchC2Scheduler");
        Ptr<C2Scheduler> multiOne = MakeChainScheduler("ns3::MultiBatchC2Scheduler", 1);
        const double bandwidths[] = {0.3e6, 1e6, 3e6};
        uint32_t better = 0;
        uint32_t optimal = 0;
        uint32_t frames = 0;
        for (uint32_t s = 0; s < 480; ++s)
        {
            uint32_t r = s;
            C2ScenarioParameters params;
            params.users = 1 + r % 7;
            r /= 7;
            params.exits = exitSets[r % 4].exits;
            r /= 4;
            params.bandwidthHz = bandwidths[r % 3];
            params.deadlineMinS = 0.005;
            params.deadlineMaxS = 0.060;
            params.resourceBlockHz = s % 5 == 0 ? params.bandwidthHz / 25 : 0;
            C2Problem p = C2ScenarioGenerator(params).Generate(41000 + s);
            if (s % 6 == 0)
            {
                p.SetServerFreeS(0.004);
            }
            std::ostringstream tag;
            tag << "frame " << s << " (K=" << params.users << ", " << exitSets[s / 7 % 4].name
                << ", B=" << params.bandwidthHz << ")";
            const C2Allocation one = single->Allocate(p);
            NS_TEST_ASSERT_MSG_EQ(multiOne->Allocate(p).GetServedCount(),
                                  one.GetServedCount(),
                                  tag.str() << ": MultiBatch with MaxBatches 1");
            uint32_t previous = one.GetServedCount();
            for (uint32_t j : {2u, 3u})
            {
                const C2Allocation ref =
                    MakeChainScheduler("ns3::ExhaustiveC2Scheduler", j)->Allocate(p);
                const C2Allocation multi =
                    MakeChainScheduler("ns3::MultiBatchC2Scheduler", j)->Allocate(p);
                NS_TEST_ASSERT_MSG_EQ(ref.feasible, true, tag.str() << ": reference feasible");
                NS_TEST_ASSERT_MSG_EQ(multi.feasible, true, tag.str() << ": multi feasible");
                NS_TEST_ASSERT_MSG_GT_OR_EQ(ref.GetServedCount(),
                                            previous,
                                            tag.str() << " J=" << j);
                NS_TEST_ASSERT_MSG_GT_OR_EQ(multi.GetServedCount(),
                                            one.GetServedCount(),
                                            tag.str() << ": never worse than one batch, J=" << j);
                NS_TEST_ASSERT_MSG_LT_OR_EQ(multi.GetServedCount(),
                                            ref.GetServedCount(),
                                            tag.str() << ": never above the optimum, J=" << j);
                previous = ref.GetServedCount();
                if (j == 3)
                {
                    better += ref.GetServedCount() > one.GetServedCount() ? 1 : 0;
                    optimal += multi.GetServedCount() == ref.GetServedCount() ? 1 : 0;
                }
            }
            ++frames;
        }
        std::cout << "    " << frames << " frames: three batches beat one in " << better
                  << ", MultiBatch(3) optimal in " << optimal << std::endl;
        NS_TEST_EXPECT_MSG_GT(better, 0u, "several batches must matter somewhere");
    }
};

/**
 * The exhaustive search over chains refuses frames it cannot enumerate.
 */
class ChainSearchLimitTestCase : public TestCase
{
  public:
    ChainSearchLimitTestCase()
        : TestCase("The exhaustive search over chains refuses more than 10 users")
    {
    }

  private:
    void DoRun() override
    {
        const C2Problem p = OneExitFrame(std::vector<double>(11, 0.050));
        std::string error;
        try
        {
            MakeChainScheduler("ns3::ExhaustiveC2Scheduler", 2)->Allocate(p);
        }
        catch (const EdgeInferenceError& e)
        {
            error = e.what();
        }
        NS_TEST_EXPECT_MSG_EQ(error,
                              "ExhaustiveC2Scheduler: K = 11 users exceeds the limit of 10 for "
                              "MaxBatches = 2 (the search times every ordered partition of every "
                              "subset); use ns3::MultiBatchC2Scheduler for larger frames",
                              "message");
    }
};

/// The multi-batch TestSuite.
class C2MultiBatchTestSuite : public TestSuite
{
  public:
    C2MultiBatchTestSuite()
        : TestSuite("edge-inference-multi-batch", Type::UNIT)
    {
        AddTestCase(new TwoBatchesByHandTestCase);
        AddTestCase(new BackwardRuleByHandTestCase);
        AddTestCase(new ChainEvaluationTestCase);
        AddTestCase(new ChainTimingBruteForceTestCase);
        AddTestCase(new RandomChainFramesTestCase);
        AddTestCase(new ChainSearchLimitTestCase);
    }
};

/// Static instance.
static C2MultiBatchTestSuite g_c2MultiBatchTestSuite;

} // namespace
