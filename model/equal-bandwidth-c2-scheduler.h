/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EQUAL_BANDWIDTH_C2_SCHEDULER_H
#define EQUAL_BANDWIDTH_C2_SCHEDULER_H

#include "c2-scheduler.h"

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Baseline with batching and an equal split of the bandwidth
 * (manual: *Baselines*): the largest batch whose users all make their
 * deadlines when each gets the same share.
 *
 * With b served users each gets Capacity() / b units (in resource-block
 * mode floor(RBs / b) whole blocks, so b > RBs is impossible). User k then
 * uploads in u_k(b), its upload time on that share (or, when later, the
 * server's free time C2Problem::GetServerFreeS); the batch starts at the
 * latest of these and task k completes at start + Phi_k. Unlike the
 * other schedulers the grant is not the need w_k(t): a user with a good
 * channel finishes its upload early and waits for the batch.
 *
 * Algorithm. Let d_k(b) = T_k - Cbar_{e_k}(b), where
 * Cbar_m(b) = sum_{n <= m} tau_n(b) is the offset of exit m when all b
 * tasks run every block up to m. A set S of size b with all
 * intervals [u_k(b), d_k(b)] sharing a point s (that is,
 * max_S u_k <= min_S d_k) is feasible: the batch starts at max_S u_k <= s
 * and every task completes by s + Phi_k <= s + Cbar_{e_k}(b) <= T_k. A
 * sweep over the left ends in increasing order with a min-heap of right
 * ends finds the first point covered by b intervals; the b covering users
 * with the latest d_k (ties: smaller index) are served. Feasibility is
 * monotone in b (a smaller batch gets larger shares and shorter blocks),
 * so the largest b is found by binary search over 1..K.
 *
 * Without early exit (default; every e_k = N, Phi_k = C(b) = Cbar_N(b))
 * the condition above is also necessary, so the result is the largest
 * feasible batch under the equal split (exact). With the attribute
 * EarlyExit the exits are e_k = m_k and Cbar bounds the true offsets from
 * above: a conservative heuristic that never serves fewer users than the
 * plain variant.
 *
 * Complexity: O(K log K) per batch size (upload times, sort, sweep), O(K
 * log^2 K) in all. Memory O(K).
 *
 * Search statistics: nodes = batch sizes tested, candidates = intervals
 * swept.
 */
class EqualBandwidthC2Scheduler : public C2Scheduler
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create the scheduler with its attributes' defaults.
    EqualBandwidthC2Scheduler();
    ~EqualBandwidthC2Scheduler() override;

  protected:
    C2Allocation DoAllocate(const C2Problem& problem) override;

  private:
    bool m_earlyExit; //!< tasks leave at their required exit (else at exit N)
};

} // namespace ns3

#endif /* EQUAL_BANDWIDTH_C2_SCHEDULER_H */
