/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_INFERENCE_USER_SWEEP_H
#define EDGE_INFERENCE_USER_SWEEP_H

#include "c2-scheduler-spec.h"
#include "edge-inference-scenario-runner.h"

#include <cstdint>
#include <fstream>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief The paper's experiment as a reusable object: one scenario run for
 * every number of users, drop and scheduler, the results summed, and the
 * table, the CSV files and the plot written.
 *
 * Drop r (0-based) of every number of users K uses RngRun = firstRngRun + r
 * for the positions, the fading and the tasks, the same for every scheduler,
 * so schedulers are compared on identical drops. Each simulation is one
 * RunEdgeInferenceScenario() call.
 *
 * Files written into the output folder (created if missing):
 *  - frames.csv: scheduler,users,run,rng_run,frame,requests,candidates,
 *    predicted,completed (one line per decided frame of every simulation);
 *  - tasks.csv, if the base scenario has collectTasks: scheduler_label,
 *    users,run and TaskRecordCsvWriter's columns;
 *  - summary.csv: scheduler,users,runs,frames,completed_per_frame,
 *    completed_per_second,predicted_per_frame (sums over the drops divided
 *    by frames x drops),completed_over_predicted (empty when nothing was
 *    served);
 *  - throughput.plt and, if gnuplot is installed, throughput.png.
 * A scheduler label holding a comma or a quote is quoted as CSV requires.
 */
class EdgeInferenceUserSweep
{
  public:
    /**
     * @brief Prepares the sweep; runs nothing.
     * @param base every field but users, rngRun and scheduler
     * @param userCounts the numbers of users K, in table order (each > 0)
     * @param runs drops per (K, scheduler), > 0
     * @param schedulers the schedulers, in table order, labels distinct
     * @param firstRngRun RngRun of drop 0
     * @throws EdgeInferenceError naming the argument if one is out of range
     */
    EdgeInferenceUserSweep(const EdgeInferenceScenario& base,
                           const std::vector<uint32_t>& userCounts,
                           uint32_t runs,
                           const std::vector<C2SchedulerSpec>& schedulers,
                           uint64_t firstRngRun);

    /**
     * @brief Runs every (K, drop, scheduler) simulation and writes frames.csv
     * (and tasks.csv) as they end, with a progress line.
     * @param folder the output folder (created if missing)
     * @param progress receives a progress line, rewritten after each
     *        simulation ("\r[done/total] K=.. run .. label: n completed (s
     *        elapsed)"), and a line end at the end
     * @throws EdgeInferenceError if a file cannot be written or a simulation
     *         refuses its scenario
     */
    void Run(const std::string& folder, std::ostream& progress);

    /**
     * @brief Completed tasks per frame, averaged over the drops.
     * @param label a scheduler label
     * @param users a number of users of the sweep
     * @return completed tasks / (frames x runs); 0 before Run()
     */
    double CompletedPerFrame(const std::string& label, uint32_t users) const;

    /**
     * @brief Predicted tasks per frame, averaged over the drops.
     * @param label a scheduler label
     * @param users a number of users of the sweep
     * @return predicted tasks / (frames x runs); 0 before Run()
     */
    double PredictedPerFrame(const std::string& label, uint32_t users) const;

    /**
     * @brief Prints the throughput table (per second, per frame in brackets)
     * and writes summary.csv.
     * @param folder the output folder Run() wrote into
     * @param table receives the table
     * @throws EdgeInferenceError if summary.csv cannot be written
     */
    void WriteSummary(const std::string& folder, std::ostream& table) const;

    /**
     * @brief Prints each scheduler's completed tasks over a baseline's: one
     * line per K ("  K= 30: label ratio label ratio ...", two decimals).
     * @param baseline the baseline's label
     * @param os receives the lines
     * @throws EdgeInferenceError if no scheduler has that label or Run() has
     *         not run
     */
    void PrintRatios(const std::string& baseline, std::ostream& os) const;

    /**
     * @brief Writes throughput.plt and, where gnuplot is installed, runs it
     * for throughput.png.
     * @param folder the output folder
     * @return true if throughput.png was drawn
     */
    bool WritePlot(const std::string& folder) const;

    /**
     * @brief Formats a text as one CSV field, quoted where it must be.
     * @param text the text
     * @return text as is, or quoted with inner quotes doubled if it holds a
     *         comma, a quote or a line break
     */
    static std::string CsvField(const std::string& text);

  private:
    /// The sweep's output files while it runs.
    struct Files
    {
        std::ofstream frames; //!< frames.csv
        std::ofstream tasks;  //!< tasks.csv, if tasks are collected
    };

    /**
     * @brief Opens frames.csv (and tasks.csv) and writes their headers.
     * @param folder the output folder
     * @param files the files to open
     */
    void OpenFiles(const std::string& folder, Files& files) const;

    /**
     * @brief Writes one simulation's frames (and tasks).
     * @param label the scheduler's label
     * @param run the drop index
     * @param r the simulation's scenario
     * @param result its result
     * @param files the files
     */
    void WriteSimulation(const std::string& label,
                         uint32_t run,
                         const EdgeInferenceScenario& r,
                         const EdgeInferenceScenarioResult& result,
                         Files& files) const;

    /// Task counts summed over the drops, [label][K].
    using Counts = std::map<std::string, std::map<uint32_t, uint64_t>>;

    /// @return frames x runs: the divisor of the per-frame averages
    double FramesTotal() const;

    /**
     * @brief A count averaged per frame.
     * @param counts the counts
     * @param label a scheduler label
     * @param users a number of users
     * @return counts[label][users] / (frames x runs); 0 if absent
     */
    double PerFrame(const Counts& counts, const std::string& label, uint32_t users) const;

    EdgeInferenceScenario m_base;              //!< the scenario but K, RngRun, scheduler
    std::vector<uint32_t> m_userCounts;        //!< K values
    uint32_t m_runs;                           //!< drops per (K, scheduler)
    std::vector<C2SchedulerSpec> m_schedulers; //!< in table order
    uint64_t m_firstRngRun;                    //!< RngRun of drop 0
    Counts m_completed;                        //!< completed tasks [label][K]
    Counts m_predicted;                        //!< predicted tasks [label][K]
};

} // namespace ns3

#endif /* EDGE_INFERENCE_USER_SWEEP_H */
