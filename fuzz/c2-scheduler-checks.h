/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_INFERENCE_FUZZ_C2_SCHEDULER_CHECKS_H
#define EDGE_INFERENCE_FUZZ_C2_SCHEDULER_CHECKS_H

/*
 * Checks shared by the fuzz targets that reach the C2 schedulers
 * (fuzz-c2-problem-json.cc, fuzz-c2-schedulers.cc). Every broken promise
 * aborts, so that libFuzzer keeps the input:
 *  - every scheduler returns, on a valid problem below its documented size
 *    limits, an allocation that EvaluateC2Allocation (the single source of
 *    truth) finds feasible, with every served task completed in time;
 *  - the optimal schedulers agree with the exhaustive reference: shelf
 *    packing with ExhaustiveC2Scheduler (batching only), the tree search
 *    with ExhaustiveC2Scheduler EarlyExit=true (their class documentation);
 *  - the greedy never serves more than the tree search's optimum.
 */

#include "ns3/boolean.h"
#include "ns3/c2-allocation.h"
#include "ns3/c2-problem.h"
#include "ns3/c2-scheduler.h"
#include "ns3/object-factory.h"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

namespace ns3
{
namespace fuzz
{

/// Largest frame handed to the schedulers: the exhaustive reference visits
/// 2^K subsets, so this keeps one input well under a millisecond.
const uint32_t kMaxUsers = 8;
/// Largest number of exits handed to the schedulers (same reason).
const uint32_t kMaxExits = 6;

/// The problem being checked as JSON (C2ProblemToJson), printed on a
/// failure so that it can be kept as a regression file; empty if unknown.
inline std::string g_problemJson;

/// Reports a broken contract and aborts, so that libFuzzer keeps the input.
[[noreturn]] inline void
FuzzFail(const std::string& what)
{
    std::fprintf(stderr, "edge-inference fuzz target: %s\n", what.c_str());
    if (!g_problemJson.empty())
    {
        std::fprintf(stderr, "the problem:\n%s", g_problemJson.c_str());
    }
    std::abort();
}

/**
 * @param problem a valid problem
 * @param name scheduler TypeId name
 * @param earlyExit value of its EarlyExit attribute, if it has one
 * @return its allocation, checked for feasibility
 */
inline C2Allocation
AllocateChecked(const C2Problem& problem, const std::string& name, int earlyExit = -1)
{
    ObjectFactory factory(name);
    if (earlyExit >= 0)
    {
        factory.Set("EarlyExit", BooleanValue(earlyExit != 0));
    }
    Ptr<C2Scheduler> scheduler = factory.Create<C2Scheduler>();
    C2Allocation allocation;
    try
    {
        allocation = scheduler->Allocate(problem);
    }
    catch (const std::exception& e)
    {
        // The problem passed Validate() and K is below every documented
        // limit: the schedulers must not refuse it.
        FuzzFail(name + " threw on a valid problem: " + e.what());
    }
    const C2Evaluation ev = EvaluateC2Allocation(problem, allocation);
    if (!allocation.feasible || !ev.feasible)
    {
        FuzzFail(name + " returned an infeasible allocation: " +
                 (ev.violations.empty() ? std::string("(flag only)") : ev.violations.front()));
    }
    if (ev.completedCount != allocation.GetServedCount())
    {
        FuzzFail(name + ": a served task does not complete in time");
    }
    return allocation;
}

/// Runs every scheduler on a small problem and compares them.
inline void
CheckSchedulers(const C2Problem& problem)
{
    const uint32_t exhaustiveBatch =
        AllocateChecked(problem, "ns3::ExhaustiveC2Scheduler", 0).GetServedCount();
    const uint32_t exhaustiveEarly =
        AllocateChecked(problem, "ns3::ExhaustiveC2Scheduler", 1).GetServedCount();
    const uint32_t shelf =
        AllocateChecked(problem, "ns3::ShelfPackingC2Scheduler").GetServedCount();
    const uint32_t tree = AllocateChecked(problem, "ns3::TreeSearchC2Scheduler").GetServedCount();
    const uint32_t greedy =
        AllocateChecked(problem, "ns3::GreedyEarlyExitC2Scheduler").GetServedCount();
    AllocateChecked(problem, "ns3::EqualBandwidthC2Scheduler", 0);
    AllocateChecked(problem, "ns3::EqualBandwidthC2Scheduler", 1);
    AllocateChecked(problem, "ns3::SequentialC2Scheduler", 0);
    AllocateChecked(problem, "ns3::SequentialC2Scheduler", 1);
    if (shelf != exhaustiveBatch)
    {
        FuzzFail("ShelfPackingC2Scheduler serves " + std::to_string(shelf) +
                 ", the exhaustive search (batching only) " + std::to_string(exhaustiveBatch));
    }
    if (tree != exhaustiveEarly)
    {
        FuzzFail("TreeSearchC2Scheduler serves " + std::to_string(tree) +
                 ", the exhaustive search (early exit) " + std::to_string(exhaustiveEarly));
    }
    if (greedy > tree)
    {
        FuzzFail("GreedyEarlyExitC2Scheduler serves more than the optimum");
    }
}

} // namespace fuzz
} // namespace ns3

#endif /* EDGE_INFERENCE_FUZZ_C2_SCHEDULER_CHECKS_H */
