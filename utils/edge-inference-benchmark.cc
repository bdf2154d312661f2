/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * Benchmark of the packet-level simulation: wall time, simulator events per
 * second and peak memory for K users x F frames of the default scenario,
 * for each scheduler given (a TypeId, with attributes as
 * ns3::TypeName[NAME=VALUE]), one RunEdgeInferenceScenario() each. Also reports the share of the
 * wall time spent inside the scheduler plugin.
 *
 * Run: edge-inference-benchmark [--users=100] [--frames=1000]
 *      [--schedulers=ns3::TreeSearchC2Scheduler,ns3::GreedyEarlyExitC2Scheduler]
 * Peak memory is the process's maximum resident set size so far (getrusage),
 * so with several schedulers in one process each line shows the maximum up
 * to then; run one scheduler per process for separate figures.
 */

#include "ns3/core-module.h"
#include "ns3/edge-controller.h"
#include "ns3/edge-inference-error.h"
#include "ns3/edge-inference-scenario-runner.h"

#include <chrono>
#include <iomanip>
#include <iostream>
#include <sys/resource.h>

using namespace ns3;

namespace
{

/// Sums the scheduler's own runtime over the frames.
struct SchedulerTime
{
    double us{0}; //!< microseconds

    /// @param f a frame summary
    void Add(const EdgeFrameRecord& f)
    {
        us += f.runtimeUs;
    }
};

/// @return peak resident set size of this process (MiB)
double
PeakRssMiB()
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024.0; // ru_maxrss is in KiB on Linux
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t users = 100;
    uint32_t frames = 1000;
    std::string schedulers = "ns3::TreeSearchC2Scheduler,ns3::GreedyEarlyExitC2Scheduler";
    CommandLine cmd(__FILE__);
    cmd.AddValue("users", "Number of users K", users);
    cmd.AddValue("frames", "Number of 100 ms frames", frames);
    cmd.AddValue("schedulers", "Comma-separated scheduler TypeIds", schedulers);
    cmd.Parse(argc, argv);
    if (users == 0 || frames == 0)
    {
        std::cerr << "edge-inference-benchmark: --users and --frames must be > 0\n";
        return 1;
    }

    std::cout << "K=" << users << " users, " << frames << " frames, RngRun "
              << RngSeedManager::GetRun() << "\n";
    std::cout << std::left << std::setw(34) << "scheduler" << std::right << std::setw(10)
              << "wall [s]" << std::setw(12) << "events" << std::setw(14) << "events/s"
              << std::setw(12) << "sched [s]" << std::setw(11) << "completed" << std::setw(14)
              << "peak RSS MiB"
              << "\n";
    EdgeInferenceScenario scenario; // the default scenario
    scenario.profile =
        EarlyExitProfile::ReadFile(EDGE_INFERENCE_SOURCE_DIR "/data/profiles/paper-default.csv");
    scenario.users = users;
    scenario.frames = frames;
    scenario.rngRun = RngSeedManager::GetRun();
    for (const std::string& type : SplitC2SchedulerList(schedulers))
    {
        const auto t0 = std::chrono::steady_clock::now();
        SchedulerTime st;
        const auto connect = [&st](const EdgeInferenceCell&,
                                   const EdgeInferenceApplications& apps) {
            apps.GetController()->TraceConnectWithoutContext(
                "FrameScheduled",
                MakeCallback(&SchedulerTime::Add, &st));
        };
        EdgeInferenceScenarioResult r;
        try
        {
            scenario.scheduler = ParseC2SchedulerSpec(type);
            r = RunEdgeInferenceScenario(scenario, connect);
        }
        catch (const EdgeInferenceError& e)
        {
            std::cerr << "edge-inference-benchmark: --schedulers: " << e.what() << "\n";
            return 1;
        }
        const uint64_t events = r.events;
        const uint64_t completed = r.completed;
        const double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::cout << std::left << std::setw(34) << type << std::right << std::fixed
                  << std::setprecision(2) << std::setw(10) << wall << std::setw(12) << events
                  << std::setw(14) << std::setprecision(0) << events / wall << std::setw(12)
                  << std::setprecision(2) << st.us * 1e-6 << std::setw(11) << completed
                  << std::setw(14) << std::setprecision(1) << PeakRssMiB() << "\n";
    }
    return 0;
}
