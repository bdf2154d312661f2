/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef GREEDY_EARLY_EXIT_C2_SCHEDULER_H
#define GREEDY_EARLY_EXIT_C2_SCHEDULER_H

#include "c2-scheduler.h"
#include "c2-shelf-selector.h"

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Greedy early-exit allocation: batching + early exit, polynomial,
 * sub-optimal (manual: *Greedy early-exit allocation*).
 *
 * Every served task leaves at its required exit m_k (a deeper exit never
 * helps: it lengthens the task and can only enlarge every offset).
 * Execution is BATCH. Three stages; every set kept is feasible under the
 * exact offsets, and each stage only adds to the previous one's size.
 *
 * Stage 1 (conservative shelves). Every offset is bounded by assuming all b
 * tasks traverse every block up to their exit: U_m(b) = sum_{n <= m}
 * tau_n(b) >= C_m(c) for every count vector c of size b. With these fixed
 * offsets C2ShelfSelector decides exactly whether b users fit (for each
 * candidate binding user j, t = T_j - U_{m_j}(b), take the b cheapest users
 * with T_k - U_{m_k}(b) >= t: the exchange argument of shelf packing).
 * Feasibility under U is monotone in b, so a binary search finds the
 * largest b. With attribute Conservative = true the scheduler stops here
 * (the manual's "simpler, more conservative variant") and grants the
 * bandwidth at the set's own shelf under the exact offsets.
 *
 * Stage 2 (fill). At the stage-1 upload deadline t, the other users are
 * scanned in increasing need at t; a user is kept iff, with the exact
 * offsets of the enlarged set (C_m(c), updated in O(N) from the per-exit
 * counts), every member still meets T_k - C_{m_k}(c) >= t and the total
 * need stays within the capacity. Then t moves up to the set's own shelf
 * t*(S) (every need shrinks) and the scan repeats until nothing changes.
 *
 * Stage 3 (local search over the per-exit counts). A count vector c is
 * decided exactly by C2ShelfSelector with the exact offsets C_m(c) and one
 * group per exit (as a tree-search leaf). From the stage-2 counts, repeat:
 * (a) c + e_m for m = 1..N, the first feasible one is taken; else (b) one
 * user for two, c - e_a + e_x + e_y (x <= y, both != a); else (c) a plateau
 * move c - e_a + e_x chosen to minimise the smallest total need over all
 * shelves, taken only if it lowers it (at most PlateauMoves times per
 * allocation). Stop when no move applies. The users and the upload deadline
 * are those of the last accepted selection.
 *
 * Complexity (K users, N exits, b* users served). One selection costs
 * O(K log K) operations and O(K) need evaluations in the worst case (far
 * fewer in ordered mode, see C2ShelfSelector); stage 1 makes O(log K)
 * selections; stage 2 O(K N) operations and O(K) need evaluations per scan,
 * at most b* + 1 scans; stage 3 O(N^3) selections per round and at most
 * b* + PlateauMoves rounds. Memory O(K + N). Measured medians are in
 * doc/edge-inference.rst (benchmark).
 *
 * Search statistics: candidates = selections made, nodes = selections plus
 * stage-2 scans.
 */
class GreedyEarlyExitC2Scheduler : public C2Scheduler
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create the scheduler with its attributes' defaults.
    GreedyEarlyExitC2Scheduler();
    ~GreedyEarlyExitC2Scheduler() override;

    /**
     * @brief Run the algorithm on a selector already built for a problem
     * (the tree search takes its first incumbent from here).
     * @param selector selector of a validated problem
     * @return served tasks, upload deadline and statistics (no predicted
     *         times: those are filled in by Allocate())
     */
    C2Allocation Solve(C2ShelfSelector& selector) const;

  protected:
    C2Allocation DoAllocate(const C2Problem& problem) override;

  private:
    bool m_conservative;     //!< stop after stage 1
    uint32_t m_plateauMoves; //!< plateau moves allowed in stage 3
};

} // namespace ns3

#endif /* GREEDY_EARLY_EXIT_C2_SCHEDULER_H */
