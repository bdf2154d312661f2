/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EXHAUSTIVE_C2_SCHEDULER_H
#define EXHAUSTIVE_C2_SCHEDULER_H

#include "c2-scheduler.h"

#include <vector>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Reference scheduler: exhaustive search over the subsets of users
 * (manual: *Exhaustive search*), for tests and small frames.
 *
 * For a subset S every task leaves at e_k = m_k (attribute EarlyExit) or at
 * the last exit N; the per-exit counts fix the compute offsets Phi_k(S)
 * (C2Problem::ExitOffsets), the best upload deadline is the shelf
 * t*(S) = min_{k in S} (T_k - Phi_k(S)), and S is feasible iff t*(S) > 0
 * and sum_{k in S} Need(k, t*(S)) <= Capacity(). The scheduler returns a
 * feasible subset of maximum size; ties are broken by the smallest total
 * need, then by the lexicographically smallest list of user indices, so the
 * result is deterministic. Execution is BATCH. Users whose accuracy
 * requirement no exit meets (RequiredExit(k) == 0) are never served.
 *
 * Search: a depth-first enumeration over users in index order, "include"
 * branch first. It relies on one structural fact (manual: *The allocation problem*):
 * feasibility is hereditary, i.e. removing a user from a feasible set keeps
 * it feasible (every per-block batch shrinks, tau_n is non-decreasing in b
 * with tau_n(0) = 0, so every offset shrinks, t* grows and every need
 * shrinks). Hence an infeasible partial set has no feasible superset and its
 * subtree is cut; a subtree whose users cannot reach the incumbent size is
 * cut too. Every feasible subset that could tie the incumbent is still
 * visited, so the answer is that of a plain enumeration of all 2^K subsets
 * (the test suite checks this against a naive enumeration).
 *
 * Complexity: O(2^K (K + N)) time in the worst case (all subsets
 * feasible but the bound never cuts); in practice the number of nodes is at
 * most (K + 1) times the number of feasible subsets, each node costing one
 * feasibility check of O(N + |S|) need evaluations. Memory O(K). Frames with
 * more than MaxUsers users are refused with an EdgeInferenceError.
 *
 * With MaxBatches J > 1 it is the reference for several batches per frame
 * (manual: *Several batches per frame*): it enumerates every subset, every
 * partition of it into at most J batches and every order of those batches,
 * times each chain with TimeBatchChain() (the latest start of every batch,
 * which has the least need) and keeps the chain serving the most users, of
 * smallest total need among those (the first met on a tie). Only the
 * size bound prunes. The work grows as sum_k C(K, k) * (ordered partitions
 * of k), about 1.1e6 chains for K = 8, so frames of more than 10 users are
 * refused.
 */
class ExhaustiveC2Scheduler : public C2Scheduler
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create the scheduler with its attributes' defaults.
    ExhaustiveC2Scheduler();
    ~ExhaustiveC2Scheduler() override;

  protected:
    /**
     * @copydoc C2Scheduler::DoAllocate
     * @throws EdgeInferenceError if the problem has more than MaxUsers users
     */
    C2Allocation DoAllocate(const C2Problem& problem) override;

  private:
    /**
     * @brief The search over chains of up to MaxBatches batches.
     * @param problem the problem
     * @return the best chain's allocation
     * @throws EdgeInferenceError if the problem has more than 10 users
     */
    C2Allocation AllocateChain(const C2Problem& problem) const;

    bool m_earlyExit;      //!< tasks leave at their required exit (else at exit N)
    uint32_t m_maxUsers;   //!< largest K accepted
    uint32_t m_maxBatches; //!< most batches per frame (1: one batch)
};

} // namespace ns3

#endif /* EXHAUSTIVE_C2_SCHEDULER_H */
