/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_INFERENCE_STATS_H
#define EDGE_INFERENCE_STATS_H

#include "edge-inference-helper.h"

#include "ns3/edge-controller.h"
#include "ns3/inference-task-record.h"
#include "ns3/simple-ref-count.h"

#include <map>
#include <vector>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Per-frame counts: what the scheduler predicted and what happened.
 *
 * requests, candidates and predicted come from the controller's
 * FrameScheduled trace (EdgeFrameRecord); completed, ended and outcomes
 * from the clients' TaskRecord traces of the tasks that this frame decided
 * (InferenceTaskRecord::frame), counted as they end.
 */
struct EdgeFrameStats
{
    uint32_t frame{0};      //!< frame number, from 0
    uint32_t requests{0};   //!< tasks considered by the frame's decision (pending then)
    uint32_t candidates{0}; //!< tasks in the problem given to the scheduler
    uint32_t predicted{0};  //!< tasks the scheduler served (0 if its allocation was infeasible)
    uint32_t batches{0};    //!< batches it planned for them (several: a chain)
    uint32_t completed{0};  //!< tasks that met deadline and accuracy in the simulation
    uint32_t ended{0};      //!< tasks of the frame that ended (any outcome)
    std::map<InferenceTaskOutcome, uint32_t> outcomes; //!< ended tasks by outcome
};

/**
 * @ingroup edge-inference
 * @brief Collects the task records and frame summaries of a cell.
 *
 * Connect() hooks the clients' TaskCreated and TaskRecord and the controller's
 * FrameScheduled traces; the object must outlive the simulation run.
 */
class EdgeInferenceStats : public SimpleRefCount<EdgeInferenceStats>
{
  public:
    /**
     * @brief Connect AddFrame() to the controller's FrameScheduled trace,
     * AddTask() to every client's TaskRecord trace and AddCreated() to its
     * TaskCreated trace.
     * @param apps applications of a cell (EdgeInferenceHelper::Install)
     */
    void Connect(const EdgeInferenceApplications& apps);

    /// @param record a frame summary (FrameScheduled sink)
    void AddFrame(const EdgeFrameRecord& record);
    /// @param record the final record of a task that ended (TaskRecord sink)
    void AddTask(const InferenceTaskRecord& record);
    /// @param record a new task's record (TaskCreated sink)
    void AddCreated(const InferenceTaskRecord& record);

    /// @return every frame seen by either trace, in frame order
    std::vector<EdgeFrameStats> GetFrames() const;
    /// @return number of tasks created so far (the clients' TaskCreated)
    uint64_t GetTasksCreated() const;
    /// @return number of tasks ended so far (any outcome), all frames
    uint64_t GetTasksEnded() const;
    /// @return number of tasks that met deadline and accuracy (outcome COMPLETED)
    uint64_t GetCompleted() const;
    /// @return number of tasks the scheduler served, summed over all frames
    uint64_t GetPredicted() const;
    /**
     * @param outcome an outcome
     * @return number of tasks that ended with it, all frames
     */
    uint64_t GetCount(InferenceTaskOutcome outcome) const;

  private:
    std::map<uint32_t, EdgeFrameStats> m_frames;         //!< per frame number
    std::map<InferenceTaskOutcome, uint64_t> m_outcomes; //!< ended tasks by outcome, all frames
    uint64_t m_ended{0};                                 //!< tasks ended, all frames
    uint64_t m_created{0};                               //!< tasks created
    uint64_t m_predicted{0};                             //!< tasks served, all frames
};

} // namespace ns3

#endif /* EDGE_INFERENCE_STATS_H */
