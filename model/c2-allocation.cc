/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "c2-allocation.h"

#include "c2-problem.h"
#include "edge-inference-tolerance.h"

#include "ns3/assert.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace ns3
{

uint32_t
C2Allocation::GetServedCount() const
{
    return served.size();
}

C2ServedTask
MakeC2ServedTask(const C2Problem& problem, uint32_t user, uint32_t exit, double uploadDeadlineS)
{
    C2ServedTask task;
    task.user = user;
    task.exit = exit;
    const double need = problem.Need(user, uploadDeadlineS);
    task.bandwidthHz = problem.UnitsToHz(need);
    task.resourceBlocks = problem.UsesResourceBlocks() ? static_cast<uint32_t>(need) : 0;
    return task;
}

namespace
{

/// Relative tolerance of every comparison (see EvaluateC2Allocation).
constexpr double kRelTol = edgeinference::kRelativeTolerance;
/// Absolute tolerance of time comparisons (s).
constexpr double kAbsTolS = edgeinference::kAbsoluteTimeToleranceS;

bool
WithinTime(double value, double limit)
{
    return value <= limit + kRelTol * std::abs(limit) + kAbsTolS;
}

/// Records a violation: the allocation is infeasible.
void
Violate(C2Evaluation& ev, const std::string& what)
{
    ev.feasible = false;
    ev.violations.push_back(what);
}

/// What the checks of the served list add up (see CheckServedTasks).
struct ServedTotals
{
    double hz{0};                //!< bandwidth granted (Hz)
    double blocks{0};            //!< resource blocks granted
    bool valid{true};            //!< every user, exit and bandwidth is usable below
    std::vector<bool> batchUsed; //!< which batch indices have a task
};

/**
 * @brief Checks one served task: user, duplicates, exit, accuracy, bandwidth
 * and its blocks; adds it to the totals.
 * @param problem the problem
 * @param i its index in the served list
 * @param t the task
 * @param seen users met so far (updated)
 * @param totals the totals (updated; valid cleared if t cannot be timed)
 * @param ev receives the violations
 */
void
CheckServedTask(const C2Problem& problem,
                size_t i,
                const C2ServedTask& t,
                std::vector<bool>& seen,
                ServedTotals& totals,
                C2Evaluation& ev)
{
    const auto& users = problem.GetUsers();
    const uint32_t nExits = problem.GetNExits();
    std::ostringstream who;
    who << "served[" << i << "] (user " << t.user << ")";
    if (t.user >= users.size())
    {
        Violate(ev, who.str() + ": no such user");
        totals.valid = false;
        return;
    }
    if (seen[t.user])
    {
        Violate(ev, who.str() + ": user served twice");
    }
    seen[t.user] = true;
    if (t.exit < 1 || t.exit > nExits)
    {
        Violate(ev,
                who.str() + ": exit " + std::to_string(t.exit) + " outside 1.." +
                    std::to_string(nExits));
        totals.valid = false;
        return;
    }
    if (t.batch >= users.size())
    {
        Violate(ev,
                who.str() + ": batch " + std::to_string(t.batch) + " is not below K = " +
                    std::to_string(users.size()) + " (at most one batch per user)");
        totals.valid = false;
        return;
    }
    if (t.batch >= totals.batchUsed.size())
    {
        totals.batchUsed.resize(t.batch + 1, false);
    }
    totals.batchUsed[t.batch] = true;
    if (problem.GetExits()[t.exit - 1].accuracy < users[t.user].accuracy)
    {
        Violate(ev,
                who.str() + ": exit " + std::to_string(t.exit) + " is less accurate than required");
    }
    if (!(t.bandwidthHz >= 0) || !std::isfinite(t.bandwidthHz))
    {
        Violate(ev, who.str() + ": bandwidth must be finite and >= 0");
        totals.valid = false;
        return;
    }
    if (problem.UsesResourceBlocks())
    {
        const double expect = problem.UnitsToHz(t.resourceBlocks);
        if (std::abs(t.bandwidthHz - expect) > kRelTol * expect)
        {
            Violate(ev, who.str() + ": bandwidth is not its resource blocks times the width");
        }
        totals.blocks += t.resourceBlocks;
    }
    totals.hz += t.bandwidthHz;
}

/**
 * @brief Checks that the grants fit in the band (in blocks, or in Hz).
 * @param problem the problem
 * @param totals what the served list grants
 * @param ev receives the violation
 */
void
CheckCapacity(const C2Problem& problem, const ServedTotals& totals, C2Evaluation& ev)
{
    std::ostringstream os;
    if (problem.UsesResourceBlocks())
    {
        if (totals.blocks > problem.Capacity())
        {
            os << "resource blocks: " << totals.blocks << " granted, " << problem.Capacity()
               << " available";
            Violate(ev, os.str());
        }
    }
    else if (totals.hz > problem.GetBandwidth() * (1 + kRelTol))
    {
        os << "bandwidth: " << totals.hz << " Hz granted, " << problem.GetBandwidth()
           << " Hz available";
        Violate(ev, os.str());
    }
}

/**
 * @brief A batch index without a task, one in SEQUENTIAL execution, or
 * release times that are not one finite value >= 0 per batch are
 * violations: the timing below needs batches 0..J-1.
 * @param allocation the allocation
 * @param totals the served list's totals; valid is cleared on a violation
 * @param ev receives the violations
 */
void
CheckBatchIndices(const C2Allocation& allocation, ServedTotals& totals, C2Evaluation& ev)
{
    const size_t nBatches = totals.batchUsed.size();
    if (allocation.execution == C2Allocation::SEQUENTIAL && nBatches > 1)
    {
        Violate(ev, "batch indices other than 0 in SEQUENTIAL execution");
        totals.valid = false;
        return;
    }
    for (size_t j = 0; j < nBatches; ++j)
    {
        if (!totals.batchUsed[j])
        {
            Violate(ev, "batch " + std::to_string(j) + " has no task (indices must be 0..J-1)");
            totals.valid = false;
        }
    }
    const std::vector<double>& release = allocation.batchReleaseS;
    const bool releasesValid = std::all_of(release.begin(), release.end(), [](double r) {
        return std::isfinite(r) && r >= 0;
    });
    if (!release.empty() && (release.size() != nBatches || !releasesValid ||
                             allocation.execution != C2Allocation::BATCH))
    {
        Violate(ev,
                "batch release times: " + std::to_string(release.size()) + " given for " +
                    std::to_string(nBatches) +
                    " batches; each must be finite and >= 0, and only in BATCH execution");
        totals.valid = false;
    }
}

/**
 * @brief Phase 1: the uploads run in parallel, each at its own rate.
 * @param problem the problem
 * @param allocation the allocation (structurally valid)
 * @param ev receives the upload ends
 */
void
TimeUploads(const C2Problem& problem, const C2Allocation& allocation, C2Evaluation& ev)
{
    for (size_t i = 0; i < allocation.served.size(); ++i)
    {
        const C2ServedTask& t = allocation.served[i];
        ev.uploadEndS[i] = problem.UploadTime(t.user, t.bandwidthHz);
    }
}

/**
 * @brief Phase 2 in BATCH mode: the batches in index order, each starting
 * when the server is free (s0, then the previous batch's end), its own
 * members' uploads are in and its release time (if given) has come; every
 * task leaves at its exit's offset within its batch.
 * @param problem the problem
 * @param allocation the allocation (structurally valid, batches 0..J-1)
 * @param ev its batchStartS sized J; receives the starts and completions
 */
void
TimeBatches(const C2Problem& problem, const C2Allocation& allocation, C2Evaluation& ev)
{
    const size_t nServed = allocation.served.size();
    double previousEnd = problem.GetServerFreeS();
    for (size_t j = 0; j < ev.batchStartS.size(); ++j)
    {
        std::vector<uint32_t> counts(problem.GetNExits(), 0);
        double start = previousEnd;
        if (!allocation.batchReleaseS.empty())
        {
            start = std::max(start, allocation.batchReleaseS[j]);
        }
        for (size_t i = 0; i < nServed; ++i)
        {
            if (allocation.served[i].batch == j)
            {
                counts[allocation.served[i].exit - 1]++;
                start = std::max(start, ev.uploadEndS[i]);
            }
        }
        const std::vector<double> offsets = problem.ExitOffsets(counts);
        for (size_t i = 0; i < nServed; ++i)
        {
            if (allocation.served[i].batch == j)
            {
                ev.taskStartS[i] = start;
                ev.completionS[i] = start + offsets[allocation.served[i].exit - 1];
                previousEnd = std::max(previousEnd, ev.completionS[i]);
            }
        }
        ev.batchStartS[j] = start;
    }
    ev.computeStartS = ev.batchStartS.empty() ? problem.GetServerFreeS() : ev.batchStartS[0];
}

/**
 * @brief Phase 2 in SEQUENTIAL mode: once every upload is in and the server
 * is free, the tasks one after another in list order, each computed alone.
 * @param problem the problem
 * @param allocation the allocation (structurally valid)
 * @param ev receives the compute start, the task starts and completions
 */
void
TimeSequence(const C2Problem& problem, const C2Allocation& allocation, C2Evaluation& ev)
{
    double clock = problem.GetServerFreeS();
    for (double end : ev.uploadEndS)
    {
        clock = std::max(clock, end);
    }
    ev.computeStartS = clock;
    for (size_t i = 0; i < allocation.served.size(); ++i)
    {
        ev.taskStartS[i] = clock;
        clock += problem.AloneTime(allocation.served[i].exit);
        ev.completionS[i] = clock;
    }
}

/**
 * @brief Checks every deadline and counts the tasks that complete (in time
 * and accurate enough).
 * @param problem the problem
 * @param allocation the allocation (timed)
 * @param ev the evaluation (completions read; violations and count written)
 */
void
CheckDeadlines(const C2Problem& problem, const C2Allocation& allocation, C2Evaluation& ev)
{
    const auto& users = problem.GetUsers();
    for (size_t i = 0; i < allocation.served.size(); ++i)
    {
        const C2ServedTask& t = allocation.served[i];
        const double deadline = users[t.user].deadlineS;
        const bool accurate = problem.GetExits()[t.exit - 1].accuracy >= users[t.user].accuracy;
        if (!WithinTime(ev.completionS[i], deadline))
        {
            std::ostringstream os;
            os << "served[" << i << "] (user " << t.user << "): completes at " << ev.completionS[i]
               << " s, after its deadline " << deadline << " s";
            Violate(ev, os.str());
        }
        else if (accurate)
        {
            ev.completedCount++;
        }
    }
}

} // namespace

C2Evaluation
EvaluateC2Allocation(const C2Problem& problem, const C2Allocation& allocation)
{
    C2Evaluation ev;
    const size_t nServed = allocation.served.size();
    ev.uploadEndS.assign(nServed, 0.0);
    ev.taskStartS.assign(nServed, 0.0);
    ev.completionS.assign(nServed, 0.0);

    std::vector<bool> seen(problem.GetUsers().size(), false);
    ServedTotals totals;
    for (size_t i = 0; i < nServed; ++i)
    {
        CheckServedTask(problem, i, allocation.served[i], seen, totals, ev);
    }
    CheckCapacity(problem, totals, ev);
    CheckBatchIndices(allocation, totals, ev);
    if (!totals.valid)
    {
        return ev;
    }
    TimeUploads(problem, allocation, ev);
    if (allocation.execution == C2Allocation::BATCH)
    {
        ev.batchStartS.assign(totals.batchUsed.size(), 0.0);
        TimeBatches(problem, allocation, ev);
    }
    else
    {
        TimeSequence(problem, allocation, ev);
    }
    CheckDeadlines(problem, allocation, ev);
    return ev;
}

namespace
{

/**
 * @brief The first rule a chosen set breaks before any timing: indices,
 * repetitions, exits and accuracy.
 * @param problem the problem
 * @param members the chosen users and exits
 * @return a one-line reason, or empty if every member is admissible
 */
std::string
InadmissibleMember(const C2Problem& problem, const std::vector<C2BatchMember>& members)
{
    std::vector<bool> seen(problem.GetNUsers(), false);
    for (const C2BatchMember& m : members)
    {
        std::ostringstream why;
        if (m.user >= problem.GetNUsers())
        {
            why << "user " << m.user << " is not a user of the problem (" << problem.GetNUsers()
                << " users)";
        }
        else if (seen[m.user])
        {
            why << "user " << m.user << " is chosen twice";
        }
        else if (m.exit < 1 || m.exit > problem.GetNExits())
        {
            why << "exit " << m.exit << " of user " << m.user << " is not in 1.."
                << problem.GetNExits();
        }
        else if (problem.RequiredExit(m.user) == 0)
        {
            why << "user " << m.user << " requires accuracy " << problem.GetUsers()[m.user].accuracy
                << ", more than any exit gives";
        }
        else if (m.exit < problem.RequiredExit(m.user))
        {
            why << "exit " << m.exit << " of user " << m.user
                << " is not accurate enough (its required exit is " << problem.RequiredExit(m.user)
                << ")";
        }
        if (!why.str().empty())
        {
            return why.str();
        }
        seen[m.user] = true;
    }
    return "";
}

/**
 * @brief Evaluates a built allocation (EvaluateC2Allocation(), the single
 * check) and, if feasible, copies the predicted times into its tasks.
 * @param problem the problem
 * @param result the result whose allocation is evaluated; feasible is set
 * @return whether the allocation is feasible
 */
bool
EvaluateInto(const C2Problem& problem, C2OneBatchResult& result)
{
    const C2Evaluation ev = EvaluateC2Allocation(problem, result.allocation);
    result.feasible = ev.feasible;
    result.allocation.feasible = ev.feasible;
    result.allocation.violations = ev.violations;
    for (std::size_t i = 0; ev.feasible && i < result.allocation.served.size(); ++i)
    {
        C2ServedTask& task = result.allocation.served[i];
        task.uploadEndS = ev.uploadEndS[i];
        task.computeStartS = ev.taskStartS[i];
        task.completionS = ev.completionS[i];
    }
    return ev.feasible;
}

} // namespace

C2OneBatchResult
MakeOneBatchAllocation(const C2Problem& problem, const std::vector<C2BatchMember>& members)
{
    C2OneBatchResult result;
    result.allocation.execution = C2Allocation::BATCH;
    result.reason = InadmissibleMember(problem, members);
    if (!result.reason.empty())
    {
        return result;
    }
    // Fixed exits fix every block's batch size, hence every offset.
    std::vector<uint32_t> counts(problem.GetNExits(), 0);
    for (const C2BatchMember& m : members)
    {
        counts[m.exit - 1]++;
    }
    const std::vector<double> offsets = problem.ExitOffsets(counts);
    // The shelf: the latest upload deadline every member can meet.
    double shelf = std::numeric_limits<double>::infinity();
    const C2BatchMember* binding = nullptr;
    for (const C2BatchMember& m : members)
    {
        const double t = problem.GetUsers()[m.user].deadlineS - offsets[m.exit - 1];
        if (t < shelf)
        {
            shelf = t;
            binding = &m;
        }
    }
    std::ostringstream why;
    if (binding && shelf > 0 && !problem.CanStartAt(shelf))
    {
        why << "user " << binding->user << " needs the batch to start by " << shelf
            << " s, before the server is free at " << problem.GetServerFreeS() << " s";
        result.reason = why.str();
        return result;
    }
    if (binding && !(shelf > 0))
    {
        why << "user " << binding->user << " cannot finish: its deadline is "
            << problem.GetUsers()[binding->user].deadlineS << " s and the batch computes "
            << offsets[binding->exit - 1] << " s up to its exit";
        result.reason = why.str();
        return result;
    }
    double totalNeed = 0;
    for (const C2BatchMember& m : members)
    {
        totalNeed += problem.Need(m.user, shelf);
        result.allocation.served.push_back(MakeC2ServedTask(problem, m.user, m.exit, shelf));
    }
    result.allocation.uploadDeadlineS = binding ? shelf : 0;
    const bool feasible = EvaluateInto(problem, result);
    if (!feasible && std::isinf(totalNeed))
    {
        why << "user " << binding->user << "'s upload deadline " << shelf
            << " s is too short for some member's task at any bandwidth";
        result.reason = why.str();
    }
    else if (!feasible)
    {
        why << "the members need " << totalNeed
            << (problem.UsesResourceBlocks() ? " resource blocks" : " Hz") << " by the upload "
            << "deadline " << shelf << " s, more than the " << problem.Capacity() << " available";
        result.reason = why.str();
    }
    return result;
}

C2BatchOffsets
TimeOneBatch(const C2Problem& problem, const std::vector<C2BatchMember>& members)
{
    std::vector<uint32_t> counts(problem.GetNExits(), 0);
    uint32_t deepest = 1;
    for (const C2BatchMember& m : members)
    {
        counts[m.exit - 1]++;
        deepest = std::max(deepest, m.exit);
    }
    C2BatchOffsets batch;
    batch.offsetS = problem.ExitOffsets(counts);
    batch.durationS = batch.offsetS[deepest - 1];
    return batch;
}

C2ChainTiming
TimeBatchChain(const C2Problem& problem, const std::vector<std::vector<C2BatchMember>>& batches)
{
    C2ChainTiming timing;
    timing.startS.assign(batches.size(), 0.0);
    // Backward: the latest start of the next batch bounds this one's end.
    double nextStart = std::numeric_limits<double>::infinity();
    for (std::size_t j = batches.size(); j-- > 0;)
    {
        NS_ASSERT_MSG(!batches[j].empty(), "batch " << j << " of the chain is empty");
        const C2BatchOffsets batch = TimeOneBatch(problem, batches[j]);
        double latest = nextStart - batch.durationS;
        for (const C2BatchMember& m : batches[j])
        {
            latest =
                std::min(latest, problem.GetUsers()[m.user].deadlineS - batch.offsetS[m.exit - 1]);
        }
        timing.startS[j] = latest;
        nextStart = latest;
    }
    if (!batches.empty() && !problem.CanStartAt(timing.startS[0]))
    {
        return timing;
    }
    for (std::size_t j = 0; j < batches.size(); ++j)
    {
        for (const C2BatchMember& m : batches[j])
        {
            timing.totalNeed += problem.Need(m.user, timing.startS[j]);
            if (!(timing.totalNeed <= problem.Capacity()))
            {
                return timing;
            }
        }
    }
    timing.feasible = true;
    return timing;
}

C2OneBatchResult
MakeBatchChainAllocation(const C2Problem& problem,
                         const std::vector<std::vector<C2BatchMember>>& batches)
{
    C2OneBatchResult result;
    result.allocation.execution = C2Allocation::BATCH;
    std::vector<C2BatchMember> all;
    for (std::size_t j = 0; j < batches.size(); ++j)
    {
        if (batches[j].empty())
        {
            result.reason = "batch " + std::to_string(j) + " of the chain is empty";
            return result;
        }
        all.insert(all.end(), batches[j].begin(), batches[j].end());
    }
    result.reason = InadmissibleMember(problem, all);
    if (!result.reason.empty())
    {
        return result;
    }
    const C2ChainTiming timing = TimeBatchChain(problem, batches);
    std::ostringstream why;
    if (!batches.empty() && !problem.CanStartAt(timing.startS[0]))
    {
        why << "the first batch would have to start by " << timing.startS[0]
            << " s; it can start only after 0 s and at or after the server's free time "
            << problem.GetServerFreeS() << " s";
        result.reason = why.str();
        return result;
    }
    for (std::size_t j = 0; j < batches.size(); ++j)
    {
        for (const C2BatchMember& m : batches[j])
        {
            C2ServedTask task = MakeC2ServedTask(problem, m.user, m.exit, timing.startS[j]);
            task.batch = j;
            result.allocation.served.push_back(task);
        }
    }
    result.allocation.uploadDeadlineS = batches.empty() ? 0 : timing.startS[0];
    if (!EvaluateInto(problem, result))
    {
        why << "the chain's members need " << timing.totalNeed
            << (problem.UsesResourceBlocks() ? " resource blocks" : " Hz")
            << " or more at their batches' latest starts, more than the " << problem.Capacity()
            << " available";
        result.reason = why.str();
    }
    return result;
}

} // namespace ns3
