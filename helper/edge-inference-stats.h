/*
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
 * \ingroup edge-inference
 * \brief Per-frame counts: what the scheduler predicted and what happened.
 */
struct EdgeFrameStats
{
    uint32_t frame{0};      //!< frame number
    uint32_t requests{0};   //!< tasks considered by the frame's decision
    uint32_t candidates{0}; //!< tasks in the scheduler's problem
    uint32_t predicted{0};  //!< tasks the scheduler served
    uint32_t completed{0};  //!< tasks that met deadline and accuracy in the simulation
    uint32_t ended{0};      //!< tasks of the frame that ended (any outcome)
    std::map<InferenceTaskOutcome, uint32_t> outcomes; //!< ended tasks by outcome
};

/**
 * \ingroup edge-inference
 * \brief Collects the task records and frame summaries of a cell.
 *
 * Connect() hooks the clients' TaskRecord and the controller's
 * FrameScheduled traces; the object must outlive the simulation run.
 */
class EdgeInferenceStats : public SimpleRefCount<EdgeInferenceStats>
{
  public:
    /// \param apps applications of a cell (EdgeInferenceHelper::Install)
    void Connect(const EdgeInferenceApplications& apps);

    /// \param record a frame summary (FrameScheduled sink)
    void AddFrame(const EdgeFrameRecord& record);
    /// \param record a task record (TaskRecord sink)
    void AddTask(const InferenceTaskRecord& record);

    /// \return frames seen, in frame order
    std::vector<EdgeFrameStats> GetFrames() const;
    /// \return tasks ended
    uint64_t GetTasksEnded() const;
    /// \return tasks that met deadline and accuracy
    uint64_t GetCompleted() const;
    /// \return tasks the scheduler served, over all frames
    uint64_t GetPredicted() const;
    /// \param outcome an outcome \return tasks that ended with it
    uint64_t GetCount(InferenceTaskOutcome outcome) const;

  private:
    std::map<uint32_t, EdgeFrameStats> m_frames;         //!< per frame
    std::map<InferenceTaskOutcome, uint64_t> m_outcomes; //!< totals
    uint64_t m_ended{0};                                 //!< tasks ended
    uint64_t m_predicted{0};                             //!< served, all frames
};

} // namespace ns3

#endif /* EDGE_INFERENCE_STATS_H */
