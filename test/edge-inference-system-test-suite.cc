/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * End-to-end tests of the edge-inference cell, packet level: UE clients,
 * the OFDMA uplink, the scheduler host and the edge server together.
 *
 * - With an ideal channel (fading constant within a frame, Shannon rates,
 *   no SNR gap) every frame completes exactly the tasks the scheduler
 *   predicted, for every scheduler and many seeded drops: the plan's bits
 *   (headers included), rates, grants and block times match what the
 *   simulation does.
 * - The schedulers compare as the model says on the same drops: per frame
 *   TreeSearch >= Greedy and TreeSearch >= ShelfPacking (optimality; a
 *   no-early-exit batch stays feasible with early exits); on totals
 *   ShelfPacking >= Sequential and TreeSearch >= Sequential(EarlyExit)
 *   (not a theorem per frame: a sequential schedule finishes its first
 *   task earlier than any batch of two or more).
 * - A task no exit is accurate enough for is rejected with that reason.
 */

#include "ns3/core-module.h"
#include "ns3/edge-controller.h"
#include "ns3/edge-inference-cell-helper.h"
#include "ns3/edge-inference-helper.h"
#include "ns3/edge-inference-stats.h"
#include "ns3/inference-client.h"
#include "ns3/test.h"

#include <map>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

const std::string kProfile = EDGE_INFERENCE_SOURCE_DIR "/data/profiles/paper-default.csv";

/// A scheduler as the experiment names it: TypeId plus EarlyExit.
struct SchedulerChoice
{
    std::string label;  //!< short name
    std::string typeId; //!< TypeId name
    int earlyExit;      //!< -1: leave the attribute alone, else its value
};

const std::vector<SchedulerChoice> kSchedulers = {
    {"Sequential", "ns3::SequentialC2Scheduler", 0},
    {"SequentialEE", "ns3::SequentialC2Scheduler", 1},
    {"EqualBandwidth", "ns3::EqualBandwidthC2Scheduler", -1},
    {"ShelfPacking", "ns3::ShelfPackingC2Scheduler", -1},
    {"Greedy", "ns3::GreedyEarlyExitC2Scheduler", -1},
    {"TreeSearch", "ns3::TreeSearchC2Scheduler", -1},
};

/// Longest predicted server busy time seen by the frames.
struct BusySink
{
    double maxS{0}; //!< seconds

    /// \param f a frame summary
    void Add(const EdgeFrameRecord& f)
    {
        maxS = std::max(maxS, f.serverBusyS);
    }
};

/// Result of one simulated cell.
struct CellResult
{
    std::vector<EdgeFrameStats> frames;                //!< per frame
    std::map<InferenceTaskOutcome, uint64_t> outcomes; //!< totals
    uint64_t ended{0};                                 //!< tasks ended
    double maxServerBusyS{0}; //!< longest predicted busy time at a frame's upload start
};

/**
 * Simulates one cell: users dropped with RngRun = run, `frames` frames of
 * 100 ms, one task per user per frame.
 * \param framePeriod frame length (and fading coherence time)
 */
CellResult
RunCell(const SchedulerChoice& s,
        uint32_t users,
        uint32_t run,
        uint32_t frames,
        bool fading,
        Time framePeriod = MilliSeconds(100))
{
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(run);
    EdgeInferenceCellHelper cellHelper;
    cellHelper.GetUplinkHelper().EnableFading(fading);
    cellHelper.GetUplinkHelper().SetFadingModelAttribute("CoherenceTime", TimeValue(framePeriod));
    EdgeInferenceCell cell = cellHelper.Create(users, 1);

    EdgeInferenceHelper edge;
    edge.SetProfile(kProfile);
    edge.SetSchedulerType(s.typeId);
    if (s.earlyExit >= 0)
    {
        edge.SetSchedulerAttribute("EarlyExit", BooleanValue(s.earlyExit == 1));
    }
    edge.SetControllerAttribute("MaxFrames", UintegerValue(frames));
    edge.SetControllerAttribute("FramePeriod", TimeValue(framePeriod));
    edge.SetClientAttribute("MaxTasks", UintegerValue(frames));
    EdgeInferenceApplications apps = edge.Install(cell.bs, cell.bs, cell.ues);
    edge.AssignStreams(apps, 1000);
    apps.GetAll().Start(Seconds(0));
    Ptr<EdgeInferenceStats> stats = Create<EdgeInferenceStats>();
    stats->Connect(apps);
    BusySink busy;
    apps.GetController()->TraceConnectWithoutContext("FrameScheduled",
                                                     MakeCallback(&BusySink::Add, &busy));
    // The last frame's tasks may run up to 100 ms (their longest latency
    // requirement) after it starts.
    Simulator::Stop(framePeriod * frames + MilliSeconds(100));
    Simulator::Run();
    CellResult r;
    r.maxServerBusyS = busy.maxS;
    r.frames = stats->GetFrames();
    r.ended = stats->GetTasksEnded();
    for (auto o : {InferenceTaskOutcome::COMPLETED,
                   InferenceTaskOutcome::DEADLINE_MISSED,
                   InferenceTaskOutcome::ACCURACY,
                   InferenceTaskOutcome::NOT_SCHEDULED,
                   InferenceTaskOutcome::INFEASIBLE_ALLOCATION,
                   InferenceTaskOutcome::EXPIRED,
                   InferenceTaskOutcome::DATA_LATE,
                   InferenceTaskOutcome::DATA_INCOMPLETE})
    {
        r.outcomes[o] = stats->GetCount(o);
    }
    Simulator::Destroy();
    return r;
}

/**
 * Ideal channel: for every scheduler and drop, each frame's completions in
 * the packet-level simulation equal the scheduler's served count, every
 * task ends, and nothing is late, incomplete or infeasible. Also records
 * the totals of each scheduler for the comparison test.
 */
class IdealChannelPredictionTestCase : public TestCase
{
  public:
    IdealChannelPredictionTestCase()
        : TestCase("Ideal channel: simulated completions equal the scheduler's predictions")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t frames = 3;
        uint64_t predictedTotal = 0;
        uint64_t framesChecked = 0;
        for (const SchedulerChoice& s : kSchedulers)
        {
            for (uint32_t run = 1; run <= 18; ++run)
            {
                // Half the drops with block fading (constant in a frame),
                // half with path loss only; 10 to 61 users.
                const uint32_t users = 10 + 3 * (run - 1);
                const CellResult r = RunCell(s, users, run, frames, run % 2 == 0);
                NS_TEST_ASSERT_MSG_EQ(r.ended, users * frames, s.label << ": every task ends");
                NS_TEST_ASSERT_MSG_EQ(r.frames.size(), frames, s.label << ": frames decided");
                for (const EdgeFrameStats& f : r.frames)
                {
                    NS_TEST_ASSERT_MSG_EQ(f.completed,
                                          f.predicted,
                                          s.label << " run " << run << " frame " << f.frame
                                                  << ": completions vs prediction");
                    predictedTotal += f.predicted;
                    ++framesChecked;
                }
                for (auto o : {InferenceTaskOutcome::DEADLINE_MISSED,
                               InferenceTaskOutcome::INFEASIBLE_ALLOCATION,
                               InferenceTaskOutcome::EXPIRED,
                               InferenceTaskOutcome::DATA_LATE,
                               InferenceTaskOutcome::DATA_INCOMPLETE})
                {
                    NS_TEST_ASSERT_MSG_EQ(r.outcomes.at(o),
                                          0,
                                          s.label << " run " << run << ": outcome " << ToString(o));
                }
            }
        }
        // The check above is only meaningful if tasks were served.
        NS_TEST_ASSERT_MSG_GT(predictedTotal, framesChecked, "schedulers served tasks");
    }
};

/**
 * Scheduler ordering on the same drops (see the file comment).
 */
class SchedulerOrderingTestCase : public TestCase
{
  public:
    SchedulerOrderingTestCase()
        : TestCase("Schedulers compare as the model says on the same drops")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t frames = 3;
        std::map<std::string, uint64_t> total;
        for (uint32_t run = 11; run <= 16; ++run)
        {
            const uint32_t users = 20 + 5 * (run - 11);
            std::map<std::string, CellResult> res;
            for (const SchedulerChoice& s : kSchedulers)
            {
                res[s.label] = RunCell(s, users, run, frames, true);
                total[s.label] += res[s.label].outcomes.at(InferenceTaskOutcome::COMPLETED);
            }
            for (uint32_t f = 0; f < frames; ++f)
            {
                const uint32_t tree = res["TreeSearch"].frames[f].completed;
                NS_TEST_ASSERT_MSG_GT_OR_EQ(tree,
                                            res["Greedy"].frames[f].completed,
                                            "run " << run << " frame " << f
                                                   << ": TreeSearch >= Greedy");
                NS_TEST_ASSERT_MSG_GT_OR_EQ(tree,
                                            res["ShelfPacking"].frames[f].completed,
                                            "run " << run << " frame " << f
                                                   << ": TreeSearch >= ShelfPacking");
            }
        }
        NS_TEST_ASSERT_MSG_GT_OR_EQ(total["ShelfPacking"],
                                    total["Sequential"],
                                    "totals: ShelfPacking >= Sequential");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(total["TreeSearch"],
                                    total["SequentialEE"],
                                    "totals: TreeSearch >= Sequential(EarlyExit)");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(total["TreeSearch"],
                                    total["EqualBandwidth"],
                                    "totals: TreeSearch >= EqualBandwidth");
        // Batching plus early exit must actually beat the sequential scheme.
        NS_TEST_ASSERT_MSG_GT(total["TreeSearch"],
                              total["Sequential"],
                              "totals: TreeSearch > Sequential");
    }
};

/**
 * A user whose requirement (0.95) is above the best exit (0.90) is rejected
 * with reason ACCURACY in every frame and never uploads; the other users
 * are served as usual.
 */
class AccuracyRejectionTestCase : public TestCase
{
  public:
    AccuracyRejectionTestCase()
        : TestCase("A task no exit is accurate enough for is rejected with that reason")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t frames = 4;
        const uint32_t users = 6;
        m_user0.clear();
        m_othersCompleted = 0;
        m_frameRejectedAccuracy = 0;
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(3);
        EdgeInferenceCellHelper cellHelper;
        EdgeInferenceCell cell = cellHelper.Create(users, 1);
        EdgeInferenceHelper edge;
        edge.SetProfile(kProfile);
        edge.SetSchedulerType("ns3::TreeSearchC2Scheduler");
        edge.SetControllerAttribute("MaxFrames", UintegerValue(frames));
        edge.SetClientAttribute("MaxTasks", UintegerValue(frames));
        EdgeInferenceApplications apps = edge.Install(cell.bs, cell.bs, cell.ues);
        edge.AssignStreams(apps, 1000);
        Ptr<ConstantRandomVariable> a = CreateObject<ConstantRandomVariable>();
        a->SetAttribute("Constant", DoubleValue(0.95));
        apps.clients.Get(0)->SetAttribute("AccuracyRequirement", PointerValue(a));
        apps.GetAll().Start(Seconds(0));
        for (auto it = apps.clients.Begin(); it != apps.clients.End(); ++it)
        {
            (*it)->TraceConnectWithoutContext(
                "TaskRecord",
                MakeCallback(&AccuracyRejectionTestCase::TaskSink, this));
        }
        apps.GetController()->TraceConnectWithoutContext(
            "FrameScheduled",
            MakeCallback(&AccuracyRejectionTestCase::FrameSink, this));
        Simulator::Stop(MilliSeconds(100) * (frames + 1));
        Simulator::Run();
        Simulator::Destroy();

        NS_TEST_ASSERT_MSG_EQ(m_user0.size(), frames, "user 0 has one record per frame");
        for (const InferenceTaskRecord& r : m_user0)
        {
            NS_TEST_ASSERT_MSG_EQ(ToString(r.outcome), "accuracy", "reason");
            NS_TEST_ASSERT_MSG_EQ(r.requiredExit, 0, "no exit reaches 0.95");
            NS_TEST_ASSERT_MSG_EQ(r.exit, 0, "never executed");
            NS_TEST_ASSERT_MSG_EQ(r.uploadEnd.IsNegative(), true, "never uploaded");
            NS_TEST_ASSERT_MSG_EQ(r.resultReceived, r.created, "told at once (no delays)");
        }
        NS_TEST_ASSERT_MSG_EQ(m_frameRejectedAccuracy, frames, "frame summaries count it");
        NS_TEST_ASSERT_MSG_GT(m_othersCompleted, 0, "the other users are served");
    }

    /// \param r a task record
    void TaskSink(const InferenceTaskRecord& r)
    {
        if (r.user == 0)
        {
            m_user0.push_back(r);
        }
        else
        {
            m_othersCompleted += r.IsCompleted() ? 1 : 0;
        }
    }

    /// \param f a frame summary
    void FrameSink(const EdgeFrameRecord& f)
    {
        m_frameRejectedAccuracy += f.rejectedAccuracy;
    }

    std::vector<InferenceTaskRecord> m_user0; //!< records of user 0
    uint32_t m_othersCompleted{0};            //!< completions of the other users
    uint32_t m_frameRejectedAccuracy{0};      //!< sum over frame summaries
};

/**
 * Frames of 40 ms with latency requirements up to 100 ms: a batch may
 * still run when the next frame's uploads start. The controller plans with
 * the predicted busy time (ServerBusyAware) and caps uploads at the frame,
 * so completions still equal predictions; the test checks that the busy
 * case really occurred.
 */
class BusyServerPredictionTestCase : public TestCase
{
  public:
    BusyServerPredictionTestCase()
        : TestCase("Frames shorter than the deadlines: busy server, predictions still hold")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t frames = 10;
        double maxBusy = 0;
        uint64_t predicted = 0;
        for (const SchedulerChoice& s : kSchedulers)
        {
            for (uint32_t run = 1; run <= 3; ++run)
            {
                const CellResult r = RunCell(s, 30, run, frames, true, MilliSeconds(40));
                maxBusy = std::max(maxBusy, r.maxServerBusyS);
                NS_TEST_ASSERT_MSG_EQ(r.ended, 30 * frames, s.label << ": every task ends");
                for (const EdgeFrameStats& f : r.frames)
                {
                    NS_TEST_ASSERT_MSG_EQ(f.completed,
                                          f.predicted,
                                          s.label << " run " << run << " frame " << f.frame);
                    predicted += f.predicted;
                }
            }
        }
        NS_TEST_ASSERT_MSG_GT(maxBusy, 0, "some frame started while the server was busy");
        NS_TEST_ASSERT_MSG_GT(predicted, 0, "tasks were served");
    }
};

/// The system test suite.
class EdgeInferenceSystemTestSuite : public TestSuite
{
  public:
    EdgeInferenceSystemTestSuite()
        : TestSuite("edge-inference-system", SYSTEM)
    {
        AddTestCase(new IdealChannelPredictionTestCase, TestCase::QUICK);
        AddTestCase(new SchedulerOrderingTestCase, TestCase::QUICK);
        AddTestCase(new AccuracyRejectionTestCase, TestCase::QUICK);
        AddTestCase(new BusyServerPredictionTestCase, TestCase::QUICK);
    }
};

/// Static instance.
static EdgeInferenceSystemTestSuite g_edgeInferenceSystemTestSuite;

} // namespace
