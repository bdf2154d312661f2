/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_CONTROL_CHANNEL_H
#define EDGE_CONTROL_CHANNEL_H

#include "inference-task-record.h"

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <functional>
#include <string>
#include <utility>

namespace ns3
{

class EdgeController;
class InferenceClient;
class UniformRandomVariable;

/**
 * @ingroup edge-inference
 * @brief The control messages of edge inference, one per direction and
 * purpose.
 */
enum class EdgeControlMessage
{
    REQUEST,   //!< UE application to scheduler host: a new task
    GRANT,     //!< scheduler host to UE application: served, upload in the grant
    REJECTION, //!< scheduler host to UE application: not served
    RESULT,    //!< edge server to UE application: the result, or why it was not executed
};

/**
 * @ingroup edge-inference
 * @brief Name of a control message type.
 * @param type a message type
 * @return "request", "grant", "rejection" or "result"
 */
std::string ToString(EdgeControlMessage type);

/**
 * @ingroup edge-inference
 * @brief Carries the control messages between the UE applications
 * (InferenceClient), the scheduler host (EdgeController) and the edge
 * server (EdgeServer), with a delay and a loss probability per message type.
 *
 * Each message is a task's record. A message is lost with its type's
 * probability (one uniform draw per message, only when that probability is
 * above 0, so an ideal channel draws nothing) and otherwise delivered after
 * its type's delay; a zero delay delivers it within the sending call, so
 * that a request sent at a decision instant is part of that decision. The
 * defaults are ideal: no delay, no loss.
 *
 * The planner uses the delays: the scheduler host decides RequestDelay after
 * a frame starts, uploads start GrantDelay after the decision, and deadlines
 * are shortened by ResultDelay. What a loss does:
 * - a lost request: the scheduler host never hears of the task;
 * - a lost grant: the UE does not send the task's data (the grant goes
 *   unused) and the server reports it not executed (data-late);
 * - a lost rejection or result: the UE never hears the task's fate.
 * A UE application that waits for an answer gives up one time step after
 * the task's deadline when the channel can lose messages (CanLose): the
 * task ends with outcome NO_RESPONSE. So every task still ends exactly once.
 *
 * EdgeInferenceHelper creates one channel per cell and hands it to the
 * three applications.
 */
class EdgeControlChannel : public Object
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    EdgeControlChannel();
    ~EdgeControlChannel() override;

    /**
     * @brief Set the scheduler host that receives the requests (required
     * before the first request).
     * @param controller the scheduler host
     */
    void SetController(Ptr<EdgeController> controller);

    /**
     * @param type a message type
     * @return its delay (the *Delay attribute of that type)
     */
    Time GetDelay(EdgeControlMessage type) const;
    /**
     * @param type a message type
     * @return its loss probability (the *Loss attribute of that type)
     */
    double GetLossProbability(EdgeControlMessage type) const;
    /// @return whether any message type has a loss probability above 0
    bool CanLose() const;

    /**
     * @brief A UE application asks for service.
     * @param record the new task's record
     * @param from the UE application
     */
    void SendRequest(const InferenceTaskRecord& record, Ptr<InferenceClient> from);
    /**
     * @brief The scheduler host tells a UE application it is served.
     * @param record the task's record with its grant
     * @param to the UE application
     */
    void SendGrant(const InferenceTaskRecord& record, Ptr<InferenceClient> to);
    /**
     * @brief The scheduler host tells a UE application it is not served.
     * @param record the task's record with the outcome set
     * @param to the UE application
     */
    void SendRejection(const InferenceTaskRecord& record, Ptr<InferenceClient> to);
    /**
     * @brief The edge server returns a task's result, or the outcome that
     * says why it was not executed.
     * @param record the task's record
     * @param to the UE application
     */
    void SendResult(const InferenceTaskRecord& record, Ptr<InferenceClient> to);

    /**
     * @brief Assign a fixed random variable stream number to the loss draws.
     * @param stream the stream index to use
     * @return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * TracedCallback signature of Tx, Rx and Drop.
     * @param type the message type
     * @param record the task's record it carries
     */
    typedef void (*MessageTracedCallback)(EdgeControlMessage type,
                                          const InferenceTaskRecord& record);

  protected:
    /// Drop the scheduler host and the random variable.
    void DoDispose() override;

  private:
    /**
     * @param type a message type
     * @return its delay and loss probability (the attributes of that type)
     */
    std::pair<Time, double> GetSettings(EdgeControlMessage type) const;
    /**
     * @brief Sends a message: fires Tx, then either loses it (Drop) or
     * delivers it after its type's delay (Rx, then receive).
     * @param type the message type
     * @param record the task's record
     * @param receive what the receiver does with it
     */
    void Send(EdgeControlMessage type,
              const InferenceTaskRecord& record,
              std::function<void()> receive);
    /**
     * @brief Delivers a message: fires Rx, then calls receive.
     * @param type the message type
     * @param record the task's record
     * @param receive what the receiver does with it
     */
    void Deliver(EdgeControlMessage type,
                 InferenceTaskRecord record,
                 std::function<void()> receive);

    Time m_requestDelay;                   //!< RequestDelay attribute
    Time m_grantDelay;                     //!< GrantDelay attribute
    Time m_rejectionDelay;                 //!< RejectionDelay attribute
    Time m_resultDelay;                    //!< ResultDelay attribute
    double m_requestLoss;                  //!< RequestLoss attribute
    double m_grantLoss;                    //!< GrantLoss attribute
    double m_rejectionLoss;                //!< RejectionLoss attribute
    double m_resultLoss;                   //!< ResultLoss attribute
    Ptr<EdgeController> m_controller;      //!< receives the requests
    Ptr<UniformRandomVariable> m_lossDraw; //!< loss draws

    TracedCallback<EdgeControlMessage, const InferenceTaskRecord&> m_txTrace;   //!< Tx
    TracedCallback<EdgeControlMessage, const InferenceTaskRecord&> m_rxTrace;   //!< Rx
    TracedCallback<EdgeControlMessage, const InferenceTaskRecord&> m_dropTrace; //!< Drop
};

} // namespace ns3

#endif /* EDGE_CONTROL_CHANNEL_H */
