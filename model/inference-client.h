/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef INFERENCE_CLIENT_H
#define INFERENCE_CLIENT_H

#include "inference-task-record.h"
#include "task-arrival-process.h"

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <set>

namespace ns3
{

class EdgeControlChannel;
class RandomVariableStream;
class Socket;
class Packet;
class NetDevice;
class OfdmaUeNetDevice;

/**
 * @ingroup edge-inference
 * @brief UE application: creates inference tasks, asks the scheduler host
 * for service, uploads the task data inside its grant and receives the
 * result.
 *
 * Each task draws its size D (TaskSize, bit), accuracy requirement A
 * (AccuracyRequirement) and latency requirement T (LatencyRequirement, s,
 * measured from creation). When tasks are created is the Arrivals
 * attribute's TaskArrivalProcess (periodic by default: with the start time
 * and interval equal to the EdgeController's, each frame starts with one
 * new task per user, as in the paper; Poisson, bursty on/off, or a trace
 * file, which may also give each task's size and requirements).
 *
 * Control messages go through the cell's EdgeControlChannel: the task
 * request to the scheduler host, and back the grant (ReceiveGrant), a
 * rejection (ReceiveRejection) or the server's answer (ReceiveResult). On
 * a grant the client sends the data over its
 * UDP socket to RemoteAddress:RemotePort, split into segments of at most
 * SegmentSize payload bytes, each with an InferenceTaskHeader. The UE
 * device (OfdmaUeNetDevice) queues the packets until its grant starts.
 * When a task's grant ends its upload window is over: EdgeInferenceHelper
 * sets the device's FlushAtGrantEnd, so that data left over by a failed
 * prediction (Drop reason "flushed") never goes out in the UE's next grant
 * ahead of the next task's data. With correct predictions nothing is left.
 * The result or a rejection ends the task; the client then fires
 * TaskRecord with the complete record. When the channel can lose messages
 * (EdgeControlChannel::CanLose), a task with no answer one time step after
 * its deadline ends with outcome NO_RESPONSE, and a later answer is
 * ignored: every task ends exactly once.
 *
 * The bits the scheduler must move for a task (InferenceTaskRecord::
 * onAirBits) are what goes over the air: every segment's payload plus the
 * task header (20 bytes), UDP (8) and IPv4 (20) headers; the OFDMA device
 * adds no further overhead.
 */
class InferenceClient : public Application
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create a client without control channel; set one before the
    /// application starts.
    InferenceClient();
    ~InferenceClient() override;

    /**
     * @brief Set the control channel to the scheduler host (required before
     * the start; EdgeInferenceHelper::Install sets it).
     * @param channel the cell's control channel
     */
    void SetControlChannel(Ptr<EdgeControlChannel> channel);
    /**
     * @brief Get the control channel.
     * @return the control channel (null until set)
     */
    Ptr<EdgeControlChannel> GetControlChannel() const;

    /**
     * @brief Get the user index.
     * @return the user index (UserId attribute)
     */
    uint32_t GetUserId() const;

    /**
     * @brief Find the UE device that carries this client's uploads.
     * @return the first OfdmaUeNetDevice of this node (null if none)
     */
    Ptr<OfdmaUeNetDevice> GetUeDevice() const;
    /**
     * @brief Name the device that carries this client's uploads, for radio
     * back ends other than the module's OFDMA (e.g. an LteUeNetDevice).
     * @param device a device of this client's node
     */
    void SetUplinkDevice(Ptr<NetDevice> device);
    /**
     * @brief The device that carries this client's uploads.
     * @return the device set with SetUplinkDevice, else GetUeDevice()
     *         (null if neither)
     */
    Ptr<NetDevice> GetUplinkDevice() const;
    /**
     * @brief The address the scheduler host names this client's UE by in
     * the uplink interface (EdgeUplinkSapProvider).
     * @return the address of GetUplinkDevice(); an invalid Address if none
     */
    Address GetUplinkAddress() const;

    /**
     * @brief Assign fixed random variable stream numbers, in the order
     * TaskSize, AccuracyRequirement, LatencyRequirement, Arrivals (which
     * uses at most one; variables not set are skipped).
     * @param stream first stream index to use
     * @return the number of streams used (at most 4)
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * @brief The grant message arrives (from the EdgeControlChannel): the
     * grant starts now, so the data is sent. Ignored for a task that ended.
     * @param record the task's record with the grant filled in
     */
    void ReceiveGrant(const InferenceTaskRecord& record);

    /**
     * @brief The scheduler host will not serve the task (a rejection from
     * the EdgeControlChannel); ends it.
     * @param record the task's record with the outcome set
     */
    void ReceiveRejection(const InferenceTaskRecord& record);

    /**
     * @brief The server's answer arrives (from the EdgeControlChannel) and
     * ends the task: a result (outcome PENDING; the client checks deadline
     * and accuracy) or the outcome that says why it was not executed.
     * @param record the task's record as completed by the edge server
     */
    void ReceiveResult(const InferenceTaskRecord& record);

    /**
     * @brief Count the tasks created.
     * @return tasks created so far
     */
    uint64_t GetTasksCreated() const;
    /**
     * @brief Count the completed tasks.
     * @return tasks whose result arrived by their deadline with enough
     *         accuracy (outcome COMPLETED)
     */
    uint64_t GetTasksCompleted() const;
    /**
     * @brief Count the tasks not ended yet.
     * @return tasks created but neither answered nor rejected yet
     */
    uint32_t GetTasksInFlight() const;

    /**
     * TracedCallback signature for task records.
     * @param record the record
     */
    typedef void (*TaskRecordTracedCallback)(const InferenceTaskRecord& record);

  protected:
    /// Drop the control channel, socket and random variables.
    void DoDispose() override;

  private:
    /// Check the configuration (control channel, AccuracyRequirement,
    /// RemoteAddress, UE device, SegmentSize against the MTU; aborts
    /// otherwise), open the UDP socket and start creating
    /// tasks (Arrivals, started for UserId).
    void StartApplication() override;
    /// Stop creating tasks and close the socket.
    void StopApplication() override;

    /**
     * @brief Creates one task and submits its request, unless MaxTasks
     * tasks exist already: D, A and T from the arrival where it gives them
     * (a trace), else drawn (aborts on an invalid draw).
     * @param arrival the arrival
     */
    void CreateTask(const TaskArrival& arrival);
    /// Schedules CreateTask at the next arrival of the process (now: at
    /// once), unless MaxTasks is reached or the process has ended.
    void ScheduleNextTask();
    /**
     * @brief End a task: set the time the answer arrived, count it if
     * completed and fire TaskRecord. A task that already ended is ignored.
     * @param record the task's final record (outcome set)
     */
    void Finish(InferenceTaskRecord record);
    /**
     * @brief Ends a task still waiting for an answer after its deadline
     * with outcome NO_RESPONSE (a lost control message); nothing if it
     * ended.
     * @param record the task's record as created
     */
    void GiveUp(InferenceTaskRecord record);

    uint32_t m_userId;                    //!< UserId attribute
    Ptr<RandomVariableStream> m_taskSize; //!< TaskSize attribute (bit)
    Ptr<RandomVariableStream> m_accuracy; //!< AccuracyRequirement attribute
    Ptr<RandomVariableStream> m_latency;  //!< LatencyRequirement attribute (s)
    Ptr<TaskArrivalProcess> m_arrivals;   //!< Arrivals attribute
    Time m_startTime;                     //!< when the application started
    uint32_t m_maxTasks;                  //!< MaxTasks attribute (0: no limit)
    Address m_remoteAddress;              //!< RemoteAddress attribute
    uint16_t m_remotePort;                //!< RemotePort attribute
    uint32_t m_segmentSize;               //!< SegmentSize attribute (bytes)
    Ptr<EdgeControlChannel> m_control;    //!< control channel
    Ptr<Socket> m_socket;                 //!< UDP socket to the server
    Ptr<NetDevice> m_uplinkDevice;        //!< set by SetUplinkDevice (else OFDMA)
    EventId m_createEvent;                //!< next task creation
    uint32_t m_sequence;                  //!< next task sequence number
    uint64_t m_created;                   //!< tasks created
    uint64_t m_completed;                 //!< tasks completed
    std::set<uint64_t> m_inFlight;        //!< tasks not ended yet

    TracedCallback<const InferenceTaskRecord&> m_taskCreatedTrace; //!< TaskCreated
    TracedCallback<const InferenceTaskRecord&> m_taskRecordTrace;  //!< TaskRecord
    TracedCallback<Ptr<const Packet>> m_txTrace;                   //!< Tx
};

} // namespace ns3

#endif /* INFERENCE_CLIENT_H */
