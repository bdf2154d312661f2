/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "c2-scheduler-comparison.h"

#include "edge-inference-cell-helper.h"
#include "edge-inference-helper.h"
#include "edge-inference-stats.h"

#include "ns3/boolean.h"
#include "ns3/c2-allocation.h"
#include "ns3/c2-scheduler.h"
#include "ns3/double.h"
#include "ns3/edge-controller.h"
#include "ns3/edge-inference-error.h"
#include "ns3/inference-client.h"
#include "ns3/log.h"
#include "ns3/object-factory.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <limits>
#include <set>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("C2SchedulerComparison");

namespace
{

/// @param spec a checked scheduler spec \return a new instance with its attributes
Ptr<C2Scheduler>
MakeScheduler(const C2SchedulerSpec& spec)
{
    ObjectFactory factory;
    factory.SetTypeId(spec.typeId);
    for (const auto& [name, value] : spec.attributes)
    {
        factory.Set(name, StringValue(value));
    }
    return factory.Create<C2Scheduler>();
}

/**
 * Computes optimum served counts with the reference schedulers and
 * remembers which ones it used.
 */
class OptimumOracle
{
  public:
    /// @param exhaustiveLimit largest K solved by exhaustive search
    explicit OptimumOracle(uint32_t exhaustiveLimit)
        : m_limit(exhaustiveLimit)
    {
        ObjectFactory f;
        f.SetTypeId("ns3::ExhaustiveC2Scheduler");
        f.Set("EarlyExit", BooleanValue(true));
        f.Set("MaxUsers", UintegerValue(std::max<uint32_t>(exhaustiveLimit, 1)));
        m_exhaustive = f.Create<C2Scheduler>();
        f = ObjectFactory();
        f.SetTypeId("ns3::TreeSearchC2Scheduler");
        m_treeSearch = f.Create<C2Scheduler>();
    }

    /// @param problem a valid problem \return the largest number of users it can serve
    uint32_t Solve(const C2Problem& problem)
    {
        const bool small = problem.GetNUsers() <= m_limit;
        Ptr<C2Scheduler> s = small ? m_exhaustive : m_treeSearch;
        const C2Allocation a = s->Allocate(problem);
        NS_ABORT_MSG_IF(!a.feasible,
                        "C2SchedulerComparison: the reference scheduler returned an "
                        "infeasible allocation: "
                            << a.violations.front());
        m_used.insert(small ? "ns3::ExhaustiveC2Scheduler[EarlyExit=true]"
                            : "ns3::TreeSearchC2Scheduler");
        return a.GetServedCount();
    }

    /// @return the reference schedulers used, " or "-separated
    std::string GetName() const
    {
        std::string name;
        for (const std::string& n : m_used)
        {
            name += (name.empty() ? "" : " or ") + n;
        }
        return name;
    }

  private:
    uint32_t m_limit;              //!< exhaustive up to this K
    Ptr<C2Scheduler> m_exhaustive; //!< exact, small K
    Ptr<C2Scheduler> m_treeSearch; //!< exact, any K
    std::set<std::string> m_used;  //!< names of those used
};

/// @param optimum optimum count @param served served count \return relative gap
double
Gap(uint32_t optimum, uint32_t served)
{
    return optimum > 0 ? (static_cast<double>(optimum) - served) / optimum : 0.0;
}

/// Collects what the packet-level run of one scheduler does.
struct PacketSink
{
    OptimumOracle* oracle{nullptr}; //!< null: no optimum
    C2DropResult drop;              //!< filled as the simulation runs
    double accuracySum{0};          //!< over completed tasks

    /// Controller's Allocation trace.
    void Allocation(uint32_t frame, const C2Problem& problem, const C2Allocation& allocation)
    {
        drop.runtimeUs += allocation.stats.runtimeUs;
        if (!allocation.feasible && drop.feasible)
        {
            drop.feasible = false;
            std::ostringstream os;
            os << "frame " << frame << ": "
               << (allocation.violations.empty() ? "infeasible" : allocation.violations.front());
            drop.violation = os.str();
        }
        if (oracle)
        {
            drop.optimum += oracle->Solve(problem);
        }
    }

    /// Clients' TaskRecord trace.
    void Task(const InferenceTaskRecord& record)
    {
        if (record.IsCompleted())
        {
            accuracySum += record.accuracy;
        }
    }
};

} // namespace

C2SchedulerComparison::C2SchedulerComparison()
    : m_hasProfile(false),
      m_frames(3),
      m_framePeriod(MilliSeconds(100)),
      m_optimum(true),
      m_exhaustiveLimit(12)
{
}

void
C2SchedulerComparison::SetScenario(const C2ScenarioParameters& params)
{
    m_scenario = params;
}

C2ScenarioParameters&
C2SchedulerComparison::GetScenario()
{
    return m_scenario;
}

void
C2SchedulerComparison::SetProfile(const std::string& path)
{
    SetProfile(EarlyExitProfile::ReadFile(path));
}

void
C2SchedulerComparison::SetProfile(const EarlyExitProfile& profile)
{
    m_profile = profile;
    m_hasProfile = true;
}

void
C2SchedulerComparison::SetSeeds(const std::vector<uint64_t>& seeds)
{
    m_seeds = seeds;
}

void
C2SchedulerComparison::SetFrames(uint32_t frames)
{
    if (frames == 0)
    {
        throw EdgeInferenceError("C2SchedulerComparison::SetFrames: frames must be > 0");
    }
    m_frames = frames;
}

void
C2SchedulerComparison::SetFramePeriod(Time period)
{
    if (!period.IsStrictlyPositive())
    {
        throw EdgeInferenceError("C2SchedulerComparison::SetFramePeriod: the period must be > 0");
    }
    m_framePeriod = period;
}

void
C2SchedulerComparison::SetOptimum(bool enable)
{
    m_optimum = enable;
}

void
C2SchedulerComparison::SetExhaustiveLimit(uint32_t users)
{
    m_exhaustiveLimit = users;
}

void
C2SchedulerComparison::AddScheduler(
    const std::string& label,
    const std::string& typeId,
    const std::vector<std::pair<std::string, std::string>>& attributes)
{
    const std::string where = "C2SchedulerComparison::AddScheduler(\"" + label + "\"): ";
    for (const C2SchedulerSpec& s : m_schedulers)
    {
        if (s.label == label)
        {
            throw EdgeInferenceError(where + "the label is already used");
        }
    }
    TypeId tid;
    const bool found = TypeId::LookupByNameFailSafe(typeId, &tid);
    if (!found || !tid.IsChildOf(C2Scheduler::GetTypeId()) || !tid.HasConstructor())
    {
        std::ostringstream known;
        for (const std::string& n : EdgeInferenceHelper::GetSchedulerTypeNames())
        {
            known << " " << n;
        }
        throw EdgeInferenceError(where + "'" + typeId + "' is " +
                                 (found ? "not a C2Scheduler plugin" : "an unknown TypeId") +
                                 " (is its library linked? registered schedulers:" + known.str() +
                                 ")");
    }
    for (const auto& [name, value] : attributes)
    {
        TypeId::AttributeInformation info;
        if (!tid.LookupAttributeByName(name, &info))
        {
            throw EdgeInferenceError(where + typeId + " has no attribute \"" + name + "\"");
        }
        if (!info.checker->CreateValidValue(StringValue(value)))
        {
            throw EdgeInferenceError(where + "bad value \"" + value + "\" for attribute " + name +
                                     " of " + typeId);
        }
    }
    m_schedulers.push_back({label, typeId, attributes});
}

const std::vector<C2SchedulerSpec>&
C2SchedulerComparison::GetSchedulers() const
{
    return m_schedulers;
}

C2ScenarioParameters
C2SchedulerComparison::EffectiveScenario() const
{
    C2ScenarioParameters p = m_scenario;
    if (m_hasProfile)
    {
        // The same exits the EdgeController gives its schedulers.
        C2Problem tmp;
        tmp.SetExitsFromProfile(m_profile);
        p.exits = tmp.GetExits();
    }
    return p;
}

void
C2SchedulerComparison::CheckReady(bool packet) const
{
    const std::string where = std::string("C2SchedulerComparison::") +
                              (packet ? "RunPacketLevel" : "RunAllocationLevel") + ": ";
    if (m_seeds.empty())
    {
        throw EdgeInferenceError(where + "no seeds (SetSeeds)");
    }
    if (m_schedulers.empty())
    {
        throw EdgeInferenceError(where + "no schedulers (AddScheduler)");
    }
    if (packet && !m_hasProfile)
    {
        throw EdgeInferenceError(where + "the packet level needs a DNN profile (SetProfile)");
    }
    if (!m_hasProfile && m_scenario.exits.empty())
    {
        throw EdgeInferenceError(where + "no DNN: SetProfile or set the scenario's exits");
    }
    if (packet && m_scenario.fixedPsd)
    {
        throw EdgeInferenceError(where + "the fixed-PSD rate model has no packet-level "
                                         "counterpart (the uplink has fixed transmit power)");
    }
    if (packet && m_scenario.users == 0)
    {
        throw EdgeInferenceError(where + "the packet level needs at least one user");
    }
}

C2Problem
C2SchedulerComparison::GetProblem(uint64_t seed) const
{
    return C2ScenarioGenerator(EffectiveScenario()).Generate(seed);
}

C2ComparisonResult
C2SchedulerComparison::RunAllocationLevel() const
{
    CheckReady(false);
    const C2ScenarioGenerator generator(EffectiveScenario());
    std::vector<Ptr<C2Scheduler>> schedulers;
    for (const C2SchedulerSpec& s : m_schedulers)
    {
        schedulers.push_back(MakeScheduler(s));
    }
    OptimumOracle oracle(m_exhaustiveLimit);
    C2ComparisonResult result(C2ComparisonResult::ALLOCATION);
    for (uint64_t seed : m_seeds)
    {
        const C2Problem problem = generator.Generate(seed);
        const uint32_t optimum = m_optimum ? oracle.Solve(problem) : 0;
        for (size_t i = 0; i < m_schedulers.size(); ++i)
        {
            C2DropResult d;
            d.seed = seed;
            d.users = problem.GetNUsers();
            d.optimum = optimum;
            C2Allocation a;
            std::string error;
            try
            {
                a = schedulers[i]->Allocate(problem);
            }
            catch (const std::exception& e)
            {
                error = e.what();
            }
            if (!error.empty())
            {
                d.feasible = false;
                d.violation = "exception: " + error;
            }
            else
            {
                d.served = a.GetServedCount();
                d.runtimeUs = a.stats.runtimeUs;
                d.feasible = a.feasible;
                d.violation = a.violations.empty() ? "" : a.violations.front();
                if (a.feasible)
                {
                    // Feasible: every served task meets its deadline and accuracy.
                    d.completed = EvaluateC2Allocation(problem, a).completedCount;
                    double sum = 0;
                    for (const C2ServedTask& t : a.served)
                    {
                        sum += problem.GetExits()[t.exit - 1].accuracy;
                    }
                    d.meanAccuracy =
                        d.served > 0 ? sum / d.served : std::numeric_limits<double>::quiet_NaN();
                }
                else
                {
                    d.meanAccuracy = std::numeric_limits<double>::quiet_NaN();
                }
            }
            d.throughput = d.completed / m_framePeriod.GetSeconds();
            d.gap = Gap(d.optimum, d.served);
            NS_LOG_INFO(m_schedulers[i].label << " seed " << seed << ": " << d.served
                                              << " served, optimum " << d.optimum);
            result.AddDrop(m_schedulers[i].label, d);
        }
    }
    if (m_optimum)
    {
        result.SetOptimumScheduler(oracle.GetName());
    }
    return result;
}

C2ComparisonResult
C2SchedulerComparison::RunPacketLevel() const
{
    CheckReady(true);
    const C2ScenarioParameters& p = m_scenario;
    const uint64_t savedRun = RngSeedManager::GetRun();
    OptimumOracle oracle(m_exhaustiveLimit);
    C2ComparisonResult result(C2ComparisonResult::PACKET);
    for (uint64_t seed : m_seeds)
    {
        for (const C2SchedulerSpec& spec : m_schedulers)
        {
            RngSeedManager::SetRun(seed);
            EdgeInferenceCellHelper cellHelper;
            cellHelper.SetCellRadius(p.cellRadiusM);
            cellHelper.SetMinDistance(p.minDistanceM);
            OfdmaUplinkHelper& uplink = cellHelper.GetUplinkHelper();
            uplink.EnableFading(p.rayleighFading);
            uplink.SetFadingModelAttribute("CoherenceTime", TimeValue(m_framePeriod));
            uplink.SetBsDeviceAttribute("Bandwidth", DoubleValue(p.bandwidthHz));
            uplink.SetBsDeviceAttribute(
                "ResourceBlockWidth",
                DoubleValue(p.resourceBlockHz > 0 ? p.resourceBlockHz : 10e3));
            uplink.SetBsDeviceAttribute("ThermalNoisePsd", DoubleValue(p.noisePsdDbmHz));
            uplink.SetUeDeviceAttribute("TxPower", DoubleValue(p.powerDbm));
            // Fixed streams, as in the paper experiment: the same drop,
            // fading and tasks for every scheduler.
            EdgeInferenceCell cell = cellHelper.Create(p.users, 1);

            EdgeInferenceHelper edge;
            edge.SetProfile(m_profile);
            edge.SetSchedulerType(spec.typeId);
            for (const auto& [name, value] : spec.attributes)
            {
                edge.SetSchedulerAttribute(name, StringValue(value));
            }
            edge.SetControllerAttribute("MaxFrames", UintegerValue(m_frames));
            edge.SetControllerAttribute("FramePeriod", TimeValue(m_framePeriod));
            edge.SetClientAttribute("MaxTasks", UintegerValue(m_frames));
            EdgeInferenceApplications apps = edge.Install(cell.bs, cell.bs, cell.ues);
            // One random variable per client (a factory attribute would be
            // shared by all clients); AssignStreams below fixes their streams.
            for (auto it = apps.clients.Begin(); it != apps.clients.End(); ++it)
            {
                Ptr<ConstantRandomVariable> size = CreateObject<ConstantRandomVariable>();
                size->SetAttribute("Constant", DoubleValue(p.bits));
                (*it)->SetAttribute("TaskSize", PointerValue(size));
                Ptr<UniformRandomVariable> t = CreateObject<UniformRandomVariable>();
                t->SetAttribute("Min", DoubleValue(p.deadlineMinS));
                t->SetAttribute("Max", DoubleValue(p.deadlineMaxS));
                (*it)->SetAttribute("LatencyRequirement", PointerValue(t));
                if (p.accuracyMin >= 0 || p.accuracyMax >= 0)
                {
                    const uint32_t n = m_profile.GetNExits();
                    Ptr<UniformRandomVariable> a = CreateObject<UniformRandomVariable>();
                    a->SetAttribute("Min",
                                    DoubleValue(p.accuracyMin >= 0 ? p.accuracyMin
                                                                   : m_profile.GetExitAccuracy(1)));
                    a->SetAttribute("Max",
                                    DoubleValue(p.accuracyMax >= 0 ? p.accuracyMax
                                                                   : m_profile.GetExitAccuracy(n)));
                    (*it)->SetAttribute("AccuracyRequirement", PointerValue(a));
                }
            }
            edge.AssignStreams(apps, 1000);
            apps.GetAll().Start(Seconds(0));

            Ptr<EdgeInferenceStats> stats = Create<EdgeInferenceStats>();
            stats->Connect(apps);
            PacketSink sink;
            sink.oracle = m_optimum ? &oracle : nullptr;
            sink.drop.seed = seed;
            sink.drop.users = p.users;
            apps.GetController()->TraceConnectWithoutContext(
                "Allocation",
                MakeCallback(&PacketSink::Allocation, &sink));
            for (auto it = apps.clients.Begin(); it != apps.clients.End(); ++it)
            {
                (*it)->TraceConnectWithoutContext("TaskRecord",
                                                  MakeCallback(&PacketSink::Task, &sink));
            }
            // The last frame's tasks end by their deadlines.
            Simulator::Stop(m_framePeriod * m_frames +
                            std::max(m_framePeriod, Seconds(p.deadlineMaxS)));
            Simulator::Run();
            C2DropResult d = sink.drop;
            d.frames = stats->GetFrames();
            d.served = stats->GetPredicted();
            d.completed = stats->GetCompleted();
            d.throughput = d.completed / (m_frames * m_framePeriod.GetSeconds());
            d.meanAccuracy = d.completed > 0 ? sink.accuracySum / d.completed
                                             : std::numeric_limits<double>::quiet_NaN();
            d.gap = Gap(d.optimum, d.served);
            Simulator::Destroy();
            NS_LOG_INFO(spec.label << " RngRun " << seed << ": " << d.served << " served, "
                                   << d.completed << " completed, optimum " << d.optimum);
            result.AddDrop(spec.label, d);
        }
    }
    RngSeedManager::SetRun(savedRun);
    if (m_optimum)
    {
        result.SetOptimumScheduler(oracle.GetName());
    }
    return result;
}

} // namespace ns3
