/*
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
 * \ingroup edge-inference
 * \brief What one scheduler did on one seeded drop, as measured by
 * C2SchedulerComparison.
 *
 * Allocation level: one frame, the C2Problem drawn by C2ScenarioGenerator
 * from the seed. Packet level: the frames of one simulated cell whose drop,
 * fading and tasks come from RngRun = seed; counts are summed over frames.
 */
struct C2DropResult
{
    uint64_t seed{0};                   //!< the drop's seed
    uint32_t users{0};                  //!< K
    uint32_t served{0};                 //!< tasks the scheduler served (all frames)
    uint32_t completed{0};              //!< tasks that met deadline and accuracy (0 if infeasible)
    double throughput{0};               //!< completed tasks per second of simulated time
    double meanAccuracy{0};             //!< mean exit accuracy of the completed tasks; NaN if none
    double runtimeUs{0};                //!< scheduler wall time (microseconds, all frames)
    bool feasible{true};                //!< every allocation passed EvaluateC2Allocation
    std::string violation;              //!< first violation when not feasible (or the exception)
    uint32_t optimum{0};                //!< optimum served count on the same problems (all frames)
    double gap{0};                      //!< (optimum - served) / optimum; 0 when optimum is 0
    std::vector<EdgeFrameStats> frames; //!< packet level: per-frame counts
};

/**
 * \ingroup edge-inference
 * \brief Summary of one scheduler over all drops.
 */
struct C2ComparisonSummary
{
    std::string label;           //!< scheduler label
    uint32_t drops{0};           //!< drops
    double meanServed{0};        //!< mean served per drop
    uint32_t minServed{0};       //!< fewest served on a drop
    uint32_t maxServed{0};       //!< most served on a drop
    double meanCompleted{0};     //!< mean completed per drop
    double meanThroughput{0};    //!< mean throughput (tasks/s)
    double meanAccuracy{0};      //!< mean exit accuracy over all completed tasks; NaN if none
    double meanRuntimeUs{0};     //!< mean scheduler time per drop (microseconds)
    double maxRuntimeUs{0};      //!< largest scheduler time of a drop (microseconds)
    uint32_t infeasibleDrops{0}; //!< drops with an infeasible allocation
    double meanGap{0};           //!< mean of the per-drop optimality gaps
    double maxGap{0};            //!< largest per-drop optimality gap
};

/**
 * \ingroup edge-inference
 * \brief Outcome of an assertion on a comparison, for use in a TestCase:
 * \code
 *   C2ComparisonCheck c = result.CheckServesAtLeast("TreeSearch", "Mine");
 *   NS_TEST_ASSERT_MSG_EQ(c.ok, true, c.message);
 * \endcode
 */
struct C2ComparisonCheck
{
    bool ok{true};       //!< the assertion holds
    std::string message; //!< what was checked and, if it fails, where
};

/**
 * \ingroup edge-inference
 * \brief Per-scheduler, per-drop results of C2SchedulerComparison, their
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

    /// \param level the level of the results
    explicit C2ComparisonResult(Level level = ALLOCATION);

    /// \return the level
    Level GetLevel() const;
    /// \return the scheduler labels, in the order they were added
    std::vector<std::string> GetLabels() const;
    /// \param label a label \return true if results exist for it
    bool HasScheduler(const std::string& label) const;
    /**
     * \param label a scheduler label
     * \return its drops, in seed order
     * \throws EdgeInferenceError if the label is unknown
     */
    const std::vector<C2DropResult>& GetDrops(const std::string& label) const;
    /**
     * \param label a scheduler label
     * \return its summary over all drops
     * \throws EdgeInferenceError if the label is unknown
     */
    C2ComparisonSummary GetSummary(const std::string& label) const;

    /// \param name TypeId name of the scheduler that gave the optima ("" = none)
    void SetOptimumScheduler(const std::string& name);
    /// \return TypeId name of the scheduler that gave the optima, "" if none
    std::string GetOptimumScheduler() const;

    /**
     * \brief Append a drop (the harness does this; tests may too).
     * \param label scheduler label (added if new)
     * \param drop the drop's result
     */
    void AddDrop(const std::string& label, const C2DropResult& drop);

    /**
     * \brief Print one line per scheduler: label, drops, mean / min / max
     * served, mean completed, throughput, accuracy, runtime, infeasible
     * drops and mean / max gap.
     * \param os the stream
     */
    void Print(std::ostream& os) const;

    /**
     * \brief "a serves at least as many tasks as b on every drop".
     * \param a label \param b label
     * \return the check; on failure the message lists the drops (seed, a, b)
     */
    C2ComparisonCheck CheckServesAtLeast(const std::string& a, const std::string& b) const;
    /**
     * \brief "a is within percent % of the optimum on average": the mean of
     * the per-drop gaps (optimum - served) / optimum is at most percent / 100.
     * \param a label \param percent allowed mean gap (%)
     * \return the check; fails if the results carry no optimum
     */
    C2ComparisonCheck CheckWithinOptimum(const std::string& a, double percent) const;
    /**
     * \brief "a serves within percent % of b on average": total served by a
     * >= (1 - percent / 100) x total served by b, over all drops.
     * \param a label \param b label \param percent allowed shortfall (%)
     * \return the check
     */
    C2ComparisonCheck CheckWithinPercentOf(const std::string& a,
                                           const std::string& b,
                                           double percent) const;
    /**
     * \brief "a's mean served per drop >= minimum".
     * \param a label \param minimum the bound
     * \return the check
     */
    C2ComparisonCheck CheckMeanServedAtLeast(const std::string& a, double minimum) const;
    /**
     * \brief "every allocation of a was feasible, on every drop".
     * \param a label
     * \return the check; on failure the message names the drops and the
     *         first violation of each
     */
    C2ComparisonCheck CheckFeasible(const std::string& a) const;

  private:
    /// \param label a label \param check filled with the failure if unknown \return known
    bool Known(const std::string& label, C2ComparisonCheck& check) const;

    Level m_level;                                            //!< level
    std::vector<std::string> m_labels;                        //!< labels in order
    std::map<std::string, std::vector<C2DropResult>> m_drops; //!< per label
    std::string m_optimumScheduler;                           //!< source of the optima
};

} // namespace ns3

#endif /* C2_COMPARISON_RESULT_H */
