/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * Runs the example plugin ns3::LargestSnrC2Scheduler in the packet-level
 * cell of the module's default scenario (EdgeInferenceCellHelper: one BS
 * with the edge server, users dropped in a 200 m cell, OFDMA uplink with
 * Rayleigh block fading, 1 MHz of 10 kHz blocks), chosen by TypeId exactly
 * like the module's own schedulers. Prints one line per frame and the
 * totals. With --compare it also runs C2SchedulerComparison on
 * --runs seeds against the tree search and the greedy, at both levels.
 *
 * Run: largest-snr-example [--users=20] [--frames=5] [--earlyExit=1]
 *      [--compare=0] [--runs=5] [--RngRun=1]
 */

#include "ns3/c2-scheduler-comparison.h"
#include "ns3/core-module.h"
#include "ns3/edge-controller.h"
#include "ns3/edge-inference-cell-helper.h"
#include "ns3/edge-inference-helper.h"
#include "ns3/edge-inference-stats.h"

#include <iomanip>
#include <iostream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("LargestSnrExample");

namespace
{

/// Prints one line per frame decision.
void
PrintFrame(const EdgeFrameRecord& f)
{
    std::cout << std::fixed << std::setprecision(3) << f.decision.GetSeconds() << " s  frame "
              << f.frame << ": " << f.candidates << " tasks, " << f.predicted << " served by "
              << f.scheduler << (f.feasible ? "" : " (INFEASIBLE: not executed)") << "\n";
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t users = 20;
    uint32_t frames = 5;
    bool earlyExit = true;
    bool compare = false;
    uint32_t runs = 5;
    std::string profile = EDGE_INFERENCE_SOURCE_DIR "/data/profiles/paper-default.csv";

    CommandLine cmd(__FILE__);
    cmd.AddValue("users", "Number of UEs", users);
    cmd.AddValue("frames", "Number of 100 ms frames", frames);
    cmd.AddValue("earlyExit", "Tasks leave at their required exit", earlyExit);
    cmd.AddValue("compare", "Also compare with TreeSearch and Greedy (both levels)", compare);
    cmd.AddValue("runs", "Seeds RngRun..RngRun+runs-1 for --compare", runs);
    cmd.AddValue("profile", "DNN profile file", profile);
    cmd.Parse(argc, argv);
    NS_ABORT_MSG_IF(users == 0 || frames == 0 || runs == 0, "users, frames, runs must be > 0");

    // The cell: nodes, positions, OFDMA uplink, Internet stack (stream 1..).
    EdgeInferenceCellHelper cellHelper;
    EdgeInferenceCell cell = cellHelper.Create(users, 1);

    // The applications, with the plugin chosen by its TypeId name.
    EdgeInferenceHelper edge;
    edge.SetProfile(profile);
    edge.SetSchedulerType("ns3::LargestSnrC2Scheduler");
    edge.SetSchedulerAttribute("EarlyExit", BooleanValue(earlyExit));
    edge.SetControllerAttribute("MaxFrames", UintegerValue(frames));
    edge.SetClientAttribute("MaxTasks", UintegerValue(frames));
    EdgeInferenceApplications apps = edge.Install(cell.bs, cell.bs, cell.ues);
    edge.AssignStreams(apps, 1000);
    apps.GetAll().Start(Seconds(0));

    Ptr<EdgeInferenceStats> stats = Create<EdgeInferenceStats>();
    stats->Connect(apps);
    apps.GetController()->TraceConnectWithoutContext("FrameScheduled", MakeCallback(&PrintFrame));
    Simulator::Stop(MilliSeconds(100) * (frames + 1));
    Simulator::Run();
    std::cout << stats->GetCompleted() << " of " << stats->GetTasksEnded()
              << " tasks completed; the scheduler predicted " << stats->GetPredicted() << "\n";
    Simulator::Destroy();

    if (compare)
    {
        C2SchedulerComparison cmp;
        cmp.SetProfile(profile);
        cmp.GetScenario().users = users;
        std::vector<uint64_t> seeds;
        for (uint32_t r = 0; r < runs; ++r)
        {
            seeds.push_back(RngSeedManager::GetRun() + r);
        }
        cmp.SetSeeds(seeds);
        cmp.SetFrames(frames);
        cmp.AddScheduler("LargestSnr",
                         "ns3::LargestSnrC2Scheduler",
                         {{"EarlyExit", earlyExit ? "true" : "false"}});
        cmp.AddScheduler("Greedy", "ns3::GreedyEarlyExitC2Scheduler");
        cmp.AddScheduler("TreeSearch", "ns3::TreeSearchC2Scheduler");
        std::cout << "\n";
        cmp.RunAllocationLevel().Print(std::cout);
        std::cout << "\n";
        cmp.RunPacketLevel().Print(std::cout);
    }
    return 0;
}
