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
    return MakeC2SchedulerFactory(spec).Create<C2Scheduler>();
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
    C2SchedulerSpec spec{label, typeId, attributes};
    try
    {
        MakeC2SchedulerFactory(spec); // every check of the TypeId and the attributes
    }
    catch (const EdgeInferenceError& e)
    {
        throw EdgeInferenceError(where + e.what());
    }
    m_schedulers.push_back(spec);
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

EdgeInferenceScenario
C2SchedulerComparison::MakePacketScenario(uint64_t seed, const C2SchedulerSpec& spec) const
{
    const C2ScenarioParameters& p = m_scenario;
    EdgeInferenceScenario s;
    s.profile = m_profile;
    s.scheduler = spec;
    s.users = p.users;
    s.frames = m_frames;
    s.framePeriod = m_framePeriod;
    s.rngRun = seed;
    s.cellRadiusM = p.cellRadiusM;
    s.minDistanceM = p.minDistanceM;
    s.bandwidthHz = p.bandwidthHz;
    // Continuous bandwidth has no packet-level counterpart: 10 kHz blocks
    // come closest.
    s.resourceBlockHz = p.resourceBlockHz > 0 ? p.resourceBlockHz : 10e3;
    s.powerDbm = p.powerDbm;
    s.noisePsdDbmHz = p.noisePsdDbmHz;
    s.fading = p.rayleighFading;
    s.taskBits = p.bits;
    s.deadlineMinS = p.deadlineMinS;
    s.deadlineMaxS = p.deadlineMaxS;
    s.accuracyMin = p.accuracyMin;
    s.accuracyMax = p.accuracyMax;
    return s;
}

C2ComparisonResult
C2SchedulerComparison::RunPacketLevel() const
{
    CheckReady(true);
    const C2ScenarioParameters& p = m_scenario;
    OptimumOracle oracle(m_exhaustiveLimit);
    C2ComparisonResult result(C2ComparisonResult::PACKET);
    for (uint64_t seed : m_seeds)
    {
        for (const C2SchedulerSpec& spec : m_schedulers)
        {
            PacketSink sink;
            sink.oracle = m_optimum ? &oracle : nullptr;
            sink.drop.seed = seed;
            sink.drop.users = p.users;
            const auto connect = [&sink](const EdgeInferenceCell&,
                                         const EdgeInferenceApplications& apps) {
                apps.GetController()->TraceConnectWithoutContext(
                    "Allocation",
                    MakeCallback(&PacketSink::Allocation, &sink));
                for (auto it = apps.clients.Begin(); it != apps.clients.End(); ++it)
                {
                    (*it)->TraceConnectWithoutContext("TaskRecord",
                                                      MakeCallback(&PacketSink::Task, &sink));
                }
            };
            const EdgeInferenceScenarioResult run =
                RunEdgeInferenceScenario(MakePacketScenario(seed, spec), connect);
            C2DropResult d = sink.drop;
            d.frames = run.frames;
            d.served = run.predicted;
            d.completed = run.completed;
            d.throughput = d.completed / (m_frames * m_framePeriod.GetSeconds());
            d.meanAccuracy = d.completed > 0 ? sink.accuracySum / d.completed
                                             : std::numeric_limits<double>::quiet_NaN();
            d.gap = Gap(d.optimum, d.served);
            NS_LOG_INFO(spec.label << " RngRun " << seed << ": " << d.served << " served, "
                                   << d.completed << " completed, optimum " << d.optimum);
            result.AddDrop(spec.label, d);
        }
    }
    if (m_optimum)
    {
        result.SetOptimumScheduler(oracle.GetName());
    }
    return result;
}

} // namespace ns3
