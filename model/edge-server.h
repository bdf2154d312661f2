/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_SERVER_H
#define EDGE_SERVER_H

#include "c2-allocation.h"
#include "early-exit-profile.h"
#include "inference-client.h"
#include "inference-task-record.h"

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <map>
#include <vector>

namespace ns3
{

class EdgeControlChannel;
class Packet;
class RandomVariableStream;
class Socket;

/**
 * @ingroup edge-inference
 * @brief One task of a batch plan.
 */
struct EdgePlannedTask
{
    InferenceTaskRecord record;  //!< its record (exit and predictions set)
    Ptr<InferenceClient> client; //!< where the result goes
};

/**
 * @ingroup edge-inference
 * @brief What the scheduler host tells the edge server about one frame.
 */
struct EdgeBatchPlan
{
    uint32_t frame{0};                                      //!< frame number
    C2Allocation::Execution execution{C2Allocation::BATCH}; //!< batch or one by one
    std::vector<EdgePlannedTask> tasks;                     //!< in execution order
    Time plannedStart;                                      //!< predicted end of the last upload
    Time latestStart; //!< start even if some data is missing from this instant on
    Time releaseTime; //!< never start before this instant (a policy holding the batch back)
};

/**
 * @ingroup edge-inference
 * @brief The edge server: receives task data over UDP and runs the planned
 * batches on the multi-exit DNN, block by block, from the measured profile.
 *
 * For each frame the EdgeController submits a plan (SubmitPlan). The
 * server starts it as soon as it is idle and either all the plan's data has
 * arrived or the plan's latest start has passed (the controller sets it a
 * small timing guard after the predicted last upload end). Tasks whose data
 * is then missing are not executed: DATA_LATE (nothing arrived) or
 * DATA_INCOMPLETE (part of it); their clients are told. A server still busy
 * with an earlier batch starts the next one when it becomes free.
 *
 * Execution follows the plan's mode. BATCH: block n runs on the b_n tasks
 * whose exit is n or deeper and takes tau_n(b_n) =
 * EarlyExitProfile::GetBlockTime(n, b_n) (the measured table, not the
 * affine fit); after block n the tasks with exit n are released.
 * SEQUENTIAL: the tasks run one after another, alone, in plan order.
 * Optionally (BlockTimeJitter) every block time is multiplied by a factor
 * drawn uniformly between p10/median and p90/median of the profile's
 * measurement at the largest measured batch size not above b_n.
 *
 * Every task of a plan gets one answer through the EdgeControlChannel
 * (SetControlChannel): its result, or the outcome that says why it was not
 * executed (data-late, data-incomplete).
 */
class EdgeServer : public Application
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create a server without profile; set one before the application starts.
    EdgeServer();
    ~EdgeServer() override;

    /**
     * @brief Set the DNN the server executes (required before the start).
     * @param profile the DNN profile the server executes; block times come
     *        from its measured table
     */
    void SetProfile(const EarlyExitProfile& profile);
    /**
     * @brief Get the DNN profile.
     * @return the profile (an empty one until SetProfile)
     */
    const EarlyExitProfile& GetProfile() const;
    /**
     * @brief Tell whether a profile was set.
     * @return true once a profile is set
     */
    bool HasProfile() const;

    /**
     * @brief Set the control channel the answers to the UEs go through
     * (EdgeInferenceHelper::Install sets it; without one, as in plans
     * without clients, no answer is sent).
     * @param channel the control channel
     */
    void SetControlChannel(Ptr<EdgeControlChannel> channel);

    /**
     * @brief A frame's plan (ideal message from the scheduler host).
     *
     * Plans are queued and started in submission order; the server tries to
     * start the plan at its latest start and whenever a task's data completes.
     * @param plan the plan; empty plans are ignored
     */
    void SubmitPlan(const EdgeBatchPlan& plan);

    /**
     * @brief Handles one packet of task data (with its InferenceTaskHeader).
     * The UDP socket calls it; a scenario may also feed packets directly.
     * Packets without a header, of a task not pending in a queued plan, or
     * with a bad or duplicate segment index are ignored (the first two are
     * counted in GetUnexpectedPackets).
     * @param packet the packet, starting with an InferenceTaskHeader
     */
    void ReceiveTaskData(Ptr<const Packet> packet);

    /**
     * @brief Tell whether the server is executing a plan.
     * @return true while a batch (or sequential run) executes
     */
    bool IsBusy() const;
    /**
     * @brief Count the DNN runs started.
     * @return batches (sequential runs count one each) started
     */
    uint64_t GetBatchesStarted() const;
    /**
     * @brief Count the packets that were not expected.
     * @return packets without a task header or whose task is not pending in
     *         a queued plan (unplanned, or its batch already started)
     */
    uint64_t GetUnexpectedPackets() const;

    /**
     * @brief Assign fixed random variable stream numbers (the block time
     * jitter's uniform variable).
     * @param stream first stream index to use
     * @return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * TracedCallback signature of BatchStart.
     * @param frame the frame of the plan
     * @param size tasks in the batch
     * @param plannedStart the plan's predicted start
     */
    typedef void (*BatchStartTracedCallback)(uint32_t frame, uint32_t size, Time plannedStart);
    /**
     * TracedCallback signature of BlockEnd.
     * @param frame the frame of the plan
     * @param block block number n
     * @param batch tasks that went through it
     * @param duration its duration
     */
    typedef void (*BlockEndTracedCallback)(uint32_t frame,
                                           uint32_t block,
                                           uint32_t batch,
                                           Time duration);
    /**
     * TracedCallback signature of TaskDone and TaskDropped.
     * @param record the task's record at the server
     */
    typedef void (*TaskTracedCallback)(const InferenceTaskRecord& record);

  protected:
    /// Drop the socket, the queued plans, the pending runs and data, and the
    /// random variable.
    void DoDispose() override;

  private:
    /// Open the UDP socket on the Port attribute (aborts without a profile or
    /// if the port cannot be bound) and start receiving task data.
    void StartApplication() override;
    /// Stop receiving task data; a batch already executing still completes.
    void StopApplication() override;

    /**
     * @brief Read every packet waiting on the socket, fire the Rx trace and
     * pass each to ReceiveTaskData.
     * @param socket the socket with data to read
     */
    void HandleRead(Ptr<Socket> socket);

    /// Reception state of one planned task.
    struct DataState
    {
        uint32_t bytes{0};          //!< payload bytes received
        uint32_t expectedBytes{0};  //!< payload bytes expected
        std::vector<bool> segments; //!< which segments arrived
        Time lastRx;                //!< time of the last segment
        bool complete{false};       //!< every segment arrived
    };

    /// One run of the DNN: a batch, or one task alone.
    struct Run
    {
        uint32_t frame{0};                  //!< frame of the plan
        std::vector<EdgePlannedTask> tasks; //!< tasks in the run
    };

    /// Starts the head plan if the server is idle and the plan is ready: all
    /// its data has arrived, or its latest start has passed.
    void TryStart();
    /**
     * @brief Start a plan now: drop the tasks whose data is missing
     * (DATA_LATE or DATA_INCOMPLETE, TaskDropped trace, rejection sent) and
     * queue the others as one batch run or, for SEQUENTIAL, one run per task.
     * @param plan the plan to start (taken from the queue)
     */
    void StartPlan(EdgeBatchPlan plan);
    /// Starts the next run, or goes idle.
    void StartNextRun();
    /// Starts the current block of the current run (or ends the run).
    void RunBlock();
    /**
     * @brief End the current block: the tasks whose exit is this block are
     * done (TaskDone trace, result sent); then the next block starts.
     * @param duration how long the block lasted (for the BlockEnd trace)
     */
    void EndBlock(Time duration);
    /**
     * @brief Duration of a block: the profile's tau_n(b), times the jitter
     * factor when BlockTimeJitter is set.
     * @param block block number n in 1..N
     * @param batch tasks b that go through the block, >= 1
     * @return the duration of block n on b tasks
     */
    Time BlockDuration(uint32_t block, uint32_t batch);
    /**
     * @brief Tell whether a plan's data is complete.
     * @param plan a plan
     * @return true when every segment of every task of the plan has arrived
     */
    bool AllArrived(const EdgeBatchPlan& plan) const;
    /**
     * @brief Send the task's answer to its client through the control
     * channel (nothing if the task has no client or there is no channel).
     * @param task a finished task (completion time set), or one that is not
     *        executed (outcome set)
     */
    void SendResult(const EdgePlannedTask& task);

    uint16_t m_port;                      //!< Port attribute
    Ptr<EdgeControlChannel> m_control;    //!< answers to the UEs
    bool m_jitter;                        //!< BlockTimeJitter attribute
    Ptr<RandomVariableStream> m_jitterRv; //!< U(0,1) for the jitter
    EarlyExitProfile m_profile;           //!< the DNN
    bool m_hasProfile;                    //!< m_profile set
    Ptr<Socket> m_socket;                 //!< receiving socket
    std::deque<EdgeBatchPlan> m_plans;    //!< plans not started yet
    std::map<uint64_t, DataState> m_data; //!< data of planned, not started tasks
    std::deque<Run> m_runs;               //!< runs of the executing plan
    uint32_t m_block;                     //!< current block of the current run
    bool m_busy;                          //!< a plan is executing
    EventId m_blockEvent;                 //!< end of the current block
    uint64_t m_batches;                   //!< runs started
    uint64_t m_unexpected;                //!< packets of unknown tasks

    TracedCallback<Ptr<const Packet>, const Address&> m_rxTrace;        //!< Rx
    TracedCallback<uint32_t, uint32_t, Time> m_batchStartTrace;         //!< BatchStart
    TracedCallback<uint32_t, uint32_t, uint32_t, Time> m_blockEndTrace; //!< BlockEnd
    TracedCallback<const InferenceTaskRecord&> m_taskDoneTrace;         //!< TaskDone
    TracedCallback<const InferenceTaskRecord&> m_taskDroppedTrace;      //!< TaskDropped
};

} // namespace ns3

#endif /* EDGE_SERVER_H */
