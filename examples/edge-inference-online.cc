/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * Online operation: tasks arrive at random (Poisson, periodic with jitter,
 * bursty on-off, or a trace file), wait in queues across frames
 * (EdgeController::QueueUnserved) and are served by the chosen schedulers;
 * completion ratio, latency percentiles and queue length against the
 * offered load, on the same seeded drops for every scheduler.
 *
 * Run (defaults shown):
 *   edge-inference-online --arrivals=poisson --loads=2,5,10,20 --users=10 \
 *     --frames=50 --runs=2 --queue=true \
 *     --schedulers=Sequential,SequentialEE,EqualBandwidth,ShelfPacking,Greedy,TreeSearch,\
 * MultiBatch,Immediate,TimeoutOrFull,DynamicBatching \
 *     --output=edge-inference-online-results --RngRun=1
 * --arrivals=trace --trace=FILE replays a trace (manual: *Online
 * operation*) instead of --loads. The load is tasks per second per user.
 *
 * This file reads and checks the options; EdgeInferenceLoadSweep
 * (helper/edge-inference-load-sweep.h) runs the simulations and writes
 * tasks.csv (every task: creation, frame, batch start, outcome, latency),
 * queue.csv (queue length at every frame's decision), summary.csv and
 * online.plt (completion.png and latency.png where gnuplot is installed).
 */

#include "ns3/c2-scheduler-spec.h"
#include "ns3/core-module.h"
#include "ns3/edge-inference-error.h"
#include "ns3/edge-inference-load-sweep.h"
#include "ns3/edge-inference-scenario-runner.h"
#include "ns3/task-arrival-process.h"

#include <cstdlib>
#include <iostream>
#include <sstream>

using namespace ns3;

namespace
{

/// Fails with a message naming the option (exit status 1).
[[noreturn]] void
Fail(const std::string& message)
{
    std::cerr << "edge-inference-online: " << message << "\n";
    std::exit(1);
}

/// The experiment's options, checked.
struct Options
{
    std::vector<EdgeInferenceLoad> loads;                //!< offered loads
    uint32_t runs{2};                                    //!< drops per (load, scheduler)
    std::vector<C2SchedulerSpec> schedulers;             //!< in table order
    EdgeInferenceScenario scenario;                      //!< everything but load, run, scheduler
    std::string output{"edge-inference-online-results"}; //!< output folder
};

/**
 * @brief Reads --arrivals, --loads and --trace.
 * @param kind the process
 * @param loads comma-separated loads
 * @param trace the trace file (kind "trace")
 * @return the loads
 */
std::vector<EdgeInferenceLoad>
ReadLoads(const std::string& kind, const std::string& loads, const std::string& trace)
{
    if (kind == "trace")
    {
        if (trace.empty())
        {
            Fail("--arrivals=trace needs --trace=FILE");
        }
        try
        {
            ReadTaskTrace(trace); // every bad row named before anything runs
        }
        catch (const EdgeInferenceError& e)
        {
            Fail(std::string("--trace: ") + e.what());
        }
        return {{"trace", 0, "ns3::TraceTaskArrivals", {{"File", trace}}}};
    }
    std::vector<EdgeInferenceLoad> out;
    std::stringstream ss(loads);
    std::string item;
    while (std::getline(ss, item, ','))
    {
        char* end = nullptr;
        const double value = std::strtod(item.c_str(), &end);
        if (item.empty() || *end != '\0')
        {
            Fail("--loads: '" + item + "' is not a number of tasks/s per user");
        }
        try
        {
            out.push_back(MakeEdgeInferenceLoad(kind, value));
        }
        catch (const EdgeInferenceError& e)
        {
            Fail(std::string(kind == "poisson" || kind == "periodic" || kind == "onoff"
                                 ? "--loads: "
                                 : "--arrivals: ") +
                 e.what());
        }
    }
    if (out.empty())
    {
        Fail("--loads: give at least one load");
    }
    return out;
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
    sc.users = 10;
    sc.frames = 50;
    std::string arrivals = "poisson";
    std::string loads = "2,5,10,20";
    std::string trace;
    std::string schedulers =
        "Sequential,SequentialEE,EqualBandwidth,ShelfPacking,Greedy,TreeSearch,MultiBatch,"
        "Immediate,TimeoutOrFull,DynamicBatching";
    std::string profile = EDGE_INFERENCE_SOURCE_DIR "/data/profiles/paper-default.csv";
    bool queue = true;
    CommandLine cmd(__FILE__);
    cmd.Usage("Online operation: random task arrivals, queues across frames; completion "
              "ratio, latency percentiles and queue length against the offered load for "
              "every scheduler, on the same seeded drops. Use --RngRun=N for other drops.");
    cmd.AddValue("arrivals",
                 "Arrival process: poisson, periodic (jitter half the period), "
                 "onoff (bursts: on 20 % of the time) or trace",
                 arrivals);
    cmd.AddValue("loads", "Comma-separated offered loads (tasks/s per user)", loads);
    cmd.AddValue("trace", "Task trace file (CSV) for --arrivals=trace", trace);
    cmd.AddValue("queue", "Unserved tasks wait for the next frame (false: one-shot frames)", queue);
    cmd.AddValue("users", "Number of users K", sc.users);
    cmd.AddValue("frames", "Frames per simulation", sc.frames);
    cmd.AddValue("frame-period", "Frame period (a time, e.g. 50ms)", sc.framePeriod);
    cmd.AddValue("runs", "Drops per (load, scheduler); run r uses RngRun + r", o.runs);
    cmd.AddValue("deadline-min", "Smallest latency requirement T (s)", sc.deadlineMinS);
    cmd.AddValue("deadline-max", "Largest latency requirement T (s)", sc.deadlineMaxS);
    cmd.AddValue("profile", "DNN profile file", profile);
    cmd.AddValue("schedulers",
                 "Comma-separated schedulers (as edge-inference-paper's --schedulers)",
                 schedulers);
    cmd.AddValue("output", "Output folder (created if missing)", o.output);
    cmd.Parse(argc, argv);

    o.loads = ReadLoads(arrivals, loads, trace);
    try
    {
        o.schedulers = ReadC2SchedulerChoices(schedulers);
    }
    catch (const EdgeInferenceError& e)
    {
        Fail(std::string("--schedulers: ") + e.what());
    }
    if (o.runs == 0)
    {
        Fail("--runs must be > 0");
    }
    try
    {
        sc.profile = EarlyExitProfile::ReadFile(profile);
    }
    catch (const std::exception& e)
    {
        Fail(std::string("--profile: ") + e.what());
    }
    sc.controllerAttributes = {{"QueueUnserved", queue ? "true" : "false"}};
    try
    {
        CheckEdgeInferenceScenario(sc);
    }
    catch (const EdgeInferenceError& e)
    {
        Fail(e.what());
    }
    return o;
}

} // namespace

int
main(int argc, char* argv[])
{
    const Options o = ParseOptions(argc, argv);
    const uint64_t firstRun = RngSeedManager::GetRun();
    std::cout << "Edge inference online: " << o.schedulers.size() << " schedulers x "
              << o.loads.size() << " loads x " << o.runs << " runs x " << o.scenario.frames
              << " frames, " << o.scenario.users << " users (RngRun " << firstRun << ".."
              << firstRun + o.runs - 1 << ")\n";
    try
    {
        EdgeInferenceLoadSweep sweep(o.scenario, o.loads, o.runs, o.schedulers, firstRun);
        sweep.Run(o.output, std::cerr);
        sweep.WriteSummary(o.output, std::cout);
        const bool png = sweep.WritePlot(o.output);
        std::cout << "\nWrote " << o.output << "/tasks.csv, queue.csv, summary.csv, online.plt"
                  << (png ? ", completion.png, latency.png" : " (gnuplot not found: no PNG)")
                  << "\n";
    }
    catch (const EdgeInferenceError& e)
    {
        Fail(e.what());
    }
    return 0;
}
