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
 * --schedulers also takes any C2Scheduler TypeId linked into the program,
 * with attributes, e.g. ns3::ExhaustiveC2Scheduler[EarlyExit=true,MaxUsers=20]
 * (such a label is quoted in the CSV files when it holds a comma).
 * Run r (0-based) uses RngRun + r for the drop, the fading and the tasks,
 * the same for every scheduler. Outputs in --output: frames.csv (one line
 * per scheduler, users, run and frame), summary.csv, throughput.plt and,
 * if gnuplot is installed, throughput.png.
 */

#include "ns3/c2-scheduler-spec.h"
#include "ns3/core-module.h"
#include "ns3/edge-controller.h"
#include "ns3/edge-inference-cell-helper.h"
#include "ns3/edge-inference-error.h"
#include "ns3/edge-inference-helper.h"
#include "ns3/edge-inference-stats.h"
#include "ns3/gnuplot.h"
#include "ns3/task-record-csv-writer.h"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <sys/stat.h>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("EdgeInferencePaper");

namespace
{

/// A scheduler of the experiment: a label and what it stands for.
struct SchedulerChoice
{
    std::string label;    //!< name in tables and files
    C2SchedulerSpec spec; //!< TypeId and attributes
};

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
 * @return the choice, labelled with the item as given
 * @throws EdgeInferenceError naming what is wrong
 */
SchedulerChoice
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
    SchedulerChoice choice{item, ParseC2SchedulerSpec(text)};
    MakeC2SchedulerFactory(choice.spec); // every check, before any simulation
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

/// Parameters of every simulation of the sweep.
struct Setup
{
    uint32_t frames{100};    //!< frames per simulation
    double bandwidthHz{1e6}; //!< B
    double radiusM{200};     //!< cell radius
    bool fading{true};       //!< Rayleigh block fading
    std::string profile;     //!< profile file
    std::string taskCsv;     //!< per-task CSV ("" = none)
};

/// What one simulation gives.
struct SimResult
{
    std::vector<EdgeFrameStats> frames; //!< per frame
    uint64_t completed{0};              //!< tasks completed
    uint64_t predicted{0};              //!< tasks served by the scheduler
    uint64_t events{0};                 //!< simulator events
};

/**
 * One packet-level simulation of the cell.
 * @param setup sweep parameters
 * @param s scheduler
 * @param users K
 * @param rngRun RngRun of this drop
 * @param run run index (for the task CSV)
 * @param taskCsv per-task writer or null
 * @return the result
 */
SimResult
Simulate(const Setup& setup,
         const SchedulerChoice& s,
         uint32_t users,
         uint64_t rngRun,
         uint32_t run,
         std::ofstream* taskCsv)
{
    RngSeedManager::SetRun(rngRun);
    EdgeInferenceCellHelper cellHelper;
    cellHelper.SetCellRadius(setup.radiusM);
    cellHelper.GetUplinkHelper().EnableFading(setup.fading);
    cellHelper.GetUplinkHelper().SetBsDeviceAttribute("Bandwidth", DoubleValue(setup.bandwidthHz));
    // Fixed streams: the same drop, fading and tasks for every scheduler.
    EdgeInferenceCell cell = cellHelper.Create(users, 1);

    EdgeInferenceHelper edge;
    edge.SetProfile(setup.profile);
    edge.SetSchedulerType(s.spec.typeId);
    for (const auto& [name, value] : s.spec.attributes)
    {
        edge.SetSchedulerAttribute(name, StringValue(value));
    }
    edge.SetControllerAttribute("MaxFrames", UintegerValue(setup.frames));
    edge.SetClientAttribute("MaxTasks", UintegerValue(setup.frames));
    EdgeInferenceApplications apps = edge.Install(cell.bs, cell.bs, cell.ues);
    edge.AssignStreams(apps, 1000);
    apps.GetAll().Start(Seconds(0));

    Ptr<EdgeInferenceStats> stats = Create<EdgeInferenceStats>();
    stats->Connect(apps);

    struct Sink
    {
        std::ofstream* out;
        std::string prefix;

        void Write(const InferenceTaskRecord& r)
        {
            *out << prefix << TaskRecordCsvWriter::FormatRecord(r) << "\n";
        }
    } sink{taskCsv, s.label + "," + std::to_string(users) + "," + std::to_string(run) + ","};

    if (taskCsv)
    {
        for (auto it = apps.clients.Begin(); it != apps.clients.End(); ++it)
        {
            (*it)->TraceConnectWithoutContext("TaskRecord", MakeCallback(&Sink::Write, &sink));
        }
    }
    TimeValue period;
    apps.GetController()->GetAttribute("FramePeriod", period);
    // One extra frame lets the last frame's tasks finish.
    Simulator::Stop(period.Get() * (setup.frames + 1));
    Simulator::Run();
    SimResult r;
    r.frames = stats->GetFrames();
    r.completed = stats->GetCompleted();
    r.predicted = stats->GetPredicted();
    r.events = Simulator::GetEventCount();
    Simulator::Destroy();
    return r;
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string usersArg = "10,20,30,40,50,60";
    std::string schedulersArg =
        "Sequential,SequentialEE,EqualBandwidth,ShelfPacking,Greedy,TreeSearch";
    uint32_t runs = 10;
    Setup setup;
    setup.profile = EDGE_INFERENCE_SOURCE_DIR "/data/profiles/paper-default.csv";
    std::string output = "edge-inference-paper-results";
    bool taskCsv = false;

    CommandLine cmd(__FILE__);
    cmd.Usage("The paper's experiment: throughput vs number of users for every scheduler, "
              "packet level, on the same seeded drops. Use --RngRun=N for other drops.");
    cmd.AddValue("users", "Comma-separated numbers of users K", usersArg);
    cmd.AddValue("frames", "Frames (100 ms each) per simulation", setup.frames);
    cmd.AddValue("runs", "Drops per (scheduler, K); run r uses RngRun + r", runs);
    cmd.AddValue("bandwidth", "Uplink bandwidth B (Hz), a multiple of 10 kHz", setup.bandwidthHz);
    cmd.AddValue("radius", "Cell radius (m)", setup.radiusM);
    cmd.AddValue("fading", "Rayleigh block fading (constant within a frame)", setup.fading);
    cmd.AddValue("profile", "DNN profile file", setup.profile);
    cmd.AddValue("schedulers",
                 "Comma-separated schedulers: Sequential, SequentialEE, EqualBandwidth, "
                 "ShelfPacking, Greedy, TreeSearch, Exhaustive, or any C2Scheduler TypeId "
                 "linked into the program, with attributes: ns3::TypeName[NAME=VALUE,...]",
                 schedulersArg);
    cmd.AddValue("output", "Output folder (created if missing)", output);
    cmd.AddValue("task-csv", "Also write every task's record to tasks.csv (large)", taskCsv);
    cmd.Parse(argc, argv);

    // Validate the options before any simulation.
    std::vector<uint32_t> userCounts;
    for (const std::string& u : Split(usersArg))
    {
        char* end = nullptr;
        const long v = std::strtol(u.c_str(), &end, 10);
        if (*end != '\0' || v <= 0 || v > 100000)
        {
            Fail("--users: '" + u + "' is not a number of users > 0");
        }
        userCounts.push_back(v);
    }
    if (userCounts.empty())
    {
        Fail("--users: give at least one number of users");
    }
    if (setup.frames == 0)
    {
        Fail("--frames must be > 0");
    }
    if (runs == 0)
    {
        Fail("--runs must be > 0");
    }
    if (!(setup.bandwidthHz > 0))
    {
        Fail("--bandwidth must be > 0 Hz");
    }
    if (!(setup.radiusM > 10))
    {
        Fail("--radius must be > 10 m (users are at least 10 m from the BS)");
    }
    std::vector<SchedulerChoice> schedulers;
    for (const std::string& item : SplitC2SchedulerList(schedulersArg))
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
    try
    {
        EarlyExitProfile::ReadFile(setup.profile);
    }
    catch (const std::exception& e)
    {
        Fail(std::string("--profile: ") + e.what());
    }
    mkdir(output.c_str(), 0755);
    std::ofstream framesCsv(output + "/frames.csv");
    if (!framesCsv)
    {
        Fail("--output: cannot write " + output + "/frames.csv");
    }
    framesCsv << "scheduler,users,run,rng_run,frame,requests,candidates,predicted,completed\n";
    std::ofstream tasks;
    if (taskCsv)
    {
        tasks.open(output + "/tasks.csv");
        tasks << "scheduler_label,users,run," << TaskRecordCsvWriter::GetHeader() << "\n";
    }

    const uint64_t baseRun = RngSeedManager::GetRun();
    const double frameS = 0.1;
    std::cout << "Edge inference with batching and early exiting: " << schedulers.size()
              << " schedulers x " << userCounts.size() << " user counts x " << runs << " runs x "
              << setup.frames << " frames (RngRun " << baseRun << ".." << baseRun + runs - 1
              << ")\n";
    // completed[label][K] summed over runs; predicted likewise.
    std::map<std::string, std::map<uint32_t, uint64_t>> completed;
    std::map<std::string, std::map<uint32_t, uint64_t>> predicted;
    const auto t0 = std::chrono::steady_clock::now();
    const size_t total = schedulers.size() * userCounts.size() * runs;
    size_t done = 0;
    for (uint32_t k : userCounts)
    {
        for (uint32_t run = 0; run < runs; ++run)
        {
            for (const SchedulerChoice& s : schedulers)
            {
                const SimResult r =
                    Simulate(setup, s, k, baseRun + run, run, taskCsv ? &tasks : nullptr);
                completed[s.label][k] += r.completed;
                predicted[s.label][k] += r.predicted;
                for (const EdgeFrameStats& f : r.frames)
                {
                    if (f.frame >= setup.frames)
                    {
                        continue;
                    }
                    framesCsv << CsvField(s.label) << "," << k << "," << run << "," << baseRun + run
                              << "," << f.frame << "," << f.requests << "," << f.candidates << ","
                              << f.predicted << "," << f.completed << "\n";
                }
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

    // Table and summary.
    std::ofstream summary(output + "/summary.csv");
    summary << "scheduler,users,runs,frames,completed_per_frame,completed_per_second,"
               "predicted_per_frame\n";
    const double framesTotal = static_cast<double>(setup.frames) * runs;
    std::cout << "\nThroughput, completed tasks per second (per frame of 100 ms in brackets)\n";
    std::cout << std::setw(6) << "users";
    for (const SchedulerChoice& s : schedulers)
    {
        std::cout << std::setw(22) << s.label;
    }
    std::cout << "\n";
    for (uint32_t k : userCounts)
    {
        std::cout << std::setw(6) << k;
        for (const SchedulerChoice& s : schedulers)
        {
            const double perFrame = completed[s.label][k] / framesTotal;
            std::ostringstream cell;
            cell << std::fixed << std::setprecision(1) << perFrame / frameS << " ("
                 << std::setprecision(2) << perFrame << ")";
            std::cout << std::setw(22) << cell.str();
            summary << CsvField(s.label) << "," << k << "," << runs << "," << setup.frames << ","
                    << std::setprecision(17) << perFrame << "," << perFrame / frameS << ","
                    << predicted[s.label][k] / framesTotal << "\n";
        }
        std::cout << "\n";
    }
    if (completed.count("Sequential"))
    {
        std::cout << "\nRatio to Sequential (no batching, no early exit):\n";
        for (uint32_t k : userCounts)
        {
            std::cout << "  K=" << std::setw(3) << k << ":";
            for (const SchedulerChoice& s : schedulers)
            {
                const double base = completed["Sequential"][k];
                std::cout << " " << s.label << " " << std::fixed << std::setprecision(2)
                          << (base > 0 ? completed[s.label][k] / base : NAN);
            }
            std::cout << "\n";
        }
    }

    // Plot.
    Gnuplot plot("throughput.png");
    plot.SetTerminal("png size 900,600");
    plot.SetTitle("Edge inference throughput (model reconstructed from Liu, Lan, Huang 2023; "
                  "parameters ours)");
    plot.SetLegend("Number of users K", "Throughput (completed tasks / s)");
    plot.AppendExtra("set key top left");
    plot.AppendExtra("set grid");
    for (const SchedulerChoice& s : schedulers)
    {
        Gnuplot2dDataset d(s.label);
        d.SetStyle(Gnuplot2dDataset::LINES_POINTS);
        for (uint32_t k : userCounts)
        {
            d.Add(k, completed[s.label][k] / framesTotal / frameS);
        }
        plot.AddDataset(d);
    }
    {
        std::ofstream plt(output + "/throughput.plt");
        plot.GenerateOutput(plt);
    }
    std::cout << "\nWrote " << output << "/frames.csv, " << output << "/summary.csv, " << output
              << "/throughput.plt";
    if (taskCsv)
    {
        std::cout << ", " << output << "/tasks.csv";
    }
    if (std::system("command -v gnuplot > /dev/null 2>&1") == 0 &&
        std::system(("cd '" + output + "' && gnuplot throughput.plt").c_str()) == 0)
    {
        std::cout << ", " << output << "/throughput.png\n";
    }
    else
    {
        std::cout << "\ngnuplot not found: install it (apt-get install gnuplot) and run "
                     "'cd "
                  << output << " && gnuplot throughput.plt' for throughput.png\n";
    }
    return 0;
}
