/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef C2_ALLOCATION_H
#define C2_ALLOCATION_H

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class C2Problem;

/**
 * @ingroup edge-inference
 * @brief One served task of an allocation.
 *
 * A scheduler fills user, exit and the bandwidth (bandwidthHz, and
 * resourceBlocks when the problem uses resource blocks), and batch when it
 * forms several batches (TimeBatchChain()); the evaluation
 * (EvaluateC2Allocation) fills the predicted times.
 */
struct C2ServedTask
{
    uint32_t user{0};           //!< index into C2Problem::GetUsers()
    uint32_t exit{0};           //!< exit 1..N the task leaves at
    double bandwidthHz{0};      //!< granted bandwidth (Hz)
    uint32_t resourceBlocks{0}; //!< granted blocks (0 when continuous)
    double uploadEndS{0};       //!< predicted end of the upload (s from frame start)
    double computeStartS{0};    //!< predicted start of its computation (s)
    double completionS{0};      //!< predicted completion (s)
    uint32_t batch{0};          //!< its batch's place in the frame's chain (0: first; BATCH only)
};

/**
 * @ingroup edge-inference
 * @brief Search statistics a scheduler reports.
 */
struct C2SearchStats
{
    uint64_t nodes{0};      //!< tree nodes / subsets / candidates examined
    uint64_t candidates{0}; //!< feasibility checks made
    double runtimeUs{0};    //!< wall time of the allocation (microseconds)
};

/**
 * @ingroup edge-inference
 * @brief Result of a scheduler for one frame (manual: *One frame*, *The allocation problem*).
 */
struct C2Allocation
{
    /// How the served tasks are computed after the uploads.
    enum Execution
    {
        BATCH,     //!< one batch, tasks leave at their exits (with batching)
        SEQUENTIAL //!< one task at a time, in the order of 'served' (no batching)
    };

    std::string scheduler;               //!< TypeId name of the scheduler
    Execution execution{BATCH};          //!< how the served tasks are computed
    std::vector<C2ServedTask> served;    //!< the served tasks
    double uploadDeadlineS{0};           //!< the upload deadline t the scheduler chose
    std::vector<double> batchReleaseS;   //!< optional: batch j starts no earlier (s; empty: none)
    C2SearchStats stats;                 //!< search statistics
    bool feasible{true};                 //!< set by the evaluation
    std::vector<std::string> violations; //!< set by the evaluation

    /**
     * @brief Count the served tasks.
     * @return number of served tasks, served.size()
     */
    uint32_t GetServedCount() const;
};

/**
 * @ingroup edge-inference
 * @brief Evaluation of an allocation against its problem.
 */
struct C2Evaluation
{
    bool feasible{true};                 //!< every constraint holds
    std::vector<std::string> violations; //!< what does not hold, one line each
    double computeStartS{0};             //!< when computation starts (the first batch's start)
    std::vector<double> batchStartS;     //!< BATCH: when each batch starts, by batch index
    std::vector<double> uploadEndS;      //!< per served task, same order as served
    std::vector<double> taskStartS;      //!< per served task: start of its computation
    std::vector<double> completionS;     //!< per served task
    uint32_t completedCount{0};          //!< tasks that meet accuracy and deadline
};

/**
 * @ingroup edge-inference
 * @brief A served task that uploads in exactly the upload deadline: its
 * bandwidth is the user's need w_k(t) (rounded up to whole resource blocks
 * in resource-block mode).
 * @param problem the problem
 * @param user user index
 * @param exit exit 1..N
 * @param uploadDeadlineS t (s)
 * @return the task with user, exit, bandwidthHz and resourceBlocks set
 */
C2ServedTask MakeC2ServedTask(const C2Problem& problem,
                              uint32_t user,
                              uint32_t exit,
                              double uploadDeadlineS);

/**
 * @ingroup edge-inference
 * @brief One member of a batch: a user and the exit its task leaves at.
 */
struct C2BatchMember
{
    uint32_t user{0}; //!< index into C2Problem::GetUsers()
    uint32_t exit{0}; //!< exit 1..N
};

/**
 * @ingroup edge-inference
 * @brief The feasible one-batch allocation of a chosen set of users, or why
 * none exists (MakeOneBatchAllocation()).
 */
struct C2OneBatchResult
{
    bool feasible{false};    //!< the chosen set can be served as one batch
    std::string reason;      //!< why not, one line naming the user or the total; empty if feasible
    C2Allocation allocation; //!< the allocation (BATCH, evaluated); meaningful only if feasible
};

/**
 * @ingroup edge-inference
 * @brief Builds the one-batch allocation of a chosen set of users and exits:
 * what every batching scheduler computes once it has picked its set.
 *
 * With the exits fixed, the batch sizes of all blocks are fixed, so each
 * task's compute offset Phi_k is a constant (manual: *The allocation
 * problem*). The uploads must end by the shelf t* = min_k (T_k - Phi_k),
 * fixed by one binding user, and each user then needs w_k(t*) (whole
 * resource blocks in resource-block mode). The set is feasible when t* > 0
 * and the needs add up to at most the band; among all allocations of this
 * set the result is the one with the latest upload deadline and the least
 * total bandwidth. Feasibility is decided by EvaluateC2Allocation(), the
 * module's single check; the reason names the first rule that fails.
 *
 * @param problem the problem (must pass Validate())
 * @param members the users and their exits, each user at most once; the
 *        allocation serves them in this order
 * @return the evaluated allocation (served tasks with their needs as
 *         bandwidths, uploadDeadlineS = t*, predicted times), or feasible ==
 *         false and a reason: a user index out of range or repeated, an exit
 *         out of 1..N or not accurate enough for its user, a user that
 *         cannot finish even with an instant upload (t* <= 0), or needs
 *         above the band
 */
C2OneBatchResult MakeOneBatchAllocation(const C2Problem& problem,
                                        const std::vector<C2BatchMember>& members);

/**
 * @ingroup edge-inference
 * @brief The compute offsets of one batch whose exits are fixed.
 */
struct C2BatchOffsets
{
    std::vector<double> offsetS; //!< per exit n: batch start to the results of exit n (s)
    double durationS{0};         //!< batch start to its deepest member's result (s)
};

/**
 * @ingroup edge-inference
 * @brief Offsets of one batch (C2Problem::ExitOffsets of its per-exit
 * counts) and its duration, the offset of its deepest member's exit.
 * @param problem the problem
 * @param members the batch, non-empty, exits in 1..N
 * @return the offsets and the duration
 */
C2BatchOffsets TimeOneBatch(const C2Problem& problem, const std::vector<C2BatchMember>& members);

/**
 * @ingroup edge-inference
 * @brief The latest start of every batch of a chain, and the total need of
 * the uploads that end there (TimeBatchChain()).
 */
struct C2ChainTiming
{
    bool feasible{false};       //!< the chain fits: s_1 may start and the needs fit the band
    std::vector<double> startS; //!< latest start s_j of each batch (s from frame start)
    double totalNeed{0};        //!< sum of the members' needs at their batch's start (units)
};

/**
 * @ingroup edge-inference
 * @brief Times a chain of batches that run back to back on the server: the
 * core of every multi-batch scheduler (manual: *Several batches per frame*).
 *
 * With the exits fixed, batch j's compute offsets Phi_jk and duration D_j
 * (its deepest member's offset) are constants. Its members upload by its
 * start s_j, so s_j <= S_j = min_k (T_k - Phi_jk) and s_j + D_j <= s_{j+1}.
 * The backward rule s_J = S_J, s_j = min(S_j, s_{j+1} - D_j) gives every
 * batch its latest possible start at once (any feasible start vector is
 * below it component by component), and each need w_k(s_j) is
 * non-increasing in s_j, so this timing has the least need of every member:
 * the chain is feasible iff the first batch can start at s_1
 * (C2Problem::CanStartAt) and the needs add up to at most the band. With
 * one batch this is MakeOneBatchAllocation()'s shelf rule.
 *
 * @param problem the problem (must pass Validate())
 * @param batches the batches in execution order, each non-empty, every
 *        member admissible (a user of the problem, at most once in the
 *        chain, at an exit accurate enough for it)
 * @return the latest starts, the total need and whether the chain fits;
 *         stops summing needs once they exceed the band
 */
C2ChainTiming TimeBatchChain(const C2Problem& problem,
                             const std::vector<std::vector<C2BatchMember>>& batches);

/**
 * @ingroup edge-inference
 * @brief Builds the allocation of a chain of batches (TimeBatchChain()):
 * each member gets its need at its batch's latest start as bandwidth and the
 * batch's index, and the allocation is checked by EvaluateC2Allocation().
 * @param problem the problem (must pass Validate())
 * @param batches the batches in execution order
 * @return the evaluated allocation (BATCH, uploadDeadlineS = s_1), or
 *         feasible == false and a reason: an empty batch, an inadmissible
 *         member (as in MakeOneBatchAllocation()), a first batch that
 *         cannot start in time, or needs above the band
 */
C2OneBatchResult MakeBatchChainAllocation(const C2Problem& problem,
                                          const std::vector<std::vector<C2BatchMember>>& batches);

/**
 * @ingroup edge-inference
 * @brief The single source of truth for feasibility and predicted times.
 *
 * Recomputes everything from the problem and the allocation's users, exits
 * and bandwidths (ignores the allocation's predicted times):
 *  - each served user is a valid index and appears once;
 *  - each exit is in 1..N and accurate enough for its user;
 *  - in resource-block mode each bandwidth is the user's block count times
 *    the block width;
 *  - the bandwidths add up to at most B (whole blocks: at most the blocks
 *    that fit in B);
 *  - upload of user k ends at D_k / r_k(B_k);
 *  - in BATCH mode the batch indices used are 0..J-1 without a gap; the
 *    batches run one after another in index order, batch j starting at the
 *    latest of the server's free time s0, the end of batch j-1, the last
 *    upload of its own members and its release time batchReleaseS[j] when
 *    the allocation gives them (one finite value >= 0 per batch, for
 *    policies that hold a batch back); in batch j, block n runs on j's tasks whose
 *    exit is n or deeper and task k completes at its batch's start +
 *    C_{e_k}(c_j); the batch ends when its deepest task completes;
 *  - in SEQUENTIAL mode every batch index is 0; computation starts at the
 *    later of s0 and the last upload end, and the tasks run alone, one
 *    after another in the order given, each taking sum_{n <= e_k} tau_n(1);
 *  - each completion is at most the user's deadline.
 * Comparisons forgive a relative error of 1e-9 (plus 1e-12 s), far below
 * anything physical, so that a bandwidth w_k(t) computed in floating point
 * uploads "in time t".
 *
 * @param problem the problem (must pass Validate())
 * @param allocation the allocation
 * @return the evaluation
 */
C2Evaluation EvaluateC2Allocation(const C2Problem& problem, const C2Allocation& allocation);

} // namespace ns3

#endif /* C2_ALLOCATION_H */
