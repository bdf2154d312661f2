/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef C2_COMPARISON_RESULT_H
#define C2_COMPARISON_RESULT_H

#include "edge-inference-stats.h"

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief What one scheduler did on one seeded drop, as measured by
 * C2SchedulerComparison.
 *
 * Allocation level: one frame, the C2Problem drawn by C2ScenarioGenerator
 * from the seed. Packet level: the frames of one simulated cell whose drop,
 * fading and tasks come from RngRun = seed; counts are summed over frames.
 *
 * Ratios (gap, meanAccuracy) are fractions (0.05 = 5 %), never percent.
 */
struct C2DropResult
{
    uint64_t seed{0};  //!< the drop's seed (allocation level: generator seed; packet level: RngRun)
    uint32_t users{0}; //!< number of users K in the drop
    /**
     * Tasks the scheduler served, summed over frames. Allocation level: the
     * allocation's served count, even when it is infeasible (0 if the
     * scheduler threw). Packet level: the sum of EdgeFrameRecord::predicted,
     * which is 0 for a frame whose allocation was infeasible (not executed).
     */
    uint32_t served{0};
    /**
     * Tasks that met both their deadline and their accuracy requirement.
     * Allocation level: EvaluateC2Allocation's completed count, 0 if the
     * allocation is infeasible. Packet level: task records with outcome
     * COMPLETED, over all frames.
     */
    uint32_t completed{0};
    /**
     * Completed tasks per second of simulated time (tasks/s): completed /
     * FramePeriod at allocation level, completed / (Frames x FramePeriod) at
     * packet level.
     */
    double throughput{0};
    /**
     * Mean exit accuracy (fraction, 0..1). Allocation level: over the exits of
     * the served tasks; NaN if none is served or the allocation is infeasible
     * (left at 0 if the scheduler threw). Packet level: over the completed
     * tasks; NaN if none completed.
     */
    double meanAccuracy{0};
    double runtimeUs{0};   //!< scheduler wall time (microseconds), summed over frames
    bool feasible{true};   //!< every allocation passed EvaluateC2Allocation (and none threw)
    std::string violation; //!< first violation when not feasible, or "exception: " + message
    /// Optimum served count on the same problems, summed over frames; 0 when
    /// no optimum is computed (C2SchedulerComparison::SetOptimum(false)).
    uint32_t optimum{0};
    /**
     * Optimality gap (optimum - served) / optimum, as a fraction (0.05 = 5 %),
     * not percent; 0 when optimum is 0; negative when served > optimum (a
     * scheduler solving a different problem, or an infeasible allocation).
     */
    double gap{0};
    std::vector<EdgeFrameStats> frames; //!< per-frame counts (packet level only, else empty)
};

/**
 * @ingroup edge-inference
 * @brief Summary of one scheduler over all drops (C2ComparisonResult::GetSummary).
 *
 * meanGap and maxGap are fractions (0.05 = 5 %), like C2DropResult::gap,
 * not percent: Print() shows them multiplied by 100 (columns gap_% and
 * max_gap_%), and CheckWithinOptimum() compares meanGap with percent / 100.
 * meanAccuracy is a fraction (0..1) too. With no drops, the numeric fields
 * are 0 and meanAccuracy is NaN.
 */
struct C2ComparisonSummary
{
    std::string label;        //!< scheduler label
    uint32_t drops{0};        //!< number of drops
    double meanServed{0};     //!< mean of C2DropResult::served over the drops (tasks per drop)
    uint32_t minServed{0};    //!< fewest tasks served on one drop
    uint32_t maxServed{0};    //!< most tasks served on one drop
    double meanCompleted{0};  //!< mean of C2DropResult::completed over the drops (tasks per drop)
    double meanThroughput{0}; //!< mean of the per-drop throughputs (tasks/s)
    /// Mean exit accuracy (fraction, 0..1) pooled over the completed tasks of
    /// all drops (a drop weighs by its completed count); NaN if none completed.
    double meanAccuracy{0};
    double meanRuntimeUs{0};     //!< mean scheduler wall time per drop (microseconds)
    double maxRuntimeUs{0};      //!< largest scheduler wall time of a drop (microseconds)
    uint32_t infeasibleDrops{0}; //!< drops with an infeasible allocation (or an exception)
    /// Mean of the per-drop optimality gaps C2DropResult::gap, as a fraction
    /// (0.05 = 5 %), not percent; 0 when no optimum was computed.
    double meanGap{0};
    /// Largest per-drop optimality gap, as a fraction (0.05 = 5 %), not percent;
    /// starts from 0, so it is 0 (not the largest value) when every gap is negative.
    double maxGap{0};
};

/**
 * @ingroup edge-inference
 * @brief Outcome of an assertion on a comparison, for use in a TestCase:
 * @code
 *   C2ComparisonCheck c = result.CheckServesAtLeast("TreeSearch", "Mine");
 *   NS_TEST_ASSERT_MSG_EQ(c.ok, true, c.message);
 * @endcode
 */
struct C2ComparisonCheck
{
    bool ok{true};       //!< the assertion holds
    std::string message; //!< what was checked and, if it fails, where
};

/**
 * @ingroup edge-inference
 * @brief Per-scheduler, per-drop results of C2SchedulerComparison, their
 * summaries and assertion helpers.
 *
 * Results can also be filled by hand with AddDrop (e.g. to test a check).
 * Every method that takes a label returns a failed check (or throws
 * EdgeInferenceError, for the accessors) naming the known labels when the
 * label is unknown.
 */
class C2ComparisonResult
{
  public:
    /// Which simulation gave the results.
    enum Level
    {
        ALLOCATION, //!< one C2Problem per drop, schedulers called directly
        PACKET      //!< a simulated cell per drop (EdgeController, OFDMA uplink, server)
    };

    /**
     * @brief Create empty results (no scheduler, no optimum).
     * @param level the level of the results
     */
    explicit C2ComparisonResult(Level level = ALLOCATION);

    /// @return the level the results were obtained at
    Level GetLevel() const;
    /// @return the scheduler labels, in the order they were added
    std::vector<std::string> GetLabels() const;
    /**
     * @param label a scheduler label
     * @return true if results exist for it
     */
    bool HasScheduler(const std::string& label) const;
    /**
     * @param label a scheduler label
     * @return its drops, in the order they were added (seed order when
     *         C2SchedulerComparison filled the results)
     * @throws EdgeInferenceError if the label is unknown
     */
    const std::vector<C2DropResult>& GetDrops(const std::string& label) const;
    /**
     * @param label a scheduler label
     * @return its summary over all drops (gaps as fractions, not percent)
     * @throws EdgeInferenceError if the label is unknown
     */
    C2ComparisonSummary GetSummary(const std::string& label) const;

    /**
     * @brief Record which scheduler gave the optima; a non-empty name also
     * tells CheckWithinOptimum() that the results carry optima.
     * @param name TypeId name(s) of the reference scheduler(s) ("" = no optimum;
     *        C2SchedulerComparison joins several names with " or ")
     */
    void SetOptimumScheduler(const std::string& name);
    /// @return the name set by SetOptimumScheduler(), "" if none
    std::string GetOptimumScheduler() const;

    /**
     * @brief Append a drop (the harness does this; tests may too).
     * @param label scheduler label (added if new)
     * @param drop the drop's result
     */
    void AddDrop(const std::string& label, const C2DropResult& drop);

    /**
     * @brief Print a header line (level and, if any, the optimum's source),
     * a column header, then one line per scheduler: label, drops, mean / min
     * / max served, mean completed, throughput (tasks/s), accuracy
     * (fraction), mean runtime (microseconds), infeasible drops and mean /
     * max gap in percent (100 x the summary's fractions).
     * @param os the stream (its format flags are restored afterwards)
     */
    void Print(std::ostream& os) const;

    /**
     * @brief "a serves at least as many tasks as b on every drop"; drops are
     * paired by position, and the check fails if the drop counts differ.
     * @param a label of the scheduler that should serve at least as many
     * @param b label of the scheduler compared with
     * @return the check; on failure the message lists up to 5 drops (seed,
     *         a's and b's served counts)
     */
    C2ComparisonCheck CheckServesAtLeast(const std::string& a, const std::string& b) const;
    /**
     * @brief "a is within percent % of the optimum on average": the mean of
     * the per-drop gaps (optimum - served) / optimum, a fraction, is at most
     * percent / 100.
     * @param a label
     * @param percent allowed mean gap, in percent (e.g. 5 for 5 %)
     * @return the check; fails if the results carry no optimum
     *         (GetOptimumScheduler() is "") or a has no drop
     */
    C2ComparisonCheck CheckWithinOptimum(const std::string& a, double percent) const;
    /**
     * @brief "a serves within percent % of b on average": total served by a
     * >= (1 - percent / 100) x total served by b, over all drops.
     * @param a label of the scheduler checked
     * @param b label of the reference scheduler
     * @param percent allowed shortfall, in percent (e.g. 5 for 5 %)
     * @return the check; fails if the drop counts differ; passes if b served
     *         nothing
     */
    C2ComparisonCheck CheckWithinPercentOf(const std::string& a,
                                           const std::string& b,
                                           double percent) const;
    /**
     * @brief "a's mean served per drop >= minimum".
     * @param a label
     * @param minimum the bound (tasks per drop)
     * @return the check; fails if a has no drop
     */
    C2ComparisonCheck CheckMeanServedAtLeast(const std::string& a, double minimum) const;
    /**
     * @brief "every allocation of a was feasible, on every drop".
     * @param a label
     * @return the check; on failure the message names up to 5 drops and the
     *         first violation of each
     */
    C2ComparisonCheck CheckFeasible(const std::string& a) const;

  private:
    /**
     * @param label a scheduler label
     * @param check receives the failure (ok = false, message naming the
     *        known labels) if the label is unknown; untouched otherwise
     * @return true if the label is known
     */
    bool Known(const std::string& label, C2ComparisonCheck& check) const;

    Level m_level;                                            //!< level of the results
    std::vector<std::string> m_labels;                        //!< labels, in the order added
    std::map<std::string, std::vector<C2DropResult>> m_drops; //!< drops per label, in order added
    std::string m_optimumScheduler;                           //!< source of the optima ("" = none)
};

} // namespace ns3

#endif /* C2_COMPARISON_RESULT_H */
