/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef INFERENCE_CLIENT_H
#define INFERENCE_CLIENT_H

#include "inference-task-record.h"
#include "ofdma-grant.h"

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <set>
#include <vector>

namespace ns3
{

class EdgeController;
class RandomVariableStream;
class ExponentialRandomVariable;
class Socket;
class Packet;
class OfdmaUeNetDevice;

/**
 * @ingroup edge-inference
 * @brief UE application: creates inference tasks, asks the scheduler host
 * for service, uploads the task data inside its grant and receives the
 * result.
 *
 * Each task draws its size D (TaskSize, bit), accuracy requirement A
 * (AccuracyRequirement) and latency requirement T (LatencyRequirement, s,
 * measured from creation). Tasks are created one per Interval from the
 * application start (ArrivalProcess Periodic: with the start time and
 * interval equal to the EdgeController's, each frame starts with one new
 * task per user, as in the paper) or as a Poisson process of mean
 * inter-arrival Interval.
 *
 * Control messages are ideal (no loss): the task request goes to the
 * EdgeController (SubmitRequest; its RequestDelay applies); the grant comes
 * back through NotifyScheduled, and the client then sends the data over its
 * UDP socket to RemoteAddress:RemotePort, split into segments of at most
 * SegmentSize payload bytes, each with an InferenceTaskHeader. The UE
 * device (OfdmaUeNetDevice) queues the packets until its grant starts.
 * When the grant of one of its tasks ends (the device's GrantEnd trace; a
 * grant matches a task by start, first block and block count) the task's
 * upload window is over: the client discards what is still queued
 * (OfdmaUeNetDevice::FlushQueue, Drop reason "flushed"), so that data left
 * over by a failed prediction never goes out in the UE's next grant ahead
 * of the next task's data. With correct predictions nothing is left.
 * The result (ReceiveResult) or a rejection (NotifyRejected) ends the
 * task; the client then fires TaskRecord with the complete record.
 *
 * The bits the scheduler must move for a task (InferenceTaskRecord::
 * onAirBits) are what goes over the air: every segment's payload plus the
 * task header (20 bytes), UDP (8) and IPv4 (20) headers; the OFDMA device
 * adds no further overhead.
 */
class InferenceClient : public Application
{
  public:
    /// How tasks are created.
    enum ArrivalProcess
    {
        PERIODIC, //!< one task every Interval from the start
        POISSON   //!< exponential inter-arrival times of mean Interval
    };

    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create a client without controller; set one before the application starts.
    InferenceClient();
    ~InferenceClient() override;

    /**
     * @brief Set the scheduler host (required before the start).
     * @param controller the scheduler host that serves this UE
     */
    void SetController(Ptr<EdgeController> controller);
    /**
     * @brief Get the scheduler host.
     * @return the scheduler host (null until set)
     */
    Ptr<EdgeController> GetController() const;

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
     * @brief The address the scheduler host names this client's UE by in
     * the uplink interface (EdgeUplinkSapProvider).
     * @return the address of the node's OfdmaUeNetDevice; an invalid
     *         Address if it has none
     */
    Address GetUplinkAddress() const;

    /**
     * @brief Assign fixed random variable stream numbers, in the order
     * TaskSize, AccuracyRequirement, LatencyRequirement, Poisson
     * inter-arrival time (variables not set are skipped).
     * @param stream first stream index to use
     * @return the number of streams used (at most 4)
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * @brief The scheduler host served the task: its grant starts now, so
     * the data is sent (ideal control message).
     * @param record the task's record with the grant filled in
     */
    void NotifyScheduled(const InferenceTaskRecord& record);

    /**
     * @brief The task will not be executed (ideal control message); ends it.
     * @param record the task's record with the outcome set
     */
    void NotifyRejected(const InferenceTaskRecord& record);

    /**
     * @brief The result of the task arrives (ideal downlink); ends it.
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
    /// Disconnect from the UE device's GrantEnd trace and drop the
    /// controller, socket and random variables.
    void DoDispose() override;

  private:
    /// Check the configuration (controller, AccuracyRequirement,
    /// RemoteAddress, UE device, SegmentSize against the MTU; aborts
    /// otherwise), connect to GrantEnd, open the UDP socket and start creating
    /// tasks: the first one now (Periodic) or after a draw (Poisson).
    void StartApplication() override;
    /// Stop creating tasks and close the socket.
    void StopApplication() override;

    /// Creates one task (draws D, A and T; aborts on an invalid draw) and
    /// submits its request, unless MaxTasks tasks exist already.
    void CreateTask();
    /// Schedules the next CreateTask after Interval (Periodic) or an
    /// exponential draw of mean Interval (Poisson), unless MaxTasks is reached.
    void ScheduleNextTask();
    /**
     * @brief End a task: set the time the answer arrived, count it if
     * completed and fire TaskRecord. A task that already ended is ignored.
     * @param record the task's final record (outcome set)
     */
    void Finish(InferenceTaskRecord record);
    /**
     * @brief GrantEnd sink of the UE device: when the grant of a task this
     * client uploaded ends, flushes the device's queue.
     * @param grant the grant that ended
     * @param bytesLeft bytes still queued
     * @param packetsLeft packets still queued
     */
    void GrantEnded(const OfdmaGrant& grant, uint32_t bytesLeft, uint32_t packetsLeft);

    /// A task whose data was sent and whose grant has not ended yet.
    struct Upload
    {
        uint64_t taskId;  //!< the task
        uint32_t firstRb; //!< first block of its grant
        uint32_t nRbs;    //!< block count of its grant
        Time start;       //!< start of its grant
    };

    uint32_t m_userId;                             //!< UserId attribute
    Ptr<RandomVariableStream> m_taskSize;          //!< TaskSize attribute (bit)
    Ptr<RandomVariableStream> m_accuracy;          //!< AccuracyRequirement attribute
    Ptr<RandomVariableStream> m_latency;           //!< LatencyRequirement attribute (s)
    ArrivalProcess m_arrival;                      //!< ArrivalProcess attribute
    Time m_interval;                               //!< Interval attribute
    uint32_t m_maxTasks;                           //!< MaxTasks attribute (0: no limit)
    Address m_remoteAddress;                       //!< RemoteAddress attribute
    uint16_t m_remotePort;                         //!< RemotePort attribute
    uint32_t m_segmentSize;                        //!< SegmentSize attribute (bytes)
    Ptr<ExponentialRandomVariable> m_interArrival; //!< Poisson inter-arrival times
    Ptr<EdgeController> m_controller;              //!< scheduler host
    Ptr<Socket> m_socket;                          //!< UDP socket to the server
    Ptr<OfdmaUeNetDevice> m_ueDevice;              //!< UE device (GrantEnd connected)
    std::vector<Upload> m_uploads;                 //!< uploads whose grant has not ended
    EventId m_createEvent;                         //!< next task creation
    uint32_t m_sequence;                           //!< next task sequence number
    uint64_t m_created;                            //!< tasks created
    uint64_t m_completed;                          //!< tasks completed
    std::set<uint64_t> m_inFlight;                 //!< tasks not ended yet

    TracedCallback<const InferenceTaskRecord&> m_taskCreatedTrace; //!< TaskCreated
    TracedCallback<const InferenceTaskRecord&> m_taskRecordTrace;  //!< TaskRecord
    TracedCallback<Ptr<const Packet>> m_txTrace;                   //!< Tx
};

} // namespace ns3

#endif /* INFERENCE_CLIENT_H */
