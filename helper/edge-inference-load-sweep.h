/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_INFERENCE_LOAD_SWEEP_H
#define EDGE_INFERENCE_LOAD_SWEEP_H

#include "c2-scheduler-spec.h"
#include "edge-inference-scenario-runner.h"

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief One offered load of the online experiment: an arrival process and
 * its attributes.
 */
struct EdgeInferenceLoad
{
    std::string label;     //!< for tables and files, e.g. "5" (tasks/s per user)
    double perUserPerS{0}; //!< offered load (tasks/s per user; 0: a trace's own)
    std::string arrivals;  //!< TaskArrivalProcess TypeId
    std::vector<std::pair<std::string, std::string>> attributes; //!< its attributes
};

/**
 * @ingroup edge-inference
 * @brief The arrival process of a named kind at an offered load.
 * @param kind "poisson" (MeanInterval 1/load), "periodic" (Interval 1/load,
 *        Jitter half of it, so users do not all arrive at once), "onoff"
 *        (OnOffTaskArrivals with its default 200 ms on and 800 ms off, and
 *        MeanInterval 0.2/load, so the mean rate is the load)
 * @param perUserPerS the load (tasks/s per user, > 0)
 * @return the load
 * @throws EdgeInferenceError naming an unknown kind or a load that is not
 *         a positive finite number
 */
EdgeInferenceLoad MakeEdgeInferenceLoad(const std::string& kind, double perUserPerS);

/**
 * @ingroup edge-inference
 * @brief Nearest-rank percentile: the smallest value v of the sample such
 * that at least p % of the values are <= v.
 * @param values the sample (any order)
 * @param p the percentile, in (0, 100]
 * @return the percentile; NaN for an empty sample
 */
double NearestRankPercentile(std::vector<double> values, double p);

/**
 * @ingroup edge-inference
 * @brief What one scheduler did at one load, summed over the drops.
 */
struct EdgeInferenceLoadPoint
{
    uint64_t created{0};                               //!< tasks created
    std::map<InferenceTaskOutcome, uint64_t> outcomes; //!< ended tasks by outcome
    std::vector<double> latenciesS; //!< completed tasks: result received - created (s)
    uint64_t queueSum{0};           //!< sum of the frames' queue lengths at decisions
    uint64_t frames{0};             //!< frames decided
    uint32_t maxQueue{0};           //!< longest queue at a decision

    /// @return tasks completed: one latency each
    uint64_t Completed() const
    {
        return latenciesS.size();
    }
};

/**
 * @ingroup edge-inference
 * @brief The online experiment: every scheduler at every offered load, on
 * the same seeded drops, with random arrivals (and, if the base scenario's
 * controller attributes say so, queues).
 *
 * Drop r (0-based) uses RngRun = firstRngRun + r for every load and
 * scheduler. Files written into the output folder (created if missing):
 *  - tasks.csv: scheduler_label,load,run, TaskRecordCsvWriter's columns,
 *    latency_s (result received - created; empty if no answer came);
 *  - queue.csv: scheduler_label,load,run,frame,decision_s,queue,carried,
 *    predicted (queue: tasks pending at the frame's decision);
 *  - summary.csv: scheduler,load,runs,created,completed,completion_ratio,
 *    p50_s,p95_s,p99_s (nearest-rank latency percentiles of the completed
 *    tasks),mean_queue,max_queue, then one column per final outcome;
 *  - online.plt and, if gnuplot is installed, completion.png and
 *    latency.png (completion ratio and p95 latency against the load).
 */
class EdgeInferenceLoadSweep
{
  public:
    /**
     * @brief Prepares the sweep; runs nothing.
     * @param base every field but arrivals, rngRun and scheduler; its
     *        collectTasks is set
     * @param loads the loads, in table order, labels distinct
     * @param runs drops per (load, scheduler), > 0
     * @param schedulers the schedulers, labels distinct
     * @param firstRngRun RngRun of drop 0
     * @throws EdgeInferenceError naming the argument if one is out of range
     */
    EdgeInferenceLoadSweep(const EdgeInferenceScenario& base,
                           const std::vector<EdgeInferenceLoad>& loads,
                           uint32_t runs,
                           const std::vector<C2SchedulerSpec>& schedulers,
                           uint64_t firstRngRun);

    /**
     * @brief Runs every (load, drop, scheduler) simulation, writing
     * tasks.csv and queue.csv, with a progress line.
     * @param folder the output folder
     * @param progress receives "\r[done/total] load .. run .. label: n
     *        completed of m (s elapsed)" after each simulation
     * @throws EdgeInferenceError if a file cannot be written or a
     *         simulation refuses its scenario
     */
    void Run(const std::string& folder, std::ostream& progress);

    /**
     * @param label a scheduler label
     * @param load a load label
     * @return the point (empty before Run)
     */
    EdgeInferenceLoadPoint GetPoint(const std::string& label, const std::string& load) const;

    /**
     * @brief Prints the table and writes summary.csv.
     * @param folder the output folder
     * @param table receives the table
     * @throws EdgeInferenceError if summary.csv cannot be written
     */
    void WriteSummary(const std::string& folder, std::ostream& table) const;

    /**
     * @brief Writes online.plt and, where gnuplot is installed, draws
     * completion.png and latency.png.
     * @param folder the output folder
     * @return true if the PNG files were drawn
     */
    bool WritePlot(const std::string& folder) const;

  private:
    /**
     * @brief Runs one simulation and adds it to its point.
     * @param load the load
     * @param run the drop (0-based)
     * @param s the scheduler
     * @param tasks tasks.csv
     * @param queue queue.csv
     * @return the simulation's result
     */
    EdgeInferenceScenarioResult RunOne(const EdgeInferenceLoad& load,
                                       uint32_t run,
                                       const C2SchedulerSpec& s,
                                       std::ostream& tasks,
                                       std::ostream& queue);

    EdgeInferenceScenario m_base;              //!< the scenario
    std::vector<EdgeInferenceLoad> m_loads;    //!< the loads
    uint32_t m_runs;                           //!< drops
    std::vector<C2SchedulerSpec> m_schedulers; //!< the schedulers
    uint64_t m_firstRngRun;                    //!< RngRun of drop 0
    std::map<std::pair<std::string, std::string>, EdgeInferenceLoadPoint>
        m_points; //!< (scheduler label, load label) -> point
};

} // namespace ns3

#endif /* EDGE_INFERENCE_LOAD_SWEEP_H */
