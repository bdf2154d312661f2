/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Benchmark of the C2 schedulers on seeded random frames of the default
 * scenario (C2ScenarioGenerator defaults: B = 1 MHz, 200 m cell, Rayleigh
 * fading, deadlines 20-100 ms, D = 24,576 bit, 23 dBm).
 *
 * For every number of users K and of exits N it runs each scheduler on the
 * same instances (seeds 0..instances-1) and prints the median and maximum
 * runtime (C2SearchStats::runtimeUs, wall time of the allocation), the mean
 * served count, the median and maximum search nodes (C2SearchStats::nodes)
 * and the mean and maximum gap to TreeSearch (the optimum) in % of its
 * served count. Every allocation is checked (C2Allocation::feasible, set by
 * EvaluateC2Allocation); infeasible ones are counted and make the program
 * exit with status 1.
 *
 * The DNN with N exits interpolates the paper-default profile
 * (data/profiles/paper-default.csv: accuracies 0.60 0.72 0.81 0.87 0.90,
 * alpha 0.20 0.18 0.15 0.12 0.10 ms, beta 1.5 1.8 2.0 2.2 2.5 ms): exit n
 * takes the piecewise-linear interpolation of those five values at position
 * 1 + 4 (n - 1) / (N - 1). N = 5 is the profile itself; N = 3 gives
 * 0.60/0.81/0.90, alpha 0.20/0.15/0.10 ms, beta 1.5/2.0/2.5 ms; N = 8 splits
 * the same range finer (so the whole network costs more per task: every
 * block keeps a per-block cost in the profile's range).
 *
 * Schedulers are TypeId names, optionally followed by attributes:
 * "ns3::GreedyEarlyExitC2Scheduler/Conservative=true". A TypeId that is not
 * registered is skipped with a note; ExhaustiveC2Scheduler is skipped for
 * K > 16, and a scheduler whose median CPU time exceeded --slow-ms at one K
 * is not run for the later K of the same N (with a note), so that the
 * default run stays short.
 *
 * Example:
 *   edge-inference-c2-benchmark --instances=20 --users=30,100 --exits=5 \
 *       --csv=bench.csv
 */

#include "ns3/c2-problem.h"
#include "ns3/c2-scenario.h"
#include "ns3/c2-scheduler.h"
#include "ns3/command-line.h"
#include "ns3/object-factory.h"
#include "ns3/string.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// Splits a comma-separated list, dropping empty items.
std::vector<std::string>
SplitList(const std::string& text, char sep)
{
    std::vector<std::string> items;
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, sep))
    {
        if (!item.empty())
        {
            items.push_back(item);
        }
    }
    return items;
}

/// Parses a comma-separated list of positive integers; exits on error.
std::vector<uint32_t>
ParseCounts(const std::string& text, const std::string& option)
{
    std::vector<uint32_t> values;
    for (const std::string& item : SplitList(text, ','))
    {
        char* end = nullptr;
        const unsigned long v = std::strtoul(item.c_str(), &end, 10);
        if (end == item.c_str() || *end != '\0' || v == 0 || v > 100000)
        {
            std::cerr << "edge-inference-c2-benchmark: bad value \"" << item << "\" in --" << option
                      << " (positive integers separated by commas)" << std::endl;
            std::exit(2);
        }
        values.push_back(v);
    }
    if (values.empty())
    {
        std::cerr << "edge-inference-c2-benchmark: --" << option << " is empty" << std::endl;
        std::exit(2);
    }
    return values;
}

/**
 * The benchmark DNN with N exits (see the file comment).
 * @param nExits N >= 1
 * @return the exits
 */
std::vector<C2Exit>
BenchmarkExits(uint32_t nExits)
{
    const double acc[] = {0.60, 0.72, 0.81, 0.87, 0.90};
    const double alphaMs[] = {0.20, 0.18, 0.15, 0.12, 0.10};
    const double betaMs[] = {1.5, 1.8, 2.0, 2.2, 2.5};
    auto interp = [](const double* v, double pos) {
        const uint32_t i = std::min<uint32_t>(static_cast<uint32_t>(pos), 3);
        const double f = pos - i;
        return v[i] + (v[i + 1] - v[i]) * f;
    };
    std::vector<C2Exit> exits;
    for (uint32_t n = 0; n < nExits; ++n)
    {
        const double pos = nExits == 1 ? 4.0 : 4.0 * n / (nExits - 1);
        exits.push_back(
            {interp(acc, pos), interp(alphaMs, pos) * 1e-3, interp(betaMs, pos) * 1e-3});
    }
    return exits;
}

/// One scheduler of the benchmark.
struct SchedulerSpec
{
    std::string label;                                           //!< as given
    std::string typeName;                                        //!< TypeId name
    std::vector<std::pair<std::string, std::string>> attributes; //!< name, value
};

/// Results of one scheduler on one (K, N) configuration.
struct Tally
{
    std::vector<double> runtimeUs; //!< per instance (wall)
    std::vector<double> cpuUs;     //!< per instance (CPU time of this thread)
    std::vector<double> nodes;     //!< per instance
    std::vector<double> served;    //!< per instance
    uint32_t infeasible{0};        //!< infeasible allocations
};

/**
 * @return CPU time consumed by this thread (microseconds): unlike wall
 * time, it does not grow when other processes share the cores.
 */
double
ThreadCpuUs()
{
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec * 1e-3;
}

/// @return the median of a non-empty vector
double
Median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t instances = 50;
    std::string users = "10,30,100,300,1000";
    std::string exits = "3,5,8";
    std::string schedulers = "ns3::SequentialC2Scheduler,"
                             "ns3::SequentialC2Scheduler/EarlyExit=true,"
                             "ns3::EqualBandwidthC2Scheduler,"
                             "ns3::EqualBandwidthC2Scheduler/EarlyExit=true,"
                             "ns3::ShelfPackingC2Scheduler,"
                             "ns3::GreedyEarlyExitC2Scheduler/Conservative=true,"
                             "ns3::GreedyEarlyExitC2Scheduler,"
                             "ns3::TreeSearchC2Scheduler,"
                             "ns3::ExhaustiveC2Scheduler/EarlyExit=true";
    std::string csvPath;
    double slowMs = 100;

    CommandLine cmd(__FILE__);
    cmd.Usage("Runtime and served count of the C2 schedulers on seeded random frames of the "
              "default scenario; gaps are relative to ns3::TreeSearchC2Scheduler (optimal).");
    cmd.AddValue("instances", "random frames per (K, N) configuration (seeds 0..n-1)", instances);
    cmd.AddValue("users", "comma-separated numbers of users K", users);
    cmd.AddValue("exits",
                 "comma-separated numbers of exits N (DNNs interpolating the "
                 "paper-default profile)",
                 exits);
    cmd.AddValue("schedulers",
                 "comma-separated scheduler TypeIds, each optionally followed by "
                 "/Attribute=Value items",
                 schedulers);
    cmd.AddValue("csv", "also write the results to this CSV file", csvPath);
    cmd.AddValue("slow-ms",
                 "skip a scheduler for the later --users values (same N) once its median CPU "
                 "time per frame exceeded this (ms); 0: never skip",
                 slowMs);
    cmd.Parse(argc, argv);

    if (instances == 0)
    {
        std::cerr << "edge-inference-c2-benchmark: --instances must be positive" << std::endl;
        return 2;
    }
    const std::vector<uint32_t> userCounts = ParseCounts(users, "users");
    const std::vector<uint32_t> exitCounts = ParseCounts(exits, "exits");

    // Scheduler specs; unknown TypeIds are skipped (they may not be built).
    std::vector<SchedulerSpec> specs;
    for (const std::string& item : SplitList(schedulers, ','))
    {
        std::vector<std::string> parts = SplitList(item, '/');
        SchedulerSpec spec;
        spec.label = item;
        spec.typeName = parts.front();
        TypeId tid;
        if (!TypeId::LookupByNameFailSafe(spec.typeName, &tid))
        {
            std::cout << "# skipped " << spec.typeName << ": no such TypeId in this build"
                      << std::endl;
            continue;
        }
        for (size_t i = 1; i < parts.size(); ++i)
        {
            const size_t eq = parts[i].find('=');
            if (eq == std::string::npos)
            {
                std::cerr << "edge-inference-c2-benchmark: bad attribute \"" << parts[i]
                          << "\" in \"" << item << "\" (want Name=Value)" << std::endl;
                return 2;
            }
            TypeId::AttributeInformation info;
            const std::string name = parts[i].substr(0, eq);
            if (!tid.LookupAttributeByName(name, &info))
            {
                std::cerr << "edge-inference-c2-benchmark: " << spec.typeName
                          << " has no attribute \"" << name << "\"" << std::endl;
                return 2;
            }
            spec.attributes.emplace_back(name, parts[i].substr(eq + 1));
        }
        specs.push_back(spec);
    }
    int optimum = -1;
    for (size_t s = 0; s < specs.size(); ++s)
    {
        if (specs[s].typeName == "ns3::TreeSearchC2Scheduler" && specs[s].attributes.empty())
        {
            optimum = s;
            break;
        }
    }

    std::ofstream csv;
    if (!csvPath.empty())
    {
        csv.open(csvPath);
        if (!csv)
        {
            std::cerr << "edge-inference-c2-benchmark: cannot write " << csvPath << std::endl;
            return 2;
        }
        csv << "users,exits,scheduler,instances,median_runtime_us,max_runtime_us,"
               "median_cpu_us,mean_served,"
               "median_nodes,max_nodes,mean_gap_pct,max_gap_pct,infeasible\n";
    }

    std::cout << "# default scenario (B = 1 MHz, 200 m cell, Rayleigh, T in [20, 100] ms), "
              << instances << " instances per configuration (seeds 0.." << instances - 1
              << ");\n# runtime = wall time of one allocation; gap = (optimum - served) / "
                 "optimum in %, optimum = TreeSearch"
              << std::endl;
    std::cout << std::left << std::setw(6) << "K" << std::setw(4) << "N" << std::setw(52)
              << "scheduler" << std::right << std::setw(12) << "median_us" << std::setw(12)
              << "max_us" << std::setw(12) << "cpu_med_us" << std::setw(10) << "served"
              << std::setw(11) << "nodes_med" << std::setw(11) << "nodes_max" << std::setw(10)
              << "gap_mean%" << std::setw(10) << "gap_max%" << std::endl;

    const auto start = std::chrono::steady_clock::now();
    uint32_t infeasibleTotal = 0;
    for (uint32_t nExits : exitCounts)
    {
        // Schedulers found too slow at an earlier K of this N.
        std::vector<bool> tooSlow(specs.size(), false);
        for (uint32_t nUsers : userCounts)
        {
            C2ScenarioParameters params;
            params.users = nUsers;
            params.exits = BenchmarkExits(nExits);
            const C2ScenarioGenerator generator(params);
            std::vector<Ptr<C2Scheduler>> objects;
            std::vector<bool> active;
            for (const SchedulerSpec& spec : specs)
            {
                ObjectFactory factory;
                factory.SetTypeId(spec.typeName);
                for (const auto& [name, value] : spec.attributes)
                {
                    factory.Set(name, StringValue(value));
                }
                objects.push_back(factory.Create<C2Scheduler>());
                active.push_back(!(spec.typeName == "ns3::ExhaustiveC2Scheduler" && nUsers > 16));
            }
            for (size_t s = 0; s < specs.size(); ++s)
            {
                if (active[s] && tooSlow[s])
                {
                    active[s] = false;
                    std::cout << "# K = " << nUsers << ", N = " << nExits << ": not running "
                              << specs[s].label << " (median CPU time above " << std::defaultfloat
                              << slowMs << " ms at a smaller K)" << std::endl;
                }
            }
            std::vector<Tally> tally(specs.size());
            for (uint32_t i = 0; i < instances; ++i)
            {
                const C2Problem problem = generator.Generate(i);
                for (size_t s = 0; s < specs.size(); ++s)
                {
                    if (!active[s])
                    {
                        continue;
                    }
                    const double cpuBefore = ThreadCpuUs();
                    const C2Allocation a = objects[s]->Allocate(problem);
                    tally[s].cpuUs.push_back(ThreadCpuUs() - cpuBefore);
                    tally[s].runtimeUs.push_back(a.stats.runtimeUs);
                    tally[s].nodes.push_back(a.stats.nodes);
                    tally[s].served.push_back(a.GetServedCount());
                    tally[s].infeasible += a.feasible ? 0 : 1;
                }
            }
            for (size_t s = 0; s < specs.size(); ++s)
            {
                if (!active[s])
                {
                    continue;
                }
                const Tally& t = tally[s];
                double meanServed = 0;
                double gapSum = 0;
                double gapMax = 0;
                for (uint32_t i = 0; i < instances; ++i)
                {
                    meanServed += t.served[i] / instances;
                    if (optimum >= 0 && tally[optimum].served[i] > 0)
                    {
                        const double opt = tally[optimum].served[i];
                        const double gap = 100.0 * (opt - t.served[i]) / opt;
                        gapSum += gap;
                        gapMax = std::max(gapMax, gap);
                    }
                }
                const double medianUs = Median(t.runtimeUs);
                const double maxUs = *std::max_element(t.runtimeUs.begin(), t.runtimeUs.end());
                const double medianCpuUs = Median(t.cpuUs);
                tooSlow[s] = slowMs > 0 && medianCpuUs > slowMs * 1e3;
                const double medianNodes = Median(t.nodes);
                const double maxNodes = *std::max_element(t.nodes.begin(), t.nodes.end());
                infeasibleTotal += t.infeasible;
                std::ostringstream gapMean;
                std::ostringstream gapMaxText;
                if (optimum >= 0)
                {
                    gapMean << std::fixed << std::setprecision(2) << gapSum / instances;
                    gapMaxText << std::fixed << std::setprecision(1) << gapMax;
                }
                else
                {
                    gapMean << "-";
                    gapMaxText << "-";
                }
                std::cout << std::left << std::setw(6) << nUsers << std::setw(4) << nExits
                          << std::setw(52) << specs[s].label << std::right << std::fixed
                          << std::setprecision(1) << std::setw(12) << medianUs << std::setw(12)
                          << maxUs << std::setw(12) << medianCpuUs << std::setprecision(2)
                          << std::setw(10) << meanServed << std::setprecision(0) << std::setw(11)
                          << medianNodes << std::setw(11) << maxNodes << std::setw(10)
                          << gapMean.str() << std::setw(10) << gapMaxText.str();
                if (t.infeasible > 0)
                {
                    std::cout << "  INFEASIBLE x" << t.infeasible;
                }
                std::cout << std::endl;
                if (csv.is_open())
                {
                    csv << nUsers << "," << nExits << "," << specs[s].label << "," << instances
                        << "," << medianUs << "," << maxUs << "," << medianCpuUs << ","
                        << meanServed << "," << medianNodes << "," << maxNodes << ","
                        << (optimum >= 0 ? std::to_string(gapSum / instances) : "") << ","
                        << (optimum >= 0 ? std::to_string(gapMax) : "") << "," << t.infeasible
                        << "\n";
                }
            }
        }
    }
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "# total " << std::setprecision(1) << elapsed << " s" << std::endl;
    if (infeasibleTotal > 0)
    {
        std::cerr << "edge-inference-c2-benchmark: " << infeasibleTotal << " infeasible allocations"
                  << std::endl;
        return 1;
    }
    return 0;
}
