/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef C2_SCHEDULER_COMPARISON_H
#define C2_SCHEDULER_COMPARISON_H

#include "c2-comparison-result.h"
#include "c2-scheduler-spec.h"
#include "edge-inference-scenario-runner.h"

#include "ns3/c2-problem.h"
#include "ns3/c2-scenario.h"
#include "ns3/early-exit-profile.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Runs the same seeded drops through several C2Scheduler plugins and
 * collects what each did, for tables and for assertions in a TestSuite.
 *
 * @code
 *   C2SchedulerComparison cmp;
 *   cmp.SetProfile(EDGE_INFERENCE_SOURCE_DIR "/data/profiles/paper-default.csv");
 *   cmp.GetScenario().users = 20;
 *   cmp.SetSeeds({1, 2, 3, 4, 5});
 *   cmp.AddScheduler("Mine", "ns3::LargestSnrC2Scheduler", {{"EarlyExit", "true"}});
 *   cmp.AddScheduler("TreeSearch", "ns3::TreeSearchC2Scheduler");
 *   C2ComparisonResult r = cmp.RunAllocationLevel();
 *   C2ComparisonCheck c = r.CheckServesAtLeast("TreeSearch", "Mine");
 *   NS_TEST_ASSERT_MSG_EQ(c.ok, true, c.message);
 * @endcode
 *
 * Scenario. C2ScenarioParameters (manual: *Default scenario*) describe the cell:
 * users K, cell radius and minimum distance, bandwidth B, resource-block
 * width, rate model, power, noise, task size, deadline and accuracy ranges,
 * fading. The DNN is the profile when one is set (SetProfile: both levels
 * use it, the allocation level through its affine fits as the
 * EdgeController does, and C2ScenarioParameters::exits is ignored),
 * otherwise C2ScenarioParameters::exits (allocation level only).
 *
 * Allocation level (RunAllocationLevel; fast, no packets): for each seed,
 * C2ScenarioGenerator draws one C2Problem and each scheduler allocates it
 * through C2Scheduler::Allocate; served, completed (EvaluateC2Allocation's
 * count, 0 for an infeasible allocation, which the EdgeController would not
 * execute), throughput = completed / FramePeriod, mean accuracy of the
 * served exits, runtime and feasibility are recorded. An exception thrown by
 * a scheduler makes the drop infeasible, with the message as violation.
 *
 * Packet level (RunPacketLevel; full simulation): for each seed, the cell of
 * the paper experiment (examples/edge-inference-paper.cc) is built with
 * EdgeInferenceCellHelper and EdgeInferenceHelper under RngRun = seed (fixed
 * streams: the same drop, fading and tasks for every scheduler) and
 * simulated for Frames frames of FramePeriod, one task per user per frame.
 * The scenario maps to Bandwidth, ResourceBlockWidth (10 kHz if the
 * scenario's is 0: the uplink needs blocks), ThermalNoisePsd, TxPower,
 * TaskSize, LatencyRequirement, AccuracyRequirement, the cell radius and
 * fading (coherence time = FramePeriod); the fixed-PSD rate model has no
 * packet-level counterpart and is refused. Served and runtime come from the
 * controller's allocations, completed and accuracy from the clients' task
 * records. The packet-level drops are not the allocation-level problems:
 * they come from ns-3's random streams, and the controller's problems carry
 * the on-air bits (headers included) and the deadline margins of the
 * EdgeController. A scheduler that throws stops the simulation
 * (NS_FATAL_ERROR, as in any scenario). RngRun is restored afterwards.
 *
 * Optimum (on by default): on every problem a scheduler saw, the optimum
 * served count is computed by ns3::ExhaustiveC2Scheduler with
 * EarlyExit=true when K <= ExhaustiveLimit, else by
 * ns3::TreeSearchC2Scheduler (equal to it, checked by the module's tests);
 * each drop records the optimum and the gap (optimum - served) / optimum,
 * as a fraction (C2DropResult::gap).
 * At packet level the problems are the controller's, frame by frame. A
 * scheduler without batching (ns3::SequentialC2Scheduler) solves a
 * different problem and may have a negative gap.
 */
class C2SchedulerComparison
{
  public:
    /**
     * @brief Create a comparison with the default C2ScenarioParameters, no
     * profile, no seed, no scheduler, 3 frames of 100 ms, the optimum on and
     * an exhaustive-search limit of 12 users.
     */
    C2SchedulerComparison();

    /// @param params the scenario (exits ignored when a profile is set)
    void SetScenario(const C2ScenarioParameters& params);
    /// @return the scenario, by reference, to change single fields
    C2ScenarioParameters& GetScenario();
    /**
     * @brief Use a DNN profile file for both levels.
     * @param path profile file
     * @throws EdgeInferenceError with the reader's message if it is bad
     */
    void SetProfile(const std::string& path);
    /// @param profile the DNN profile for both levels
    void SetProfile(const EarlyExitProfile& profile);

    /// @param seeds one drop per seed (allocation: generator seed; packet: RngRun)
    void SetSeeds(const std::vector<uint64_t>& seeds);
    /**
     * @param frames frames per packet-level drop (default 3)
     * @throws EdgeInferenceError if frames is 0
     */
    void SetFrames(uint32_t frames);
    /**
     * @param period frame period (default 100 ms): the length of a
     *        packet-level frame (EdgeController FramePeriod, fading coherence
     *        time) and the time base of the throughput (tasks/s)
     * @throws EdgeInferenceError if period is not > 0
     */
    void SetFramePeriod(Time period);
    /// @param enable compute the optimum and the gaps (default true)
    void SetOptimum(bool enable);
    /// @param users largest K solved by exhaustive search for the optimum (default 12)
    void SetExhaustiveLimit(uint32_t users);

    /**
     * @brief Add a scheduler; its TypeId and attributes are checked now.
     * @param label display label (unique)
     * @param typeId TypeId name of a C2Scheduler plugin
     * @param attributes (name, value) pairs, values as strings (StringValue)
     * @throws EdgeInferenceError naming the label and what is wrong (duplicate
     *         label, unknown TypeId, not a C2Scheduler, unknown attribute,
     *         bad value)
     */
    void AddScheduler(const std::string& label,
                      const std::string& typeId,
                      const std::vector<std::pair<std::string, std::string>>& attributes = {});
    /// @return the schedulers, in the order added
    const std::vector<C2SchedulerSpec>& GetSchedulers() const;

    /**
     * @brief The allocation-level problem of a seed.
     * @param seed the seed
     * @return C2ScenarioGenerator(scenario with the DNN).Generate(seed): the
     *         problem RunAllocationLevel() gives the schedulers for this seed
     */
    C2Problem GetProblem(uint64_t seed) const;

    /**
     * @brief Run every scheduler on every seed's C2Problem.
     * @return per-scheduler, per-drop results
     * @throws EdgeInferenceError if no seed, no scheduler or no DNN is set
     */
    C2ComparisonResult RunAllocationLevel() const;

    /**
     * @brief Simulate every scheduler on every seed's cell.
     * @return per-scheduler, per-drop results (with per-frame counts)
     * @throws EdgeInferenceError if no seed, no scheduler or no profile is
     *         set, the scenario has no user or uses the fixed-PSD rate model
     */
    C2ComparisonResult RunPacketLevel() const;

  private:
    /**
     * @return the scenario, with its exits replaced by the profile's (as the
     *         EdgeController derives them) when a profile is set
     */
    C2ScenarioParameters EffectiveScenario() const;
    /**
     * @brief The packet-level drop of a seed for one scheduler.
     * @param seed RngRun of the drop
     * @param spec the scheduler
     * @return the scenario for RunEdgeInferenceScenario()
     */
    EdgeInferenceScenario MakePacketScenario(uint64_t seed, const C2SchedulerSpec& spec) const;
    /**
     * @brief Check that a run can start.
     * @param packet true for the packet level (which also needs a profile, at
     *        least one user and no fixed-PSD rate model)
     * @throws EdgeInferenceError naming what is missing (seeds, schedulers,
     *         DNN) or wrong
     */
    void CheckReady(bool packet) const;

    C2ScenarioParameters m_scenario;           //!< the cell
    EarlyExitProfile m_profile;                //!< the DNN, if m_hasProfile
    bool m_hasProfile;                         //!< a profile is set
    std::vector<uint64_t> m_seeds;             //!< one drop per seed
    std::vector<C2SchedulerSpec> m_schedulers; //!< schedulers, in the order added
    uint32_t m_frames;                         //!< frames per packet-level drop
    Time m_framePeriod;                        //!< frame period
    bool m_optimum;                            //!< compute the optimum
    uint32_t m_exhaustiveLimit;                //!< exhaustive search up to this K (users)
};

} // namespace ns3

#endif /* C2_SCHEDULER_COMPARISON_H */
