/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * @file
 * @ingroup edge-inference
 * The edge-inference scenario on ns-3's LTE next to the module's OFDMA
 * uplink: the same drops (positions from the same stream), the same
 * schedulers, static channels.
 *
 * For every scheduler, number of users and run, the drop is simulated on
 * each back end (--backends=lte,ofdma). LTE: a 6-block (1.08 MHz) uplink by
 * default, EdgeInferenceFfMacScheduler granting the plan per TTI, RLC UM,
 * EPC with the server behind the PGW; grant messages 3 ms after each frame's
 * decision and a 2 ms timing guard on both back ends, so that the plans
 * are the same problem. OFDMA: the module's uplink with 180 kHz blocks.
 *
 * Output (--output): summary.csv, one line per back end, scheduler, users
 * and run: tasks created, served by the plans (predicted), completed, the
 * final outcomes, simulated seconds (LTE's attach included) and wall
 * seconds. A progress line per
 * simulation goes to stderr.
 *
 *   build/examples/edge-inference-lte --users=5,10 --frames=20 --runs=2
 */

#include "ns3/c2-scheduler-spec.h"
#include "ns3/command-line.h"
#include "ns3/edge-inference-csv.h"
#include "ns3/edge-inference-error.h"
#include "ns3/edge-inference-lte-helper.h"
#include "ns3/edge-inference-scenario-runner.h"
#include "ns3/rng-seed-manager.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

using namespace ns3;

namespace
{

/// Fails with a message naming the option (exit status 1).
[[noreturn]] void
Fail(const std::string& message)
{
    std::cerr << "edge-inference-lte: " << message << "\n";
    std::exit(1);
}

/// One line of summary.csv.
struct Line
{
    std::string backEnd;                //!< lte or ofdma
    std::string scheduler;              //!< its label
    uint32_t users;                     //!< K
    uint32_t run;                       //!< RngRun
    EdgeInferenceScenarioResult result; //!< the run's result
    double simulatedS;                  //!< simulated time, attach included (s)
    double wallS;                       //!< wall time (s)
};

/**
 * @brief Runs one drop on one back end.
 * @param backEnd lte or ofdma
 * @param s the scenario
 * @return the result and the wall time
 */
std::pair<EdgeInferenceScenarioResult, double>
RunOne(const std::string& backEnd, const EdgeInferenceScenario& s)
{
    const auto t0 = std::chrono::steady_clock::now();
    EdgeInferenceScenarioResult r;
    if (backEnd == "lte")
    {
        EdgeInferenceLteHelper lte;
        r = RunEdgeInferenceScenarioOn(s, [&lte](const EdgeInferenceScenario& sc) {
            return lte.Build(sc);
        });
    }
    else
    {
        // The OFDMA device's MTU is 1500 bytes: the client's default
        // segments (the LTE settings' one packet per task does not fit).
        EdgeInferenceScenario ofdma = s;
        ofdma.clientAttributes.emplace_back("SegmentSize", "1400");
        r = RunEdgeInferenceScenario(ofdma);
    }
    const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - t0;
    return {r, wall.count()};
}

/**
 * @brief Writes summary.csv.
 * @param path the file
 * @param lines the lines
 */
void
WriteSummary(const std::string& path, const std::vector<Line>& lines)
{
    std::ofstream out(path);
    out << "backend,scheduler,users,run,created,predicted";
    for (InferenceTaskOutcome o : GetFinalOutcomes())
    {
        out << "," << ToString(o); // the first is "completed"
    }
    out << ",simulated_s,wall_s\n";
    for (const Line& l : lines)
    {
        out << l.backEnd << "," << l.scheduler << "," << l.users << "," << l.run << ","
            << l.result.created << "," << l.result.predicted;
        for (InferenceTaskOutcome o : GetFinalOutcomes())
        {
            auto it = l.result.outcomes.find(o);
            out << "," << (it == l.result.outcomes.end() ? 0 : it->second);
        }
        out << "," << l.simulatedS << "," << l.wallS << "\n";
    }
    NS_ABORT_MSG_IF(!out, "edge-inference-lte: cannot write " << path);
}

} // namespace

/// The example's options, checked.
struct Options
{
    EdgeInferenceScenario base;                       //!< everything but scheduler, K and run
    std::vector<C2SchedulerSpec> schedulers;          //!< --schedulers
    std::vector<uint32_t> userCounts;                 //!< --users
    std::vector<std::string> backEnds;                //!< --backends
    uint32_t runs{1};                                 //!< --runs
    std::string output{"edge-inference-lte-results"}; //!< --output
};

/**
 * @brief Reads and checks the command line (exit status 1, naming the
 * option, on a bad value).
 * @param argc argument count
 * @param argv arguments
 * @return the options
 */
Options
ReadOptions(int argc, char* argv[])
{
    Options o;
    EdgeInferenceScenario& sc = o.base;
    sc.frames = 20;
    sc.resourceBlockHz = 180e3;
    sc.fading = false;
    std::string usersArg = "5,10";
    std::string backEnds = "lte,ofdma";
    std::string schedulers = "TreeSearch";
    std::string profile = EDGE_INFERENCE_SOURCE_DIR "/data/profiles/paper-default.csv";
    uint32_t rbs = 6;

    CommandLine cmd(__FILE__);
    cmd.AddValue("users", "Comma-separated numbers of users K", usersArg);
    cmd.AddValue("frames", "Frames per simulation", sc.frames);
    cmd.AddValue("frame-period", "Frame period (a whole number of ms)", sc.framePeriod);
    cmd.AddValue("runs", "Drops per (scheduler, K); run r uses RngRun + r", o.runs);
    cmd.AddValue("rbs", "Uplink resource blocks of 180 kHz: 6, 15, 25, 50, 75 or 100", rbs);
    cmd.AddValue("radius", "Cell radius (m)", sc.cellRadiusM);
    cmd.AddValue("deadline-min", "Smallest latency requirement T (s)", sc.deadlineMinS);
    cmd.AddValue("deadline-max", "Largest latency requirement T (s)", sc.deadlineMaxS);
    cmd.AddValue("backends", "Comma-separated back ends: lte, ofdma", backEnds);
    cmd.AddValue("schedulers", "Comma-separated schedulers (short names or TypeIds)", schedulers);
    cmd.AddValue("profile", "DNN profile file", profile);
    cmd.AddValue("output", "Output folder (created if missing)", o.output);
    cmd.Parse(argc, argv);

    sc.bandwidthHz = rbs * 180e3;
    try
    {
        sc.profile = EarlyExitProfile::ReadFile(profile);
        o.schedulers = ReadC2SchedulerChoices(schedulers);
    }
    catch (const EdgeInferenceError& e)
    {
        Fail(e.what());
    }
    for (const std::string& u : edgeinference::SplitCsv(usersArg))
    {
        const long v = std::strtol(u.c_str(), nullptr, 10);
        if (v <= 0)
        {
            Fail("--users: '" + u + "' is not a number of users > 0");
        }
        o.userCounts.push_back(v);
    }
    o.backEnds = edgeinference::SplitCsv(backEnds);
    for (const std::string& b : o.backEnds)
    {
        if (b != "lte" && b != "ofdma")
        {
            Fail("--backends: unknown back end '" + b + "' (lte, ofdma)");
        }
    }
    EdgeInferenceLteHelper::PrepareScenario(sc);
    return o;
}

int
main(int argc, char* argv[])
{
    const Options o = ReadOptions(argc, argv);
    const uint64_t firstRun = RngSeedManager::GetRun();
    std::vector<Line> lines;
    for (const C2SchedulerSpec& spec : o.schedulers)
    {
        for (uint32_t k : o.userCounts)
        {
            for (uint32_t r = 0; r < o.runs; ++r)
            {
                for (const std::string& b : o.backEnds)
                {
                    EdgeInferenceScenario s = o.base;
                    s.scheduler = spec;
                    s.users = k;
                    s.rngRun = firstRun + r;
                    auto [result, wall] = RunOne(b, s);
                    const double simulated = result.simulated.GetSeconds();
                    lines.push_back({b,
                                     spec.label,
                                     k,
                                     static_cast<uint32_t>(s.rngRun),
                                     result,
                                     simulated,
                                     wall});
                    std::cerr << b << " " << spec.label << " K=" << k << " run " << s.rngRun
                              << ": completed " << result.completed << " of predicted "
                              << result.predicted << " (created " << result.created << "), "
                              << simulated / wall << " simulated s per wall s\n";
                }
            }
        }
    }
    std::filesystem::create_directories(o.output);
    WriteSummary(o.output + "/summary.csv", lines);
    std::cout << "Wrote " << o.output << "/summary.csv\n";
    return 0;
}
