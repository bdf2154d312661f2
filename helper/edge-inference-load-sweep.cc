/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "edge-inference-load-sweep.h"

#include "edge-inference-user-sweep.h"
#include "task-record-csv-writer.h"

#include "ns3/edge-controller.h"
#include "ns3/edge-inference-error.h"
#include "ns3/gnuplot.h"
#include "ns3/log.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <set>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EdgeInferenceLoadSweep");

namespace
{

/// @param seconds a duration (s) @return it as an ns-3 time string
std::string
TimeText(double seconds)
{
    std::ostringstream os;
    os << std::setprecision(17) << seconds << "s";
    return os.str();
}

/// @param x a number @return it with 17 significant digits, empty if NaN
std::string
Num(double x)
{
    if (std::isnan(x))
    {
        return "";
    }
    std::ostringstream os;
    os << std::setprecision(17) << x;
    return os.str();
}

/// @param path a file to write @return the open stream
std::ofstream
OpenFile(const std::string& path)
{
    std::ofstream out(path);
    if (!out)
    {
        throw EdgeInferenceError("cannot write " + path);
    }
    return out;
}

/// Keeps the frame records of a run.
struct FrameSink
{
    std::vector<EdgeFrameRecord> records; //!< in decision order

    /// @param f a frame record (FrameScheduled sink)
    void Add(const EdgeFrameRecord& f)
    {
        records.push_back(f);
    }
};

} // namespace

EdgeInferenceLoad
MakeEdgeInferenceLoad(const std::string& kind, double perUserPerS)
{
    if (!(perUserPerS > 0) || !std::isfinite(perUserPerS))
    {
        throw EdgeInferenceError("load must be a positive number of tasks/s per user, got " +
                                 Num(perUserPerS));
    }
    EdgeInferenceLoad load;
    std::ostringstream label;
    label << perUserPerS;
    load.label = label.str();
    load.perUserPerS = perUserPerS;
    const double gapS = 1.0 / perUserPerS;
    if (kind == "poisson")
    {
        load.arrivals = "ns3::PoissonTaskArrivals";
        load.attributes = {{"MeanInterval", TimeText(gapS)}};
    }
    else if (kind == "periodic")
    {
        load.arrivals = "ns3::PeriodicTaskArrivals";
        load.attributes = {{"Interval", TimeText(gapS)}, {"Jitter", TimeText(gapS / 2)}};
    }
    else if (kind == "onoff")
    {
        // On 200 ms of every 1000 ms on average (the defaults): 5x the load
        // while on.
        load.arrivals = "ns3::OnOffTaskArrivals";
        load.attributes = {{"MeanInterval", TimeText(0.2 / perUserPerS)}};
    }
    else
    {
        throw EdgeInferenceError("unknown arrival process \"" + kind +
                                 "\" (known: poisson, periodic, onoff)");
    }
    return load;
}

double
NearestRankPercentile(std::vector<double> values, double p)
{
    if (values.empty())
    {
        return NAN;
    }
    std::sort(values.begin(), values.end());
    // Rank ceil(p n / 100), 1-based, at least 1.
    const double n = values.size();
    const auto rank = static_cast<size_t>(std::max(1.0, std::ceil(p / 100.0 * n - 1e-9)));
    return values[std::min(rank, values.size()) - 1];
}

EdgeInferenceLoadSweep::EdgeInferenceLoadSweep(const EdgeInferenceScenario& base,
                                               const std::vector<EdgeInferenceLoad>& loads,
                                               uint32_t runs,
                                               const std::vector<C2SchedulerSpec>& schedulers,
                                               uint64_t firstRngRun)
    : m_base(base),
      m_loads(loads),
      m_runs(runs),
      m_schedulers(schedulers),
      m_firstRngRun(firstRngRun)
{
    const auto fail = [](const std::string& what) {
        throw EdgeInferenceError("EdgeInferenceLoadSweep: " + what);
    };
    if (loads.empty() || runs == 0 || schedulers.empty())
    {
        fail("give at least one load, one run and one scheduler");
    }
    std::set<std::string> labels;
    for (const EdgeInferenceLoad& l : loads)
    {
        if (!labels.insert("load " + l.label).second)
        {
            fail("load '" + l.label + "' given twice");
        }
    }
    for (const C2SchedulerSpec& s : schedulers)
    {
        if (!labels.insert("scheduler " + s.label).second)
        {
            fail("scheduler label '" + s.label + "' given twice");
        }
    }
    m_base.collectTasks = true;
}

EdgeInferenceScenarioResult
EdgeInferenceLoadSweep::RunOne(const EdgeInferenceLoad& load,
                               uint32_t run,
                               const C2SchedulerSpec& s,
                               std::ostream& tasks,
                               std::ostream& queue)
{
    EdgeInferenceScenario scenario = m_base;
    scenario.arrivals = load.arrivals;
    scenario.arrivalAttributes = load.attributes;
    scenario.rngRun = m_firstRngRun + run;
    scenario.scheduler = s;
    FrameSink frames;
    const auto hook = [&frames](const EdgeInferenceCell&, const EdgeInferenceApplications& apps) {
        apps.GetController()->TraceConnectWithoutContext("FrameScheduled",
                                                         MakeCallback(&FrameSink::Add, &frames));
    };
    const EdgeInferenceScenarioResult r = RunEdgeInferenceScenario(scenario, hook);
    const std::string head = EdgeInferenceUserSweep::CsvField(s.label) + "," +
                             EdgeInferenceUserSweep::CsvField(load.label) + "," +
                             std::to_string(run) + ",";
    EdgeInferenceLoadPoint& p = m_points[{s.label, load.label}];
    p.created += r.created;
    for (const auto& [outcome, n] : r.outcomes)
    {
        p.outcomes[outcome] += n;
    }
    for (const InferenceTaskRecord& t : r.tasks)
    {
        // Unanswered: resultReceived is negative (never converted, see the
        // controller's budget).
        const bool answered = !t.resultReceived.IsNegative();
        const double latencyS = answered ? (t.resultReceived - t.created).GetSeconds() : NAN;
        tasks << head << TaskRecordCsvWriter::FormatRecord(t) << "," << Num(latencyS) << "\n";
        if (t.IsCompleted())
        {
            p.latenciesS.push_back(latencyS);
        }
    }
    for (const EdgeFrameRecord& f : frames.records)
    {
        queue << head << f.frame << "," << Num(f.decision.GetSeconds()) << "," << f.requests << ","
              << f.carried << "," << f.predicted << "\n";
        p.queueSum += f.requests;
        p.frames++;
        p.maxQueue = std::max(p.maxQueue, f.requests);
    }
    return r;
}

void
EdgeInferenceLoadSweep::Run(const std::string& folder, std::ostream& progress)
{
    std::error_code ignored; // a failure shows when a file cannot be written
    std::filesystem::create_directories(folder, ignored);
    std::ofstream tasks = OpenFile(folder + "/tasks.csv");
    tasks << "scheduler_label,load,run," << TaskRecordCsvWriter::GetHeader() << ",latency_s\n";
    std::ofstream queue = OpenFile(folder + "/queue.csv");
    queue << "scheduler_label,load,run,frame,decision_s,queue,carried,predicted\n";
    m_points.clear();
    const auto t0 = std::chrono::steady_clock::now();
    const size_t total = m_loads.size() * m_runs * m_schedulers.size();
    size_t done = 0;
    for (const EdgeInferenceLoad& load : m_loads)
    {
        for (uint32_t run = 0; run < m_runs; ++run)
        {
            for (const C2SchedulerSpec& s : m_schedulers)
            {
                const EdgeInferenceScenarioResult r = RunOne(load, run, s, tasks, queue);
                const double elapsed =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                progress << "\r[" << ++done << "/" << total << "] load " << load.label << " run "
                         << run << " " << s.label << ": " << r.completed << " completed of "
                         << r.created << " (" << std::fixed << std::setprecision(0) << elapsed
                         << " s elapsed)   " << std::defaultfloat << std::flush;
            }
        }
    }
    progress << "\n";
}

EdgeInferenceLoadPoint
EdgeInferenceLoadSweep::GetPoint(const std::string& label, const std::string& load) const
{
    const auto it = m_points.find({label, load});
    return it == m_points.end() ? EdgeInferenceLoadPoint() : it->second;
}

void
EdgeInferenceLoadSweep::WriteSummary(const std::string& folder, std::ostream& table) const
{
    std::ofstream csv = OpenFile(folder + "/summary.csv");
    csv << "scheduler,load,runs,created,completed,completion_ratio,p50_s,p95_s,p99_s,"
           "mean_queue,max_queue";
    for (InferenceTaskOutcome o : GetFinalOutcomes())
    {
        csv << "," << ToString(o);
    }
    csv << "\n";
    table << std::left << std::setw(16) << "scheduler" << std::setw(8) << "load" << std::right
          << std::setw(9) << "created" << std::setw(10) << "completed" << std::setw(8) << "ratio"
          << std::setw(9) << "p50 ms" << std::setw(9) << "p95 ms" << std::setw(9) << "p99 ms"
          << std::setw(11) << "mean queue" << "\n";
    for (const EdgeInferenceLoad& load : m_loads)
    {
        for (const C2SchedulerSpec& s : m_schedulers)
        {
            const EdgeInferenceLoadPoint p = GetPoint(s.label, load.label);
            const double ratio = p.created ? double(p.Completed()) / p.created : NAN;
            const double meanQueue = p.frames ? double(p.queueSum) / p.frames : NAN;
            const double levels[] = {50, 95, 99};
            double pct[3];
            for (int i = 0; i < 3; ++i)
            {
                pct[i] = NearestRankPercentile(p.latenciesS, levels[i]);
            }
            csv << EdgeInferenceUserSweep::CsvField(s.label) << ","
                << EdgeInferenceUserSweep::CsvField(load.label) << "," << m_runs << "," << p.created
                << "," << p.Completed() << "," << Num(ratio) << "," << Num(pct[0]) << ","
                << Num(pct[1]) << "," << Num(pct[2]) << "," << Num(meanQueue) << "," << p.maxQueue;
            for (InferenceTaskOutcome o : GetFinalOutcomes())
            {
                const auto it = p.outcomes.find(o);
                csv << "," << (it == p.outcomes.end() ? 0 : it->second);
            }
            csv << "\n";
            table << std::left << std::setw(16) << s.label << std::setw(8) << load.label
                  << std::right << std::fixed << std::setw(9) << p.created << std::setw(10)
                  << p.Completed() << std::setprecision(3) << std::setw(8) << ratio
                  << std::setprecision(1) << std::setw(9) << pct[0] * 1e3 << std::setw(9)
                  << pct[1] * 1e3 << std::setw(9) << pct[2] * 1e3 << std::setprecision(2)
                  << std::setw(11) << meanQueue << std::defaultfloat << "\n";
        }
    }
    if (!csv)
    {
        throw EdgeInferenceError("cannot write " + folder + "/summary.csv");
    }
}

bool
EdgeInferenceLoadSweep::WritePlot(const std::string& folder) const
{
    Gnuplot ratio("completion.png");
    ratio.SetTitle("Completed / created tasks");
    ratio.SetLegend("Offered load (tasks/s per user)", "Completion ratio");
    Gnuplot latency("latency.png");
    latency.SetTitle("95th percentile latency of completed tasks");
    latency.SetLegend("Offered load (tasks/s per user)", "p95 latency (ms)");
    for (Gnuplot* g : {&ratio, &latency})
    {
        g->SetTerminal("png size 900,500");
        g->AppendExtra("set key top right");
        g->AppendExtra("set grid");
    }
    for (const C2SchedulerSpec& s : m_schedulers)
    {
        Gnuplot2dDataset r(s.label);
        Gnuplot2dDataset l(s.label);
        r.SetStyle(Gnuplot2dDataset::LINES_POINTS);
        l.SetStyle(Gnuplot2dDataset::LINES_POINTS);
        for (const EdgeInferenceLoad& load : m_loads)
        {
            const EdgeInferenceLoadPoint p = GetPoint(s.label, load.label);
            if (p.created > 0)
            {
                r.Add(load.perUserPerS, double(p.Completed()) / p.created);
            }
            if (!p.latenciesS.empty())
            {
                l.Add(load.perUserPerS, 1e3 * NearestRankPercentile(p.latenciesS, 95));
            }
        }
        ratio.AddDataset(r);
        latency.AddDataset(l);
    }
    {
        std::ofstream plt(folder + "/online.plt");
        ratio.GenerateOutput(plt);
        latency.GenerateOutput(plt);
    }
    return std::system("command -v gnuplot > /dev/null 2>&1") == 0 &&
           std::system(("cd '" + folder + "' && gnuplot online.plt").c_str()) == 0;
}

} // namespace ns3
