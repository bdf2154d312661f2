/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef SERVING_C2_SCHEDULER_H
#define SERVING_C2_SCHEDULER_H

#include "c2-allocation.h"
#include "c2-scheduler.h"

#include "ns3/nstime.h"

#include <functional>
#include <string>
#include <vector>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Base of the serving-style baselines (manual: *Serving-style
 * baselines*): batching as an inference server does it, without a radio
 * plan.
 *
 * Every user with an accurate enough exit requests: the uplink is shared
 * equally among them (B / n Hz each; with resource blocks, floor(N_RB / n)
 * blocks each, or one block each to the n = N_RB earliest deadlines when
 * there are more users than blocks); a user that cannot upload at its
 * share (no decodable rate) is not served. Each task leaves at its required
 * exit.
 * The tasks reach the server at their upload ends, and the subclass's
 * batching rule (FormBatches()) turns these arrivals into batches and the
 * instants they are dispatched, which become the allocation's batch release
 * times. Like a server whose queue drops requests that can no longer meet
 * their deadline, tasks predicted to complete late are dropped (not
 * served; their share of the band stays unused) and the rule is applied
 * again to the others, until every remaining task is on time; so the
 * allocation is feasible (EvaluateC2Allocation() decides what is late).
 */
class ServingC2Scheduler : public C2Scheduler
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    ServingC2Scheduler();
    ~ServingC2Scheduler() override;

    /// One batch a batching rule dispatches.
    struct Batch
    {
        std::vector<uint32_t> tasks; //!< indices into the arrival list
        double dispatchS{0};         //!< when it is dispatched (s from frame start)
    };

    /// Duration (s) of a batch of the given arrival indices on the server.
    using DurationFn = std::function<double(const std::vector<uint32_t>&)>;

    /**
     * @brief The batching rule.
     * @param arrivalsS arrival times at the server, non-decreasing (s)
     * @param serverFreeS when the server is first free (s)
     * @param duration the run time of a batch
     * @return the batches in the order they run; each arrival in exactly
     *         one; dispatched no earlier than their last arrival, and each
     *         no earlier than the previous one
     */
    virtual std::vector<Batch> FormBatches(const std::vector<double>& arrivalsS,
                                           double serverFreeS,
                                           const DurationFn& duration) const = 0;

  protected:
    C2Allocation DoAllocate(const C2Problem& problem) override;

  private:
    /**
     * @brief The allocation of the given users under the rule.
     * @param problem the problem
     * @param users the users still requesting, each with its share
     * @param share per user: bandwidth (Hz) and blocks
     * @return the allocation (BATCH, with release times), not evaluated
     */
    C2Allocation Apply(const C2Problem& problem,
                       const std::vector<uint32_t>& users,
                       const std::vector<std::pair<double, uint32_t>>& share) const;
};

/**
 * @ingroup edge-inference
 * @brief Serving baseline "immediate": every task runs alone as soon as it
 * has arrived and the server is free, in arrival order.
 */
class ImmediateServingC2Scheduler : public ServingC2Scheduler
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    std::vector<Batch> FormBatches(const std::vector<double>& arrivalsS,
                                   double serverFreeS,
                                   const DurationFn& duration) const override;
};

/**
 * @ingroup edge-inference
 * @brief Serving baseline "timeout-or-full": the first task to arrive
 * opens a batch, which is dispatched when it holds MaxBatchSize tasks (at
 * the last one's arrival) or Timeout after it was opened, whichever comes
 * first; the next arrival opens the next batch. Batches run in dispatch
 * order when the server is free.
 */
class TimeoutOrFullServingC2Scheduler : public ServingC2Scheduler
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    TimeoutOrFullServingC2Scheduler();

    std::vector<Batch> FormBatches(const std::vector<double>& arrivalsS,
                                   double serverFreeS,
                                   const DurationFn& duration) const override;

  private:
    uint32_t m_maxBatchSize; //!< a batch is full at this many tasks
    Time m_timeout;          //!< an open batch is dispatched this long after opening
};

/**
 * @ingroup edge-inference
 * @brief Serving baseline "dynamic batching", as in the dynamic batchers
 * of inference servers: whenever the server is free and tasks wait, it
 * runs MaxBatchSize of them if that many wait, else the largest preferred
 * batch size that fits in the queue, else it waits for more tasks until the
 * oldest waiting task has waited MaxQueueDelay, and then runs all of them.
 */
class DynamicBatchingServingC2Scheduler : public ServingC2Scheduler
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    DynamicBatchingServingC2Scheduler();

    std::vector<Batch> FormBatches(const std::vector<double>& arrivalsS,
                                   double serverFreeS,
                                   const DurationFn& duration) const override;

  private:
    /**
     * @param waiting tasks in the queue, >= 1
     * @return how many to run now (0: wait)
     */
    uint32_t SizeToRun(uint32_t waiting) const;

    /// @param sizes the PreferredBatchSizes attribute: comma-separated sizes >= 1
    void SetPreferredSizes(std::string sizes);
    /// @return the PreferredBatchSizes attribute
    std::string GetPreferredSizes() const;

    std::vector<uint32_t> m_preferred; //!< preferred batch sizes, increasing
    uint32_t m_maxBatchSize;           //!< never larger batches
    Time m_maxQueueDelay;              //!< longest a task waits for a fuller batch
};

} // namespace ns3

#endif /* SERVING_C2_SCHEDULER_H */
