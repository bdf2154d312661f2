/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * Runs the example plugin ns3::LargestSnrC2Scheduler in the packet-level
 * cell of the module's default scenario (RunEdgeInferenceScenario: one BS
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
#include "ns3/edge-inference-scenario-runner.h"

#include <iomanip>
#include <iostream>

#ifndef EDGE_INFERENCE_PROFILES_DIR
// Built without this folder's CMakeLists.txt, as an ns-3 scratch/ program:
// ./ns3 run starts it in the ns-3 root, next to contrib/edge-inference.
#define EDGE_INFERENCE_PROFILES_DIR "contrib/edge-inference/data/profiles"
#endif

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
    std::string profile = EDGE_INFERENCE_PROFILES_DIR "/paper-default.csv";

    CommandLine cmd(__FILE__);
    cmd.AddValue("users", "Number of UEs", users);
    cmd.AddValue("frames", "Number of 100 ms frames", frames);
    cmd.AddValue("earlyExit", "Tasks leave at their required exit", earlyExit);
    cmd.AddValue("compare", "Also compare with TreeSearch and Greedy (both levels)", compare);
    cmd.AddValue("runs", "Seeds RngRun..RngRun+runs-1 for --compare", runs);
    cmd.AddValue("profile", "DNN profile file", profile);
    cmd.Parse(argc, argv);
    NS_ABORT_MSG_IF(users == 0 || frames == 0 || runs == 0, "users, frames, runs must be > 0");

    // One drop of the module's default scenario, with the plugin chosen by
    // its TypeId name exactly like the module's own schedulers.
    EdgeInferenceScenario scenario;
    scenario.profile = EarlyExitProfile::ReadFile(profile);
    scenario.scheduler = {"LargestSnr",
                          "ns3::LargestSnrC2Scheduler",
                          {{"EarlyExit", earlyExit ? "true" : "false"}}};
    scenario.users = users;
    scenario.frames = frames;
    scenario.rngRun = RngSeedManager::GetRun();
    const auto printFrames = [](const EdgeInferenceCell&, const EdgeInferenceApplications& apps) {
        apps.GetController()->TraceConnectWithoutContext("FrameScheduled",
                                                         MakeCallback(&PrintFrame));
    };
    const EdgeInferenceScenarioResult r = RunEdgeInferenceScenario(scenario, printFrames);
    std::cout << r.completed << " of " << r.tasksEnded
              << " tasks completed; the scheduler predicted " << r.predicted << "\n";

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
