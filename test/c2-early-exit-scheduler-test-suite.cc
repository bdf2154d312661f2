/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Tests of the early-exit schedulers (manual: *Greedy early-exit allocation*, *Tree search*):
 * GreedyEarlyExitC2Scheduler (both variants) and TreeSearchC2Scheduler.
 * Hand-built frames have their optimum derived in the comments; thousands
 * of seeded random small frames compare the tree search with the
 * exhaustive search over subsets (ExhaustiveC2Scheduler with EarlyExit),
 * and every allocation is re-evaluated with EvaluateC2Allocation.
 */

#include "c2-scheduler-test-helpers.h"

#include "ns3/boolean.h"
#include "ns3/c2-allocation.h"
#include "ns3/c2-problem.h"
#include "ns3/c2-scenario.h"
#include "ns3/c2-scheduler.h"
#include "ns3/c2-shelf-selector.h"
#include "ns3/early-exit-profile.h"
#include "ns3/edge-inference-error.h"
#include "ns3/object-factory.h"
#include "ns3/ofdma-rate-mapping.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

using c2test::ExitSet;
using c2test::HandProblem;
using c2test::MakeScheduler;
using c2test::ServedUsers;
using c2test::TestExitSets;

/// True if a TypeId of that name is registered (other schedulers may be absent).
bool
HasType(const std::string& typeName)
{
    TypeId tid;
    return TypeId::LookupByNameFailSafe(typeName, &tid);
}

/**
 * Two users that require exit 1 and must finish by 12 ms, one that requires
 * exit 2, with tau_n(b) = b + 4 ms for both blocks.
 */
class EarlyExitBeatsShelfPackingTestCase : public TestCase
{
  public:
    EarlyExitBeatsShelfPackingTestCase()
        : TestCase("Early exit serves more users than batching alone (hand-derived)")
    {
    }

  private:
    void DoRun() override
    {
        const double ms = 1e-3;
        // tau_n(b) = 1 ms * b + 4 ms for n = 1, 2; a_1 = 0.7, a_2 = 0.9.
        const std::vector<C2Exit> exits{{0.7, 1 * ms, 4 * ms}, {0.9, 1 * ms, 4 * ms}};
        // Users 0-2 need exit 1 (A = 0.6), user 3 needs exit 2 (A = 0.8);
        // all 2000 bits, deadline 12 ms; B = 1 MHz, w(t) = 1000 / t Hz.
        const C2Problem p = HandProblem(1e6,
                                        exits,
                                        {2000, 2000, 2000, 2000},
                                        {12 * ms, 12 * ms, 12 * ms, 12 * ms},
                                        {0.6, 0.6, 0.6, 0.8});
        // Early exit: users 0-2 alone at exit 1 give C_1(3) = 3 + 4 = 7 ms,
        // t* = 12 - 7 = 5 ms, need 3 * 1000 / 0.005 = 600 kHz <= 1 MHz.
        // All four: b_1 = 4, b_2 = 1, C_2 = (4 + 4) + (1 + 4) = 13 ms > 12 ms.
        // Three including user 3: C_2 = (3 + 4) + (1 + 4) = 12 ms, t* = 0.
        // So the optimum is {0, 1, 2} at t = 5 ms.
        const C2Allocation tree = MakeScheduler("ns3::TreeSearchC2Scheduler")->Allocate(p);
        NS_TEST_ASSERT_MSG_EQ(tree.feasible, true, "tree search allocation is feasible");
        NS_TEST_ASSERT_MSG_EQ(tree.GetServedCount(), 3, "early exit serves users 0-2");
        NS_TEST_ASSERT_MSG_EQ((ServedUsers(tree) == std::vector<uint32_t>{0, 1, 2}),
                              true,
                              "the three users that need exit 1");
        NS_TEST_ASSERT_MSG_EQ_TOL(tree.uploadDeadlineS, 5 * ms, 1e-12, "t* = 12 - 7 ms");
        for (const C2ServedTask& t : tree.served)
        {
            NS_TEST_ASSERT_MSG_EQ(t.exit, 1, "each task leaves at its required exit");
        }
        const C2Allocation greedy = MakeScheduler("ns3::GreedyEarlyExitC2Scheduler")->Allocate(p);
        NS_TEST_ASSERT_MSG_EQ(greedy.feasible, true, "greedy allocation is feasible");
        NS_TEST_ASSERT_MSG_EQ(greedy.GetServedCount(), 3, "the greedy finds the optimum here");
        // Without early exit every task runs both blocks: C(1) = 10 ms
        // (t = 2 ms, need 500 kHz), C(2) = 12 ms leaves t = 0: one user.
        if (HasType("ns3::ShelfPackingC2Scheduler"))
        {
            const C2Allocation sp = MakeScheduler("ns3::ShelfPackingC2Scheduler")->Allocate(p);
            NS_TEST_ASSERT_MSG_EQ(sp.GetServedCount(), 1, "batching alone serves one user");
        }
    }
};

/**
 * One exit, long deadlines, narrow band: the bandwidth decides.
 */
class BandwidthBindsTestCase : public TestCase
{
  public:
    BandwidthBindsTestCase()
        : TestCase("Bandwidth binds (hand-derived)")
    {
    }

  private:
    void DoRun() override
    {
        const double ms = 1e-3;
        // One exit, tau(b) = 1 ms * b + 4 ms; B = 100 kHz; deadlines 100 ms.
        // Users 0-5: 1000 bits (w = 500 / t Hz); users 6-11: 2000 bits
        // (w = 1000 / t Hz). Same SNR, so the small tasks are cheaper.
        std::vector<double> bits(12, 1000);
        std::fill(bits.begin() + 6, bits.end(), 2000);
        const C2Problem p = HandProblem(1e5,
                                        {{0.9, 1 * ms, 4 * ms}},
                                        bits,
                                        std::vector<double>(12, 100 * ms),
                                        std::vector<double>(12, 0.5));
        // 6 small + x large users: C = (6 + x) + 4 ms, t = 90 - x ms,
        // need (3000 + 1000 x) / t <= 1e5 Hz  <=>  1100 x <= 6000, x <= 5:
        // x = 5: 8000 / 0.085 = 94.1 kHz fits; x = 6: 9000 / 0.084 = 107.1 kHz
        // does not, while compute alone (C(12) = 16 ms) would allow all 12.
        // Any 6 large users instead of small ones need even more.
        const C2Allocation tree = MakeScheduler("ns3::TreeSearchC2Scheduler")->Allocate(p);
        NS_TEST_ASSERT_MSG_EQ(tree.feasible, true, "tree search allocation is feasible");
        NS_TEST_ASSERT_MSG_EQ(tree.GetServedCount(), 11, "6 small + 5 large tasks");
        NS_TEST_ASSERT_MSG_EQ_TOL(tree.uploadDeadlineS, 85 * ms, 1e-12, "t* = 100 - 15 ms");
        uint32_t small = 0;
        for (uint32_t k : ServedUsers(tree))
        {
            small += k < 6 ? 1 : 0;
        }
        NS_TEST_ASSERT_MSG_EQ(small, 6, "all six small tasks are served");
        const C2Allocation greedy = MakeScheduler("ns3::GreedyEarlyExitC2Scheduler")->Allocate(p);
        NS_TEST_ASSERT_MSG_EQ(greedy.GetServedCount(), 11, "the greedy finds the optimum here");
    }
};

/**
 * Ample bandwidth, tight deadlines: the computation decides, and only the
 * exact offsets find the optimum.
 */
class ComputeBindsTestCase : public TestCase
{
  public:
    ComputeBindsTestCase()
        : TestCase("Compute binds (hand-derived), conservative greedy falls short")
    {
    }

  private:
    void DoRun() override
    {
        const double ms = 1e-3;
        // tau_n(b) = 1 ms * b + 4 ms for n = 1, 2. Users 0-7 need exit 1,
        // users 8-11 need exit 2; all 100 bits (w = 50 / t Hz), deadline
        // 20 ms, B = 1 MHz.
        std::vector<double> acc(12, 0.6);
        std::fill(acc.begin() + 8, acc.end(), 0.8);
        const C2Problem p = HandProblem(1e6,
                                        {{0.7, 1 * ms, 4 * ms}, {0.9, 1 * ms, 4 * ms}},
                                        std::vector<double>(12, 100),
                                        std::vector<double>(12, 20 * ms),
                                        acc);
        // Counts (c1, c2): C_1 = c1 + c2 + 4 ms, C_2 = C_1 + c2 + 4 ms when
        // c2 > 0. c2 = 0: c1 = 8 gives C_1 = 12 ms, 8 users. c2 >= 1 needs
        // C_2 = c1 + 2 c2 + 8 < 20 ms (t > 0): c1 + 2 c2 <= 11 (then
        // t >= 1 ms and the need 12 * 50 / 0.001 = 600 kHz fits), maximised
        // by (8, 1) or (7, 2): 9 users. Ten users need c2 >= 2 and then
        // c1 + 2 c2 = 10 + c2 >= 12. With (8, 1): C_1 = 13, C_2 = 18 ms,
        // t* = 2 ms.
        const C2Allocation tree = MakeScheduler("ns3::TreeSearchC2Scheduler")->Allocate(p);
        NS_TEST_ASSERT_MSG_EQ(tree.feasible, true, "tree search allocation is feasible");
        NS_TEST_ASSERT_MSG_EQ(tree.GetServedCount(), 9, "9 users with the exact offsets");
        const C2Allocation greedy = MakeScheduler("ns3::GreedyEarlyExitC2Scheduler")->Allocate(p);
        NS_TEST_ASSERT_MSG_EQ(greedy.feasible, true, "greedy allocation is feasible");
        NS_TEST_ASSERT_MSG_EQ(greedy.GetServedCount(), 9, "the exact-offset greedy finds 9");
        // Conservative bound U_1(b) = b + 4, U_2(b) = 2 b + 8 ms: exit-2
        // users need 2 b + 8 < 20, b <= 5; exit-1 users b + 4 < 20. So b = 8
        // (the exit-1 users, U_1 = 12 ms) but not b = 9 (only the 8 exit-1
        // users have T - U > 0 at b = 9, since 2 * 9 + 8 = 26 > 20).
        const C2Allocation cons =
            MakeScheduler("ns3::GreedyEarlyExitC2Scheduler", "Conservative", true)->Allocate(p);
        NS_TEST_ASSERT_MSG_EQ(cons.feasible, true, "conservative allocation is feasible");
        NS_TEST_ASSERT_MSG_EQ(cons.GetServedCount(), 8, "the conservative bound stops at 8");
        // Without early exit, C(b) = 2 (b + 4) < 20 ms gives b = 5.
        if (HasType("ns3::ShelfPackingC2Scheduler"))
        {
            const C2Allocation sp = MakeScheduler("ns3::ShelfPackingC2Scheduler")->Allocate(p);
            NS_TEST_ASSERT_MSG_EQ(sp.GetServedCount(), 5, "batching alone serves 5");
        }
    }
};

/**
 * Frames where nobody can be served: no users; and users that each fail
 * alone (accuracy, deadline, bandwidth).
 */
class NothingToServeTestCase : public TestCase
{
  public:
    NothingToServeTestCase()
        : TestCase("Empty frame and frames where no user can be served")
    {
    }

  private:
    void DoRun() override
    {
        const double ms = 1e-3;
        const std::vector<C2Exit> exits{{0.7, 1 * ms, 4 * ms}, {0.9, 1 * ms, 4 * ms}};
        const C2Problem empty = HandProblem(1e6, exits, {}, {}, {});
        // User 0: accuracy 0.95 > a_2 = 0.9. User 1: deadline 4 ms < tau_1(1)
        // = 5 ms. User 2: 1e6 bits within at most 20 - 5 = 15 ms alone needs
        // 1e6 / (2 * 0.015) = 33 MHz > 1 MHz.
        const C2Problem none =
            HandProblem(1e6, exits, {100, 100, 1e6}, {50 * ms, 4 * ms, 20 * ms}, {0.95, 0.6, 0.6});
        for (const char* name : {"ns3::TreeSearchC2Scheduler", "ns3::GreedyEarlyExitC2Scheduler"})
        {
            for (const C2Problem* p : {&empty, &none})
            {
                const C2Allocation a = MakeScheduler(name)->Allocate(*p);
                NS_TEST_ASSERT_MSG_EQ(a.GetServedCount(), 0, name << " serves nobody");
                NS_TEST_ASSERT_MSG_EQ(a.feasible,
                                      true,
                                      name << ": the empty allocation is feasible");
            }
        }
        const C2Allocation cons =
            MakeScheduler("ns3::GreedyEarlyExitC2Scheduler", "Conservative", true)->Allocate(none);
        NS_TEST_ASSERT_MSG_EQ(cons.GetServedCount(), 0, "conservative serves nobody");
    }
};

/**
 * Seeded random small frames: the tree search equals the exhaustive search,
 * the greedy never beats it, nothing is infeasible.
 */
class RandomFramesTestCase : public TestCase
{
  public:
    RandomFramesTestCase()
        : TestCase("Random frames: TreeSearch == Exhaustive(EarlyExit), Greedy <= TreeSearch")
    {
    }

  private:
    /// Re-evaluates an allocation and checks it is consistent and feasible.
    void CheckFeasible(const C2Problem& p, const C2Allocation& a, const std::string& what)
    {
        NS_TEST_ASSERT_MSG_EQ(a.feasible, true, what << " flagged infeasible");
        const C2Evaluation ev = EvaluateC2Allocation(p, a);
        NS_TEST_ASSERT_MSG_EQ(ev.feasible,
                              true,
                              what << " infeasible: "
                                   << (ev.violations.empty() ? "" : ev.violations.front()));
        NS_TEST_ASSERT_MSG_EQ(ev.completedCount, a.GetServedCount(), what << " all tasks complete");
        for (const C2ServedTask& t : a.served)
        {
            NS_TEST_ASSERT_MSG_EQ(t.exit,
                                  p.RequiredExit(t.user),
                                  what << ": user " << t.user << " leaves at its required exit");
        }
    }

    void DoRun() override
    {
        const std::vector<ExitSet> exitSets = TestExitSets();
        const bool haveShelf = HasType("ns3::ShelfPackingC2Scheduler");
        Ptr<C2Scheduler> exhaustive =
            MakeScheduler("ns3::ExhaustiveC2Scheduler", "EarlyExit", true);
        Ptr<C2Scheduler> tree = MakeScheduler("ns3::TreeSearchC2Scheduler");
        // Without the greedy incumbent the tree search must find every
        // served user itself (the greedy is often optimal on small frames).
        Ptr<C2Scheduler> treeAlone =
            MakeScheduler("ns3::TreeSearchC2Scheduler", "GreedyIncumbent", false);
        Ptr<C2Scheduler> greedy = MakeScheduler("ns3::GreedyEarlyExitC2Scheduler");
        Ptr<C2Scheduler> cons =
            MakeScheduler("ns3::GreedyEarlyExitC2Scheduler", "Conservative", true);
        Ptr<C2Scheduler> shelf =
            haveShelf ? MakeScheduler("ns3::ShelfPackingC2Scheduler") : nullptr;

        const double bandwidths[] = {0.3e6, 1e6, 3e6};
        // Deadline ranges (s): compute binds, the default, bandwidth binds.
        const double deadlines[][2] = {{0.005, 0.040}, {0.020, 0.100}, {0.060, 0.300}};
        uint32_t frames = 0;
        uint32_t greedyShort = 0;
        uint32_t consShort = 0;
        double gapSum = 0;
        double maxGap = 0;
        uint64_t servedTotal = 0;
        uint64_t shelfTotal = 0;
        // Mixed-radix enumeration of the configurations: K (12) x DNN (4) x
        // rate model (2) x resource blocks (2) x bandwidth (3) x deadlines
        // (3) x heterogeneous tasks (2) = 3456 configurations, two frames
        // (seeds) each.
        for (uint32_t s = 0; s < 2 * 3456; ++s)
        {
            uint32_t r = s % 3456;
            const uint32_t users = 1 + r % 12;
            r /= 12;
            const ExitSet& dnn = exitSets[r % 4];
            r /= 4;
            const bool fixedPsd = r % 2;
            r /= 2;
            const bool rbs = r % 2;
            r /= 2;
            const double bandwidth = bandwidths[r % 3];
            r /= 3;
            const double* deadline = deadlines[r % 3];
            r /= 3;
            const bool heterogeneous = r % 2;

            C2ScenarioParameters params;
            params.users = users;
            params.exits = dnn.exits;
            params.fixedPsd = fixedPsd;
            params.bandwidthHz = bandwidth;
            params.resourceBlockHz = rbs ? bandwidth / 25 : 0;
            params.deadlineMinS = deadline[0];
            params.deadlineMaxS = deadline[1];
            if (heterogeneous)
            {
                // Some users ask more than the last exit gives (never served).
                params.accuracyMax = dnn.exits.back().accuracy + 0.03;
            }
            C2Problem p = C2ScenarioGenerator(params).Generate(1000 + s);
            if (heterogeneous)
            {
                // Different task sizes and powers: under fixed power the need
                // order then depends on t (the selector's general mode).
                // mt19937_64 with our own mapping to [0, 1): the same frames
                // with every standard library.
                std::mt19937_64 rng(s);
                auto u = [&rng]() { return (rng() >> 11) * 0x1.0p-53; };
                std::vector<C2User> list = p.GetUsers();
                for (C2User& user : list)
                {
                    user.bits *= 0.5 + 1.5 * u();
                    user.powerW *= 0.3 + 0.7 * u();
                }
                p.SetUsers(list);
            }
            std::ostringstream tag;
            tag << "frame " << s << " (K=" << users << ", " << dnn.name
                << (fixedPsd ? ", fixed PSD" : ", fixed power") << (rbs ? ", RBs" : "")
                << ", B=" << bandwidth << ", T in [" << deadline[0] << ", " << deadline[1] << "]"
                << (heterogeneous ? ", heterogeneous" : "") << ")";

            const C2Allocation ex = exhaustive->Allocate(p);
            const C2Allocation ts = tree->Allocate(p);
            const C2Allocation ta = treeAlone->Allocate(p);
            const C2Allocation gr = greedy->Allocate(p);
            const C2Allocation cg = cons->Allocate(p);
            CheckFeasible(p, ex, "exhaustive, " + tag.str());
            CheckFeasible(p, ts, "tree search, " + tag.str());
            CheckFeasible(p, ta, "tree search without incumbent, " + tag.str());
            CheckFeasible(p, gr, "greedy, " + tag.str());
            CheckFeasible(p, cg, "conservative greedy, " + tag.str());
            if (IsStatusFailure())
            {
                return;
            }
            NS_TEST_ASSERT_MSG_EQ(ts.GetServedCount(),
                                  ex.GetServedCount(),
                                  "tree search must equal exhaustive search, " << tag.str());
            NS_TEST_ASSERT_MSG_EQ(ta.GetServedCount(),
                                  ex.GetServedCount(),
                                  "tree search without incumbent must equal exhaustive search, "
                                      << tag.str());
            NS_TEST_ASSERT_MSG_EQ((gr.GetServedCount() <= ts.GetServedCount()),
                                  true,
                                  "greedy cannot beat the optimum, " << tag.str());
            // Stage 2 only adds to stage 1, which is the conservative result.
            NS_TEST_ASSERT_MSG_EQ((cg.GetServedCount() <= gr.GetServedCount()),
                                  true,
                                  "exact-offset greedy >= conservative greedy, " << tag.str());
            if (haveShelf)
            {
                const C2Allocation sp = shelf->Allocate(p);
                NS_TEST_ASSERT_MSG_EQ((sp.GetServedCount() <= ts.GetServedCount()),
                                      true,
                                      "batching alone cannot beat early exit, " << tag.str());
                shelfTotal += sp.GetServedCount();
            }
            ++frames;
            servedTotal += ts.GetServedCount();
            if (ts.GetServedCount() > 0)
            {
                const double gap =
                    100.0 * (ts.GetServedCount() - gr.GetServedCount()) / ts.GetServedCount();
                gapSum += gap;
                maxGap = std::max(maxGap, gap);
            }
            greedyShort += gr.GetServedCount() < ts.GetServedCount() ? 1 : 0;
            consShort += cg.GetServedCount() < ts.GetServedCount() ? 1 : 0;
        }
        // The random frames must exercise the search: most frames serve
        // someone (a generator or scheduler bug serving nobody would make
        // the comparisons above vacuous).
        NS_TEST_ASSERT_MSG_GT(servedTotal, 3 * frames, "frames serve 3+ users on average");
        std::cout << "edge-inference-c2-early-exit: " << frames << " random frames, " << servedTotal
                  << " served by TreeSearch (" << shelfTotal
                  << " by ShelfPacking); Greedy below optimum in " << greedyShort
                  << " frames, mean gap " << gapSum / frames << " %, max gap " << maxGap
                  << " %; Conservative below optimum in " << consShort << " frames" << std::endl;
    }
};

/**
 * Base of the random-frame cases that compare the exact schedulers with the
 * exhaustive searches over subsets on the same problems.
 */
class ExhaustiveComparisonTestCase : public TestCase
{
  protected:
    /// @param name the case's name
    explicit ExhaustiveComparisonTestCase(const std::string& name)
        : TestCase(name),
          m_exhaustiveEe(MakeScheduler("ns3::ExhaustiveC2Scheduler", "EarlyExit", true)),
          m_exhaustive(MakeScheduler("ns3::ExhaustiveC2Scheduler", "EarlyExit", false))
    {
    }

    /**
     * Every allocation (the exact schedulers' and the heuristics') must pass
     * EvaluateC2Allocation; TreeSearch, with and without its incumbent, must
     * serve as many users as Exhaustive(EarlyExit) and ShelfPacking as many
     * as Exhaustive without early exit; each bounded heuristic no more than
     * Exhaustive(EarlyExit).
     * @param p the problem
     * @param tag the frame's description for messages
     * @param heuristics further allocations, named
     * @param bounded whether each heuristic must stay at or below the optimum
     * @return the optimum (Exhaustive(EarlyExit)'s served count)
     */
    uint32_t Compare(const C2Problem& p,
                     const std::string& tag,
                     const std::vector<std::pair<std::string, C2Allocation>>& heuristics = {},
                     const std::vector<bool>& bounded = {})
    {
        const C2Allocation ee = m_exhaustiveEe->Allocate(p);
        const C2Allocation ex = m_exhaustive->Allocate(p);
        std::vector<std::pair<std::string, C2Allocation>> all = {
            {"exhaustive", ee},
            {"exhaustive without early exit", ex},
            {"tree search", m_tree->Allocate(p)},
            {"tree search alone", m_treeAlone->Allocate(p)},
            {"shelf packing", m_shelf->Allocate(p)}};
        const size_t exact = all.size();
        all.insert(all.end(), heuristics.begin(), heuristics.end());
        for (size_t i = 0; i < all.size(); ++i)
        {
            const auto& [name, a] = all[i];
            const C2Evaluation ev = EvaluateC2Allocation(p, a);
            NS_TEST_EXPECT_MSG_EQ(ev.feasible && a.feasible,
                                  true,
                                  name << " infeasible, " << tag << ": "
                                       << (ev.violations.empty() ? "" : ev.violations[0]));
            NS_TEST_EXPECT_MSG_EQ(ev.completedCount, a.GetServedCount(), name << ", " << tag);
            if (i < exact)
            {
                const bool batchingOnly = i == 1 || i == 4;
                NS_TEST_EXPECT_MSG_EQ(a.GetServedCount(),
                                      (batchingOnly ? ex : ee).GetServedCount(),
                                      name << " must equal its exhaustive search, " << tag);
            }
            else if (i - exact < bounded.size() && bounded[i - exact])
            {
                NS_TEST_EXPECT_MSG_EQ((a.GetServedCount() <= ee.GetServedCount()),
                                      true,
                                      name << " cannot beat the optimum, " << tag);
            }
        }
        return ee.GetServedCount();
    }

  private:
    Ptr<C2Scheduler> m_exhaustiveEe; //!< the optimum with early exits
    Ptr<C2Scheduler> m_exhaustive;   //!< the optimum of batching alone
    Ptr<C2Scheduler> m_tree{MakeScheduler("ns3::TreeSearchC2Scheduler")}; //!< exact
    /// exact, without the greedy incumbent (finds every served user itself)
    Ptr<C2Scheduler> m_treeAlone{
        MakeScheduler("ns3::TreeSearchC2Scheduler", "GreedyIncumbent", false)};
    Ptr<C2Scheduler> m_shelf{MakeScheduler("ns3::ShelfPackingC2Scheduler")}; //!< exact
};

/**
 * Rate tables (C2Problem::SetRateTable): seeded random frames in which every
 * user's rate on n blocks comes from a table, checked against the
 * exhaustive searches, which read only C2Problem::Need (the fewest blocks
 * whose rate uploads the task in time). Two kinds of table:
 *  - MCS: r(n) = n W eta(MCS(SINR(n))), SINR(n) = P g / (n W N0), with the
 *    MCS table of OfdmaRateMapping: a rate that falls when a larger n pushes
 *    the SINR below an MCS threshold. Equal task sizes and powers make the
 *    tables a dominance chain (the shelf selector's ordered mode);
 *  - random: r(n) uniform in [0, 2 n W log2(1 + SINR(n))), no structure
 *    (the general mode).
 * TreeSearch must equal Exhaustive(EarlyExit) and ShelfPacking must equal
 * Exhaustive without early exit; every allocation must pass
 * EvaluateC2Allocation (which times uploads from the same tables). Both
 * modes of the shelf selector must occur.
 */
class RateTableFramesTestCase : public ExhaustiveComparisonTestCase
{
  public:
    RateTableFramesTestCase()
        : ExhaustiveComparisonTestCase(
              "Random frames with rate tables: TreeSearch and ShelfPacking == Exhaustive")
    {
    }

  private:
    /**
     * @param p the problem (resource blocks, fixed power)
     * @param k a user
     * @param mcs MCS table rates if true, random rates otherwise
     * @param rng random numbers for the random kind
     * @return user k's table
     */
    static std::vector<double> Table(const C2Problem& p, uint32_t k, bool mcs, std::mt19937_64& rng)
    {
        const C2User& u = p.GetUsers()[k];
        const double w = p.GetResourceBlockWidth();
        std::vector<double> rates;
        for (uint32_t n = 1; n <= p.Capacity(); ++n)
        {
            const double sinr = u.powerW * u.gain / (n * w * p.GetRateModel().GetNoisePsd());
            if (mcs)
            {
                const int m = OfdmaRateMapping::SelectMcs(10 * std::log10(sinr));
                const bool decodable =
                    10 * std::log10(sinr) >= OfdmaRateMapping::GetMcsTable()[0].thresholdDb;
                rates.push_back(decodable ? OfdmaRateMapping::McsRate(m, n, w) : 0.0);
            }
            else
            {
                const double uniform = (rng() >> 11) * 0x1.0p-53;
                rates.push_back(uniform * 2 * n * w * std::log2(1 + sinr));
            }
        }
        return rates;
    }

    void DoRun() override
    {
        const std::vector<ExitSet> exitSets = TestExitSets();
        uint32_t ordered = 0;
        uint32_t general = 0;
        uint64_t served = 0;
        uint32_t frames = 0;
        // K (10) x DNN (4) x table kind (2) x equal or mixed tasks (2) x
        // bandwidth (2) = 320 configurations, two seeds each.
        for (uint32_t s = 0; s < 640; ++s)
        {
            uint32_t r = s % 320;
            const uint32_t users = 1 + r % 10;
            r /= 10;
            const ExitSet& dnn = exitSets[r % 4];
            r /= 4;
            const bool mcs = r % 2;
            r /= 2;
            const bool mixed = r % 2;
            r /= 2;
            C2ScenarioParameters params;
            params.users = users;
            params.exits = dnn.exits;
            params.bandwidthHz = r % 2 ? 1e6 : 0.3e6;
            params.resourceBlockHz = params.bandwidthHz / 25;
            C2Problem p = C2ScenarioGenerator(params).Generate(5000 + s);
            std::mt19937_64 rng(s);
            if (mixed)
            {
                std::vector<C2User> list = p.GetUsers();
                for (C2User& u : list)
                {
                    u.bits *= 0.5 + 1.5 * ((rng() >> 11) * 0x1.0p-53);
                }
                p.SetUsers(list);
            }
            for (uint32_t k = 0; k < p.GetNUsers(); ++k)
            {
                p.SetRateTable(k, Table(p, k, mcs, rng));
            }
            p.Validate();
            (C2ShelfSelector(p).IsOrdered() ? ordered : general)++;
            std::ostringstream tag;
            tag << "frame " << s << " (K=" << users << ", " << dnn.name
                << (mcs ? ", MCS tables" : ", random tables") << (mixed ? ", mixed sizes" : "")
                << ", B=" << params.bandwidthHz << ")";
            served += Compare(p, tag.str());
            ++frames;
            if (IsStatusFailure())
            {
                return;
            }
        }
        NS_TEST_ASSERT_MSG_GT(ordered, 50u, "MCS tables of equal tasks: ordered mode");
        NS_TEST_ASSERT_MSG_GT(general, 50u, "random or mixed tables: general mode");
        NS_TEST_ASSERT_MSG_GT(served, 2 * frames, "frames serve 2+ users on average");
        std::cout << "edge-inference-c2-early-exit: " << frames << " rate-table frames (" << ordered
                  << " ordered, " << general << " general), " << served
                  << " served by Exhaustive(EarlyExit)" << std::endl;
    }
};

/**
 * @return the two-user frame of the hand cases below: 2 bit/s/Hz, 1 MHz,
 *         D = 2000 bit, deadlines 8 ms, accuracy 0.5, one exit (accuracy
 *         0.9) with tau(b) = 1 ms b + 3 ms
 */
C2Problem
TwoUserFrame()
{
    const double ms = 1e-3;
    return HandProblem(1e6, {{0.9, 1 * ms, 3 * ms}}, {2000, 2000}, {8 * ms, 8 * ms}, {0.5, 0.5});
}

/**
 * Block latency tables (C2Problem::SetBlockTimes) on a frame solved by hand.
 * HandProblem gives 2 bit/s/Hz; B = 1 MHz; two users of D = 2000 bits need
 * w(t) = 1000 / t Hz each, deadlines 8 ms, one exit (accuracy 0.9) with the
 * affine fit tau(b) = 1 ms b + 3 ms.
 *  - Affine: a batch of 2 takes tau(2) = 5 ms, so both upload by 3 ms,
 *    needing 2 x 1000 / 0.003 = 667 kHz <= 1 MHz: 2 served.
 *  - Table [4 ms, 9 ms]: tau(2) = 9 ms > 8 ms; one task alone takes 4 ms and
 *    uploads by 4 ms on 250 kHz: 1 served. The affine optimum, evaluated
 *    against the table, misses both deadlines (completion 3 + 9 = 12 ms).
 * Two blocks with tables [2, 3] ms and [2, 6] ms and one task at each exit:
 * b_1 = 2, b_2 = 1, so the exits' offsets are tau_1(2) = 3 ms and
 * 3 + tau_2(1) = 5 ms.
 */
class BlockTimeTableByHandTestCase : public TestCase
{
  public:
    BlockTimeTableByHandTestCase()
        : TestCase("Block latency tables replace the affine fit (frame solved by hand)")
    {
    }

  private:
    void DoRun() override
    {
        const double ms = 1e-3;
        C2Problem p = TwoUserFrame();
        const C2Allocation affine = MakeScheduler("ns3::TreeSearchC2Scheduler")->Allocate(p);
        NS_TEST_ASSERT_MSG_EQ(affine.GetServedCount(), 2, "affine: both served");
        p.SetBlockTimes(1, {4 * ms, 9 * ms});
        NS_TEST_ASSERT_MSG_EQ(p.BlockTime(1, 0), 0, "tau(0) = 0");
        NS_TEST_ASSERT_MSG_EQ(p.BlockTime(1, 2), 9 * ms, "table entry 2");
        for (const char* name : {"ns3::TreeSearchC2Scheduler",
                                 "ns3::GreedyEarlyExitC2Scheduler",
                                 "ns3::ExhaustiveC2Scheduler",
                                 "ns3::ShelfPackingC2Scheduler"})
        {
            const C2Allocation a = MakeScheduler(name)->Allocate(p);
            NS_TEST_ASSERT_MSG_EQ(a.GetServedCount(), 1, name << ": one served with the table");
            NS_TEST_ASSERT_MSG_EQ(EvaluateC2Allocation(p, a).feasible, true, name);
        }
        const C2Evaluation late = EvaluateC2Allocation(p, affine);
        NS_TEST_ASSERT_MSG_EQ(late.feasible, false, "the affine plan is late under the table");
        NS_TEST_ASSERT_MSG_EQ(late.completedCount, 0, "both tasks complete at 12 ms > 8 ms");
        std::string error;
        try
        {
            p.BlockTime(1, 3);
        }
        catch (const EdgeInferenceError& e)
        {
            error = e.what();
        }
        NS_TEST_ASSERT_MSG_EQ(error,
                              "C2Problem: block 1 has latencies for batches up to 2, asked for 3",
                              "past the table's end");
        p.SetBlockTimes(1, {});
        NS_TEST_ASSERT_MSG_EQ(p.BlockTime(1, 2), 5 * ms, "an empty table restores the fit");

        C2Problem q = HandProblem(1e6,
                                  {{0.6, 1 * ms, 1 * ms}, {0.9, 1 * ms, 1 * ms}},
                                  {1, 1},
                                  {1, 1},
                                  {0, 0});
        q.SetBlockTimes(1, {2 * ms, 3 * ms});
        q.SetBlockTimes(2, {2 * ms, 6 * ms});
        const std::vector<double> offsets = q.ExitOffsets({1, 1});
        NS_TEST_ASSERT_MSG_EQ(offsets.size(), 2, "two offsets");
        NS_TEST_ASSERT_MSG_EQ_TOL(offsets.at(0), 3 * ms, 1e-15, "tau_1(2)");
        NS_TEST_ASSERT_MSG_EQ_TOL(offsets.at(1), 5 * ms, 1e-15, "tau_1(2) + tau_2(1)");

        // A measured table that dips: tau(1, 2, 3) = 3, 2, 4 ms (block 2.5,
        // 1.5, 3.5 ms plus a 0.5 ms head); its upper envelope is 3, 3, 4 ms.
        EarlyExitProfile dip;
        dip.SetName("dip");
        dip.SetTable({0.9},
                     {1, 2, 3},
                     {{{2.5 * ms, 2.5 * ms, 2.5 * ms},
                       {1.5 * ms, 1.5 * ms, 1.5 * ms},
                       {3.5 * ms, 3.5 * ms, 3.5 * ms}}},
                     {std::vector<LatencyStats>(3, {0.5 * ms, 0.5 * ms, 0.5 * ms})});
        C2Problem e = HandProblem(1e6, {{0.9, 1 * ms, 1 * ms}}, {1}, {1}, {0});
        e.SetBlockTimesFromProfileEnvelope(dip, 3);
        const std::vector<double>& envelope = e.GetBlockTimes(1);
        NS_TEST_ASSERT_MSG_EQ(envelope.size(), 3, "batches 1..3");
        NS_TEST_ASSERT_MSG_EQ_TOL(envelope.at(0), 3 * ms, 1e-15, "E(1) = tau(1)");
        NS_TEST_ASSERT_MSG_EQ_TOL(envelope.at(1), 3 * ms, 1e-15, "E(2) = max(3, 2) ms");
        NS_TEST_ASSERT_MSG_EQ_TOL(envelope.at(2), 4 * ms, 1e-15, "E(3) = 4 ms");
    }
};

/**
 * Random frames whose blocks have random non-decreasing latency tables of
 * exactly K entries (C2Problem::SetBlockTimes), of three shapes: staircases
 * (a GPU that runs batches in waves of s), random walks with plateaus, and
 * concave curves. Nothing affine is left for a scheduler to rely on; the
 * exact schedulers must still equal the exhaustive searches (which only
 * evaluate C2Problem::BlockTime on each subset), the batch heuristics must
 * not beat them (Sequential runs tasks one at a time, which a steep table
 * can favour, so it is only checked for feasibility), and every allocation
 * must pass EvaluateC2Allocation.
 */
class BlockTimeTableFramesTestCase : public ExhaustiveComparisonTestCase
{
  public:
    BlockTimeTableFramesTestCase()
        : ExhaustiveComparisonTestCase(
              "Random frames with block latency tables: exact schedulers == Exhaustive")
    {
    }

    /**
     * @param shape 0 staircase, 1 random walk with plateaus, 2 concave
     * @param length entries (batch sizes 1..length)
     * @param rng random numbers
     * @return a positive non-decreasing table (s)
     */
    static std::vector<double> RandomTable(uint32_t shape, uint32_t length, std::mt19937_64& rng)
    {
        auto u = [&rng]() { return (rng() >> 11) * 0x1.0p-53; };
        const double first = (0.5 + 2.5 * u()) * 1e-3;
        const uint32_t wave = 1u << (1 + rng() % 3); // 2, 4 or 8
        const double growth = u();
        std::vector<double> table{first};
        for (uint32_t b = 2; b <= length; ++b)
        {
            double next = table.back();
            if (shape == 0)
            {
                next = first * (1 + 0.7 * ((b - 1) / wave));
            }
            else if (shape == 1)
            {
                next += u() < 0.4 ? 0.0 : 1.5e-3 * u();
            }
            else
            {
                next = first * (1 + growth * std::sqrt(b - 1.0));
            }
            table.push_back(next);
        }
        return table;
    }

  private:
    void DoRun() override
    {
        const std::vector<ExitSet> exitSets = TestExitSets();
        Ptr<C2Scheduler> greedy = MakeScheduler("ns3::GreedyEarlyExitC2Scheduler");
        Ptr<C2Scheduler> others[] = {MakeScheduler("ns3::SequentialC2Scheduler"),
                                     MakeScheduler("ns3::EqualBandwidthC2Scheduler")};
        const double bandwidths[] = {0.3e6, 1e6, 3e6};
        const double deadlines[][2] = {{0.005, 0.040}, {0.020, 0.100}};
        uint64_t served = 0;
        uint64_t greedyServed = 0;
        uint32_t frames = 0;
        // K (10) x DNN (4) x shape (3) x bandwidth (3) x deadlines (2) x
        // resource blocks (2) = 1440 configurations, one seed each.
        for (uint32_t s = 0; s < 1440; ++s)
        {
            uint32_t r = s;
            C2ScenarioParameters params;
            params.users = 1 + r % 10;
            r /= 10;
            const ExitSet& dnn = exitSets[r % 4];
            params.exits = dnn.exits;
            r /= 4;
            const uint32_t shape = r % 3;
            r /= 3;
            params.bandwidthHz = bandwidths[r % 3];
            r /= 3;
            params.deadlineMinS = deadlines[r % 2][0];
            params.deadlineMaxS = deadlines[r % 2][1];
            r /= 2;
            params.resourceBlockHz = r % 2 ? params.bandwidthHz / 25 : 0;
            C2Problem p = C2ScenarioGenerator(params).Generate(9000 + s);
            std::mt19937_64 rng(s);
            for (uint32_t n = 1; n <= p.GetNExits(); ++n)
            {
                p.SetBlockTimes(n, RandomTable(shape, params.users, rng));
            }
            p.Validate();
            std::ostringstream tag;
            tag << "frame " << s << " (K=" << params.users << ", " << dnn.name << ", shape "
                << shape << ", B=" << params.bandwidthHz << ", T from " << params.deadlineMinS
                << (params.resourceBlockHz > 0 ? ", RBs" : "") << ")";
            const C2Allocation gr = greedy->Allocate(p);
            // Sequential runs one task at a time, not a batch: not bounded.
            served += Compare(p,
                              tag.str(),
                              {{"greedy", gr},
                               {"sequential", others[0]->Allocate(p)},
                               {"equal bandwidth", others[1]->Allocate(p)}},
                              {true, false, true});
            greedyServed += gr.GetServedCount();
            ++frames;
            if (IsStatusFailure())
            {
                return;
            }
        }
        NS_TEST_ASSERT_MSG_GT(served, 2 * frames, "frames serve 2+ users on average");
        std::cout << "edge-inference-c2-early-exit: " << frames << " block-table frames, " << served
                  << " served by Exhaustive(EarlyExit), " << greedyServed << " by Greedy"
                  << std::endl;
    }
};

/**
 * A busy server (C2Problem::SetServerFreeS) on the two-user frame of
 * BlockTimeTableByHandTestCase (2 bit/s/Hz, 1 MHz, D = 2000 bit, deadlines
 * 8 ms, one exit with tau(b) = 1 ms b + 3 ms):
 *  - free at 3 ms: a batch of 2 starts at 3 ms and ends at 3 + 5 = 8 ms,
 *    uploads by 3 ms need 2 x 1000 / 0.003 = 667 kHz: 2 served (also by
 *    EqualBandwidth: 500 kHz each, uploads end at 2 ms, start 3 ms);
 *    Sequential runs 3-7 ms and 7-11 ms: 1 served;
 *  - free at 4 ms: a batch of 2 would end at 9 ms; one task runs 4-8 ms:
 *    1 served;
 *  - free at 4.5 ms: alone, 4.5 + 4 = 8.5 ms: nobody.
 * Every batch starts at the free time (Sequential uploads until its own
 * shelf, 4 ms, and starts then), and a negative free time is refused naming
 * the field.
 */
class ServerFreeByHandTestCase : public TestCase
{
  public:
    ServerFreeByHandTestCase()
        : TestCase("A busy server: batches start at its free time (frame solved by hand)")
    {
    }

  private:
    void DoRun() override
    {
        const double ms = 1e-3;
        C2Problem p = TwoUserFrame();
        const std::vector<std::pair<double, std::map<std::string, uint32_t>>> cases = {
            {3 * ms,
             {{"ns3::TreeSearchC2Scheduler", 2},
              {"ns3::GreedyEarlyExitC2Scheduler", 2},
              {"ns3::ExhaustiveC2Scheduler", 2},
              {"ns3::ShelfPackingC2Scheduler", 2},
              {"ns3::EqualBandwidthC2Scheduler", 2},
              {"ns3::SequentialC2Scheduler", 1}}},
            {4 * ms,
             {{"ns3::TreeSearchC2Scheduler", 1},
              {"ns3::GreedyEarlyExitC2Scheduler", 1},
              {"ns3::ExhaustiveC2Scheduler", 1},
              {"ns3::ShelfPackingC2Scheduler", 1},
              {"ns3::EqualBandwidthC2Scheduler", 1},
              {"ns3::SequentialC2Scheduler", 1}}},
            {4.5 * ms,
             {{"ns3::TreeSearchC2Scheduler", 0},
              {"ns3::GreedyEarlyExitC2Scheduler", 0},
              {"ns3::ExhaustiveC2Scheduler", 0},
              {"ns3::ShelfPackingC2Scheduler", 0},
              {"ns3::EqualBandwidthC2Scheduler", 0},
              {"ns3::SequentialC2Scheduler", 0}}},
        };
        for (const auto& [freeS, expected] : cases)
        {
            p.SetServerFreeS(freeS);
            for (const auto& [name, served] : expected)
            {
                const C2Allocation a = MakeScheduler(name)->Allocate(p);
                NS_TEST_EXPECT_MSG_EQ(a.feasible, true, name << ", free at " << freeS);
                NS_TEST_EXPECT_MSG_EQ(a.GetServedCount(), served, name << ", free at " << freeS);
                // The batch starts when the server is free: its shelf is
                // the binding deadline minus the offset, 3 ms or 4 ms.
                // Sequential uploads until its own shelf, 8 - 4 = 4 ms.
                const double start = name == "ns3::SequentialC2Scheduler" ? 4 * ms : freeS;
                if (!a.served.empty())
                {
                    NS_TEST_EXPECT_MSG_EQ_TOL(a.served.front().computeStartS,
                                              start,
                                              1e-15,
                                              name << ", free at " << freeS << ": start");
                }
            }
        }
        const C2OneBatchResult both = MakeOneBatchAllocation(p, {{0, 1}, {1, 1}});
        NS_TEST_EXPECT_MSG_EQ(both.reason,
                              "user 0 needs the batch to start by 0.003 s, before the server is "
                              "free at 0.0045 s",
                              "why the pair cannot be served");
        p.SetServerFreeS(-1);
        std::string error;
        try
        {
            p.Validate();
        }
        catch (const EdgeInferenceError& e)
        {
            error = e.what();
        }
        NS_TEST_EXPECT_MSG_EQ(error,
                              "C2Problem: server_free_s must be a non-negative number of s, got -1",
                              "negative free time");
    }
};

/**
 * Random frames with a busy server: the server is free at a random time
 * s0 in [0, 0.7 T_max) (0 in a quarter of the frames). The exact schedulers
 * must equal the exhaustive searches, which only test CanStartAt on each
 * subset's shelf; every allocation must pass EvaluateC2Allocation, which
 * starts the computation at the free time; and s0 must change the optimum
 * in many frames (else the comparison would not exercise it).
 */
class ServerFreeFramesTestCase : public ExhaustiveComparisonTestCase
{
  public:
    ServerFreeFramesTestCase()
        : ExhaustiveComparisonTestCase(
              "Random frames with a busy server: exact schedulers == Exhaustive")
    {
    }

  private:
    void DoRun() override
    {
        const std::vector<ExitSet> exitSets = TestExitSets();
        Ptr<C2Scheduler> exhaustive =
            MakeScheduler("ns3::ExhaustiveC2Scheduler", "EarlyExit", true);
        Ptr<C2Scheduler> greedy = MakeScheduler("ns3::GreedyEarlyExitC2Scheduler");
        Ptr<C2Scheduler> cons =
            MakeScheduler("ns3::GreedyEarlyExitC2Scheduler", "Conservative", true);
        Ptr<C2Scheduler> sequential = MakeScheduler("ns3::SequentialC2Scheduler");
        Ptr<C2Scheduler> equal = MakeScheduler("ns3::EqualBandwidthC2Scheduler");
        const double bandwidths[] = {0.3e6, 1e6, 3e6};
        const double deadlines[][2] = {{0.005, 0.040}, {0.020, 0.100}};
        uint64_t served = 0;
        uint32_t changed = 0;
        uint32_t frames = 0;
        // K (10) x DNN (4) x bandwidth (3) x deadlines (2) x resource
        // blocks (2) = 480 configurations, three seeds each.
        for (uint32_t s = 0; s < 1440; ++s)
        {
            uint32_t r = s % 480;
            C2ScenarioParameters params;
            params.users = 1 + r % 10;
            r /= 10;
            const ExitSet& dnn = exitSets[r % 4];
            params.exits.assign(dnn.exits.begin(), dnn.exits.end());
            r /= 4;
            params.bandwidthHz = bandwidths[r % 3];
            r /= 3;
            params.deadlineMinS = deadlines[r % 2][0];
            params.deadlineMaxS = deadlines[r % 2][1];
            r /= 2;
            params.resourceBlockHz = r % 2 ? params.bandwidthHz / 25 : 0;
            C2Problem p = C2ScenarioGenerator(params).Generate(20000 + s);
            const uint32_t freeBefore = exhaustive->Allocate(p).GetServedCount();
            std::mt19937_64 rng(s);
            const double u = (rng() >> 11) * 0x1.0p-53;
            const double freeS = s % 4 == 0 ? 0.0 : u * 0.7 * params.deadlineMaxS;
            p.SetServerFreeS(freeS);
            std::ostringstream tag;
            tag << "frame " << s << " (K=" << params.users << ", " << dnn.name
                << ", B=" << params.bandwidthHz << ", T from " << params.deadlineMinS
                << (params.resourceBlockHz > 0 ? ", RBs" : "") << ", free at " << freeS << ")";
            const uint32_t optimum = Compare(p,
                                             tag.str(),
                                             {{"greedy", greedy->Allocate(p)},
                                              {"conservative greedy", cons->Allocate(p)},
                                              {"sequential", sequential->Allocate(p)},
                                              {"equal bandwidth", equal->Allocate(p)}},
                                             {true, true, false, true});
            served += optimum;
            changed += optimum != freeBefore ? 1 : 0;
            ++frames;
            if (IsStatusFailure())
            {
                return;
            }
        }
        NS_TEST_EXPECT_MSG_GT(changed, frames / 4, "the busy server changes many optima");
        NS_TEST_EXPECT_MSG_GT(served, frames, "frames serve 1+ users on average");
        std::cout << "edge-inference-c2-early-exit: " << frames << " busy-server frames, " << served
                  << " served by Exhaustive(EarlyExit), optimum changed by the "
                  << "busy server in " << changed << std::endl;
    }
};

/**
 * MaxNodes: the search stops early and still returns a feasible allocation
 * no larger than the optimum and no smaller than the greedy's.
 */
class MaxNodesTestCase : public TestCase
{
  public:
    MaxNodesTestCase()
        : TestCase("MaxNodes limit returns a feasible, possibly sub-optimal allocation")
    {
    }

  private:
    void DoRun() override
    {
        C2ScenarioParameters params;
        params.users = 60;
        params.exits = TestExitSets()[0].exits;
        const C2Problem p = C2ScenarioGenerator(params).Generate(7);
        Ptr<C2Scheduler> limited = MakeScheduler("ns3::TreeSearchC2Scheduler");
        limited->SetAttribute("MaxNodes", UintegerValue(1));
        const C2Allocation a = limited->Allocate(p);
        const C2Allocation opt = MakeScheduler("ns3::TreeSearchC2Scheduler")->Allocate(p);
        const C2Allocation gr = MakeScheduler("ns3::GreedyEarlyExitC2Scheduler")->Allocate(p);
        NS_TEST_ASSERT_MSG_EQ(a.feasible, true, "limited search is feasible");
        NS_TEST_ASSERT_MSG_EQ(a.stats.nodes, 1, "exactly one node (the first root) visited");
        NS_TEST_ASSERT_MSG_EQ((a.GetServedCount() >= gr.GetServedCount()), true, ">= greedy");
        NS_TEST_ASSERT_MSG_EQ((a.GetServedCount() <= opt.GetServedCount()), true, "<= optimum");
        NS_TEST_ASSERT_MSG_GT(opt.stats.nodes, 1, "the full search needs more than one node");
    }
};

/// The early-exit schedulers' TestSuite.
class C2EarlyExitSchedulerTestSuite : public TestSuite
{
  public:
    C2EarlyExitSchedulerTestSuite()
        : TestSuite("edge-inference-c2-early-exit", Type::UNIT)
    {
        AddTestCase(new EarlyExitBeatsShelfPackingTestCase);
        AddTestCase(new BandwidthBindsTestCase);
        AddTestCase(new ComputeBindsTestCase);
        AddTestCase(new NothingToServeTestCase);
        AddTestCase(new RandomFramesTestCase);
        AddTestCase(new RateTableFramesTestCase);
        AddTestCase(new BlockTimeTableByHandTestCase);
        AddTestCase(new BlockTimeTableFramesTestCase);
        AddTestCase(new ServerFreeByHandTestCase);
        AddTestCase(new ServerFreeFramesTestCase);
        AddTestCase(new MaxNodesTestCase);
    }
};

/// Static instance.
static C2EarlyExitSchedulerTestSuite g_c2EarlyExitSchedulerTestSuite;

} // namespace
