/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_INFERENCE_HELPER_H
#define EDGE_INFERENCE_HELPER_H

#include "ns3/application-container.h"
#include "ns3/early-exit-profile.h"
#include "ns3/ipv4-address.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"
#include "ns3/uinteger.h"

#include <string>
#include <vector>

namespace ns3
{

class EdgeControlChannel;
class EdgeController;
class EdgeServer;
class EdgeUplinkSapProvider;
class InferenceClient;

/**
 * @ingroup edge-inference
 * @brief The applications of one edge-inference cell, as installed by
 * EdgeInferenceHelper::Install.
 */
struct EdgeInferenceApplications
{
    ApplicationContainer controller; //!< the EdgeController (scheduler host), on the BS node
    ApplicationContainer server;     //!< the EdgeServer, on the server node
    ApplicationContainer clients;    //!< one InferenceClient per UE, in UE order

    /// @return all applications, in this order: controller, server, clients
    ApplicationContainer GetAll() const;
    /// @return the controller (the first of controller), null if none
    Ptr<EdgeController> GetController() const;
    /// @return the server (the first of server), null if none
    Ptr<EdgeServer> GetServer() const;
};

/**
 * @ingroup edge-inference
 * @brief Installs the edge-inference applications of a cell, in the style
 * of LteHelper: the scheduler plugin is chosen by TypeId.
 *
 * @code
 *   EdgeInferenceHelper edge;
 *   edge.SetProfile(EDGE_INFERENCE_SOURCE_DIR "/data/profiles/paper-default.csv");
 *   edge.SetSchedulerType("ns3::TreeSearchC2Scheduler");
 *   EdgeInferenceApplications apps = edge.Install(bsNode, bsNode, ueNodes);
 *   edge.AssignStreams(apps, 1000);
 *   apps.GetAll().Start(Seconds(0));
 * @endcode
 *
 * Before Install, the BS node needs its OfdmaBsNetDevice, the UEs their
 * OfdmaUeNetDevice (OfdmaUplinkHelper), all of them the Internet stack with
 * IPv4 addresses, and the UEs a route to the server (every UE packet goes to
 * the BS; a server on another node needs IP forwarding at the BS).
 *
 * Defaults unless set: the clients' arrivals are periodic at the
 * controller's FramePeriod (one task per user per frame, as in the paper;
 * SetArrivals chooses another process) and their
 * AccuracyRequirement is U[a_1, a_N] of the profile. Users are numbered
 * (UserId) in installation order, across calls of Install.
 */
class EdgeInferenceHelper
{
  public:
    /**
     * @brief Create a helper with the default attributes of EdgeController,
     * EdgeServer and InferenceClient, the scheduler
     * "ns3::TreeSearchC2Scheduler" and no profile.
     */
    EdgeInferenceHelper();

    /**
     * @brief Choose the scheduler plugin; aborts naming the TypeId if it is
     * unknown or not a C2Scheduler.
     * @param type TypeId name, e.g. "ns3::TreeSearchC2Scheduler"
     */
    void SetSchedulerType(std::string type);
    /// @return the scheduler TypeId name
    std::string GetSchedulerType() const;
    /**
     * @brief Set an attribute of the schedulers created by Install; call it
     * after SetSchedulerType, which discards the attributes set before.
     * @param n attribute name of the scheduler plugin
     * @param v its value
     */
    void SetSchedulerAttribute(std::string n, const AttributeValue& v);

    /**
     * @brief Read the DNN profile from a file; aborts with the reader's
     * message (file, line, problem) if it is bad.
     * @param path profile file (see EarlyExitProfile)
     */
    void SetProfile(const std::string& path);
    /// @param profile the DNN profile, given to the controller and the server
    void SetProfile(const EarlyExitProfile& profile);
    /// @return the profile (aborts if none is set)
    const EarlyExitProfile& GetProfile() const;

    /**
     * @param n EdgeController attribute name
     * @param v its value
     */
    void SetControllerAttribute(std::string n, const AttributeValue& v);
    /**
     * @param n EdgeServer attribute name
     * @param v its value
     */
    void SetServerAttribute(std::string n, const AttributeValue& v);
    /**
     * @brief Set an attribute of the control channel (delays and loss
     * probabilities of the control messages, see EdgeControlChannel).
     * @param n EdgeControlChannel attribute name
     * @param v its value
     */
    void SetControlChannelAttribute(std::string n, const AttributeValue& v);
    /**
     * @brief Set an attribute of the clients; setting "AccuracyRequirement"
     * (by this exact name) replaces the helper's default for it. Arrivals
     * is refused (aborts): every client needs its own process, see
     * SetArrivals.
     * @param n InferenceClient attribute name
     * @param v its value
     */
    void SetClientAttribute(std::string n, const AttributeValue& v);
    /**
     * @brief Choose the clients' arrival process: each client gets its own
     * object of this TypeId (aborts naming the TypeId if it is unknown or
     * not a TaskArrivalProcess). Without a call: PeriodicTaskArrivals with
     * Interval = the controller's FramePeriod.
     * @param type TypeId name, e.g. "ns3::PoissonTaskArrivals"
     */
    void SetArrivals(std::string type);
    /**
     * @brief Set an attribute of the arrival processes; call it after
     * SetArrivals, which discards the attributes set before.
     * @param n attribute name, e.g. "MeanInterval"
     * @param v its value
     */
    void SetArrivalsAttribute(std::string n, const AttributeValue& v);

    /**
     * @brief Install the scheduler host on bsNode, the edge server on
     * serverNode (may be bsNode) and one client per UE node, joined by one
     * new EdgeControlChannel (EdgeController::GetControlChannel).
     * @param bsNode node with an OfdmaBsNetDevice
     * @param serverNode node of the edge server
     * @param ueNodes nodes with an OfdmaUeNetDevice each (at least one)
     * @return the applications (not started)
     */
    EdgeInferenceApplications Install(Ptr<Node> bsNode,
                                      Ptr<Node> serverNode,
                                      NodeContainer ueNodes);

    /**
     * @brief Install the applications over any radio back end: the
     * controller plans with and grants through the given uplink interface.
     *
     * Aborts as the other Install does, and if uplink is null. Clients on
     * nodes without an OfdmaUeNetDevice need their uplink device named
     * (InferenceClient::SetUplinkDevice) before they start.
     * @param controllerNode the node of the scheduler host (the BS)
     * @param serverNode the node of the edge server (its first IPv4
     *        interface is the server's address, or its OFDMA BS device's
     *        when it is the controller's node)
     * @param ueNodes one client per node, user ids in this order
     * @param uplink the back end's uplink interface; must outlive the run
     * @return the applications
     */
    EdgeInferenceApplications Install(Ptr<Node> controllerNode,
                                      Ptr<Node> serverNode,
                                      NodeContainer ueNodes,
                                      EdgeUplinkSapProvider* uplink);

    /**
     * @brief Assign fixed random variable streams to the applications
     * (client task draws, Poisson arrivals, server jitter).
     *
     * Each client gets a block of 4 streams (used or not), in client order,
     * so a client's streams do not depend on its variables; the server's
     * follow, then the control channel's.
     * @param apps applications installed by this helper
     * @param stream first stream index
     * @return the number of stream indices used (4 per client plus the
     *         server's and the channel's)
     */
    int64_t AssignStreams(const EdgeInferenceApplications& apps, int64_t stream);

    /// @return the TypeId names of every registered C2Scheduler plugin
    static std::vector<std::string> GetSchedulerTypeNames();

  private:
    /**
     * @brief Create one client with the helper's defaults (arrivals,
     * accuracy requirement) and the cell's addresses.
     * @param server the server's address
     * @param port the server's port
     * @param framePeriod the controller's frame period
     * @param control the cell's control channel
     * @return the client, not installed yet
     */
    Ptr<InferenceClient> CreateClient(Ipv4Address server,
                                      const UintegerValue& port,
                                      const TimeValue& framePeriod,
                                      Ptr<EdgeControlChannel> control);

    ObjectFactory m_schedulerFactory;  //!< scheduler plugin
    ObjectFactory m_controllerFactory; //!< EdgeController
    ObjectFactory m_serverFactory;     //!< EdgeServer
    ObjectFactory m_controlFactory;    //!< EdgeControlChannel
    ObjectFactory m_clientFactory;     //!< InferenceClient
    EarlyExitProfile m_profile;        //!< the DNN
    bool m_hasProfile;                 //!< m_profile set
    ObjectFactory m_arrivalsFactory;   //!< TaskArrivalProcess of each client
    bool m_arrivalsSet;                //!< SetArrivals was called
    bool m_clientAccuracySet;          //!< client AccuracyRequirement set explicitly
    uint32_t m_nextUserId;             //!< UserId of the next client installed
};

} // namespace ns3

#endif /* EDGE_INFERENCE_HELPER_H */
