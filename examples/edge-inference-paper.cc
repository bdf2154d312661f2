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
 * Each simulation is one call of RunEdgeInferenceScenario()
 * (helper/edge-inference-scenario-runner.h); the rest of this file reads the
 * options, sums the results and writes the table, the CSV files and the plot.
 * Run r (0-based) uses RngRun + r for the drop, the fading and the tasks,
 * the same for every scheduler. Outputs in --output: frames.csv (one line
 * per scheduler, users, run and frame), summary.csv, throughput.plt and,
 * if gnuplot is installed, throughput.png.
 */

#include "ns3/c2-scheduler-spec.h"
#include "ns3/core-module.h"
#include "ns3/edge-inference-error.h"
#include "ns3/edge-inference-scenario-runner.h"
#include "ns3/gnuplot.h"
#include "ns3/task-record-csv-writer.h"

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

/// @return the short names the experiment knows, with what they stand for
std::vector<std::pair<std::string, std::string>>
ShortNames()
{
    return {
        {"Sequential", "ns3::SequentialC2Scheduler[EarlyExit=false]"},
        {"SequentialEE", "ns3::SequentialC2Scheduler[EarlyExit=true]"},
        {"EqualBandwidth", "ns3::EqualBandwidthC2Scheduler"},
        {"ShelfPacking", "ns3::ShelfPackingC2Scheduler"},
        {"Greedy", "ns3::GreedyEarlyExitC2Scheduler"},
        {"TreeSearch", "ns3::TreeSearchC2Scheduler"},
        {"Exhaustive", "ns3::ExhaustiveC2Scheduler"},
    };
}

/**
 * @brief Reads one item of --schedulers: a short name or any scheduler
 * TypeId with attributes, checked against the registered TypeIds.
 * @param item the item
 * @return the scheduler, labelled with the item as given (the name in
 *         tables and files)
 * @throws EdgeInferenceError naming what is wrong
 */
C2SchedulerSpec
ReadSchedulerChoice(const std::string& item)
{
    std::string text = item;
    for (const auto& [name, spec] : ShortNames())
    {
        if (name == item)
        {
            text = spec;
        }
    }
    if (text == item && item.find("::") == std::string::npos)
    {
        throw EdgeInferenceError("unknown scheduler '" + item +
                                 "' (short names: Sequential, SequentialEE, EqualBandwidth, "
                                 "ShelfPacking, Greedy, TreeSearch, Exhaustive; or a TypeId "
                                 "such as ns3::TreeSearchC2Scheduler[NAME=VALUE,...])");
    }
    C2SchedulerSpec choice = ParseC2SchedulerSpec(text);
    choice.label = item;
    MakeC2SchedulerFactory(choice); // every check, before any simulation
    return choice;
}

/// @param label a scheduler label @return it as one CSV field (quoted if needed)
std::string
CsvField(const std::string& label)
{
    if (label.find_first_of(",\"\n") == std::string::npos)
    {
        return label;
    }
    std::string quoted = "\"";
    for (char c : label)
    {
        quoted += (c == '"') ? std::string("\"\"") : std::string(1, c);
    }
    return quoted + "\"";
}

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
    std::vector<C2SchedulerSpec> schedulers;
    for (const std::string& item : SplitC2SchedulerList(list))
    {
        try
        {
            schedulers.push_back(ReadSchedulerChoice(item));
        }
        catch (const EdgeInferenceError& e)
        {
            Fail(std::string("--schedulers: ") + e.what());
        }
    }
    if (schedulers.empty())
    {
        Fail("--schedulers: give at least one scheduler");
    }
    return schedulers;
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
    CommandLine cmd(__FILE__);
    cmd.Usage("The paper's experiment: throughput vs number of users for every scheduler, "
              "packet level, on the same seeded drops. Use --RngRun=N for other drops.");
    cmd.AddValue("users", "Comma-separated numbers of users K", usersArg);
    cmd.AddValue("frames", "Frames (100 ms each) per simulation", sc.frames);
    cmd.AddValue("runs", "Drops per (scheduler, K); run r uses RngRun + r", o.runs);
    cmd.AddValue("bandwidth", "Uplink bandwidth B (Hz), a multiple of 10 kHz", sc.bandwidthHz);
    cmd.AddValue("radius", "Cell radius (m)", sc.cellRadiusM);
    cmd.AddValue("fading", "Rayleigh block fading (constant within a frame)", sc.fading);
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
    return o;
}

/// Completed and predicted tasks summed over the runs, per scheduler label and K.
struct Totals
{
    std::map<std::string, std::map<uint32_t, uint64_t>> completed; //!< [label][K]
    std::map<std::string, std::map<uint32_t, uint64_t>> predicted; //!< [label][K]
};

/// The output files written while the sweep runs.
struct SweepFiles
{
    std::ofstream frames; //!< frames.csv
    std::ofstream tasks;  //!< tasks.csv, if asked for
};

/**
 * @brief Opens frames.csv (and tasks.csv) and writes their headers.
 * @param o the options
 * @param files the files to open
 */
void
OpenSweepFiles(const Options& o, SweepFiles& files)
{
    std::error_code ignored; // a failure shows when frames.csv cannot be written
    std::filesystem::create_directories(o.output, ignored);
    files.frames.open(o.output + "/frames.csv");
    if (!files.frames)
    {
        Fail("--output: cannot write " + o.output + "/frames.csv");
    }
    files.frames << "scheduler,users,run,rng_run,frame,requests,candidates,predicted,completed\n";
    if (o.taskCsv)
    {
        files.tasks.open(o.output + "/tasks.csv");
        files.tasks << "scheduler_label,users,run," << TaskRecordCsvWriter::GetHeader() << "\n";
    }
}

/**
 * @brief Writes one simulation's frames (and tasks) to the sweep's files.
 * @param o the options
 * @param label scheduler label
 * @param k users
 * @param run run index
 * @param r the simulation's result
 * @param files the files
 */
void
WriteSimulation(const Options& o,
                const std::string& label,
                uint32_t k,
                uint32_t run,
                const EdgeInferenceScenarioResult& r,
                SweepFiles& files)
{
    const uint64_t rngRun = o.scenario.rngRun;
    for (const EdgeFrameStats& f : r.frames)
    {
        if (f.frame < o.scenario.frames)
        {
            files.frames << CsvField(label) << "," << k << "," << run << "," << rngRun << ","
                         << f.frame << "," << f.requests << "," << f.candidates << ","
                         << f.predicted << "," << f.completed << "\n";
        }
    }
    for (const InferenceTaskRecord& t : r.tasks)
    {
        files.tasks << CsvField(label) << "," << k << "," << run << ","
                    << TaskRecordCsvWriter::FormatRecord(t) << "\n";
    }
}

/**
 * @brief Runs every (K, run, scheduler) simulation, with a progress line.
 * @param o the options (the scenario's K, RngRun and scheduler are set here)
 * @param files the output files
 * @return the totals
 */
Totals
RunSweep(Options& o, SweepFiles& files)
{
    const uint64_t baseRun = RngSeedManager::GetRun();
    std::cout << "Edge inference with batching and early exiting: " << o.schedulers.size()
              << " schedulers x " << o.userCounts.size() << " user counts x " << o.runs
              << " runs x " << o.scenario.frames << " frames (RngRun " << baseRun << ".."
              << baseRun + o.runs - 1 << ")\n";
    Totals totals;
    const auto t0 = std::chrono::steady_clock::now();
    const size_t total = o.schedulers.size() * o.userCounts.size() * o.runs;
    size_t done = 0;
    for (uint32_t k : o.userCounts)
    {
        for (uint32_t run = 0; run < o.runs; ++run)
        {
            for (const C2SchedulerSpec& s : o.schedulers)
            {
                o.scenario.users = k;
                o.scenario.rngRun = baseRun + run;
                o.scenario.scheduler = s;
                const EdgeInferenceScenarioResult r = RunEdgeInferenceScenario(o.scenario);
                totals.completed[s.label][k] += r.completed;
                totals.predicted[s.label][k] += r.predicted;
                WriteSimulation(o, s.label, k, run, r, files);
                ++done;
                const double el =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                std::cerr << "\r[" << done << "/" << total << "] K=" << k << " run " << run << " "
                          << s.label << ": " << r.completed << " completed (" << std::fixed
                          << std::setprecision(0) << el << " s elapsed)   " << std::flush;
            }
        }
    }
    std::cerr << "\n";
    return totals;
}

/**
 * @brief Prints the throughput table and writes summary.csv.
 * @param o the options
 * @param totals the sweep's totals
 */
void
WriteTable(const Options& o, Totals& totals)
{
    std::ofstream summary(o.output + "/summary.csv");
    summary << "scheduler,users,runs,frames,completed_per_frame,completed_per_second,"
               "predicted_per_frame\n";
    const double framesTotal = static_cast<double>(o.scenario.frames) * o.runs;
    const double frameS = o.scenario.framePeriod.GetSeconds();
    std::cout << "\nThroughput, completed tasks per second (per frame of "
              << o.scenario.framePeriod.GetMilliSeconds() << " ms in brackets)\n";
    // A column is at least 22 characters wide, and wider for a long label.
    const auto columnWidth = [](const C2SchedulerSpec& s) {
        return static_cast<int>(std::max<size_t>(22, s.label.size() + 2));
    };
    std::cout << std::setw(6) << "users";
    for (const C2SchedulerSpec& s : o.schedulers)
    {
        std::cout << std::setw(columnWidth(s)) << s.label;
    }
    std::cout << "\n";
    for (uint32_t k : o.userCounts)
    {
        std::cout << std::setw(6) << k;
        for (const C2SchedulerSpec& s : o.schedulers)
        {
            const double perFrame = totals.completed[s.label][k] / framesTotal;
            std::ostringstream cell;
            cell << std::fixed << std::setprecision(1) << perFrame / frameS << " ("
                 << std::setprecision(2) << perFrame << ")";
            std::cout << std::setw(columnWidth(s)) << cell.str();
            summary << CsvField(s.label) << "," << k << "," << o.runs << "," << o.scenario.frames
                    << "," << std::setprecision(17) << perFrame << "," << perFrame / frameS << ","
                    << totals.predicted[s.label][k] / framesTotal << "\n";
        }
        std::cout << "\n";
    }
}

/**
 * @brief Prints each scheduler's throughput over Sequential's, if Sequential ran.
 * @param o the options
 * @param totals the sweep's totals
 */
void
PrintRatios(const Options& o, Totals& totals)
{
    if (totals.completed.count("Sequential") == 0)
    {
        return;
    }
    std::cout << "\nRatio to Sequential (no batching, no early exit):\n";
    for (uint32_t k : o.userCounts)
    {
        std::cout << "  K=" << std::setw(3) << k << ":";
        for (const C2SchedulerSpec& s : o.schedulers)
        {
            const double base = totals.completed["Sequential"][k];
            std::cout << " " << s.label << " " << std::fixed << std::setprecision(2)
                      << (base > 0 ? totals.completed[s.label][k] / base : NAN);
        }
        std::cout << "\n";
    }
}

/**
 * @brief Writes throughput.plt and, if gnuplot is installed, throughput.png.
 * @param o the options
 * @param totals the sweep's totals
 */
void
WritePlot(const Options& o, Totals& totals)
{
    const double framesTotal = static_cast<double>(o.scenario.frames) * o.runs;
    const double frameS = o.scenario.framePeriod.GetSeconds();
    Gnuplot plot("throughput.png");
    plot.SetTerminal("png size 900,600");
    plot.SetTitle("Edge inference throughput (model reconstructed from Liu, Lan, Huang 2023; "
                  "parameters ours)");
    plot.SetLegend("Number of users K", "Throughput (completed tasks / s)");
    plot.AppendExtra("set key top left");
    plot.AppendExtra("set grid");
    for (const C2SchedulerSpec& s : o.schedulers)
    {
        Gnuplot2dDataset d(s.label);
        d.SetStyle(Gnuplot2dDataset::LINES_POINTS);
        for (uint32_t k : o.userCounts)
        {
            d.Add(k, totals.completed[s.label][k] / framesTotal / frameS);
        }
        plot.AddDataset(d);
    }
    {
        std::ofstream plt(o.output + "/throughput.plt");
        plot.GenerateOutput(plt);
    }
    std::cout << "\nWrote " << o.output << "/frames.csv, " << o.output << "/summary.csv, "
              << o.output << "/throughput.plt";
    if (o.taskCsv)
    {
        std::cout << ", " << o.output << "/tasks.csv";
    }
    if (std::system("command -v gnuplot > /dev/null 2>&1") == 0 &&
        std::system(("cd '" + o.output + "' && gnuplot throughput.plt").c_str()) == 0)
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
    Options options = ParseOptions(argc, argv);
    SweepFiles files;
    OpenSweepFiles(options, files);
    Totals totals = RunSweep(options, files);
    WriteTable(options, totals);
    PrintRatios(options, totals);
    WritePlot(options, totals);
    return 0;
}
