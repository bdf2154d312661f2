/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "edge-inference-scenario-runner.h"

#include "ns3/double.h"
#include "ns3/edge-control-channel.h"
#include "ns3/edge-controller.h"
#include "ns3/edge-inference-error.h"
#include "ns3/inference-client.h"
#include "ns3/log.h"
#include "ns3/ofdma-bs-net-device.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/task-arrival-process.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EdgeInferenceScenarioRunner");

namespace
{

/// The streams of the drop: the cell first, the applications after.
constexpr int64_t kCellStream = kEdgeInferenceDropStream;
constexpr int64_t kApplicationStream = 1000;

/**
 * @brief Throws unless a TypeId has a settable attribute of this name that
 * accepts the value (ObjectFactory would abort instead).
 * @param field the scenario field the attribute came from, for the message
 * @param tid the TypeId
 * @param name attribute name
 * @param value its value as a string
 */
void
CheckAttribute(const std::string& field,
               TypeId tid,
               const std::string& name,
               const std::string& value)
{
    TypeId::AttributeInformation info;
    if (!tid.LookupAttributeByName(name, &info) || !(info.flags & TypeId::ATTR_CONSTRUCT))
    {
        throw EdgeInferenceError("EdgeInferenceScenario: " + field + ": " + tid.GetName() +
                                 " has no settable attribute \"" + name + "\"");
    }
    if (!info.checker->CreateValidValue(StringValue(value)))
    {
        throw EdgeInferenceError("EdgeInferenceScenario: " + field + ": bad value \"" + value +
                                 "\" for " + name + " (expected " +
                                 info.checker->GetUnderlyingTypeInformation() + ")");
    }
}

/**
 * @brief Check the scenario's arrival process and its attributes.
 * @param s the scenario
 * @throws EdgeInferenceError naming the field
 */
void
CheckArrivals(const EdgeInferenceScenario& s)
{
    if (s.arrivals.empty())
    {
        if (!s.arrivalAttributes.empty())
        {
            throw EdgeInferenceError("EdgeInferenceScenario: arrivalAttributes given without "
                                     "arrivals (the default is one task per frame)");
        }
        return;
    }
    TypeId tid;
    if (!TypeId::LookupByNameFailSafe(s.arrivals, &tid) ||
        !tid.IsChildOf(TaskArrivalProcess::GetTypeId()) || !tid.HasConstructor())
    {
        throw EdgeInferenceError("EdgeInferenceScenario: arrivals: \"" + s.arrivals +
                                 "\" is not a TaskArrivalProcess TypeId");
    }
    for (const auto& [name, value] : s.arrivalAttributes)
    {
        CheckAttribute("arrivalAttributes", tid, name, value);
    }
}

/**
 * @param s a checked scenario
 * @return the longest latency requirement a task can have (s): deadlineMaxS,
 *         or a trace's longest latency_s when longer
 */
double
LongestLatencyS(const EdgeInferenceScenario& s)
{
    double longest = s.deadlineMaxS;
    if (s.arrivals != TraceTaskArrivals::GetTypeId().GetName())
    {
        return longest;
    }
    for (const auto& [name, value] : s.arrivalAttributes)
    {
        if (name != "File")
        {
            continue;
        }
        for (const TaskTraceRow& row : ReadTaskTrace(value))
        {
            longest = std::max(longest, row.task.hasLatency ? row.task.latencyS : 0.0);
        }
    }
    return longest;
}

} // namespace

void
CheckEdgeInferenceScenario(const EdgeInferenceScenario& s)
{
    const auto fail = [](const std::string& what) {
        throw EdgeInferenceError("EdgeInferenceScenario: " + what);
    };
    if (s.profile.GetNExits() == 0)
    {
        fail("profile: no DNN profile given");
    }
    if (s.users == 0 || s.frames == 0)
    {
        fail("users and frames must be > 0");
    }
    if (!s.framePeriod.IsStrictlyPositive())
    {
        fail("framePeriod must be > 0, got " + std::to_string(s.framePeriod.GetSeconds()) + " s");
    }
    if (s.coherenceTime.IsStrictlyNegative())
    {
        fail("coherenceTime must be >= 0, got " + std::to_string(s.coherenceTime.GetSeconds()) +
             " s");
    }
    if (!(s.ueSpeedMps >= 0) || !std::isfinite(s.ueSpeedMps))
    {
        fail("ueSpeedMps must be finite and >= 0, got " + std::to_string(s.ueSpeedMps));
    }
    if (s.ueSpeedMps > 0 && !s.coherenceTime.IsZero())
    {
        fail("coherenceTime is the block length of static UEs' fading; moving UEs "
             "(ueSpeedMps > 0) have Clarke fading, set by their speed");
    }
    if (!(s.bandwidthHz > 0) || !(s.resourceBlockHz > 0) || !(s.taskBits > 0) ||
        !std::isfinite(s.bandwidthHz + s.resourceBlockHz + s.taskBits))
    {
        fail("bandwidthHz, resourceBlockHz and taskBits must be finite and > 0");
    }
    if (!(s.deadlineMinS > 0) || !(s.deadlineMaxS >= s.deadlineMinS) ||
        !std::isfinite(s.deadlineMaxS))
    {
        fail("deadlines: need 0 < deadlineMinS <= deadlineMaxS < infinity");
    }
    if (s.accuracyMax > 1 ||
        (s.accuracyMin >= 0 && s.accuracyMax >= 0 && s.accuracyMin > s.accuracyMax))
    {
        fail("accuracies: need accuracyMin <= accuracyMax <= 1");
    }
    for (const auto& [name, value] : s.controllerAttributes)
    {
        CheckAttribute("controllerAttributes", EdgeController::GetTypeId(), name, value);
    }
    for (const auto& [name, value] : s.bsAttributes)
    {
        CheckAttribute("bsAttributes", OfdmaBsNetDevice::GetTypeId(), name, value);
    }
    for (const auto& [name, value] : s.controlAttributes)
    {
        CheckAttribute("controlAttributes", EdgeControlChannel::GetTypeId(), name, value);
    }
    for (const auto& [name, value] : s.clientAttributes)
    {
        CheckAttribute("clientAttributes", InferenceClient::GetTypeId(), name, value);
    }
    CheckArrivals(s);
}

namespace
{

/// Speed of light (m/s), for Doppler frequencies.
constexpr double kSpeedOfLight = 299792458.0;

/**
 * @param s a checked scenario
 * @return the BS's carrier frequency (Hz): its CarrierFrequency among the
 *         scenario's bsAttributes, else the attribute's default
 */
double
CarrierFrequency(const EdgeInferenceScenario& s)
{
    DoubleValue carrier;
    for (const auto& [name, value] : s.bsAttributes)
    {
        if (name == "CarrierFrequency")
        {
            carrier.DeserializeFromString(value, MakeDoubleChecker<double>());
            return carrier.Get();
        }
    }
    TypeId::AttributeInformation info;
    OfdmaBsNetDevice::GetTypeId().LookupAttributeByName("CarrierFrequency", &info);
    return DynamicCast<const DoubleValue>(info.initialValue)->Get();
}

/**
 * @brief The cell: nodes, positions, OFDMA uplink with the scenario's radio.
 * @param s the scenario
 * @return the cell
 */
EdgeInferenceCell
BuildCell(const EdgeInferenceScenario& s)
{
    EdgeInferenceCellHelper cellHelper;
    cellHelper.SetCellRadius(s.cellRadiusM);
    cellHelper.SetMinDistance(s.minDistanceM);
    OfdmaUplinkHelper& uplink = cellHelper.GetUplinkHelper();
    cellHelper.SetUeSpeed(s.ueSpeedMps);
    if (s.ueSpeedMps > 0)
    {
        uplink.SetFadingModelType("ns3::ClarkeFadingLossModel");
        uplink.SetFadingModelAttribute(
            "DopplerFrequency",
            DoubleValue(s.ueSpeedMps * CarrierFrequency(s) / kSpeedOfLight));
    }
    else
    {
        uplink.SetFadingModelAttribute(
            "CoherenceTime",
            TimeValue(s.coherenceTime.IsZero() ? s.framePeriod : s.coherenceTime));
    }
    uplink.EnableFading(s.fading);
    uplink.SetBsDeviceAttribute("Bandwidth", DoubleValue(s.bandwidthHz));
    uplink.SetBsDeviceAttribute("ResourceBlockWidth", DoubleValue(s.resourceBlockHz));
    uplink.SetBsDeviceAttribute("ThermalNoisePsd", DoubleValue(s.noisePsdDbmHz));
    uplink.SetUeDeviceAttribute("TxPower", DoubleValue(s.powerDbm));
    for (const auto& [name, value] : s.bsAttributes)
    {
        uplink.SetBsDeviceAttribute(name, StringValue(value));
    }
    return cellHelper.Create(s.users, kCellStream);
}

/**
 * @brief Gives every client its own task-size, latency and accuracy random
 * variables (one shared factory attribute would give them one variable).
 * @param s the scenario
 * @param apps the installed applications
 */
void
SetTraffic(const EdgeInferenceScenario& s, const EdgeInferenceApplications& apps)
{
    const uint32_t n = s.profile.GetNExits();
    const double aMin = s.accuracyMin >= 0 ? s.accuracyMin : s.profile.GetExitAccuracy(1);
    const double aMax = s.accuracyMax >= 0 ? s.accuracyMax : s.profile.GetExitAccuracy(n);
    for (auto it = apps.clients.Begin(); it != apps.clients.End(); ++it)
    {
        Ptr<ConstantRandomVariable> size = CreateObject<ConstantRandomVariable>();
        size->SetAttribute("Constant", DoubleValue(s.taskBits));
        (*it)->SetAttribute("TaskSize", PointerValue(size));
        Ptr<UniformRandomVariable> t = CreateObject<UniformRandomVariable>();
        t->SetAttribute("Min", DoubleValue(s.deadlineMinS));
        t->SetAttribute("Max", DoubleValue(s.deadlineMaxS));
        (*it)->SetAttribute("LatencyRequirement", PointerValue(t));
        Ptr<UniformRandomVariable> a = CreateObject<UniformRandomVariable>();
        a->SetAttribute("Min", DoubleValue(aMin));
        a->SetAttribute("Max", DoubleValue(aMax));
        (*it)->SetAttribute("AccuracyRequirement", PointerValue(a));
    }
}

/**
 * @brief The applications: server and controller on the BS node, one client
 * per UE, the scheduler chosen by its specification.
 * @param s the scenario
 * @param network the network
 * @return the installed applications, streams assigned, started at the
 *         network's start
 */
EdgeInferenceApplications
InstallApplications(const EdgeInferenceScenario& s, const EdgeInferenceNetwork& network)
{
    MakeC2SchedulerFactory(s.scheduler); // every check, as an EdgeInferenceError
    EdgeInferenceHelper edge;
    edge.SetProfile(s.profile);
    edge.SetSchedulerType(s.scheduler.typeId);
    for (const auto& [name, value] : s.scheduler.attributes)
    {
        edge.SetSchedulerAttribute(name, StringValue(value));
    }
    for (const auto& [name, value] : s.controllerAttributes)
    {
        edge.SetControllerAttribute(name, StringValue(value));
    }
    for (const auto& [name, value] : s.controlAttributes)
    {
        edge.SetControlChannelAttribute(name, StringValue(value));
    }
    for (const auto& [name, value] : s.clientAttributes)
    {
        edge.SetClientAttribute(name, StringValue(value));
    }
    edge.SetControllerAttribute("MaxFrames", UintegerValue(s.frames));
    edge.SetControllerAttribute("FramePeriod", TimeValue(s.framePeriod));
    if (s.arrivals.empty())
    {
        edge.SetClientAttribute("MaxTasks", UintegerValue(s.frames));
    }
    else
    {
        edge.SetArrivals(s.arrivals);
        for (const auto& [name, value] : s.arrivalAttributes)
        {
            edge.SetArrivalsAttribute(name, StringValue(value));
        }
    }
    EdgeInferenceApplications apps =
        edge.Install(network.controllerNode, network.serverNode, network.ues, network.uplink);
    for (uint32_t i = 0; i < apps.clients.GetN() && i < network.ueDevices.GetN(); ++i)
    {
        DynamicCast<InferenceClient>(apps.clients.Get(i))
            ->SetUplinkDevice(network.ueDevices.Get(i));
    }
    SetTraffic(s, apps);
    edge.AssignStreams(apps, kApplicationStream);
    apps.GetAll().Start(network.start);
    if (!s.arrivals.empty())
    {
        // arrivals during the frames
        apps.clients.Stop(network.start + s.framePeriod * s.frames);
    }
    return apps;
}

/// Keeps the task records of a run.
struct TaskCollector
{
    std::vector<InferenceTaskRecord> records; //!< in the order they ended

    /// @param r a client's TaskRecord
    void Add(const InferenceTaskRecord& r)
    {
        records.push_back(r);
    }
};

} // namespace

EdgeInferenceScenarioResult
RunEdgeInferenceScenario(const EdgeInferenceScenario& scenario,
                         const EdgeInferenceScenarioHook& hook)
{
    EdgeInferenceCell cell;
    auto buildOfdma = [&cell](const EdgeInferenceScenario& s) {
        cell = BuildCell(s);
        EdgeInferenceNetwork n;
        n.controllerNode = cell.bs;
        n.serverNode = cell.bs;
        n.ues = cell.ues;
        n.ueDevices = cell.ueDevices;
        n.uplink = cell.bsDevice->GetEdgeUplinkSapProvider();
        n.start = Seconds(0);
        return n;
    };
    EdgeInferenceApplicationsHook appsHook;
    if (hook)
    {
        appsHook = [&cell, &hook](const EdgeInferenceApplications& apps) { hook(cell, apps); };
    }
    return RunEdgeInferenceScenarioOn(scenario, buildOfdma, appsHook);
}

EdgeInferenceScenarioResult
RunEdgeInferenceScenarioOn(const EdgeInferenceScenario& scenario,
                           const EdgeInferenceNetworkBuilder& build,
                           const EdgeInferenceApplicationsHook& hook)
{
    NS_LOG_FUNCTION(scenario.users << scenario.frames << scenario.rngRun);
    CheckEdgeInferenceScenario(scenario);
    const uint64_t savedRun = RngSeedManager::GetRun();
    RngSeedManager::SetRun(scenario.rngRun);
    const EdgeInferenceNetwork network = build(scenario);
    NS_ABORT_MSG_IF(network.ues.GetN() != scenario.users || !network.uplink,
                    "RunEdgeInferenceScenarioOn: the network builder made "
                        << network.ues.GetN() << " UEs for " << scenario.users
                        << " users, or no uplink interface");
    const EdgeInferenceApplications apps = InstallApplications(scenario, network);

    Ptr<EdgeInferenceStats> stats = Create<EdgeInferenceStats>();
    stats->Connect(apps);
    TaskCollector collector;
    if (scenario.collectTasks)
    {
        for (auto it = apps.clients.Begin(); it != apps.clients.End(); ++it)
        {
            (*it)->TraceConnectWithoutContext("TaskRecord",
                                              MakeCallback(&TaskCollector::Add, &collector));
        }
    }
    if (hook)
    {
        hook(apps);
    }
    // The last frame's tasks end by their deadlines, at most the longest
    // latency requirement after the frame starts.
    Simulator::Stop(network.start + scenario.framePeriod * scenario.frames +
                    std::max(scenario.framePeriod, Seconds(LongestLatencyS(scenario))));
    Simulator::Run();

    EdgeInferenceScenarioResult r;
    r.frames = stats->GetFrames();
    r.predicted = stats->GetPredicted();
    r.completed = stats->GetCompleted();
    r.tasksEnded = stats->GetTasksEnded();
    r.created = stats->GetTasksCreated();
    for (InferenceTaskOutcome outcome : GetFinalOutcomes())
    {
        r.outcomes[outcome] = stats->GetCount(outcome);
    }
    r.events = Simulator::GetEventCount();
    r.simulated = Simulator::Now();
    r.tasks = std::move(collector.records);
    Simulator::Destroy();
    RngSeedManager::SetRun(savedRun);
    return r;
}

} // namespace ns3
