/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef SEQUENTIAL_C2_SCHEDULER_H
#define SEQUENTIAL_C2_SCHEDULER_H

#include "c2-scheduler.h"

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief The "conventional" baselines without batching (manual:
 * *Baselines*): tasks are computed one at a time, each alone (batch 1), in
 * earliest-deadline-first order, after the common upload deadline.
 *
 * A task of user k takes p_k: the whole network at batch 1, C(1), or with
 * the attribute EarlyExit the blocks 1..m_k at batch 1. Computation starts
 * when the last upload ends (EvaluateC2Allocation, SEQUENTIAL mode). For a
 * set S in deadline order (EDF, optimal for a common start by Jackson's
 * rule) the best upload deadline is
 * t*(S) = min_i (T_(i) - sum_{l <= i} p_(l)), and S is feasible iff
 * t*(S) > 0 and sum_{k in S} Need(k, t*(S)) <= Capacity().
 *
 * Algorithm. For each candidate upload deadline t (ascending):
 *  1. the Moore-Hodgson algorithm gives the largest set of jobs that meet
 *     their deadlines from t on, bandwidth ignored (add jobs in deadline
 *     order; when the last one is late, drop the longest so far); its size
 *     is an upper bound for t and never grows with t, so the scan stops at
 *     the first t where it does not exceed the incumbent;
 *  2. if that set's needs at t fit Capacity(), it is the best set for t;
 *  3. otherwise bandwidth binds: a greedy adds users in increasing
 *     Need(k, t) and keeps a user if the set stays EDF-feasible for t
 *     (T_(i) - sum_{l <= i} p_(l) >= t at every position i); it stops at the
 *     first EDF-compatible user whose need no longer fits.
 * The best set over all candidates is granted at its own t*(S) >= t.
 *
 * Without early exit the result is optimal. All p_k equal p, so for a
 * fixed t the EDF-feasible sets are the independent sets of a matroid
 * (unit jobs with deadlines matched to the slots t + (i-1) p, a transversal
 * matroid). In a matroid the first s elements the weight-ordered greedy
 * picks form a minimum-weight independent set of size s (the greedy on the
 * matroid truncated to rank s), so the greedy's stopping point is the
 * largest s whose cheapest independent s-set fits the capacity: the largest
 * set for that t (step 2 returns a largest independent set outright). The
 * optimum S* has t*(S*) = T_j - i p for its user j at position i, and every
 * such value (positive, i up to the Moore-Hodgson count from 0) is a
 * candidate, so the search at t = t*(S*) finds a set at least as large.
 * The test suite checks this against a brute force over all subsets.
 *
 * With early exit the processing times differ, EDF-feasibility is no longer
 * a matroid and the problem is harder: steps 1-2 stay exact for a given t,
 * but the greedy of step 3 and the candidate set are heuristic:
 * T_j - (sum of the i shortest times) and T_j - (p_j + sum of the i - 1
 * shortest times of jobs due no later than j). The no-early-exit optimum
 * (re-exited at m_k, which only shortens every task) is also computed and
 * the larger set returned, so the early-exit variant never serves fewer
 * users than the plain one. On the test suite's 1000 random instances
 * (K <= 12) it served 2370 of the 2378 tasks of the brute-force optimum.
 *
 * Complexity. Let L be the Moore-Hodgson count from t = 0 (no schedule has
 * more jobs; L <= max T / p_min). There are O(K L) candidates; each costs a
 * Moore-Hodgson pass, O(K log L), and, when bandwidth binds, a greedy that
 * visits users in exact need order lazily: t w_k(t) never decreases as t
 * shrinks, so users are sorted once by a_k = t0 w_k(t0) at the largest
 * candidate t0 and a heap of exact needs is popped only while its top is
 * below the next user's bound a_k / t; a user that cannot fit into the
 * current schedule is dropped before its need is computed. Worst case
 * O(K^2 L log K); measured (one core, default scenario, K = 1000): about
 * 20 ms without and 0.3 s with early exit.
 *
 * Search statistics: nodes = candidate deadlines examined, candidates =
 * users tested for EDF-feasibility.
 */
class SequentialC2Scheduler : public C2Scheduler
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create the scheduler with its attributes' defaults.
    SequentialC2Scheduler();
    ~SequentialC2Scheduler() override;

  protected:
    C2Allocation DoAllocate(const C2Problem& problem) override;

  private:
    bool m_earlyExit; //!< tasks leave at their required exit (else at exit N)
};

} // namespace ns3

#endif /* SEQUENTIAL_C2_SCHEDULER_H */
