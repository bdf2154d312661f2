/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * Benchmark of the packet-level simulation: wall time, simulator events per
 * second and peak memory for K users x F frames of the default scenario,
 * for each scheduler given. Also reports the share of the wall time spent
 * inside the scheduler plugin.
 *
 * Run: edge-inference-benchmark [--users=100] [--frames=1000]
 *      [--schedulers=ns3::TreeSearchC2Scheduler,ns3::GreedyEarlyExitC2Scheduler]
 * Peak memory is the process's maximum resident set size so far (getrusage),
 * so with several schedulers in one process each line shows the maximum up
 * to then; run one scheduler per process for separate figures.
 */

#include "ns3/core-module.h"
#include "ns3/edge-controller.h"
#include "ns3/edge-inference-cell-helper.h"
#include "ns3/edge-inference-helper.h"
#include "ns3/edge-inference-stats.h"

#include <chrono>
#include <iomanip>
#include <iostream>
#include <sstream>
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
    std::stringstream ss(schedulers);
    std::string type;
    while (std::getline(ss, type, ','))
    {
        const auto t0 = std::chrono::steady_clock::now();
        EdgeInferenceCellHelper cellHelper;
        EdgeInferenceCell cell = cellHelper.Create(users, 1);
        EdgeInferenceHelper edge;
        edge.SetProfile(EDGE_INFERENCE_SOURCE_DIR "/data/profiles/paper-default.csv");
        edge.SetSchedulerType(type);
        edge.SetControllerAttribute("MaxFrames", UintegerValue(frames));
        edge.SetClientAttribute("MaxTasks", UintegerValue(frames));
        EdgeInferenceApplications apps = edge.Install(cell.bs, cell.bs, cell.ues);
        edge.AssignStreams(apps, 1000);
        apps.GetAll().Start(Seconds(0));
        Ptr<EdgeInferenceStats> stats = Create<EdgeInferenceStats>();
        stats->Connect(apps);
        SchedulerTime st;
        apps.GetController()->TraceConnectWithoutContext("FrameScheduled",
                                                         MakeCallback(&SchedulerTime::Add, &st));
        Simulator::Stop(MilliSeconds(100) * (frames + 1));
        Simulator::Run();
        const uint64_t events = Simulator::GetEventCount();
        const uint64_t completed = stats->GetCompleted();
        Simulator::Destroy();
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
