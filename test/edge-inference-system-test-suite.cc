/*
 * Copyright (c) 2026 The edge-inference module authors
 *
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
 * - With correct predictions no UE has data left when its task's grant
 *   ends, so nothing is flushed. With fading blocks shorter than the frame
 *   (uploads slower than planned) the leftovers are dropped when the grant
 *   ends (Drop reason "flushed", exactly what GrantEnd reported) and every
 *   grant carries the data of its own task only.
 */

#include "ns3/core-module.h"
#include "ns3/edge-controller.h"
#include "ns3/edge-inference-cell-helper.h"
#include "ns3/edge-inference-helper.h"
#include "ns3/edge-inference-stats.h"
#include "ns3/inference-client.h"
#include "ns3/inference-task-header.h"
#include "ns3/ipv4-header.h"
#include "ns3/ofdma-ue-net-device.h"
#include "ns3/test.h"
#include "ns3/udp-header.h"

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

    /// @param f a frame summary
    void Add(const EdgeFrameRecord& f)
    {
        maxS = std::max(maxS, f.serverBusyS);
    }
};

/**
 * What the UE devices did: packets left at grant ends, drops by reason,
 * and grants that carried data of another task than their own (data left
 * over from an earlier task's grant).
 */
struct UplinkSink
{
    uint64_t leftAtGrantEnd{0};               //!< packets queued when grants ended
    std::map<std::string, uint64_t> drops;    //!< UE drops by reason
    uint64_t staleGrants{0};                  //!< packets breaking "one task per grant"
    std::map<uint32_t, Time> lastGrantStart;  //!< per UE: grant of its last packet
    std::map<uint32_t, uint64_t> lastTask;    //!< per UE: task of its last packet
    std::map<uint32_t, uint64_t> packetsSent; //!< per UE: packets sent

    /// GrantEnd sink
    void OnGrantEnd(const OfdmaGrant&, uint32_t, uint32_t packetsLeft)
    {
        leftAtGrantEnd += packetsLeft;
    }

    /// Drop sink
    void OnDrop(Ptr<const Packet>, const std::string& reason)
    {
        drops[reason]++;
    }

    /**
     * TxStart sink (bound to the UE index): all packets of one grant belong
     * to one task, and a new grant carries another task than the last one.
     */
    static void OnTxStart(UplinkSink* sink,
                          uint32_t ue,
                          Ptr<const Packet> packet,
                          const OfdmaGrant& grant,
                          double)
    {
        Ptr<Packet> p = packet->Copy();
        Ipv4Header ip;
        UdpHeader udp;
        InferenceTaskHeader h;
        p->RemoveHeader(ip);
        p->RemoveHeader(udp);
        p->RemoveHeader(h);
        const uint64_t task = h.GetTaskId();
        if (sink->packetsSent[ue]++ > 0)
        {
            const bool sameGrant = sink->lastGrantStart[ue] == grant.start;
            if (sameGrant != (task == sink->lastTask[ue]))
            {
                sink->staleGrants++;
            }
        }
        sink->lastGrantStart[ue] = grant.start;
        sink->lastTask[ue] = task;
    }

    /// @param devices the UE devices to watch
    void Connect(const NetDeviceContainer& devices)
    {
        for (uint32_t i = 0; i < devices.GetN(); ++i)
        {
            Ptr<NetDevice> d = devices.Get(i);
            d->TraceConnectWithoutContext("GrantEnd", MakeCallback(&UplinkSink::OnGrantEnd, this));
            d->TraceConnectWithoutContext("Drop", MakeCallback(&UplinkSink::OnDrop, this));
            d->TraceConnectWithoutContext("TxStart",
                                          MakeBoundCallback(&UplinkSink::OnTxStart, this, i));
        }
    }
};

/// Result of one simulated cell.
struct CellResult
{
    std::vector<EdgeFrameStats> frames;                //!< per frame
    std::map<InferenceTaskOutcome, uint64_t> outcomes; //!< totals
    uint64_t ended{0};                                 //!< tasks ended
    double maxServerBusyS{0}; //!< longest predicted busy time at a frame's upload start
    UplinkSink uplink;        //!< what the UE devices did
};

/**
 * Simulates one cell: users dropped with RngRun = run, `frames` frames of
 * 100 ms, one task per user per frame.
 * @param framePeriod frame length (and, unless coherence is set, fading
 *        coherence time)
 * @param coherence fading coherence time (zero: the frame period)
 */
CellResult
RunCell(const SchedulerChoice& s,
        uint32_t users,
        uint32_t run,
        uint32_t frames,
        bool fading,
        Time framePeriod = MilliSeconds(100),
        Time coherence = Time(0))
{
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(run);
    EdgeInferenceCellHelper cellHelper;
    cellHelper.GetUplinkHelper().EnableFading(fading);
    cellHelper.GetUplinkHelper().SetFadingModelAttribute(
        "CoherenceTime",
        TimeValue(coherence.IsZero() ? framePeriod : coherence));
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
    CellResult r;
    r.uplink.Connect(cell.ueDevices);
    // The last frame's tasks may run up to 100 ms (their longest latency
    // requirement) after it starts.
    Simulator::Stop(framePeriod * frames + MilliSeconds(100));
    Simulator::Run();
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
                // Predictions hold: no data is left when a grant ends.
                NS_TEST_ASSERT_MSG_EQ(r.uplink.leftAtGrantEnd,
                                      0,
                                      s.label << " run " << run << ": packets left at grant ends");
                NS_TEST_ASSERT_MSG_EQ(r.uplink.drops.size(),
                                      0,
                                      s.label << " run " << run << ": UE drops");
                NS_TEST_ASSERT_MSG_EQ(r.uplink.staleGrants,
                                      0,
                                      s.label << " run " << run << ": grants with stale data");
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

    /// @param r a task record
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

    /// @param f a frame summary
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

/**
 * Fading blocks of 5 ms in frames of 100 ms: the channel changes during
 * the uploads, so some take longer than planned and data is left in the
 * UEs' queues when their grants end. The client flushes it when its task's
 * grant ends: every packet left is dropped with reason "flushed", nothing
 * else is dropped, and no grant carries data of an earlier task (without
 * the flush the leftovers went out first in the UE's next grant: 22
 * packets broke "one task per grant" and 6 fewer tasks completed).
 */
class LeftoverFlushTestCase : public TestCase
{
  public:
    LeftoverFlushTestCase()
        : TestCase("Failed predictions: data left at a grant's end is flushed, not sent later")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t frames = 4;
        const uint32_t users = 10;
        const CellResult r =
            RunCell(kSchedulers.back(), users, 1, frames, true, MilliSeconds(100), MilliSeconds(5));
        NS_TEST_ASSERT_MSG_EQ(r.ended, users * frames, "every task ends");
        NS_TEST_ASSERT_MSG_GT(r.uplink.leftAtGrantEnd, 0, "predictions failed: data left");
        NS_TEST_ASSERT_MSG_EQ(r.uplink.drops.size(), 1, "one drop reason");
        const auto it = r.uplink.drops.find("flushed");
        NS_TEST_ASSERT_MSG_EQ((it != r.uplink.drops.end()), true, "drop reason \"flushed\"");
        if (it != r.uplink.drops.end())
        {
            NS_TEST_ASSERT_MSG_EQ(it->second,
                                  r.uplink.leftAtGrantEnd,
                                  "every packet left at a grant end is flushed");
        }
        NS_TEST_ASSERT_MSG_EQ(r.uplink.staleGrants, 0, "no grant carries an earlier task's data");
        NS_TEST_ASSERT_MSG_GT(r.outcomes.at(InferenceTaskOutcome::DATA_LATE) +
                                  r.outcomes.at(InferenceTaskOutcome::DATA_INCOMPLETE),
                              0,
                              "the server reports the missing data");
    }
};

/// The system test suite.
class EdgeInferenceSystemTestSuite : public TestSuite
{
  public:
    EdgeInferenceSystemTestSuite()
        : TestSuite("edge-inference-system", Type::SYSTEM)
    {
        AddTestCase(new IdealChannelPredictionTestCase);
        AddTestCase(new SchedulerOrderingTestCase);
        AddTestCase(new AccuracyRejectionTestCase);
        AddTestCase(new BusyServerPredictionTestCase);
        AddTestCase(new LeftoverFlushTestCase);
    }
};

/// Static instance.
static EdgeInferenceSystemTestSuite g_edgeInferenceSystemTestSuite;

} // namespace
