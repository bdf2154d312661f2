/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef INFERENCE_TASK_RECORD_H
#define INFERENCE_TASK_RECORD_H

#include "ns3/nstime.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief What finally happened to an inference task.
 *
 * A task is either executed (COMPLETED or DEADLINE_MISSED) or it never runs,
 * and then the outcome says why: the reasons the scheduler host refuses a
 * task (ACCURACY, NOT_SCHEDULED, INFEASIBLE_ALLOCATION, EXPIRED) and the
 * reasons the edge server drops a planned task (DATA_LATE, DATA_INCOMPLETE).
 */
enum class InferenceTaskOutcome
{
    PENDING,               //!< not decided yet (never in a final record)
    COMPLETED,             //!< executed; result in time and accurate enough
    DEADLINE_MISSED,       //!< executed, but the result came after the deadline
    ACCURACY,              //!< no exit of the network is accurate enough
    NOT_SCHEDULED,         //!< in the frame's problem, but the scheduler did not serve it
    INFEASIBLE_ALLOCATION, //!< the scheduler returned an infeasible allocation (never executed)
    EXPIRED,               //!< its deadline passed before a frame could consider it
    DATA_LATE,             //!< planned, but none of its data had arrived when the batch started
    DATA_INCOMPLETE,       //!< planned, but only part of its data had arrived
    NO_RESPONSE,           //!< the UE heard nothing by its deadline (a control message was lost)
};

/**
 * @ingroup edge-inference
 * @brief Name of an outcome.
 * @param outcome an outcome
 * @return its name as written in CSV files: "completed", "deadline-missed",
 *         "accuracy", "not-scheduled", "infeasible-allocation", "expired",
 *         "data-late", "data-incomplete", "no-response" ("pending" for
 *         PENDING)
 */
std::string ToString(InferenceTaskOutcome outcome);

/**
 * @ingroup edge-inference
 * @brief The outcomes a task can end with (every outcome but PENDING).
 * @return COMPLETED, DEADLINE_MISSED, ACCURACY, NOT_SCHEDULED,
 *         INFEASIBLE_ALLOCATION, EXPIRED, DATA_LATE, DATA_INCOMPLETE,
 *         NO_RESPONSE
 */
const std::vector<InferenceTaskOutcome>& GetFinalOutcomes();

/**
 * @ingroup edge-inference
 * @brief Tell whether an outcome is a refusal or a drop.
 * @param outcome an outcome
 * @return true for the outcomes of tasks that were never executed: every
 *         outcome except PENDING, COMPLETED, DEADLINE_MISSED and NO_RESPONSE
 *         (the UE does not know whether its task ran)
 */
bool IsRejection(InferenceTaskOutcome outcome);

/**
 * @ingroup edge-inference
 * @brief Everything recorded about one inference task, from its creation at
 * the UE to its result (or rejection).
 *
 * The client creates the record; the scheduler host (EdgeController) adds
 * the frame, the scheduler's decision and the predicted times; the edge
 * server adds the execution times; the client adds the time the result
 * (or the rejection) reached it and fires it as its "TaskRecord" trace.
 * Times are absolute simulation times; negative (-1 ns) where something
 * did not happen (e.g. no upload for a rejected task).
 */
struct InferenceTaskRecord
{
    uint64_t taskId{0};            //!< unique: (user << 32) | sequence number
    uint32_t user{0};              //!< user index (InferenceClient::UserId)
    uint32_t frame{0};             //!< frame that decided the task
    std::string scheduler;         //!< TypeId name of the scheduler that decided it
    uint32_t dataBytes{0};         //!< task payload (bytes), D rounded up to bytes
    double taskBits{0};            //!< task size D drawn for the task (bit)
    uint32_t packets{0};           //!< packets the data is split into
    double onAirBits{0};           //!< bits sent over the air incl. all packet headers
    double requiredAccuracy{0};    //!< A_k
    double latencyRequirementS{0}; //!< T_k (s), measured from creation
    Time created;                  //!< creation at the UE
    Time deadline;                 //!< created + T_k
    uint32_t requiredExit{0};      //!< m_k (0: none accurate enough)
    uint32_t exit{0};              //!< exit it leaves at (0: not executed)
    double accuracy{0};            //!< accuracy of that exit (0: not executed)
    double bandwidthHz{0};         //!< granted uplink bandwidth (Hz)
    uint32_t firstRb{0};           //!< first granted resource block
    uint32_t nRbs{0};              //!< granted resource blocks
    Time uploadStart{-1};          //!< start of its grant
    Time predictedUploadEnd{-1};   //!< scheduler's prediction of the upload end
    Time uploadEnd{-1};            //!< last byte received by the edge server
    Time predictedCompletion{-1};  //!< scheduler's prediction of the result at the server
    Time batchStart{-1};           //!< start of the batch (or sequential run) it was in
    uint32_t batchSize{0};         //!< tasks in that batch (1 when sequential)
    Time completion{-1};           //!< result ready at the server
    Time resultReceived{-1};       //!< result (or rejection) received by the UE
    bool deadlineMet{false};       //!< result received by the deadline
    bool accuracyMet{false};       //!< exit accuracy >= requirement
    InferenceTaskOutcome outcome{InferenceTaskOutcome::PENDING}; //!< final outcome

    /**
     * @brief Tell whether the task counts as completed.
     * @return true if the task met both its deadline and accuracy requirement
     *         (outcome COMPLETED)
     */
    bool IsCompleted() const
    {
        return outcome == InferenceTaskOutcome::COMPLETED;
    }
};

} // namespace ns3

#endif /* INFERENCE_TASK_RECORD_H */
