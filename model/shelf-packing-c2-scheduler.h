/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef SHELF_PACKING_C2_SCHEDULER_H
#define SHELF_PACKING_C2_SCHEDULER_H

#include "c2-scheduler.h"

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Best-shelf-packing scheduler: batching without early exit,
 * optimal (manual: *Best shelf packing*).
 *
 * Every served task runs the whole network (exit N) in one batch, so a set
 * of b users has the common compute time C(b) = sum_n tau_n(b) and the
 * shelf t*(S) = min_{k in S} T_k - C(b).
 *
 * Algorithm. For a batch size b and a candidate binding user j with
 * t = T_j - C(b) > 0, let E_j = {k : T_k >= T_j, m_k != 0}; the shelf
 * (b, j) is feasible iff the b users of E_j with the smallest Need(k, t)
 * fit: their total is at most Capacity(). The largest b with a feasible
 * shelf is returned; among that b's feasible shelves, the one with the
 * smallest total need at its t (ties: the larger T_j, then smaller user
 * indices). The grants are then made at the chosen set's own shelf
 * t*(S) >= t, which only lowers the needs.
 *
 * Exactness (exchange argument). Let S be any feasible set of size b and j
 * its user with the earliest deadline: t*(S) = T_j - C(b) and S is a subset
 * of E_j, so the b cheapest users of E_j need no more than S at that t;
 * shelf (b, j) is therefore feasible. Feasibility is monotone in b
 * (dropping a user shrinks C and every need), so the largest feasible b is
 * found by binary search.
 *
 * Complexity. Users are sorted by deadline once (O(K log K)); for one b
 * the candidates j are scanned in decreasing deadline (stopping at the
 * first t <= 0), and the b cheapest users of E_j are found lazily: t w_k(t)
 * never decreases as t shrinks (r(B) / B decreases in B), so with
 * a_k = t0 w_k(t0) at the largest possible t0 every need satisfies
 * w_k(t) >= a_k / t, the same factor for all users. Users are visited in
 * increasing a_k (sorted once) and the visit stops when a_k / t exceeds
 * the b-th smallest need so far (a heap of size b). Each shelf costs O(K)
 * comparisons plus O(b log b) need evaluations when the bound orders the
 * users well (exactly for fixed PSD, or equal task sizes and powers) and
 * O(K log b) in the worst case. A binary search over b in [1, b_max]
 * (b_max: eligible users and the largest b with C(b) < max T_k) makes the
 * total O(K^2 log K log b_max) worst case; the searches for smaller b stop
 * at the first feasible shelf. Measured (one core, default scenario,
 * K = 1000): about 50 ms. Memory O(K).
 *
 * Search statistics: nodes = shelves (b, j) examined, candidates = batch
 * sizes b tested.
 */
class ShelfPackingC2Scheduler : public C2Scheduler
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create the scheduler (it has no attributes).
    ShelfPackingC2Scheduler();
    ~ShelfPackingC2Scheduler() override;

  protected:
    C2Allocation DoAllocate(const C2Problem& problem) override;
};

} // namespace ns3

#endif /* SHELF_PACKING_C2_SCHEDULER_H */
