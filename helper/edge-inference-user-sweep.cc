/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "edge-inference-user-sweep.h"

#include "task-record-csv-writer.h"

#include "ns3/edge-inference-error.h"
#include "ns3/gnuplot.h"
#include "ns3/log.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <set>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EdgeInferenceUserSweep");

EdgeInferenceUserSweep::EdgeInferenceUserSweep(const EdgeInferenceScenario& base,
                                               const std::vector<uint32_t>& userCounts,
                                               uint32_t runs,
                                               const std::vector<C2SchedulerSpec>& schedulers,
                                               uint64_t firstRngRun)
    : m_base(base),
      m_userCounts(userCounts),
      m_runs(runs),
      m_schedulers(schedulers),
      m_firstRngRun(firstRngRun)
{
    const auto fail = [](const std::string& what) {
        throw EdgeInferenceError("EdgeInferenceUserSweep: " + what);
    };
    if (userCounts.empty() || std::count(userCounts.begin(), userCounts.end(), 0u) > 0)
    {
        fail("userCounts: give at least one number of users, each > 0");
    }
    if (runs == 0)
    {
        fail("runs must be > 0");
    }
    if (schedulers.empty())
    {
        fail("schedulers: give at least one scheduler");
    }
    std::set<std::string> labels;
    for (const C2SchedulerSpec& s : schedulers)
    {
        if (!labels.insert(s.label).second)
        {
            fail("schedulers: label '" + s.label + "' given twice");
        }
    }
}

std::string
EdgeInferenceUserSweep::CsvField(const std::string& text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos)
    {
        return text;
    }
    std::string quoted = "\"";
    for (char c : text)
    {
        quoted += (c == '"') ? std::string("\"\"") : std::string(1, c);
    }
    return quoted + "\"";
}

void
EdgeInferenceUserSweep::OpenFiles(const std::string& folder, Files& files) const
{
    std::error_code ignored; // a failure shows when frames.csv cannot be written
    std::filesystem::create_directories(folder, ignored);
    files.frames.open(folder + "/frames.csv");
    if (!files.frames)
    {
        throw EdgeInferenceError("cannot write " + folder + "/frames.csv");
    }
    files.frames << "scheduler,users,run,rng_run,frame,requests,candidates,predicted,completed\n";
    if (m_base.collectTasks)
    {
        files.tasks.open(folder + "/tasks.csv");
        if (!files.tasks)
        {
            throw EdgeInferenceError("cannot write " + folder + "/tasks.csv");
        }
        files.tasks << "scheduler_label,users,run," << TaskRecordCsvWriter::GetHeader() << "\n";
    }
}

void
EdgeInferenceUserSweep::WriteSimulation(const std::string& label,
                                        uint32_t run,
                                        const EdgeInferenceScenario& r,
                                        const EdgeInferenceScenarioResult& result,
                                        Files& files) const
{
    const std::string head =
        CsvField(label) + "," + std::to_string(r.users) + "," + std::to_string(run) + ",";
    for (const EdgeFrameStats& f : result.frames)
    {
        // Frames past the last decided one belong to no task of this run.
        if (f.frame < r.frames)
        {
            files.frames << head << r.rngRun << "," << f.frame << "," << f.requests << ","
                         << f.candidates << "," << f.predicted << "," << f.completed << "\n";
        }
    }
    for (const InferenceTaskRecord& t : result.tasks)
    {
        files.tasks << head << TaskRecordCsvWriter::FormatRecord(t) << "\n";
    }
}

void
EdgeInferenceUserSweep::Run(const std::string& folder, std::ostream& progress)
{
    Files files;
    OpenFiles(folder, files);
    m_completed.clear();
    m_predicted.clear();
    const auto t0 = std::chrono::steady_clock::now();
    const size_t total = m_schedulers.size() * m_userCounts.size() * m_runs;
    size_t done = 0;
    EdgeInferenceScenario scenario = m_base;
    for (uint32_t k : m_userCounts)
    {
        for (uint32_t run = 0; run < m_runs; ++run)
        {
            for (const C2SchedulerSpec& s : m_schedulers)
            {
                scenario.users = k;
                scenario.rngRun = m_firstRngRun + run;
                scenario.scheduler = s;
                const EdgeInferenceScenarioResult r = RunEdgeInferenceScenario(scenario);
                m_completed[s.label][k] += r.completed;
                m_predicted[s.label][k] += r.predicted;
                WriteSimulation(s.label, run, scenario, r, files);
                ++done;
                const double el =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                progress << "\r[" << done << "/" << total << "] K=" << k << " run " << run << " "
                         << s.label << ": " << r.completed << " completed (" << std::fixed
                         << std::setprecision(0) << el << " s elapsed)   " << std::flush;
            }
        }
    }
    progress << "\n";
    if (!files.frames || (m_base.collectTasks && !files.tasks))
    {
        throw EdgeInferenceError("writing " + folder + "/frames.csv or tasks.csv failed");
    }
}

double
EdgeInferenceUserSweep::FramesTotal() const
{
    return static_cast<double>(m_base.frames) * m_runs;
}

double
EdgeInferenceUserSweep::PerFrame(const Counts& counts,
                                 const std::string& label,
                                 uint32_t users) const
{
    const auto s = counts.find(label);
    if (s == counts.end() || s->second.count(users) == 0)
    {
        return 0;
    }
    return s->second.at(users) / FramesTotal();
}

double
EdgeInferenceUserSweep::CompletedPerFrame(const std::string& label, uint32_t users) const
{
    return PerFrame(m_completed, label, users);
}

double
EdgeInferenceUserSweep::PredictedPerFrame(const std::string& label, uint32_t users) const
{
    return PerFrame(m_predicted, label, users);
}

void
EdgeInferenceUserSweep::WriteSummary(const std::string& folder, std::ostream& table) const
{
    std::ofstream summary(folder + "/summary.csv");
    if (!summary)
    {
        throw EdgeInferenceError("cannot write " + folder + "/summary.csv");
    }
    summary << "scheduler,users,runs,frames,completed_per_frame,completed_per_second,"
               "predicted_per_frame,completed_over_predicted\n";
    const double frameS = m_base.framePeriod.GetSeconds();
    table << "\nThroughput, completed tasks per second (per frame of "
          << m_base.framePeriod.GetMilliSeconds() << " ms in brackets)\n";
    // A column is at least 22 characters wide, and wider for a long label.
    const auto columnWidth = [](const C2SchedulerSpec& s) {
        return static_cast<int>(std::max<size_t>(22, s.label.size() + 2));
    };
    table << std::setw(6) << "users";
    for (const C2SchedulerSpec& s : m_schedulers)
    {
        table << std::setw(columnWidth(s)) << s.label;
    }
    table << "\n";
    for (uint32_t k : m_userCounts)
    {
        table << std::setw(6) << k;
        for (const C2SchedulerSpec& s : m_schedulers)
        {
            const double perFrame = CompletedPerFrame(s.label, k);
            std::ostringstream cell;
            cell << std::fixed << std::setprecision(1) << perFrame / frameS << " ("
                 << std::setprecision(2) << perFrame << ")";
            table << std::setw(columnWidth(s)) << cell.str();
            const double predicted = PredictedPerFrame(s.label, k);
            summary << CsvField(s.label) << "," << k << "," << m_runs << "," << m_base.frames << ","
                    << std::setprecision(17) << perFrame << "," << perFrame / frameS << ","
                    << predicted << ",";
            if (predicted > 0) // no ratio when nothing was served
            {
                summary << perFrame / predicted;
            }
            summary << "\n";
        }
        table << "\n";
    }
}

void
EdgeInferenceUserSweep::PrintRatios(const std::string& baseline, std::ostream& os) const
{
    if (m_completed.count(baseline) == 0)
    {
        throw EdgeInferenceError("EdgeInferenceUserSweep: no scheduler labelled '" + baseline +
                                 "' ran");
    }
    for (uint32_t k : m_userCounts)
    {
        os << "  K=" << std::setw(3) << k << ":";
        const double base = m_completed.at(baseline).at(k);
        for (const C2SchedulerSpec& s : m_schedulers)
        {
            const double completed = m_completed.at(s.label).at(k);
            os << " " << s.label << " " << std::fixed << std::setprecision(2)
               << (base > 0 ? completed / base : NAN);
        }
        os << "\n";
    }
}

bool
EdgeInferenceUserSweep::WritePlot(const std::string& folder) const
{
    const double frameS = m_base.framePeriod.GetSeconds();
    Gnuplot plot("throughput.png");
    plot.SetTerminal("png size 900,600");
    plot.SetTitle("Edge inference throughput (model reconstructed from Liu, Lan, Huang 2023; "
                  "parameters ours)");
    plot.SetLegend("Number of users K", "Throughput (completed tasks / s)");
    plot.AppendExtra("set key top left");
    plot.AppendExtra("set grid");
    for (const C2SchedulerSpec& s : m_schedulers)
    {
        Gnuplot2dDataset d(s.label);
        d.SetStyle(Gnuplot2dDataset::LINES_POINTS);
        for (uint32_t k : m_userCounts)
        {
            d.Add(k, CompletedPerFrame(s.label, k) / frameS);
        }
        plot.AddDataset(d);
    }
    {
        std::ofstream plt(folder + "/throughput.plt");
        plot.GenerateOutput(plt);
    }
    return std::system("command -v gnuplot > /dev/null 2>&1") == 0 &&
           std::system(("cd '" + folder + "' && gnuplot throughput.plt").c_str()) == 0;
}

} // namespace ns3
