/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_CONTROLLER_H
#define EDGE_CONTROLLER_H

#include "c2-allocation.h"
#include "c2-problem.h"
#include "early-exit-profile.h"
#include "inference-task-record.h"
#include "ofdma-grant.h"

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <string>
#include <utility>
#include <vector>

namespace ns3
{

class C2Scheduler;
class EdgeControlChannel;
class EdgeServer;
struct EdgeBatchPlan;
class InferenceClient;
class EdgeUplinkSapProvider;

/**
 * @ingroup edge-inference
 * @brief Summary of one frame's decision at the scheduler host.
 */
struct EdgeFrameRecord
{
    uint32_t frame{0};            //!< frame number, from 0
    Time decision;                //!< when the scheduler ran
    Time uploadStart;             //!< start of the frame's grants
    std::string scheduler;        //!< scheduler TypeId name
    uint32_t requests{0};         //!< tasks considered (pending at the decision: the queue)
    uint32_t candidates{0};       //!< tasks in the problem given to the scheduler
    uint32_t predicted{0};        //!< tasks the scheduler served (all predicted to complete)
    uint32_t rejectedAccuracy{0}; //!< tasks no exit is accurate enough for
    uint32_t expired{0};          //!< tasks whose deadline had passed
    uint32_t carried{0};          //!< tasks left waiting for a later frame
    bool feasible{true};          //!< the allocation passed EvaluateC2Allocation
    double uploadDeadlineS{0};    //!< the scheduler's upload deadline t (s)
    uint32_t batches{0};          //!< batches planned (0 when none served)
    Time plannedBatchStart;       //!< predicted start of the computation (first batch)
    double serverBusyS{0};        //!< server predicted busy this long after the upload start (s)
    double runtimeUs{0};          //!< scheduler wall time (microseconds)
    uint64_t searchNodes{0};      //!< scheduler search statistics
};

/**
 * @ingroup edge-inference
 * @brief The scheduler host at the base station: runs the frames, asks the
 * C2 scheduler plugin for an allocation and executes it through uplink
 * grants and a plan for the edge server.
 *
 * Control messages go through an EdgeControlChannel (SetControlChannel),
 * whose delays are written RequestDelay, GrantDelay and ResultDelay here.
 * Frame f starts at S_f = start + f * FramePeriod. The decision is taken at
 * S_f + RequestDelay, after every other event of that instant, so a task
 * created at S_f by a periodic client is in frame f (as in the paper).
 * Requests (ReceiveRequest) arrive through the channel. At the decision:
 *  1. Each pending task gets its deadline relative to the upload start
 *     U = decision + GrantDelay, shortened by the channel's ResultDelay
 *     and by TimingGuard: T'_k = created_k + T_k - U - ResultDelay -
 *     TimingGuard. The guard (default 10 us) covers what the plan cannot
 *     see: the propagation delay (3.3 us per km) and the rounding of packet
 *     and block durations to the simulator's time resolution. Tasks with
 *     T'_k <= 0 are rejected (EXPIRED); tasks no exit is accurate enough for
 *     are rejected (ACCURACY). At most one task per UE enters the problem
 *     (the earliest deadline; the others wait for a later frame).
 *  2. The C2Problem is built in resource-block mode from the uplink
 *     interface (EdgeUplinkSapProvider, set with SetUplinkSapProvider): the
 *     carrier's blocks, and for each UE the rate the radio will deliver on
 *     1..N blocks with the channel the BS holds now (GetLinkState); the
 *     task's on-air bits (packet headers included) and the exits from the
 *     profile (accuracies and affine fits). When every link state has the
 *     Shannon closed form, the problem uses the fixed-power rate model with
 *     that noise PSD (the same needs, and the schedulers' fast bounds);
 *     otherwise (an MCS table) each user gets its rate table.
 *  3. The scheduler plugin allocates. An infeasible allocation (per
 *     EvaluateC2Allocation) is never executed: all its tasks are rejected
 *     (INFEASIBLE_ALLOCATION). Otherwise served users get contiguous
 *     resource blocks, in the order the scheduler lists them, for
 *     [U, U + max(t, predicted upload end) + TimingGuard), cut at the next
 *     frame's upload start; the other tasks are rejected (NOT_SCHEDULED),
 *     or with QueueUnserved wait for the next frame, planned again with
 *     their remaining time budget until step 1 finds them EXPIRED (with
 *     queues, also when T'_k is at most the task's compute time alone,
 *     C_{m_k}(1): no frame can serve it any more).
 *  4. The edge server gets the plan (exits, execution mode, predicted
 *     start); at U the UEs get their grants and the clients are told to
 *     send.
 *
 * The paper's frame model assumes the server is free when the uploads end.
 * Here a frame may start while the previous batch still runs (latency
 * requirements longer than the frame, delays): with ServerBusyAware (default)
 * the frame's problem carries the server's predicted free time
 * (C2Problem::SetServerFreeS), every scheduler starts the batch no earlier,
 * and the predictions hold; without it, it plans as if the server
 * were free, the server delays the batch (see EdgeServer) and tasks may miss
 * their deadlines. In the default scenario (T <= frame) the server is always
 * free and both give the same plans.
 */
class EdgeController : public Application
{
  public:
    /// The block latencies the plans use (BlockTimes attribute).
    enum BlockTimeModel
    {
        AFFINE_FIT,       //!< the profile's affine fit
        MEASURED_ENVELOPE //!< the monotone upper envelope of the measured table
    };

    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create a controller without scheduler, profile or server; all three
    /// must be set before the application starts.
    EdgeController();
    ~EdgeController() override;

    /**
     * @brief Set the C2 scheduler plugin (same as the Scheduler attribute).
     * @param scheduler the C2 scheduler plugin
     */
    void SetScheduler(Ptr<C2Scheduler> scheduler);
    /**
     * @brief Get the C2 scheduler plugin.
     * @return the C2 scheduler plugin (null until set)
     */
    Ptr<C2Scheduler> GetScheduler() const;
    /**
     * @brief Set the DNN the plans are made for (required before the start).
     * @param profile the DNN profile (exits and block latencies); the
     *        problems use its accuracies and affine fits
     */
    void SetProfile(const EarlyExitProfile& profile);
    /**
     * @brief Set the edge server (required before the start).
     * @param server the edge server that executes the plans
     */
    void SetServer(Ptr<EdgeServer> server);
    /**
     * @brief Get the edge server.
     * @return the edge server (null until set)
     */
    Ptr<EdgeServer> GetServer() const;
    /**
     * @brief Set the uplink radio back end the plans are made with and the
     * grants go to (required before the start; EdgeInferenceHelper::Install
     * passes the BS device's, OfdmaBsNetDevice::GetEdgeUplinkSapProvider).
     * @param provider the back end's interface; must outlive the controller
     */
    void SetUplinkSapProvider(EdgeUplinkSapProvider* provider);

    /**
     * @brief Set the control channel the messages to and from the UEs go
     * through (required before the start; EdgeInferenceHelper::Install
     * creates one).
     * @param channel the control channel
     */
    void SetControlChannel(Ptr<EdgeControlChannel> channel);
    /**
     * @brief Get the control channel.
     * @return the control channel (null until set)
     */
    Ptr<EdgeControlChannel> GetControlChannel() const;

    /**
     * @brief A task request from a UE arrives (called by the
     * EdgeControlChannel); it waits for the next decision.
     * @param record the task's record (requirements, size, on-air bits)
     * @param client the UE application; it must have an uplink device
     *        (InferenceClient::GetUplinkAddress; aborts otherwise)
     */
    void ReceiveRequest(const InferenceTaskRecord& record, Ptr<InferenceClient> client);

    /**
     * @brief Count the frames decided.
     * @return frames decided so far (the scheduler ran, whatever the result)
     */
    uint32_t GetFramesDecided() const;

    /**
     * TracedCallback signature of FrameScheduled.
     * @param record the frame's summary
     */
    typedef void (*FrameTracedCallback)(const EdgeFrameRecord& record);
    /**
     * TracedCallback signature of Allocation.
     * @param frame the frame
     * @param problem the problem given to the scheduler
     * @param allocation its allocation
     */
    typedef void (*AllocationTracedCallback)(uint32_t frame,
                                             const C2Problem& problem,
                                             const C2Allocation& allocation);

  protected:
    /// Drop the scheduler, server, BS device and pending requests.
    void DoDispose() override;

  private:
    /// Check the configuration (profile, Scheduler, server, FramePeriod > 0,
    /// the uplink interface; aborts otherwise) and start frame 0 now.
    void StartApplication() override;
    /// Cancel the next frame start; a decision already scheduled still runs.
    void StopApplication() override;

    /// A task waiting for a frame.
    struct Request
    {
        InferenceTaskRecord record;  //!< the task
        Ptr<InferenceClient> client; //!< its UE application
        Address ue;                  //!< its uplink device's address
    };

    /// Starts frame m_frame and schedules the next one (unless MaxFrames
    /// frames have started).
    void StartFrame();
    /**
     * @brief Decision point of a frame, RequestDelay after its start: runs
     * Decide after the events already scheduled for the same instant.
     * @param frame the frame number
     */
    void DecisionPoint(uint32_t frame);

    /// The tasks of a frame given to the scheduler, in task-id order.
    struct Candidates
    {
        std::vector<Request> requests; //!< at most one per UE
        /// Each task's deadline relative to the upload start (s), less the
        /// result delay and the timing guard.
        std::vector<double> deadlineS;
        /// When the server becomes free, relative to the upload start (s).
        double serverFreeS{0};
    };

    /**
     * @brief Decide a frame: steps 1 to 4 of the class description, in the
     * stages below (admit, build the problem, run the scheduler, dispatch).
     * @param frame the frame number
     */
    void Decide(uint32_t frame);
    /**
     * @brief Step 1: take the pending tasks and reject those that expired or
     * that no exit is accurate enough for; keep one task per UE (the
     * earliest deadline; the others wait for a later frame).
     * @param fr the frame's record (frame, scheduler, upload start and busy
     *        time set; its counts are updated)
     * @param exits a problem with the frame's exits (SetExits()), for the
     *        tasks' alone times
     * @return the candidates
     */
    Candidates AdmitRequests(EdgeFrameRecord& fr, const C2Problem& exits);
    /**
     * @param candidates candidates in any order
     * @return the same in task-id order (user index, then sequence)
     */
    static Candidates SortByTaskId(const Candidates& candidates);
    /**
     * @brief Step 2: completes the frame's C2 problem: the radio's blocks
     * and link states (closed-form Shannon rates, or rate tables) and one
     * user per candidate with its deadline capped so that its upload ends
     * within the frame.
     * @param candidates the candidates
     * @param problem the problem, with its exits set (SetExits()) for at
     *        least as many tasks as candidates
     */
    void BuildProblem(const Candidates& candidates, C2Problem& problem);
    /**
     * @brief Give a problem the profile's exits with the block latencies of
     * the BlockTimes attribute.
     * @param problem the problem
     * @param maxBatch the largest batch it may form (table length)
     */
    void SetExits(C2Problem& problem, uint32_t maxBatch) const;
    /**
     * @brief Step 3: the scheduler's allocation (aborts, naming the frame and
     * the scheduler, if the scheduler throws); fires the Allocation trace.
     * @param frame the frame number
     * @param problem the problem
     * @param fr the frame's record (feasible, upload deadline, runtime and
     *        search nodes are set)
     * @return the allocation
     */
    C2Allocation RunScheduler(uint32_t frame, const C2Problem& problem, EdgeFrameRecord& fr);
    /**
     * @brief Step 4 for a feasible allocation: lay the served users' blocks
     * out contiguously, predict their times, submit one plan per batch to
     * the server, start (or schedule) the uploads, and queue or reject the
     * others.
     * @param alloc the feasible allocation
     * @param candidates the candidates, indexed as the problem's users
     * @param fr the frame's record (predicted and batch counts, batch start set)
     */
    void Dispatch(const C2Allocation& alloc, const Candidates& candidates, EdgeFrameRecord& fr);
    /**
     * @brief Submits one batch's plan, delayed (with its predictions) while
     * the server is predicted busy, and extends that prediction.
     * @param plan the plan; its plannedStart is the allocation's compute
     *        start on entry and the start the server can honour on return
     */
    void SubmitBatch(EdgeBatchPlan& plan);
    /**
     * @param record a served task (blocks and upload start set)
     * @param uploadDeadlineS the allocation's shared upload deadline (s)
     * @param uploadEndS the task's predicted upload end (s)
     * @return its grant: until the later of the two, plus the timing guard,
     *         and never into the next frame
     */
    OfdmaGrant MakeGrant(const InferenceTaskRecord& record,
                         double uploadDeadlineS,
                         double uploadEndS) const;
    /**
     * @brief Reject a task: set its outcome and tell its client at once.
     * @param request a task that will not run
     * @param outcome why it will not run (EXPIRED, ACCURACY, NOT_SCHEDULED
     *        or INFEASIBLE_ALLOCATION)
     */
    void Reject(Request request, InferenceTaskOutcome outcome);
    /**
     * @brief Books each served UE's grant with the radio and sends its
     * client the grant message.
     * @param uploads served tasks and their grants, which start GrantDelay
     *        from now
     */
    void SendGrants(const std::vector<std::pair<Request, OfdmaGrant>>& uploads);

    Time m_framePeriod;                //!< FramePeriod attribute
    Time m_timingGuard;                //!< TimingGuard attribute
    uint32_t m_maxFrames;              //!< MaxFrames attribute
    Ptr<C2Scheduler> m_scheduler;      //!< Scheduler attribute
    Ptr<EdgeServer> m_server;          //!< the edge server
    Ptr<EdgeControlChannel> m_control; //!< control messages to and from the UEs
    EarlyExitProfile m_profile;        //!< the DNN
    bool m_hasProfile;                 //!< m_profile set
    EdgeUplinkSapProvider* m_uplink;   //!< the uplink radio back end
    std::vector<Request> m_pending;    //!< tasks waiting for a frame
    uint32_t m_frame;                  //!< next frame to start
    uint32_t m_decided;                //!< frames decided
    EventId m_frameEvent;              //!< next frame start
    bool m_serverBusyAware;            //!< ServerBusyAware attribute
    bool m_queueUnserved;              //!< QueueUnserved attribute
    BlockTimeModel m_blockTimes;       //!< BlockTimes attribute
    Time m_serverBusyUntil;            //!< predicted end of the last planned batch

    TracedCallback<const EdgeFrameRecord&> m_frameTrace; //!< FrameScheduled
    TracedCallback<uint32_t, const C2Problem&, const C2Allocation&>
        m_allocationTrace; //!< Allocation
};

} // namespace ns3

#endif /* EDGE_CONTROLLER_H */
