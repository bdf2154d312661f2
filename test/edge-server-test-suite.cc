/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Tests of the EdgeServer on its own (no radio): plans are submitted and
 * task data is fed directly, and the batch, block and completion times are
 * compared with times computed by hand from a synthetic profile with
 * tau_1(b) = 1 ms * b + 2 ms and tau_2(b) = 0.5 ms * b + 1 ms.
 */

#include "ns3/core-module.h"
#include "ns3/edge-server.h"
#include "ns3/inference-task-header.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/test.h"

#include <map>

using namespace ns3;

namespace
{

/// @return a planned task (no client: the server's traces carry the record)
EdgePlannedTask
Task(uint64_t id, uint32_t exit, uint32_t packets = 1)
{
    EdgePlannedTask t;
    t.record.taskId = id;
    t.record.exit = exit;
    t.record.dataBytes = 100 * packets;
    t.record.packets = packets;
    return t;
}

/// @return a plan
EdgeBatchPlan
Plan(uint32_t frame,
     C2Allocation::Execution mode,
     std::vector<EdgePlannedTask> tasks,
     Time plannedStart)
{
    EdgeBatchPlan p;
    p.frame = frame;
    p.execution = mode;
    p.tasks = tasks;
    p.plannedStart = plannedStart;
    p.latestStart = plannedStart + MicroSeconds(10);
    return p;
}

/**
 * Batches, a busy server, late and incomplete data, sequential plans.
 *
 * Hand-computed timeline (ms):
 *  - plan A (frame 0): a1 exit 1, a2 and a3 exit 2; data complete at 1;
 *    block 1 on 3 tasks takes 3 + 2 = 5 -> a1 at 6; block 2 on 2 tasks
 *    takes 1 + 1 = 2 -> a2, a3 at 8.
 *  - plan B (frame 1): planned start 3, data at 2.5, but the server is busy
 *    until 8, so it starts at 8: block 1 on 2 tasks, 4 -> b1 at 12; block 2
 *    on 1 task, 1.5 -> b2 at 13.5.
 *  - plan C (frame 2): planned start 15 (latest 15.01); c1 has one of two
 *    segments (DATA_INCOMPLETE), c2 none (DATA_LATE), c3 arrives at 15; the
 *    batch starts at the latest start 15.01 with c3 alone: 3 + 1.5 -> 19.51.
 *    c2's data at 16 is counted as unexpected.
 *  - plan D (frame 3, SEQUENTIAL): d1 exit 2 then d2 exit 1, data at 20:
 *    d1 alone 3 + 1.5 -> 24.5; d2 alone 3 -> 27.5.
 */
class EdgeServerTimelineTestCase : public TestCase
{
  public:
    EdgeServerTimelineTestCase()
        : TestCase("Batch timing from the profile, busy server, late and incomplete data")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> node = CreateObject<Node>();
        InternetStackHelper internet;
        internet.Install(node);
        Ptr<EdgeServer> server = CreateObject<EdgeServer>();
        server->SetProfile(
            EarlyExitProfile::Synthetic("test", {0.5, 0.9}, {1e-3, 0.5e-3}, {2e-3, 1e-3}, 8));
        node->AddApplication(server);
        server->SetStartTime(Seconds(0));
        server->TraceConnectWithoutContext("TaskDone",
                                           MakeCallback(&EdgeServerTimelineTestCase::Done, this));
        server->TraceConnectWithoutContext(
            "TaskDropped",
            MakeCallback(&EdgeServerTimelineTestCase::Dropped, this));

        auto submit = [&](Time at, EdgeBatchPlan p) {
            Simulator::Schedule(at, &EdgeServer::SubmitPlan, server, p);
        };
        submit(
            Seconds(0),
            Plan(0, C2Allocation::BATCH, {Task(11, 1), Task(12, 2), Task(13, 2)}, MilliSeconds(1)));
        Data(server, MicroSeconds(500), 11);
        Data(server, MicroSeconds(500), 12);
        Data(server, MilliSeconds(1), 13);
        submit(MilliSeconds(2),
               Plan(1, C2Allocation::BATCH, {Task(21, 1), Task(22, 2)}, MilliSeconds(3)));
        Data(server, MicroSeconds(2500), 21);
        Data(server, MicroSeconds(2500), 22);
        submit(MilliSeconds(14),
               Plan(2,
                    C2Allocation::BATCH,
                    {Task(31, 2, 2), Task(32, 1), Task(33, 2)},
                    MilliSeconds(15)));
        Data(server, MicroSeconds(14500), 31, 0, 2);
        Data(server, MilliSeconds(15), 33);
        Data(server, MilliSeconds(16), 32);
        submit(MilliSeconds(20),
               Plan(3, C2Allocation::SEQUENTIAL, {Task(41, 2), Task(42, 1)}, MilliSeconds(20)));
        Data(server, MilliSeconds(20), 41);
        Data(server, MilliSeconds(20), 42);
        Simulator::Stop(MilliSeconds(50));
        Simulator::Run();

        // (task, completion ms, batch start ms, batch size)
        const std::vector<std::tuple<uint64_t, double, double, uint32_t>> expect = {
            {11, 6, 1, 3},
            {12, 8, 1, 3},
            {13, 8, 1, 3},
            {21, 12, 8, 2},
            {22, 13.5, 8, 2},
            {33, 19.51, 15.01, 1},
            {41, 24.5, 20, 1},
            {42, 27.5, 24.5, 1},
        };
        NS_TEST_ASSERT_MSG_EQ(m_done.size(), expect.size(), "tasks executed");
        for (const auto& [id, done, start, size] : expect)
        {
            NS_TEST_ASSERT_MSG_EQ(m_done.count(id), 1, "task " << id << " executed");
            const InferenceTaskRecord& r = m_done[id];
            NS_TEST_ASSERT_MSG_EQ_TOL(r.completion.GetSeconds(),
                                      done * 1e-3,
                                      2e-9,
                                      "task " << id << " completion");
            NS_TEST_ASSERT_MSG_EQ_TOL(r.batchStart.GetSeconds(),
                                      start * 1e-3,
                                      2e-9,
                                      "task " << id << " batch start");
            NS_TEST_ASSERT_MSG_EQ(r.batchSize, size, "task " << id << " batch size");
        }
        NS_TEST_ASSERT_MSG_EQ(m_dropped.size(), 2, "two tasks dropped");
        NS_TEST_ASSERT_MSG_EQ(ToString(m_dropped[31].outcome), "data-incomplete", "c1");
        NS_TEST_ASSERT_MSG_EQ(ToString(m_dropped[32].outcome), "data-late", "c2");
        NS_TEST_ASSERT_MSG_EQ(server->GetUnexpectedPackets(), 1, "c2's late data counted");
        NS_TEST_ASSERT_MSG_EQ(server->GetBatchesStarted(), 5, "A, B, C and D's two runs");
        NS_TEST_ASSERT_MSG_EQ(server->IsBusy(), false, "idle at the end");
        Simulator::Destroy();
    }

    /// Schedules one segment of a task's data.
    void Data(Ptr<EdgeServer> server, Time at, uint64_t id, uint16_t seg = 0, uint16_t nSeg = 1)
    {
        Ptr<Packet> p = Create<Packet>(100);
        InferenceTaskHeader h;
        h.SetTaskId(id);
        h.SetTaskBytes(100 * nSeg);
        h.SetSegment(seg, nSeg);
        p->AddHeader(h);
        Simulator::Schedule(at, &EdgeServer::ReceiveTaskData, server, ConstCast<const Packet>(p));
    }

    /// @param r a TaskDone record
    void Done(const InferenceTaskRecord& r)
    {
        m_done[r.taskId] = r;
    }

    /// @param r a TaskDropped record
    void Dropped(const InferenceTaskRecord& r)
    {
        m_dropped[r.taskId] = r;
    }

    std::map<uint64_t, InferenceTaskRecord> m_done;    //!< executed tasks
    std::map<uint64_t, InferenceTaskRecord> m_dropped; //!< dropped tasks
};

/// The EdgeServer test suite.
class EdgeServerTestSuite : public TestSuite
{
  public:
    EdgeServerTestSuite()
        : TestSuite("edge-inference-server", Type::UNIT)
    {
        AddTestCase(new EdgeServerTimelineTestCase);
    }
};

/// Static instance.
static EdgeServerTestSuite g_edgeServerTestSuite;

} // namespace
