/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef LARGEST_SNR_C2_SCHEDULER_H
#define LARGEST_SNR_C2_SCHEDULER_H

// A scheduler plugin written outside the edge-inference module, the way a
// user writes one: it only uses the module's public headers.
#include "ns3/c2-scheduler.h"

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Example plugin: largest SNR first with an equal bandwidth split.
 *
 * Users some exit is accurate enough for are ranked by decreasing received
 * power P_k g_k (the SNR over the whole band, P_k g_k / (N0 B), has the
 * same order; ties: smaller index). The scheduler serves the b best of them,
 * each with Capacity() / b units (whole resource blocks: floor(RBs / b)),
 * for the largest b whose allocation EvaluateC2Allocation finds feasible.
 * Every task leaves at its required exit (attribute EarlyExit, default
 * false: at the last exit). Deadlines play no part in the choice, which is
 * why this simple rule loses to the paper's schedulers.
 *
 * Feasibility is monotone in b: the b best users are a subset of the b + 1
 * best, and with fewer users every share is larger (every upload shorter)
 * and every block runs on fewer tasks (every offset smaller). So the scan
 * stops at the first infeasible b. Complexity: O(K log K) to rank, O(b N)
 * per evaluation, O(K^2 + K N) in all.
 *
 * Search statistics: nodes = batch sizes evaluated.
 */
class LargestSnrC2Scheduler : public C2Scheduler
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    LargestSnrC2Scheduler();
    ~LargestSnrC2Scheduler() override;

  protected:
    C2Allocation DoAllocate(const C2Problem& problem) override;

  private:
    bool m_earlyExit; //!< tasks leave at their required exit (else at exit N)
};

} // namespace ns3

#endif /* LARGEST_SNR_C2_SCHEDULER_H */
