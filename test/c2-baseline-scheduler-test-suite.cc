/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Tests of the reference and baseline C2 schedulers (manual: *Model Description*):
 * ExhaustiveC2Scheduler, ShelfPackingC2Scheduler, SequentialC2Scheduler and
 * EqualBandwidthC2Scheduler, and of EvaluateC2Allocation, the single source
 * of truth for feasibility. Expected values come from hand calculations
 * (written out in comments) and from naive brute-force searches written
 * here, independently of the schedulers' code.
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

#include <algorithm>
#include <cmath>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// A scheduler by TypeId name, with its EarlyExit attribute if it has one.
Ptr<C2Scheduler>
MakeScheduler(const std::string& typeName, bool earlyExit, bool hasEarlyExit = true)
{
    return hasEarlyExit ? c2test::MakeScheduler(typeName, "EarlyExit", earlyExit)
                        : c2test::MakeScheduler(typeName);
}

using c2test::HandProblem;
using c2test::ServedUsers;

/// The first violation, or "" (checks continue after a failed assertion).
std::string
FirstViolation(const C2Evaluation& ev)
{
    return ev.violations.empty() ? std::string() : ev.violations.front();
}

/// Result of a naive search: best size and one best set.
struct BruteResult
{
    uint32_t size{0};          //!< largest feasible size
    std::vector<uint32_t> set; //!< the best set (see each function)
    double need{0};            //!< its total need
};

/**
 * Naive batch optimum: all 2^K subsets; exits m_k (early exit) or N; offsets
 * from the per-exit counts; t* = min (T_k - Phi_k); feasible iff t* > 0 and
 * the needs at t* fit. Best = largest, then smallest total need (summed in
 * index order), then lexicographically smallest (first in increasing mask
 * order among sets of equal size is not lexicographic, so compare).
 */
BruteResult
BruteBatch(const C2Problem& p, bool earlyExit)
{
    const uint32_t K = p.GetNUsers();
    const uint32_t N = p.GetNExits();
    BruteResult best;
    best.need = std::numeric_limits<double>::infinity();
    for (uint32_t mask = 0; mask < (1u << K); ++mask)
    {
        std::vector<uint32_t> set;
        std::vector<uint32_t> counts(N, 0);
        bool ok = true;
        for (uint32_t k = 0; k < K && ok; ++k)
        {
            if (mask & (1u << k))
            {
                const uint32_t m = p.RequiredExit(k);
                ok = m != 0;
                set.push_back(k);
                if (ok)
                {
                    counts[(earlyExit ? m : N) - 1]++;
                }
            }
        }
        if (!ok || set.size() < best.size)
        {
            continue;
        }
        double need = 0;
        if (!set.empty())
        {
            const std::vector<double> off = p.ExitOffsets(counts);
            double t = std::numeric_limits<double>::infinity();
            for (uint32_t k : set)
            {
                t = std::min(t,
                             p.GetUsers()[k].deadlineS -
                                 off[(earlyExit ? p.RequiredExit(k) : N) - 1]);
            }
            if (!(t > 0))
            {
                continue;
            }
            for (uint32_t k : set)
            {
                need += p.Need(k, t);
            }
            if (!(need <= p.Capacity()))
            {
                continue;
            }
        }
        if (set.size() > best.size || need < best.need || (need == best.need && set < best.set))
        {
            best.size = set.size();
            best.set = set;
            best.need = need;
        }
    }
    return best;
}

/// Time of a task alone through blocks 1..exit (batch 1).
double
AloneTime(const C2Problem& p, uint32_t exit)
{
    double t = 0;
    for (uint32_t n = 1; n <= exit; ++n)
    {
        t += p.BlockTime(n, 1);
    }
    return t;
}

/**
 * Naive sequential optimum: all subsets; tasks alone (C(1), or blocks
 * 1..m_k with early exit) in EDF order (ties: shorter, then smaller index);
 * t* = min_i (T_(i) - sum_{l<=i} p_(l)); feasible iff t* > 0 and the needs at
 * t* fit. Returns the largest feasible size.
 */
uint32_t
BruteSequential(const C2Problem& p, bool earlyExit)
{
    const uint32_t K = p.GetNUsers();
    const uint32_t N = p.GetNExits();
    uint32_t best = 0;
    for (uint32_t mask = 1; mask < (1u << K); ++mask)
    {
        std::vector<std::pair<std::pair<double, double>, uint32_t>> jobs; // ((T, p), k)
        bool ok = true;
        for (uint32_t k = 0; k < K && ok; ++k)
        {
            if (mask & (1u << k))
            {
                const uint32_t m = p.RequiredExit(k);
                ok = m != 0;
                if (ok)
                {
                    jobs.push_back(
                        {{p.GetUsers()[k].deadlineS, AloneTime(p, earlyExit ? m : N)}, k});
                }
            }
        }
        if (!ok || jobs.size() <= best)
        {
            continue;
        }
        std::sort(jobs.begin(), jobs.end());
        double t = std::numeric_limits<double>::infinity();
        double sum = 0;
        for (const auto& j : jobs)
        {
            sum += j.first.second;
            t = std::min(t, j.first.first - sum);
        }
        if (!(t > 0))
        {
            continue;
        }
        double need = 0;
        for (const auto& j : jobs)
        {
            need += p.Need(j.second, t);
        }
        if (need <= p.Capacity())
        {
            best = jobs.size();
        }
    }
    return best;
}

/**
 * Naive equal-split optimum: all subsets S; each user gets Capacity() / |S|
 * units (whole blocks: the floor); the batch starts at the latest upload
 * end; task k completes at start + Phi_k(S) (exits m_k or N, exact
 * offsets); feasible iff every task meets its deadline. Returns the
 * largest feasible size.
 */
uint32_t
BruteEqualSplit(const C2Problem& p, bool earlyExit)
{
    const uint32_t K = p.GetNUsers();
    const uint32_t N = p.GetNExits();
    uint32_t best = 0;
    for (uint32_t mask = 1; mask < (1u << K); ++mask)
    {
        std::vector<uint32_t> set;
        std::vector<uint32_t> exits;
        std::vector<uint32_t> counts(N, 0);
        bool ok = true;
        for (uint32_t k = 0; k < K && ok; ++k)
        {
            if (mask & (1u << k))
            {
                const uint32_t m = p.RequiredExit(k);
                ok = m != 0;
                set.push_back(k);
                exits.push_back(earlyExit ? m : N);
                if (ok)
                {
                    counts[exits.back() - 1]++;
                }
            }
        }
        if (!ok || set.size() <= best)
        {
            continue;
        }
        double units = p.Capacity() / set.size();
        if (p.UsesResourceBlocks())
        {
            units = std::floor(units);
        }
        if (!(units > 0))
        {
            continue;
        }
        double start = 0;
        for (uint32_t k : set)
        {
            const C2User& u = p.GetUsers()[k];
            start =
                std::max(start,
                         p.GetRateModel().UploadTime(u.bits, p.UnitsToHz(units), u.powerW, u.gain));
        }
        const std::vector<double> off = p.ExitOffsets(counts);
        bool meets = true;
        for (size_t i = 0; i < set.size(); ++i)
        {
            meets = meets && start <= p.GetUsers()[set[i]].deadlineS - off[exits[i] - 1];
        }
        if (meets)
        {
            best = set.size();
        }
    }
    return best;
}

/// Parameters of the default scenario's DNN (data/profiles/paper-default.csv).
std::vector<C2Exit>
DefaultExits(double timeScale)
{
    const double acc[] = {0.60, 0.72, 0.81, 0.87, 0.90};
    const double alphaMs[] = {0.20, 0.18, 0.15, 0.12, 0.10};
    const double betaMs[] = {1.5, 1.8, 2.0, 2.2, 2.5};
    std::vector<C2Exit> exits;
    for (int n = 0; n < 5; ++n)
    {
        exits.push_back({acc[n], alphaMs[n] * 1e-3 * timeScale, betaMs[n] * 1e-3 * timeScale});
    }
    return exits;
}

/**
 * Random instance number i of a family that varies K (1..12), the
 * bandwidth (tight to loose), the rate model, resource blocks, the deadline
 * range, the DNN's speed, the cell radius, the transmit power and (in a
 * quarter of the instances) the task sizes, so that bandwidth binds in some
 * instances and computation in others.
 */
C2Problem
RandomInstance(uint32_t i, uint64_t seedBase)
{
    C2ScenarioParameters sp;
    sp.users = 1 + (i * 7) % 12;
    const double bw[] = {0.1e6, 0.25e6, 0.5e6, 1e6, 4e6};
    sp.bandwidthHz = bw[(i / 3) % 5];
    sp.fixedPsd = (i % 2) == 1;
    sp.resourceBlockHz = ((i / 5) % 3 == 0) ? 180e3 : 0;
    if (sp.resourceBlockHz > sp.bandwidthHz)
    {
        sp.resourceBlockHz = sp.bandwidthHz / 4;
    }
    const double dmin[] = {0.020, 0.010, 0.030};
    const double dmax[] = {0.100, 0.040, 0.060};
    sp.deadlineMinS = dmin[(i / 7) % 3];
    sp.deadlineMaxS = dmax[(i / 7) % 3];
    sp.exits = DefaultExits((i / 11) % 2 == 0 ? 1.0 : 3.0);
    // Larger cells and lower power reach the low-SNR regime, where needs
    // depend strongly on the channel (at high SNR only logarithmically), so
    // that choosing the users matters and not only dropping late deadlines.
    const double radiusM[] = {200, 500, 1000};
    sp.cellRadiusM = radiusM[(i / 17) % 3];
    sp.powerDbm = ((i / 17) % 3 == 2) ? 10 : 23;
    // Some instances with requirements beyond a_N (never served).
    sp.accuracyMax = (i % 13 == 0) ? 0.95 : -1;
    C2Problem p = C2ScenarioGenerator(sp).Generate(seedBase + i);
    if (i % 4 == 3)
    {
        // Unequal task sizes (x 1/4 .. x 4): with fixed power, the order of
        // the users' needs then changes with t (with equal sizes it is the
        // order of the gains for every t).
        std::vector<C2User> users = p.GetUsers();
        for (size_t k = 0; k < users.size(); ++k)
        {
            users[k].bits *= std::pow(2.0, -2.0 + 4.0 * ((k * 37 + i * 11) % 17) / 16.0);
        }
        p.SetUsers(users);
    }
    return p;
}

/// The schedulers of this suite, as (TypeId name, EarlyExit).
const std::vector<std::pair<std::string, bool>> kSchedulers = {
    {"ns3::ExhaustiveC2Scheduler", false},
    {"ns3::ExhaustiveC2Scheduler", true},
    {"ns3::ShelfPackingC2Scheduler", false},
    {"ns3::SequentialC2Scheduler", false},
    {"ns3::SequentialC2Scheduler", true},
    {"ns3::EqualBandwidthC2Scheduler", false},
    {"ns3::EqualBandwidthC2Scheduler", true},
};

/// Allocate with a scheduler of kSchedulers (ShelfPacking has no EarlyExit).
C2Allocation
RunScheduler(const std::string& name, bool earlyExit, const C2Problem& p)
{
    return MakeScheduler(name, earlyExit, name != "ns3::ShelfPackingC2Scheduler")->Allocate(p);
}

/**
 * Hand-built instances with answers derived in the comments.
 */
class HandInstancesTestCase : public TestCase
{
  public:
    HandInstancesTestCase()
        : TestCase("Schedulers on hand-built instances with known answers")
    {
    }

  private:
    void DoRun() override
    {
        BandwidthBinds();
        BandwidthBindsResourceBlocks();
        ComputeBinds();
        EarlyExitHelps();
        NeedOrderChanges();
        EmptyInfeasibleInaccurate();
    }

    /**
     * Checks that a scheduler serves exactly 'expected' (sorted user
     * indices) with a feasible allocation.
     */
    void Expect(const C2Problem& p,
                const std::string& name,
                bool ee,
                const std::vector<uint32_t>& expected,
                const std::string& why)
    {
        const C2Allocation a = RunScheduler(name, ee, p);
        NS_TEST_ASSERT_MSG_EQ(a.feasible, true, name << " ee " << ee << " feasible: " << why);
        NS_TEST_ASSERT_MSG_EQ(a.GetServedCount(),
                              expected.size(),
                              name << " ee " << ee << " count: " << why);
        NS_TEST_ASSERT_MSG_EQ((ServedUsers(a) == expected),
                              true,
                              name << " ee " << ee << " users: " << why);
    }

    /**
     * One exit, tau(b) = 10 ms for every b (alpha 0): C(b) = 10 ms. Four
     * users, deadlines 60 ms, D = 20, 29, 40, 50 kbit, B = 1 MHz (no value
     * sits exactly on a boundary, so rounding cannot flip an answer).
     * Batch: t* = 60 - 10 = 50 ms, w = D / (2 * 0.05) = 10 D Hz: 200, 290,
     * 400, 500 kHz; all four need 1.39 MHz; the 3-sets within 1 MHz are
     * {0, 1, 2} (890 kHz) and {0, 1, 3} (990 kHz): 3 served, the smaller
     * total need {0, 1, 2}.
     * Sequential (10 ms per task): two tasks give t* = 60 - 20 = 40 ms and
     * {0, 1} needs 250 + 362.5 kHz; three give t* = 30 ms and the three
     * smallest need 333 + 483 + 667 kHz > 1 MHz: 2 served.
     * Equal split: b = 3 gives 333 kHz (667 kbit/s) each, uploads 3 D / 2e6
     * s = 30, 43.5, 60, 75 ms, and only two users upload by 60 - 10 = 50 ms;
     * b = 2 gives 500 kHz, uploads 20, 29, 40, 50 ms: 2 served, found at the
     * second upload end (29 ms), the smallest indices {0, 1}.
     * The single exit is exit N, so early exit changes nothing.
     */
    void BandwidthBinds()
    {
        const C2Problem p = HandProblem(1e6,
                                        {{0.9, 0.0, 0.010}},
                                        {20e3, 29e3, 40e3, 50e3},
                                        {0.060, 0.060, 0.060, 0.060},
                                        {0.5, 0.5, 0.5, 0.5});
        for (bool ee : {false, true})
        {
            Expect(p, "ns3::ExhaustiveC2Scheduler", ee, {0, 1, 2}, "bandwidth binds");
            Expect(p, "ns3::SequentialC2Scheduler", ee, {0, 1}, "bandwidth binds");
            Expect(p, "ns3::EqualBandwidthC2Scheduler", ee, {0, 1}, "bandwidth binds");
        }
        Expect(p, "ns3::ShelfPackingC2Scheduler", false, {0, 1, 2}, "bandwidth binds");
        const C2Allocation a = RunScheduler("ns3::ExhaustiveC2Scheduler", false, p);
        NS_TEST_ASSERT_MSG_EQ_TOL(a.uploadDeadlineS, 0.050, 1e-12, "t* = 60 - 10 ms");
        NS_TEST_ASSERT_MSG_EQ(a.served.size(), 3u, "served count");
        if (a.served.size() != 3u)
        {
            return; // the runner continues after a failure: do not index
        }
        NS_TEST_ASSERT_MSG_EQ_TOL(a.served[0].bandwidthHz, 200e3, 1e-3, "w = D / (2 t)");
        NS_TEST_ASSERT_MSG_EQ_TOL(a.served[2].completionS, 0.060, 1e-12, "50 + 10 ms");
        const C2Allocation s = RunScheduler("ns3::SequentialC2Scheduler", false, p);
        NS_TEST_ASSERT_MSG_EQ(s.execution, C2Allocation::SEQUENTIAL, "no batching");
        NS_TEST_ASSERT_MSG_EQ_TOL(s.uploadDeadlineS, 0.040, 1e-12, "t* = 60 - 2 * 10 ms");
        NS_TEST_ASSERT_MSG_EQ(s.served.size(), 2u, "served count");
        if (s.served.size() != 2u)
        {
            return; // the runner continues after a failure: do not index
        }
        NS_TEST_ASSERT_MSG_EQ_TOL(s.served[1].completionS, 0.060, 1e-12, "40 + 10 + 10 ms");
        const C2Allocation e = RunScheduler("ns3::EqualBandwidthC2Scheduler", false, p);
        NS_TEST_ASSERT_MSG_EQ(e.served.size(), 2u, "served count");
        if (e.served.size() != 2u)
        {
            return; // the runner continues after a failure: do not index
        }
        NS_TEST_ASSERT_MSG_EQ_TOL(e.served[0].bandwidthHz, 500e3, 1e-6, "B / 2");
        NS_TEST_ASSERT_MSG_EQ_TOL(e.uploadDeadlineS, 0.029, 1e-12, "29 kbit at 1 Mbit/s");
        NS_TEST_ASSERT_MSG_EQ_TOL(e.served[1].completionS, 0.039, 1e-12, "29 + 10 ms");
    }

    /**
     * The previous instance with 300 kHz resource blocks: 3 whole blocks in
     * 1 MHz. Batch at t* = 50 ms: 200 and 290 kHz take 1 block each, 400 and
     * 500 kHz 2 each; {0, 1} takes 2 blocks, any three at least 4: 2 served.
     * Sequential, two tasks at t* = 40 ms: 250 kHz -> 1 block, 362.5 kHz -> 2
     * blocks, 3 in all (at 30 ms: 2 + 2 blocks): 2 served. Equal split:
     * b = 2 and b = 3 both give 1 block (300 kHz, 600 kbit/s) each, uploads
     * 33.3, 48.3, 66.7, 83.3 ms and two users upload by 50 ms: 2 served.
     */
    void BandwidthBindsResourceBlocks()
    {
        C2Problem p = HandProblem(1e6,
                                  {{0.9, 0.0, 0.010}},
                                  {20e3, 29e3, 40e3, 50e3},
                                  {0.060, 0.060, 0.060, 0.060},
                                  {0.5, 0.5, 0.5, 0.5});
        p.SetResourceBlockWidth(300e3);
        for (const auto& [name, ee] : kSchedulers)
        {
            Expect(p, name, ee, {0, 1}, "3 resource blocks");
        }
        const C2Allocation e = RunScheduler("ns3::EqualBandwidthC2Scheduler", false, p);
        NS_TEST_ASSERT_MSG_EQ(e.served.size(), 2u, "served count");
        if (e.served.size() != 2u)
        {
            return; // the runner continues after a failure: do not index
        }
        NS_TEST_ASSERT_MSG_EQ(e.served[0].resourceBlocks, 1u, "floor(3 / 2) blocks");
        const C2Allocation a = RunScheduler("ns3::ShelfPackingC2Scheduler", false, p);
        NS_TEST_ASSERT_MSG_EQ(a.served.size(), 2u, "served count");
        if (a.served.size() != 2u)
        {
            return; // the runner continues after a failure: do not index
        }
        NS_TEST_ASSERT_MSG_EQ(a.served[0].resourceBlocks + a.served[1].resourceBlocks,
                              2u,
                              "1 + 1 blocks");
    }

    /**
     * One exit, tau(b) = 10 ms * b (beta 0): C(b) = 10 b ms. D = 1 kbit
     * (w = 500 / t Hz, tiny against B = 1 MHz), deadlines 25, 45, 65, 85 ms.
     * Batch: b = 4 gives t* = 25 - 40 < 0; b = 3 without the 25 ms user
     * gives t* = 45 - 30 = 15 ms > 0 (needs 3 * 33.3 kHz): 3 served, users
     * {1, 2, 3}.
     * Sequential (10 ms each, no batching gain here): all four give t* =
     * min(25 - 10, 45 - 20, 65 - 30, 85 - 40) = 15 ms: 4 served.
     * Equal split: b = 3 uploads in 1.5 ms, C = 30 ms, users with T >= 31.5
     * ms: three; b = 4: 2 ms + 40 ms fits only three: 3 served, {1, 2, 3}.
     */
    void ComputeBinds()
    {
        const C2Problem p = HandProblem(1e6,
                                        {{0.9, 0.010, 0.0}},
                                        {1e3, 1e3, 1e3, 1e3},
                                        {0.025, 0.045, 0.065, 0.085},
                                        {0.5, 0.5, 0.5, 0.5});
        for (bool ee : {false, true})
        {
            Expect(p, "ns3::ExhaustiveC2Scheduler", ee, {1, 2, 3}, "compute binds");
            Expect(p, "ns3::SequentialC2Scheduler", ee, {0, 1, 2, 3}, "compute binds");
            Expect(p, "ns3::EqualBandwidthC2Scheduler", ee, {1, 2, 3}, "compute binds");
        }
        Expect(p, "ns3::ShelfPackingC2Scheduler", false, {1, 2, 3}, "compute binds");
        const C2Allocation a = RunScheduler("ns3::ExhaustiveC2Scheduler", false, p);
        NS_TEST_ASSERT_MSG_EQ_TOL(a.uploadDeadlineS, 0.015, 1e-12, "t* = 45 - 30 ms");
        const C2Allocation s = RunScheduler("ns3::SequentialC2Scheduler", false, p);
        NS_TEST_ASSERT_MSG_EQ_TOL(s.uploadDeadlineS, 0.015, 1e-12, "t* = 25 - 10 ms");
        NS_TEST_ASSERT_MSG_EQ(s.served.size(), 4u, "served count");
        if (s.served.size() != 4u)
        {
            return; // the runner continues after a failure: do not index
        }
        NS_TEST_ASSERT_MSG_EQ(s.served[0].user, 0u, "EDF order: the 25 ms user first");
        NS_TEST_ASSERT_MSG_EQ_TOL(s.served[3].completionS, 0.055, 1e-12, "15 + 4 * 10 ms");
    }

    /**
     * Two exits, a = 0.7, 0.9, each block 10 ms for any batch. Two users with
     * A = 0.6 (m = 1), deadline 15 ms, D = 1 kbit. Without early exit
     * C = 20 ms > 15 ms: nobody, for every scheduler. With early exit:
     * batch offset 10 ms, t* = 5 ms, needs 2 * 100 kHz: both served
     * (exhaustive; equal split: Cbar_1(2) = 10 ms, uploads 1 ms <= 5 ms).
     * Sequential with early exit: one task of 10 ms fits (t* = 5 ms), two
     * would need t* = 15 - 20 < 0: 1 served, the smaller index.
     */
    void EarlyExitHelps()
    {
        const C2Problem p = HandProblem(1e6,
                                        {{0.7, 0.0, 0.010}, {0.9, 0.0, 0.010}},
                                        {1e3, 1e3},
                                        {0.015, 0.015},
                                        {0.6, 0.6});
        for (const auto& [name, ee] : kSchedulers)
        {
            if (!ee)
            {
                Expect(p, name, ee, {}, "C = 20 ms > 15 ms");
            }
        }
        Expect(p, "ns3::ExhaustiveC2Scheduler", true, {0, 1}, "early exit: offset 10 ms");
        Expect(p, "ns3::EqualBandwidthC2Scheduler", true, {0, 1}, "early exit: offset 10 ms");
        Expect(p, "ns3::SequentialC2Scheduler", true, {0}, "one 10 ms task");
        const C2Allocation on = RunScheduler("ns3::ExhaustiveC2Scheduler", true, p);
        NS_TEST_ASSERT_MSG_EQ(on.served.size(), 2u, "served count");
        if (on.served.size() != 2u)
        {
            return; // the runner continues after a failure: do not index
        }
        NS_TEST_ASSERT_MSG_EQ(on.served[0].exit, 1u, "exit m_k = 1");
        NS_TEST_ASSERT_MSG_EQ_TOL(on.uploadDeadlineS, 0.005, 1e-12, "t* = 15 - 10 ms");
    }

    /**
     * Fixed power, N0 = 1e-20 W/Hz, P = 1 W, so c = P g / N0 = g * 1e20.
     * User 0: c = 1e5 Hz (saturates at 144 kbit/s), D = 1 kbit; user 1:
     * c = 1e9 Hz, D = 20 kbit; both due at 18 ms. User 2: c = 1e3 Hz
     * (saturates at 1.44 kbit/s), D = 1 kbit, due at 110 ms: it can never
     * upload, but it makes the largest upload time 100 ms. One exit, 10 ms
     * for any batch; B = 250 kHz.
     * Solving B log2(1 + c / B) t = D: at t = 100 ms user 0 needs about
     * 1.7 kHz and user 1 about 12 kHz, but at t = 8 ms user 0 needs about
     * 310 kHz (> B, near its saturation) and user 1 about 203 kHz: the order
     * of the needs flips. At most one of them fits (both need 20 ms of
     * compute alone, 10 ms in a batch with 513 kHz), and only user 1, in
     * every scheduler; equal split: the whole 250 kHz uploads user 0 in
     * 8.2 ms > 8 ms and user 1 in 6.7 ms. A scheduler that ranked users by
     * their needs at 100 ms would pick user 0 and serve nobody.
     */
    void NeedOrderChanges()
    {
        C2Problem p;
        p.SetBandwidth(250e3);
        p.SetRateModel(UplinkRateModel::FixedPower(1e-20));
        p.SetExits({{0.9, 0.0, 0.010}});
        p.AddUser({0, 1e3, 1.0, 1e-15, 0.018, 0.5});
        p.AddUser({1, 20e3, 1.0, 1e-11, 0.018, 0.5});
        p.AddUser({2, 1e3, 1.0, 1e-17, 0.110, 0.5});
        // The premise: the order of the needs flips between 100 and 8 ms.
        NS_TEST_ASSERT_MSG_LT(p.Need(0, 0.100), p.Need(1, 0.100), "user 0 cheaper at 100 ms");
        NS_TEST_ASSERT_MSG_GT(p.Need(0, 0.008), 250e3, "user 0 does not fit at 8 ms");
        NS_TEST_ASSERT_MSG_LT(p.Need(1, 0.008), 250e3, "user 1 fits at 8 ms");
        for (const auto& [name, ee] : kSchedulers)
        {
            Expect(p, name, ee, {1}, "the order of the needs changes with t");
        }
    }

    /// Degenerate frames: every scheduler serves nobody, without error.
    void EmptyInfeasibleInaccurate()
    {
        // No users at all.
        const C2Problem empty = HandProblem(1e6, {{0.9, 0.001, 0.001}}, {}, {}, {});
        // C(1) = 10 ms but every deadline is 5 ms: nobody can finish.
        const C2Problem late = HandProblem(1e6,
                                           {{0.9, 0.0, 0.010}},
                                           {1e3, 1e3, 1e3},
                                           {0.005, 0.005, 0.005},
                                           {0.5, 0.5, 0.5});
        // Plenty of everything, but A = 0.95 > a_N = 0.9 for users 0 and 2.
        const C2Problem inaccurate = HandProblem(1e6,
                                                 {{0.9, 0.0, 0.001}},
                                                 {1e3, 1e3, 1e3},
                                                 {0.1, 0.1, 0.1},
                                                 {0.95, 0.5, 0.95});
        for (const auto& [name, ee] : kSchedulers)
        {
            Expect(empty, name, ee, {}, "no users");
            Expect(late, name, ee, {}, "deadlines < C(1)");
            Expect(inaccurate, name, ee, {1}, "only the user a_N satisfies");
        }
    }
};

/**
 * The exhaustive scheduler (a pruned depth-first search) returns exactly
 * the set of a naive enumeration of all 2^K subsets, with and without
 * early exit, on random instances.
 */
class ExhaustiveVersusNaiveTestCase : public TestCase
{
  public:
    ExhaustiveVersusNaiveTestCase()
        : TestCase("Exhaustive search equals a naive enumeration of all subsets")
    {
    }

  private:
    void DoRun() override
    {
        const auto off = MakeScheduler("ns3::ExhaustiveC2Scheduler", false);
        const auto on = MakeScheduler("ns3::ExhaustiveC2Scheduler", true);
        uint32_t partial = 0; // instances where some but not all are served
        const uint32_t n = 300;
        for (uint32_t i = 0; i < n; ++i)
        {
            const C2Problem p = RandomInstance(i, 1000);
            for (bool ee : {false, true})
            {
                const C2Allocation a = (ee ? on : off)->Allocate(p);
                const BruteResult b = BruteBatch(p, ee);
                NS_TEST_ASSERT_MSG_EQ(a.feasible, true, "instance " << i << " feasible");
                NS_TEST_ASSERT_MSG_EQ(a.GetServedCount(), b.size, "instance " << i << " size");
                NS_TEST_ASSERT_MSG_EQ((ServedUsers(a) == b.set),
                                      true,
                                      "instance " << i << " ee " << ee << ": same set");
                partial += (b.size > 0 && b.size < p.GetNUsers()) ? 1 : 0;
            }
        }
        // The sample must exercise the search (not only 0 or K served).
        NS_TEST_ASSERT_MSG_GT(partial, n / 2, "informative instances");
    }
};

/**
 * On 1000 random instances (K <= 12, see RandomInstance), every scheduler's
 * allocation is feasible by EvaluateC2Allocation and:
 *  - ShelfPacking serves as many as Exhaustive without early exit (both
 *    optimal for batching without early exit);
 *  - Exhaustive with early exit serves at least as many as without;
 *  - Sequential without early exit equals the naive sequential optimum;
 *    with early exit it serves at most the naive early-exit optimum and at
 *    least the plain variant;
 *  - EqualBandwidth without early exit equals the naive equal-split
 *    optimum; with early exit it serves at most the naive early-exit
 *    equal-split optimum and at least the plain variant.
 */
class RandomComparisonTestCase : public TestCase
{
  public:
    RandomComparisonTestCase()
        : TestCase("Schedulers against each other and naive optima on 1000 random instances")
    {
    }

  private:
    void DoRun() override
    {
        std::vector<Ptr<C2Scheduler>> s;
        for (const auto& [name, ee] : kSchedulers)
        {
            s.push_back(MakeScheduler(name, ee, name != "ns3::ShelfPackingC2Scheduler"));
        }
        const uint32_t nInstances = 1000;
        // Instances where an optimum is strictly between 0 and K, per family,
        // and where the variants differ: evidence that the sample is
        // informative.
        uint32_t partialBatch = 0;
        uint32_t partialSequential = 0;
        uint32_t partialEqual = 0;
        uint32_t eeHelpsBatch = 0;
        uint32_t eeHelpsSequential = 0;
        uint32_t sequentialHeuristicGap = 0;
        uint32_t eeHelpsEqual = 0;
        uint32_t equalHeuristicGap = 0;
        uint32_t withBlocks = 0;
        uint64_t servedSeqOn = 0; // totals over all instances
        uint64_t bestSeqOn = 0;
        uint64_t servedEqOn = 0;
        uint64_t bestEqOn = 0;
        for (uint32_t i = 0; i < nInstances; ++i)
        {
            const C2Problem p = RandomInstance(i, 50000);
            withBlocks += p.UsesResourceBlocks() ? 1 : 0;
            std::vector<uint32_t> served;
            for (size_t j = 0; j < s.size(); ++j)
            {
                const C2Allocation a = s[j]->Allocate(p);
                NS_TEST_ASSERT_MSG_EQ(a.feasible,
                                      true,
                                      "instance " << i << ": " << kSchedulers[j].first << " ee "
                                                  << kSchedulers[j].second << " infeasible: "
                                                  << (a.violations.empty() ? "" : a.violations[0]));
                served.push_back(a.GetServedCount());
            }
            const uint32_t exOff = served[0];
            const uint32_t exOn = served[1];
            const uint32_t shelf = served[2];
            const uint32_t seqOff = served[3];
            const uint32_t seqOn = served[4];
            const uint32_t eqOff = served[5];
            const uint32_t eqOn = served[6];
            const uint32_t bruteSeqOff = BruteSequential(p, false);
            const uint32_t bruteSeqOn = BruteSequential(p, true);
            const uint32_t bruteEqOff = BruteEqualSplit(p, false);
            const uint32_t bruteEqOn = BruteEqualSplit(p, true);
            const std::string at = "instance " + std::to_string(i);
            NS_TEST_ASSERT_MSG_EQ(shelf, exOff, at << ": shelf packing vs exhaustive");
            NS_TEST_ASSERT_MSG_GT_OR_EQ(exOn, exOff, at << ": early exit never hurts");
            NS_TEST_ASSERT_MSG_EQ(seqOff, bruteSeqOff, at << ": sequential vs naive");
            NS_TEST_ASSERT_MSG_LT_OR_EQ(seqOn, bruteSeqOn, at << ": sequential ee vs naive");
            NS_TEST_ASSERT_MSG_GT_OR_EQ(seqOn, seqOff, at << ": sequential ee vs plain");
            NS_TEST_ASSERT_MSG_EQ(eqOff, bruteEqOff, at << ": equal split vs naive");
            NS_TEST_ASSERT_MSG_LT_OR_EQ(eqOn, bruteEqOn, at << ": equal split ee vs naive");
            NS_TEST_ASSERT_MSG_GT_OR_EQ(eqOn, eqOff, at << ": equal split ee vs plain");
            const uint32_t k = p.GetNUsers();
            partialBatch += (exOff > 0 && exOff < k) ? 1 : 0;
            partialSequential += (bruteSeqOff > 0 && bruteSeqOff < k) ? 1 : 0;
            partialEqual += (bruteEqOff > 0 && bruteEqOff < k) ? 1 : 0;
            eeHelpsBatch += exOn > exOff ? 1 : 0;
            eeHelpsSequential += bruteSeqOn > bruteSeqOff ? 1 : 0;
            sequentialHeuristicGap += seqOn < bruteSeqOn ? 1 : 0;
            eeHelpsEqual += bruteEqOn > bruteEqOff ? 1 : 0;
            equalHeuristicGap += eqOn < bruteEqOn ? 1 : 0;
            servedSeqOn += seqOn;
            bestSeqOn += bruteSeqOn;
            servedEqOn += eqOn;
            bestEqOn += bruteEqOn;
        }
        NS_TEST_ASSERT_MSG_GT(withBlocks, nInstances / 5, "resource blocks are exercised");
        NS_TEST_ASSERT_MSG_GT(partialBatch, nInstances / 3, "batch optimum informative");
        NS_TEST_ASSERT_MSG_GT(partialSequential, nInstances / 3, "sequential informative");
        NS_TEST_ASSERT_MSG_GT(partialEqual, nInstances / 3, "equal split informative");
        NS_TEST_ASSERT_MSG_GT(eeHelpsBatch, 0u, "early exit helps the batch somewhere");
        NS_TEST_ASSERT_MSG_GT(eeHelpsSequential, 0u, "early exit helps sequential somewhere");
        NS_TEST_ASSERT_MSG_GT(eeHelpsEqual, 0u, "early exit helps equal split somewhere");
        // The early-exit variants of Sequential and EqualBandwidth are
        // heuristics; their gaps are reported, not bounded.
        std::clog << "c2-baselines: " << nInstances << " instances (" << withBlocks
                  << " with resource blocks); 0 < optimum < K: batch " << partialBatch
                  << ", sequential " << partialSequential << ", equal split " << partialEqual
                  << "; early exit raises the optimum: batch " << eeHelpsBatch << ", sequential "
                  << eeHelpsSequential << ", equal split " << eeHelpsEqual
                  << "; early-exit heuristics below their naive optimum: sequential "
                  << sequentialHeuristicGap << " (" << servedSeqOn << " of " << bestSeqOn
                  << " tasks), equal split " << equalHeuristicGap << " (" << servedEqOn << " of "
                  << bestEqOn << " tasks)" << std::endl;
    }
};

/// Exhaustive refuses K > 20 with an error naming K and the limit.
class ExhaustiveLimitTestCase : public TestCase
{
  public:
    ExhaustiveLimitTestCase()
        : TestCase("Exhaustive search refuses more than 20 users")
    {
    }

  private:
    void DoRun() override
    {
        C2ScenarioParameters sp;
        sp.exits = DefaultExits(1.0);
        sp.users = 21;
        const C2Problem p = C2ScenarioGenerator(sp).Generate(1);
        std::string message;
        try
        {
            MakeScheduler("ns3::ExhaustiveC2Scheduler", false)->Allocate(p);
        }
        catch (const EdgeInferenceError& e)
        {
            message = e.what();
        }
        NS_TEST_ASSERT_MSG_NE(message.find("K = 21"), std::string::npos, message);
        NS_TEST_ASSERT_MSG_NE(message.find("20"), std::string::npos, message);
        NS_TEST_ASSERT_MSG_NE(message.find("MaxUsers"), std::string::npos, message);
        // 20 users are accepted.
        sp.users = 20;
        const C2Problem p20 = C2ScenarioGenerator(sp).Generate(1);
        const C2Allocation a = MakeScheduler("ns3::ExhaustiveC2Scheduler", false)->Allocate(p20);
        NS_TEST_ASSERT_MSG_EQ(a.feasible, true, "K = 20 is accepted");
    }
};

/**
 * EvaluateC2Allocation on a hand-built allocation. Fixed PSD at 2 bit/s/Hz;
 * two exits, a = 0.7, 0.9, tau_1(b) = 1 ms b + 2 ms, tau_2(b) = 2 ms b + 1 ms.
 * User 0: D = 10 kbit on 100 kHz uploads in 10e3 / 2e5 = 50 ms; user 1:
 * 20 kbit on 200 kHz, 50 ms; user 2: 4 kbit on 100 kHz, 20 ms.
 * Batch with exits 1, 2, 2: start 50 ms; b_1 = 3, tau_1 = 5 ms; b_2 = 2,
 * tau_2 = 5 ms: user 0 completes at 55 ms, users 1 and 2 at 60 ms.
 * Sequential in the order 0, 1, 2: user 0 alone through block 1 takes
 * tau_1(1) = 3 ms (53 ms); user 1 through both blocks 3 + 3 ms (59 ms);
 * user 2 another 6 ms (65 ms).
 */
class EvaluationTestCase : public TestCase
{
  public:
    EvaluationTestCase()
        : TestCase("EvaluateC2Allocation: times by hand and each violation flagged")
    {
    }

  private:
    void DoRun() override
    {
        const C2Problem p = HandProblem(1e6,
                                        {{0.7, 0.001, 0.002}, {0.9, 0.002, 0.001}},
                                        {10e3, 20e3, 4e3},
                                        {0.1, 0.1, 0.1},
                                        {0.7, 0.8, 0.9});
        C2Allocation a;
        a.execution = C2Allocation::BATCH;
        a.served = {{0, 1, 100e3}, {1, 2, 200e3}, {2, 2, 100e3}};
        C2Evaluation ev = EvaluateC2Allocation(p, a);
        NS_TEST_ASSERT_MSG_EQ(ev.feasible, true, "valid batch allocation");
        NS_TEST_ASSERT_MSG_EQ_TOL(ev.uploadEndS[0], 0.050, 1e-12, "10 kbit at 200 kbit/s");
        NS_TEST_ASSERT_MSG_EQ_TOL(ev.uploadEndS[2], 0.020, 1e-12, "4 kbit at 200 kbit/s");
        NS_TEST_ASSERT_MSG_EQ_TOL(ev.computeStartS, 0.050, 1e-12, "last upload ends");
        NS_TEST_ASSERT_MSG_EQ_TOL(ev.completionS[0], 0.055, 1e-12, "50 + tau_1(3)");
        NS_TEST_ASSERT_MSG_EQ_TOL(ev.completionS[1], 0.060, 1e-12, "50 + 5 + tau_2(2)");
        NS_TEST_ASSERT_MSG_EQ_TOL(ev.completionS[2], 0.060, 1e-12, "same exit, same time");
        NS_TEST_ASSERT_MSG_EQ(ev.completedCount, 3u, "all complete");

        a.execution = C2Allocation::SEQUENTIAL;
        ev = EvaluateC2Allocation(p, a);
        NS_TEST_ASSERT_MSG_EQ(ev.feasible, true, "valid sequential allocation");
        NS_TEST_ASSERT_MSG_EQ_TOL(ev.completionS[0], 0.053, 1e-12, "50 + tau_1(1)");
        NS_TEST_ASSERT_MSG_EQ_TOL(ev.taskStartS[1], 0.053, 1e-12, "after task 0");
        NS_TEST_ASSERT_MSG_EQ_TOL(ev.completionS[1], 0.059, 1e-12, "53 + 3 + 3");
        NS_TEST_ASSERT_MSG_EQ_TOL(ev.completionS[2], 0.065, 1e-12, "59 + 6");

        // Over budget: 600 + 500 kHz > 1 MHz.
        C2Allocation over = a;
        over.served = {{0, 2, 600e3}, {1, 2, 500e3}};
        ev = EvaluateC2Allocation(p, over);
        NS_TEST_ASSERT_MSG_EQ(ev.feasible, false, "over budget is infeasible");
        NS_TEST_ASSERT_MSG_NE(FirstViolation(ev).find("bandwidth"),
                              std::string::npos,
                              FirstViolation(ev));

        // User 1 requires 0.8 but exit 1 gives 0.7.
        C2Allocation inaccurate = a;
        inaccurate.served = {{1, 1, 200e3}};
        ev = EvaluateC2Allocation(p, inaccurate);
        NS_TEST_ASSERT_MSG_EQ(ev.feasible, false, "too inaccurate an exit is infeasible");
        NS_TEST_ASSERT_MSG_NE(FirstViolation(ev).find("less accurate"),
                              std::string::npos,
                              FirstViolation(ev));
        NS_TEST_ASSERT_MSG_EQ(ev.completedCount, 0u, "an inaccurate task does not count");

        // User 0 twice.
        C2Allocation twice = a;
        twice.served = {{0, 2, 100e3}, {0, 2, 100e3}};
        ev = EvaluateC2Allocation(p, twice);
        NS_TEST_ASSERT_MSG_EQ(ev.feasible, false, "a duplicated user is infeasible");
        NS_TEST_ASSERT_MSG_NE(FirstViolation(ev).find("twice"),
                              std::string::npos,
                              FirstViolation(ev));

        // Deadline of user 1 at 58 ms, but it completes at 60 ms in the batch.
        const C2Problem tight = HandProblem(1e6,
                                            {{0.7, 0.001, 0.002}, {0.9, 0.002, 0.001}},
                                            {10e3, 20e3, 4e3},
                                            {0.1, 0.058, 0.1},
                                            {0.7, 0.8, 0.9});
        C2Allocation late = a;
        late.execution = C2Allocation::BATCH;
        ev = EvaluateC2Allocation(tight, late);
        NS_TEST_ASSERT_MSG_EQ(ev.feasible, false, "a missed deadline is infeasible");
        NS_TEST_ASSERT_MSG_EQ(ev.violations.size(), 1u, "only user 1 is late");
        NS_TEST_ASSERT_MSG_NE(FirstViolation(ev).find("deadline"),
                              std::string::npos,
                              FirstViolation(ev));
        NS_TEST_ASSERT_MSG_EQ(ev.completedCount, 2u, "the other two complete");
    }
};

/**
 * Rate tables by hand. B = 40 kHz in 10 kHz blocks (4 blocks); user 0 has
 * 1000 bit and the table r = 1000, 1500, 1200, 3000 bit/s (3 blocks carry
 * less than 2: an MCS step). Need(t) is the fewest n with 1000 / r(n) <= t:
 * t = 1 s: n = 1 (1000 / 1000 = 1); t = 0.9 s: n = 2 (0.667); t = 0.5 s:
 * n = 4 (n = 2 gives 0.667, n = 3 0.833, n = 4 0.333); t = 0.3 s: none.
 * UploadTime on 3 blocks (30 kHz) = 1000 / 1200 s. The best rate per block
 * is max(1000/1, 1500/2, 1200/3, 3000/4) = 1000 bit/s, so the
 * bandwidth-time bound is 1000 / 1000 = 1 block-second for any t. Bad
 * tables are named by Validate().
 */
class RateTableTestCase : public TestCase
{
  public:
    RateTableTestCase()
        : TestCase("Rate tables: needs, upload times and bounds by hand; bad tables named")
    {
    }

  private:
    /// @param p a problem @return Validate()'s message, or "valid"
    static std::string ValidateMessage(const C2Problem& p)
    {
        try
        {
            p.Validate();
        }
        catch (const EdgeInferenceError& e)
        {
            return e.what();
        }
        return "valid";
    }

    void DoRun() override
    {
        C2Problem p = HandProblem(40e3, {{0.9, 0.001, 0.001}}, {1000}, {2.0}, {0.5});
        p.SetResourceBlockWidth(10e3);
        p.SetRateTable(0, {1000, 1500, 1200, 3000});
        NS_TEST_ASSERT_MSG_EQ(ValidateMessage(p), "valid", "a 4-block table");
        NS_TEST_EXPECT_MSG_EQ(p.HasRateTable(0), true, "");
        NS_TEST_EXPECT_MSG_EQ(p.Need(0, 1.0), 1.0, "t = 1 s");
        NS_TEST_EXPECT_MSG_EQ(p.Need(0, 0.9), 2.0, "t = 0.9 s");
        NS_TEST_EXPECT_MSG_EQ(p.Need(0, 0.5), 4.0, "t = 0.5 s: 3 blocks are slower than 2");
        NS_TEST_EXPECT_MSG_EQ(std::isinf(p.Need(0, 0.3)), true, "t = 0.3 s: no block count");
        NS_TEST_EXPECT_MSG_EQ(p.UploadTime(0, 30e3), 1000.0 / 1200, "3 blocks");
        NS_TEST_EXPECT_MSG_EQ(std::isinf(p.UploadTime(0, 50e3)), true, "5 blocks: no entry");
        NS_TEST_EXPECT_MSG_EQ(p.BandwidthTimeProduct(0, 0.9), 1.0, "1000 bit / 1000 bit/s");
        C2Allocation a;
        a.served = {{0, 1, 40e3, 4}};
        const C2Evaluation ev = EvaluateC2Allocation(p, a);
        NS_TEST_EXPECT_MSG_EQ_TOL(ev.uploadEndS[0], 1.0 / 3, 1e-15, "1000 bit at 3000 bit/s");

        p.SetRateTable(0, {1000, 1500, 1200});
        NS_TEST_EXPECT_MSG_EQ(ValidateMessage(p),
                              "C2Problem: users[0].rate_bps must be one rate per number of blocks "
                              "1..4 (its length), got 3",
                              "a short table");
        p.SetRateTable(0, {1000, 1500, -1, 3000});
        NS_TEST_EXPECT_MSG_EQ(ValidateMessage(p),
                              "C2Problem: users[0].rate_bps[2] must be a number of bit/s >= 0, "
                              "got -1",
                              "a negative rate");
        p.SetRateTable(0, {1000, 1500, 1200, 3000});
        p.SetResourceBlockWidth(0);
        NS_TEST_EXPECT_MSG_EQ(ValidateMessage(p),
                              "C2Problem: resource_block_hz must be > 0 when a user has a rate "
                              "table (rate_bps), got 0",
                              "a table without resource blocks");
    }
};

/**
 * MakeOneBatchAllocation on a hand problem. Fixed-PSD rates with SNR 3 give
 * 2 bit/s/Hz, so w_k(t) = D_k / (2 t). Exit 1: a = 0.6, tau_1(b) = 1 ms b +
 * 2 ms; exit 2: a = 0.9, tau_2(b) = 2 ms b + 4 ms. Users: D = 20, 39, 30 kbit,
 * T = 50, 40, 80 ms, A = 0.5, 0.85, 0.6 (user 1 requires exit 2).
 */
class OneBatchAllocationTestCase : public TestCase
{
  public:
    OneBatchAllocationTestCase()
        : TestCase("One-batch allocation of a chosen set, by hand")
    {
    }

  private:
    void DoRun() override
    {
        const C2Problem p = HandProblem(1e6,
                                        {{0.6, 0.001, 0.002}, {0.9, 0.002, 0.004}},
                                        {20e3, 39e3, 30e3},
                                        {0.050, 0.040, 0.080},
                                        {0.5, 0.85, 0.6});
        // Users 0 (exit 1) and 1 (exit 2): b_1 = 2, b_2 = 1, so the offsets
        // are tau_1(2) = 4 ms and 4 + tau_2(1) = 10 ms; the shelf is
        // min(50 - 4, 40 - 10) = 30 ms (user 1 binds); the needs are
        // 20e3 / 0.06 = 333,333.3 Hz and 39e3 / 0.06 = 650,000 Hz, 983 kHz in all.
        C2OneBatchResult r = MakeOneBatchAllocation(p, {{0, 1}, {1, 2}});
        NS_TEST_ASSERT_MSG_EQ(r.feasible, true, r.reason);
        NS_TEST_ASSERT_MSG_EQ(r.reason, "", "no reason when feasible");
        const C2Allocation& a = r.allocation;
        NS_TEST_ASSERT_MSG_EQ_TOL(a.uploadDeadlineS, 0.030, 1e-12, "shelf");
        NS_TEST_ASSERT_MSG_EQ(a.served.size(), 2u, "both served");
        NS_TEST_ASSERT_MSG_EQ_TOL(a.served[0].bandwidthHz, 20e3 / 0.06, 1e-6, "need of user 0");
        NS_TEST_ASSERT_MSG_EQ_TOL(a.served[1].bandwidthHz, 650e3, 1e-6, "need of user 1");
        NS_TEST_ASSERT_MSG_EQ_TOL(a.served[0].completionS, 0.034, 1e-12, "30 + 4 ms");
        NS_TEST_ASSERT_MSG_EQ_TOL(a.served[1].completionS, 0.040, 1e-12, "30 + 10 ms");
        NS_TEST_ASSERT_MSG_EQ(EvaluateC2Allocation(p, a).feasible, true, "re-evaluated");

        // All three (user 2 at exit 1): b_1 = 3, offsets 5 and 11 ms, shelf
        // min(45, 29, 75) = 29 ms, needs 89e3 / 0.058 = 1.534 MHz > 1 MHz.
        r = MakeOneBatchAllocation(p, {{0, 1}, {1, 2}, {2, 1}});
        NS_TEST_ASSERT_MSG_EQ(r.feasible, false, "needs above the band");
        NS_TEST_ASSERT_MSG_NE(r.reason.find("more than the 1e+06 available"),
                              std::string::npos,
                              r.reason);
        NS_TEST_ASSERT_MSG_NE(r.reason.find("need 1.53448e+06 Hz"), std::string::npos, r.reason);

        // The reasons that need no timing, each named.
        const std::vector<std::pair<std::vector<C2BatchMember>, std::string>> bad = {
            {{{1, 1}}, "exit 1 of user 1 is not accurate enough (its required exit is 2)"},
            {{{0, 1}, {0, 2}}, "user 0 is chosen twice"},
            {{{3, 1}}, "user 3 is not a user of the problem (3 users)"},
            {{{0, 3}}, "exit 3 of user 0 is not in 1..2"},
        };
        for (const auto& [members, reason] : bad)
        {
            r = MakeOneBatchAllocation(p, members);
            NS_TEST_ASSERT_MSG_EQ(r.feasible, false, reason);
            NS_TEST_ASSERT_MSG_EQ(r.reason, reason, "the reason");
        }

        // A deadline shorter than the computation: T = 2.5 ms < tau_1(1) = 3 ms,
        // so the shelf is negative.
        const C2Problem tight = HandProblem(1e6, {{0.6, 0.001, 0.002}}, {20e3}, {0.0025}, {0.5});
        r = MakeOneBatchAllocation(tight, {{0, 1}});
        NS_TEST_ASSERT_MSG_EQ(r.feasible, false, "no time to upload");
        NS_TEST_ASSERT_MSG_NE(r.reason.find("user 0 cannot finish"), std::string::npos, r.reason);

        // Nobody chosen: feasible and empty.
        r = MakeOneBatchAllocation(p, {});
        NS_TEST_ASSERT_MSG_EQ(r.feasible, true, r.reason);
        NS_TEST_ASSERT_MSG_EQ(r.allocation.served.size(), 0u, "serves nobody");
    }
};

/// The baseline schedulers' TestSuite.
class C2BaselineSchedulerTestSuite : public TestSuite
{
  public:
    C2BaselineSchedulerTestSuite()
        : TestSuite("edge-inference-c2-baselines", Type::UNIT)
    {
        AddTestCase(new EvaluationTestCase);
        AddTestCase(new RateTableTestCase);
        AddTestCase(new HandInstancesTestCase);
        AddTestCase(new ExhaustiveLimitTestCase);
        AddTestCase(new ExhaustiveVersusNaiveTestCase);
        AddTestCase(new RandomComparisonTestCase);
        AddTestCase(new OneBatchAllocationTestCase);
    }
};

/// Static instance registering the suite.
static C2BaselineSchedulerTestSuite g_c2BaselineSchedulerTestSuite;

} // namespace
