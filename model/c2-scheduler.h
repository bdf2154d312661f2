/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef C2_SCHEDULER_H
#define C2_SCHEDULER_H

#include "c2-allocation.h"
#include "c2-problem.h"

#include "ns3/object.h"
#include "ns3/traced-callback.h"

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Base class of the joint communication-and-computation (C2)
 * scheduler plugins: a pure function from a C2Problem to a C2Allocation.
 *
 * A scenario picks a scheduler by TypeId (e.g.
 * "ns3::TreeSearchC2Scheduler") and sets its attributes, like the LTE
 * module's MAC schedulers.
 *
 * Writing a plugin: derive from this class, give it a TypeId with
 * SetParent<C2Scheduler>() and AddConstructor, and implement DoAllocate().
 * DoAllocate receives a problem that passed C2Problem::Validate() and
 * returns the served users (C2ServedTask::user, exit, bandwidthHz, and
 * resourceBlocks when the problem uses resource blocks), the execution mode
 * and the upload deadline; the predicted times are filled in by Allocate()
 * through EvaluateC2Allocation(), the single source of truth. Allocate() also
 * measures the runtime and records whether the allocation is feasible; an
 * infeasible allocation is logged as an error and flagged
 * (C2Allocation::feasible = false) so the caller refuses to execute it.
 *
 * The module's manual (doc/edge-inference.rst, "Writing your own scheduler")
 * walks through a complete plugin built outside the module (user-plugin/)
 * and its comparison TestSuite.
 */
class C2Scheduler : public Object
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    /// Construct the base of a scheduler plugin.
    C2Scheduler();
    ~C2Scheduler() override;

    /**
     * @brief Allocate one frame: validate the problem, run DoAllocate(),
     * time it, evaluate the result with EvaluateC2Allocation() and fire the
     * Allocation trace.
     * @param problem the problem; validated here (throws EdgeInferenceError
     *        if invalid)
     * @return the allocation with scheduler name, predicted times (only when
     *         feasible), feasibility, violations and stats
     */
    C2Allocation Allocate(const C2Problem& problem);

    /**
     * TracedCallback signature for allocations.
     * @param problem the problem
     * @param allocation the allocation made for it
     */
    typedef void (*AllocationTracedCallback)(const C2Problem& problem,
                                             const C2Allocation& allocation);

  protected:
    /**
     * @brief The algorithm.
     * @param problem a validated problem
     * @return served tasks, execution mode, upload deadline, stats.nodes
     */
    virtual C2Allocation DoAllocate(const C2Problem& problem) = 0;

  private:
    /// Fired after each allocation.
    TracedCallback<const C2Problem&, const C2Allocation&> m_allocationTrace;
};

} // namespace ns3

#endif /* C2_SCHEDULER_H */
