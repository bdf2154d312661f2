/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * The paper's main experiment, packet level: throughput (completed tasks per
 * second) against the number of users, for every scheduler, on the same
 * seeded drops.
 *
 * Model reconstructed from the paper's description (Liu, Lan, Huang, IEEE
 * JSAC 2023); parameters are ours (manual: *Default scenario*): one cell of radius
 * 200 m, users uniform >= 10 m from the BS, path loss 128.1 + 37.6
 * log10(d/km), Rayleigh block fading constant within a 100 ms frame,
 * B = 1 MHz in 10 kHz resource blocks, 23 dBm, -174 dBm/Hz, D = 24,576 bit,
 * T ~ U(20, 100) ms, A ~ U[a_1, a_N], profile data/profiles/paper-default.csv.
 * Each frame every user creates one task; the BS schedules, the users
 * upload as UDP packets over the OFDMA uplink and the edge server runs the
 * batch block by block.
 *
 * Run (defaults shown):
 *   edge-inference-paper --users=10,20,30,40,50,60 --frames=100 --runs=10 \
 *     --schedulers=Sequential,SequentialEE,EqualBandwidth,ShelfPacking,Greedy,TreeSearch \
 *     --bandwidth=1e6 --output=edge-inference-paper-results --RngRun=1
 * --schedulers also takes any C2Scheduler TypeId linked into the program or
 * loaded from a shared library with --plugins, with attributes, e.g.
 * ns3::ExhaustiveC2Scheduler[EarlyExit=true,MaxUsers=20] (such a label is
 * quoted in the CSV files when it holds a comma).
 *
 * This file reads and checks the options; EdgeInferenceUserSweep
 * (helper/edge-inference-user-sweep.h) runs one RunEdgeInferenceScenario()
 * per (K, run, scheduler), sums the results and writes the table, the CSV
 * files and the plot. Run r (0-based) uses RngRun + r for the drop, the
 * fading and the tasks, the same for every scheduler. Outputs in --output:
 * frames.csv (one line per scheduler, users, run and frame), summary.csv,
 * throughput.plt and, if gnuplot is installed, throughput.png.
 */

#include "ns3/c2-scheduler-spec.h"
#include "ns3/core-module.h"
#include "ns3/edge-inference-error.h"
#include "ns3/edge-inference-scenario-runner.h"
#include "ns3/edge-inference-user-sweep.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("EdgeInferencePaper");

namespace
{

/// @param s comma-separated list \return its items
std::vector<std::string>
Split(const std::string& s)
{
    std::vector<std::string> out;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ','))
    {
        if (!item.empty())
        {
            out.push_back(item);
        }
    }
    return out;
}

/// Fails with a message naming the option (exit status 1).
[[noreturn]] void
Fail(const std::string& message)
{
    std::cerr << "edge-inference-paper: " << message << "\n";
    std::exit(1);
}

/// The experiment's options, checked.
struct Options
{
    std::vector<uint32_t> userCounts;                   //!< K values
    uint32_t runs{10};                                  //!< drops per (scheduler, K)
    std::vector<C2SchedulerSpec> schedulers;            //!< in table order
    EdgeInferenceScenario scenario;                     //!< everything but K, run and scheduler
    std::string output{"edge-inference-paper-results"}; //!< output folder
    bool taskCsv{false};                                //!< write tasks.csv
};

/**
 * @brief Reads --users.
 * @param text the option's value
 * @return the numbers of users
 */
std::vector<uint32_t>
ReadUserCounts(const std::string& text)
{
    std::vector<uint32_t> counts;
    for (const std::string& u : Split(text))
    {
        char* end = nullptr;
        const long v = std::strtol(u.c_str(), &end, 10);
        if (*end != '\0' || v <= 0 || v > 100000)
        {
            Fail("--users: '" + u + "' is not a number of users > 0");
        }
        counts.push_back(v);
    }
    if (counts.empty())
    {
        Fail("--users: give at least one number of users");
    }
    return counts;
}

/**
 * @brief Loads --plugins, then reads --schedulers.
 * @param plugins the --plugins value
 * @param list the --schedulers value
 * @return the schedulers
 */
std::vector<C2SchedulerSpec>
ReadSchedulers(const std::string& plugins, const std::string& list)
{
    try
    {
        for (const TypeId& tid : LoadC2SchedulerPlugins(plugins))
        {
            std::cout << "Loaded scheduler plugin " << tid.GetName() << "\n";
        }
    }
    catch (const EdgeInferenceError& e)
    {
        Fail(std::string("--plugins: ") + e.what());
    }
    try
    {
        return ReadC2SchedulerChoices(list);
    }
    catch (const EdgeInferenceError& e)
    {
        Fail(std::string("--schedulers: ") + e.what());
    }
}

/**
 * @brief Reads and checks the command line.
 * @param argc argument count
 * @param argv arguments
 * @return the options
 */
Options
ParseOptions(int argc, char* argv[])
{
    Options o;
    EdgeInferenceScenario& sc = o.scenario;
    std::string usersArg = "10,20,30,40,50,60";
    std::string schedulersArg =
        "Sequential,SequentialEE,EqualBandwidth,ShelfPacking,Greedy,TreeSearch";
    std::string profile = EDGE_INFERENCE_SOURCE_DIR "/data/profiles/paper-default.csv";
    std::string plugins;
    std::string rateMapping = "Shannon";
    bool blockErrors = true;
    CommandLine cmd(__FILE__);
    cmd.Usage("The paper's experiment: throughput vs number of users for every scheduler, "
              "packet level, on the same seeded drops. Use --RngRun=N for other drops.");
    cmd.AddValue("users", "Comma-separated numbers of users K", usersArg);
    cmd.AddValue("frames", "Frames (100 ms each) per simulation", sc.frames);
    cmd.AddValue("runs", "Drops per (scheduler, K); run r uses RngRun + r", o.runs);
    cmd.AddValue("bandwidth", "Uplink bandwidth B (Hz), a multiple of 10 kHz", sc.bandwidthHz);
    cmd.AddValue("radius", "Cell radius (m)", sc.cellRadiusM);
    cmd.AddValue("fading",
                 "Rayleigh fading: in blocks constant within a frame, or Clarke's with "
                 "--ue-speed",
                 sc.fading);
    cmd.AddValue("ue-speed",
                 "UE speed (m/s): UEs move in straight lines and the fading is Clarke's "
                 "with Doppler speed x carrier / c (0: static UEs, block fading)",
                 sc.ueSpeedMps);
    cmd.AddValue("deadline-min", "Smallest latency requirement T (s)", sc.deadlineMinS);
    cmd.AddValue("deadline-max", "Largest latency requirement T (s)", sc.deadlineMaxS);
    cmd.AddValue("accuracy-min",
                 "Smallest accuracy requirement A (0..1); negative: the first exit's accuracy",
                 sc.accuracyMin);
    cmd.AddValue("accuracy-max",
                 "Largest accuracy requirement A (0..1); negative: the last exit's accuracy",
                 sc.accuracyMax);
    cmd.AddValue("rate-mapping",
                 "Uplink rate mapping of the BS: Shannon or McsTable (planned for either)",
                 rateMapping);
    cmd.AddValue("block-errors",
                 "McsTable only: lose packets with the MCS's block error rate (false: a "
                 "loss-free link at MCS rates)",
                 blockErrors);
    cmd.AddValue("profile", "DNN profile file", profile);
    cmd.AddValue("schedulers",
                 "Comma-separated schedulers: Sequential, SequentialEE, EqualBandwidth, "
                 "ShelfPacking, Greedy, TreeSearch, Exhaustive, or any C2Scheduler TypeId "
                 "linked into the program or loaded with --plugins, with attributes: "
                 "ns3::TypeName[NAME=VALUE,...]",
                 schedulersArg);
    cmd.AddValue("plugins",
                 "Comma-separated shared libraries with C2Scheduler plugins to load before "
                 "reading --schedulers (e.g. ./libmy-scheduler.so)",
                 plugins);
    cmd.AddValue("output", "Output folder (created if missing)", o.output);
    cmd.AddValue("task-csv", "Also write every task's record to tasks.csv (large)", o.taskCsv);
    cmd.Parse(argc, argv);

    o.userCounts = ReadUserCounts(usersArg);
    if (sc.frames == 0)
    {
        Fail("--frames must be > 0");
    }
    if (o.runs == 0)
    {
        Fail("--runs must be > 0");
    }
    if (!(sc.bandwidthHz > 0))
    {
        Fail("--bandwidth must be > 0 Hz");
    }
    if (!(sc.cellRadiusM > sc.minDistanceM))
    {
        Fail("--radius must be > 10 m (users are at least 10 m from the BS)");
    }
    o.schedulers = ReadSchedulers(plugins, schedulersArg);
    try
    {
        sc.profile = EarlyExitProfile::ReadFile(profile);
    }
    catch (const std::exception& e)
    {
        Fail(std::string("--profile: ") + e.what());
    }
    sc.collectTasks = o.taskCsv;
    sc.bsAttributes = {{"RateMapping", rateMapping},
                       {"BlockErrors", blockErrors ? "true" : "false"}};
    try
    {
        sc.users = o.userCounts.front();
        CheckEdgeInferenceScenario(sc);
    }
    catch (const EdgeInferenceError& e)
    {
        Fail(e.what());
    }
    return o;
}

/**
 * @brief Writes the plot and says which files the experiment wrote.
 * @param o the options
 * @param sweep the finished sweep
 */
void
WritePlot(const Options& o, const EdgeInferenceUserSweep& sweep)
{
    const bool png = sweep.WritePlot(o.output);
    std::cout << "\nWrote " << o.output << "/frames.csv, " << o.output << "/summary.csv, "
              << o.output << "/throughput.plt";
    if (o.taskCsv)
    {
        std::cout << ", " << o.output << "/tasks.csv";
    }
    if (png)
    {
        std::cout << ", " << o.output << "/throughput.png\n";
    }
    else
    {
        std::cout << "\ngnuplot not found: install it (apt-get install gnuplot) and run "
                     "'cd "
                  << o.output << " && gnuplot throughput.plt' for throughput.png\n";
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    const Options o = ParseOptions(argc, argv);
    const uint64_t firstRun = RngSeedManager::GetRun();
    std::cout << "Edge inference with batching and early exiting: " << o.schedulers.size()
              << " schedulers x " << o.userCounts.size() << " user counts x " << o.runs
              << " runs x " << o.scenario.frames << " frames (RngRun " << firstRun << ".."
              << firstRun + o.runs - 1 << ")\n";
    try
    {
        EdgeInferenceUserSweep sweep(o.scenario, o.userCounts, o.runs, o.schedulers, firstRun);
        sweep.Run(o.output, std::cerr);
        sweep.WriteSummary(o.output, std::cout);
        if (std::any_of(o.schedulers.begin(), o.schedulers.end(), [](const C2SchedulerSpec& s) {
                return s.label == "Sequential";
            }))
        {
            std::cout << "\nRatio to Sequential (no batching, no early exit):\n";
            sweep.PrintRatios("Sequential", std::cout);
        }
        WritePlot(o, sweep);
    }
    catch (const EdgeInferenceError& e)
    {
        Fail(e.what());
    }
    return 0;
}
