/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MULTI_BATCH_C2_SCHEDULER_H
#define MULTI_BATCH_C2_SCHEDULER_H

#include "c2-allocation.h"
#include "c2-scheduler.h"

#include "ns3/ptr.h"

#include <vector>

namespace ns3
{

class TreeSearchC2Scheduler;

/**
 * @ingroup edge-inference
 * @brief Several batches per frame, run back to back on the server, with
 * the tasks grouped by deadline (manual: *Several batches per frame*); a
 * heuristic that is never worse than the best single batch.
 *
 * One batch makes every served user upload by the same shelf, set by the
 * most urgent one; a chain of batches lets users with later deadlines
 * upload until a later batch starts, so they need less bandwidth and the
 * band serves more users. Every task leaves at its required exit m_k. A
 * chain is timed by TimeBatchChain() (each batch at its latest start).
 *
 *  1. Start from TreeSearchC2Scheduler's allocation (the optimum with one
 *     batch) as a chain of one batch.
 *  2. Regroup by deadline: sort the served users by deadline and split the
 *     sorted list into contiguous groups, one split at a time, each time
 *     taking the split of least total need among the feasible ones, up to
 *     MaxBatches groups; keep the result if its need is below the current
 *     chain's.
 *  3. Insert: among every unserved user and every place for it (in an
 *     existing batch, or in a new batch at any position while the chain
 *     has fewer than MaxBatches), take the feasible placement of least
 *     total need; go back to 2. Stop when no user can be inserted.
 *
 * Every chain kept is feasible and the served count never decreases, so
 * the result serves at least as many users as TreeSearch; with MaxBatches
 * = 1 it is TreeSearch's. It is not optimal: the test suite compares it
 * with ExhaustiveC2Scheduler with MaxBatches > 1 on small frames. Work:
 * step 3 times O(K * MaxBatches) chains per inserted user, each in
 * O(K + N * MaxBatches), plus one tree search.
 */
class MultiBatchC2Scheduler : public C2Scheduler
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create the scheduler with its single-batch start, a TreeSearchC2Scheduler.
    MultiBatchC2Scheduler();
    ~MultiBatchC2Scheduler() override;

  protected:
    C2Allocation DoAllocate(const C2Problem& problem) override;
    /// Release the tree search.
    void DoDispose() override;

  private:
    /// A chain of batches in execution order.
    using Chain = std::vector<std::vector<C2BatchMember>>;

    /**
     * @brief Step 2: the best contiguous split of the served users by deadline.
     * @param problem the problem
     * @param chain the current chain (feasible); replaced if a split needs less
     * @param need its total need (units); updated with it
     */
    void RegroupByDeadline(const C2Problem& problem, Chain& chain, double& need) const;

    /**
     * @brief Step 3: inserts one unserved user where it costs least.
     * @param problem the problem
     * @param chain the current chain (feasible); the user is added to it
     * @param served which users the chain serves; updated
     * @param need the chain's total need (units); updated
     * @return true if a user was inserted
     */
    bool InsertCheapest(const C2Problem& problem,
                        Chain& chain,
                        std::vector<bool>& served,
                        double& need) const;

    uint32_t m_maxBatches;               //!< most batches per frame
    Ptr<TreeSearchC2Scheduler> m_single; //!< the single-batch optimum
};

} // namespace ns3

#endif /* MULTI_BATCH_C2_SCHEDULER_H */
