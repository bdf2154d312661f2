/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_INFERENCE_SCENARIO_RUNNER_H
#define EDGE_INFERENCE_SCENARIO_RUNNER_H

#include "c2-scheduler-spec.h"
#include "edge-inference-cell-helper.h"
#include "edge-inference-helper.h"
#include "edge-inference-stats.h"

#include "ns3/early-exit-profile.h"
#include "ns3/inference-task-record.h"
#include "ns3/nstime.h"

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief The random variable stream of a drop's UE positions
 * (EdgeInferenceCellHelper::Drop): back ends that draw their drop from it
 * place the UEs where the OFDMA run of the same scenario does.
 */
constexpr int64_t kEdgeInferenceDropStream = 1;

/**
 * @ingroup edge-inference
 * @brief One simulated drop of the single-cell scenario: what to build and
 * how long to run it.
 *
 * The defaults are the module's default scenario (the manual's table
 * "Default scenario"): 30 users in a 200 m cell, 1 MHz of 10 kHz blocks,
 * 23 dBm, -174 dBm/Hz, Rayleigh block fading, tasks of 24,576 bit with
 * latency requirements T ~ U[20, 100] ms and accuracy requirements
 * A ~ U[a_1, a_N] of the profile, 100 ms frames.
 */
struct EdgeInferenceScenario
{
    EarlyExitProfile profile;            //!< the DNN (required; EarlyExitProfile::ReadFile)
    C2SchedulerSpec scheduler;           //!< scheduler TypeId and attributes (required)
    uint32_t users{30};                  //!< number of users K (> 0)
    uint32_t frames{100};                //!< frames decided; one task per user per frame (> 0)
    Time framePeriod{MilliSeconds(100)}; //!< frame period (> 0)
    uint64_t rngRun{1};                  //!< ns-3 RngRun of the drop (the seed is left as it is)
    double cellRadiusM{200};             //!< users uniform over the annulus up to this radius (m)
    double minDistanceM{10};             //!< and at least this far from the BS (m)
    double bandwidthHz{1e6};             //!< uplink bandwidth B (Hz)
    double resourceBlockHz{10e3};        //!< resource-block width (Hz)
    double powerDbm{23};                 //!< UE transmit power (dBm)
    double noisePsdDbmHz{-174};          //!< thermal noise PSD at the BS (dBm/Hz)
    bool fading{true};                   //!< Rayleigh block fading on top of path loss
    Time coherenceTime{0};               //!< fading block length; 0: the frame period
    /// UE speed (m/s, >= 0). Above 0 the UEs move in straight lines (random
    /// headings) and the fading is Clarke's (ClarkeFadingLossModel) with
    /// Doppler frequency speed x carrier frequency / c, instead of blocks.
    double ueSpeedMps{0};
    double taskBits{24576};     //!< task size D (bit, > 0)
    double deadlineMinS{0.020}; //!< latency requirement T ~ U[min, max] (s, > 0)
    double deadlineMaxS{0.100}; //!< (s, >= deadlineMinS)
    double accuracyMin{-1};     //!< accuracy requirement A ~ U[min, max]; < 0: a_1
    double accuracyMax{-1};     //!< < 0: a_N
    bool collectTasks{false};   //!< keep every task's record in the result
    /// Further attributes of the scheduler host (ns3::EdgeController), as
    /// name and value strings, e.g. {"TimingGuard", "0s"}; set before the
    /// runner's own (MaxFrames, FramePeriod).
    std::vector<std::pair<std::string, std::string>> controllerAttributes;
    /// Further ns3::OfdmaBsNetDevice attributes (name, value as a string),
    /// e.g. {"RateMapping", "McsTable"}, {"BlockErrors", "false"}; set after
    /// the fields above, so they override them.
    std::vector<std::pair<std::string, std::string>> bsAttributes;
    /// Further ns3::EdgeControlChannel attributes (name, value as a
    /// string), e.g. {"GrantDelay", "1ms"}, {"ResultLoss", "0.1"}.
    std::vector<std::pair<std::string, std::string>> controlAttributes;
    /// Further ns3::InferenceClient attributes (name, value as a string),
    /// e.g. {"SegmentSize", "1000"}; TaskSize, LatencyRequirement and
    /// AccuracyRequirement are the fields above and win over these.
    std::vector<std::pair<std::string, std::string>> clientAttributes;
    /// The clients' arrival process, a TaskArrivalProcess TypeId, e.g.
    /// "ns3::PoissonTaskArrivals"; empty (default): one task per user at
    /// the start of every frame (the paper). Other processes create tasks
    /// during the frames only, [0, frames x framePeriod).
    std::string arrivals;
    /// Attributes of the arrival processes (name, value as a string), e.g.
    /// {"MeanInterval", "50ms"}.
    std::vector<std::pair<std::string, std::string>> arrivalAttributes;
};

/**
 * @ingroup edge-inference
 * @brief What one simulated drop produced.
 */
struct EdgeInferenceScenarioResult
{
    std::vector<EdgeFrameStats> frames;                //!< per decided frame, in order
    uint64_t predicted{0};                             //!< tasks the scheduler served, all frames
    uint64_t created{0};                               //!< tasks the clients created
    uint64_t completed{0};                             //!< tasks that met deadline and accuracy
    uint64_t tasksEnded{0};                            //!< tasks with a recorded outcome
    std::map<InferenceTaskOutcome, uint64_t> outcomes; //!< ended tasks by outcome
    uint64_t events{0};                                //!< simulator events executed
    Time simulated;                                    //!< simulated time at the stop
    std::vector<InferenceTaskRecord> tasks;            //!< every task, if collectTasks
};

/**
 * @ingroup edge-inference
 * @brief Called after the drop is built and before it runs: the cell and
 * the applications, for trace connections or attribute changes.
 */
using EdgeInferenceScenarioHook =
    std::function<void(const EdgeInferenceCell& cell, const EdgeInferenceApplications& apps)>;

/**
 * @ingroup edge-inference
 * @brief What a radio back end builds for one drop, for
 * RunEdgeInferenceScenarioOn().
 */
struct EdgeInferenceNetwork
{
    Ptr<Node> controllerNode;               //!< the BS: hosts the scheduler host
    Ptr<Node> serverNode;                   //!< hosts the edge server
    NodeContainer ues;                      //!< one client each, user ids in this order
    NetDeviceContainer ueDevices;           //!< their uplink devices, in the same order
    EdgeUplinkSapProvider* uplink{nullptr}; //!< the back end's uplink interface
    Time start;                             //!< the applications start (after any attach)
};

/**
 * @brief Builds the network of a drop from its scenario (the radio fields
 * are the builder's to read); called after the drop's RngRun is set.
 */
using EdgeInferenceNetworkBuilder =
    std::function<EdgeInferenceNetwork(const EdgeInferenceScenario& scenario)>;

/// @brief Called after the drop is built and before it runs.
using EdgeInferenceApplicationsHook = std::function<void(const EdgeInferenceApplications& apps)>;

/**
 * @ingroup edge-inference
 * @brief Checks the fields RunEdgeInferenceScenario() checks before it builds
 * anything (the scheduler is checked when the drop is built).
 * @param scenario the drop
 * @throws EdgeInferenceError naming the field if one is out of range
 */
void CheckEdgeInferenceScenario(const EdgeInferenceScenario& scenario);

/**
 * @ingroup edge-inference
 * @brief Builds one drop (EdgeInferenceCellHelper, EdgeInferenceHelper),
 * runs it and collects its results: the one set-up shared by the paper
 * experiment, the comparison harness, the system tests and the benchmark.
 *
 * Random streams are fixed (the cell from stream 1, the applications from
 * stream 1000) under RngRun = scenario.rngRun, so the same scenario gives the
 * same drop, fading and tasks for every scheduler. The global RngRun is
 * restored afterwards. Every user has its own task-size, latency and
 * accuracy random variables. The run stops at frames x framePeriod plus the
 * longer of one frame period and deadlineMaxS, when the last frame's tasks
 * have ended.
 *
 * @param scenario the drop
 * @param hook called before the run (may be empty)
 * @return the per-frame and total results
 * @throws EdgeInferenceError naming the field if the scenario is invalid
 *         (no profile, zero users or frames, a non-positive period, bandwidth
 *         or task size, a bad deadline range, an unknown scheduler or
 *         attribute)
 */
EdgeInferenceScenarioResult RunEdgeInferenceScenario(const EdgeInferenceScenario& scenario,
                                                     const EdgeInferenceScenarioHook& hook = {});

/**
 * @ingroup edge-inference
 * @brief The same run over another radio back end: the builder makes the
 * network, the rest (applications, traffic, streams, statistics, the stop
 * time) is RunEdgeInferenceScenario's, shifted to the network's start.
 * @param scenario the drop
 * @param build builds the network
 * @param hook called before the run (may be empty)
 * @return the per-frame and total results
 */
EdgeInferenceScenarioResult RunEdgeInferenceScenarioOn(
    const EdgeInferenceScenario& scenario,
    const EdgeInferenceNetworkBuilder& build,
    const EdgeInferenceApplicationsHook& hook = {});

} // namespace ns3

#endif /* EDGE_INFERENCE_SCENARIO_RUNNER_H */
