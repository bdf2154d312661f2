/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * System tests of the control channel (EdgeControlChannel): with delays on
 * every message type, every served task still completes as predicted; with
 * losses on every type, every task ends exactly once, and each task's
 * outcome is the one its messages' fates imply (derived from the channel's
 * own traces, not from the applications' logic); bad channel attributes are
 * named.
 */

#include "ns3/core-module.h"
#include "ns3/edge-control-channel.h"
#include "ns3/edge-controller.h"
#include "ns3/edge-inference-error.h"
#include "ns3/edge-inference-scenario-runner.h"
#include "ns3/inference-client.h"
#include "ns3/test.h"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace ns3;

namespace
{

const std::string kProfile = EDGE_INFERENCE_SOURCE_DIR "/data/profiles/paper-default.csv";

/// What happened to one task's messages, from the channel's traces.
struct TaskMessages
{
    bool requestLost{false}; //!< its request was dropped
    bool granted{false};     //!< a grant was sent
    bool grantLost{false};   //!< that grant was dropped
    bool answered{false};    //!< a rejection or result was sent
    bool answerLost{false};  //!< that answer was dropped
    InferenceTaskOutcome answerOutcome{InferenceTaskOutcome::PENDING}; //!< the answer's outcome
};

/// Records the channel's messages and the clients' task records.
struct ControlLog
{
    std::map<uint64_t, TaskMessages> messages;                   //!< by task id
    std::map<EdgeControlMessage, uint32_t> sent;                 //!< Tx by type
    std::map<EdgeControlMessage, uint32_t> delivered;            //!< Rx by type
    std::map<EdgeControlMessage, uint32_t> lost;                 //!< Drop by type
    std::set<uint64_t> created;                                  //!< TaskCreated ids
    std::map<uint64_t, std::vector<InferenceTaskOutcome>> ended; //!< TaskRecord outcomes

    /// Tx sink
    void OnTx(EdgeControlMessage type, const InferenceTaskRecord& r)
    {
        ++sent[type];
        TaskMessages& m = messages[r.taskId];
        if (type == EdgeControlMessage::GRANT)
        {
            m.granted = true;
        }
        else if (type != EdgeControlMessage::REQUEST)
        {
            m.answered = true;
            m.answerOutcome = r.outcome;
        }
    }

    /// Rx sink
    void OnRx(EdgeControlMessage type, const InferenceTaskRecord&)
    {
        ++delivered[type];
    }

    /// Drop sink
    void OnDrop(EdgeControlMessage type, const InferenceTaskRecord& r)
    {
        ++lost[type];
        TaskMessages& m = messages[r.taskId];
        switch (type)
        {
        case EdgeControlMessage::REQUEST:
            m.requestLost = true;
            break;
        case EdgeControlMessage::GRANT:
            m.grantLost = true;
            break;
        default:
            m.answerLost = true;
        }
    }

    /// TaskCreated sink
    void OnCreated(const InferenceTaskRecord& r)
    {
        created.insert(r.taskId);
    }

    /// TaskRecord sink
    void OnEnded(const InferenceTaskRecord& r)
    {
        ended[r.taskId].push_back(r.outcome);
    }

    /// @param apps the applications whose channel and clients to record
    void Connect(const EdgeInferenceApplications& apps)
    {
        Ptr<EdgeControlChannel> c = apps.GetController()->GetControlChannel();
        c->TraceConnectWithoutContext("Tx", MakeCallback(&ControlLog::OnTx, this));
        c->TraceConnectWithoutContext("Rx", MakeCallback(&ControlLog::OnRx, this));
        c->TraceConnectWithoutContext("Drop", MakeCallback(&ControlLog::OnDrop, this));
        for (auto it = apps.clients.Begin(); it != apps.clients.End(); ++it)
        {
            (*it)->TraceConnectWithoutContext("TaskCreated",
                                              MakeCallback(&ControlLog::OnCreated, this));
            (*it)->TraceConnectWithoutContext("TaskRecord",
                                              MakeCallback(&ControlLog::OnEnded, this));
        }
    }
};

/**
 * @param control the control channel's attributes
 * @param log records the run
 * @return the result of a 20-user, 20-frame TreeSearch run of the default
 *         scenario (RngRun 3)
 */
EdgeInferenceScenarioResult
RunWithControl(const std::vector<std::pair<std::string, std::string>>& control, ControlLog& log)
{
    EdgeInferenceScenario s;
    s.profile = EarlyExitProfile::ReadFile(kProfile);
    s.scheduler = {"TreeSearch", "ns3::TreeSearchC2Scheduler", {}};
    s.users = 20;
    s.frames = 20;
    s.rngRun = 3;
    s.controlAttributes = control;
    return RunEdgeInferenceScenario(
        s,
        [&log](const EdgeInferenceCell&, const EdgeInferenceApplications& apps) {
            log.Connect(apps);
        });
}

/// The delays of every message type used by both cases.
const std::vector<std::pair<std::string, std::string>> kDelays = {{"RequestDelay", "1ms"},
                                                                  {"GrantDelay", "2ms"},
                                                                  {"RejectionDelay", "1ms"},
                                                                  {"ResultDelay", "3ms"}};

/**
 * Delays on every message type and no loss: the plan accounts for them
 * (decision RequestDelay after the frame start, uploads GrantDelay after
 * the decision, deadlines shortened by ResultDelay), so every frame
 * completes exactly what it predicted, and every message sent arrives.
 */
class ControlDelayTestCase : public TestCase
{
  public:
    ControlDelayTestCase()
        : TestCase("Control delays: completed equals predicted in every frame")
    {
    }

  private:
    void DoRun() override
    {
        ControlLog log;
        const EdgeInferenceScenarioResult r = RunWithControl(kDelays, log);
        NS_TEST_ASSERT_MSG_GT(r.predicted, 0, "tasks served");
        for (const EdgeFrameStats& f : r.frames)
        {
            NS_TEST_EXPECT_MSG_EQ(f.completed, f.predicted, "frame " << f.frame);
        }
        NS_TEST_EXPECT_MSG_EQ(r.tasksEnded, 20 * 20, "every task ends");
        NS_TEST_EXPECT_MSG_EQ(log.lost.size(), 0, "nothing lost");
        for (const auto& [type, n] : log.sent)
        {
            NS_TEST_EXPECT_MSG_EQ(log.delivered[type], n, ToString(type) << ": all delivered");
        }
        NS_TEST_EXPECT_MSG_EQ(log.sent[EdgeControlMessage::GRANT],
                              r.predicted,
                              "one grant per served task");
    }
};

/**
 * Losses of 15 % on every message type (and the delays above). What each
 * task's messages imply, from the channel's traces:
 * - request or answer (rejection, result) lost: the UE hears nothing and
 *   gives up after the deadline, NO_RESPONSE;
 * - grant lost (answer delivered): nothing is uploaded, the server answers
 *   DATA_LATE;
 * - otherwise the delivered answer's outcome, and a served task whose
 *   grant and result arrived completes (the others' losses do not disturb
 *   it).
 * And conservation: every created task ends exactly once, the outcome
 * counts sum to the tasks created, one request per task.
 */
class ControlLossTestCase : public TestCase
{
  public:
    ControlLossTestCase()
        : TestCase("Control losses: every task ends once, with the outcome its messages imply")
    {
    }

  private:
    /// @param m a task's messages @return the outcome they imply, or
    /// PENDING when the answer's own outcome decides
    static InferenceTaskOutcome Implied(const TaskMessages& m)
    {
        if (m.requestLost || m.answerLost)
        {
            return InferenceTaskOutcome::NO_RESPONSE;
        }
        if (m.granted && m.grantLost)
        {
            return InferenceTaskOutcome::DATA_LATE;
        }
        if (m.granted)
        {
            return InferenceTaskOutcome::COMPLETED;
        }
        return m.answerOutcome;
    }

    void DoRun() override
    {
        auto control = kDelays;
        for (const char* type : {"Request", "Grant", "Rejection", "Result"})
        {
            control.emplace_back(std::string(type) + "Loss", "0.15");
        }
        ControlLog log;
        const EdgeInferenceScenarioResult r = RunWithControl(control, log);

        NS_TEST_EXPECT_MSG_EQ(log.created.size(), 20 * 20, "tasks created");
        NS_TEST_EXPECT_MSG_EQ(log.ended.size(), log.created.size(), "every task ends");
        uint64_t outcomeSum = 0;
        for (const auto& [outcome, n] : r.outcomes)
        {
            outcomeSum += n;
        }
        NS_TEST_EXPECT_MSG_EQ(outcomeSum, log.created.size(), "outcomes sum to the tasks");
        NS_TEST_EXPECT_MSG_EQ(log.sent[EdgeControlMessage::REQUEST],
                              log.created.size(),
                              "one request per task");
        for (const EdgeControlMessage type : {EdgeControlMessage::REQUEST,
                                              EdgeControlMessage::GRANT,
                                              EdgeControlMessage::REJECTION,
                                              EdgeControlMessage::RESULT})
        {
            NS_TEST_EXPECT_MSG_GT(log.lost[type], 0, ToString(type) << ": some lost");
            NS_TEST_EXPECT_MSG_EQ(log.delivered[type] + log.lost[type],
                                  log.sent[type],
                                  ToString(type) << ": each delivered or lost");
        }
        std::map<InferenceTaskOutcome, uint32_t> implied;
        for (const uint64_t id : log.created)
        {
            const auto ended = log.ended.find(id);
            NS_TEST_EXPECT_MSG_EQ((ended != log.ended.end()), true, "task " << id << " ended");
            if (ended == log.ended.end())
            {
                continue;
            }
            NS_TEST_EXPECT_MSG_EQ(ended->second.size(), 1, "task " << id << " ended once");
            const InferenceTaskOutcome expected = Implied(log.messages[id]);
            ++implied[expected];
            NS_TEST_EXPECT_MSG_EQ(ToString(ended->second.front()),
                                  ToString(expected),
                                  "task " << id);
        }
        NS_TEST_EXPECT_MSG_GT(implied[InferenceTaskOutcome::NO_RESPONSE], 0, "no-response seen");
        NS_TEST_EXPECT_MSG_GT(implied[InferenceTaskOutcome::DATA_LATE], 0, "data-late seen");
        NS_TEST_EXPECT_MSG_GT(implied[InferenceTaskOutcome::COMPLETED], 0, "completed seen");
        NS_TEST_EXPECT_MSG_GT(implied[InferenceTaskOutcome::NOT_SCHEDULED], 0, "rejections seen");
    }
};

/**
 * A loss probability outside [0, 1] or a negative delay in a scenario's
 * controlAttributes stops the scenario check with a message naming the
 * attribute and the value.
 */
class ControlAttributeTestCase : public TestCase
{
  public:
    ControlAttributeTestCase()
        : TestCase("Control channel attributes out of range are named")
    {
    }

  private:
    /// @param name attribute @param value its value @return the check's message
    static std::string ErrorOf(const std::string& name, const std::string& value)
    {
        EdgeInferenceScenario s;
        s.profile = EarlyExitProfile::ReadFile(kProfile);
        s.scheduler = {"TreeSearch", "ns3::TreeSearchC2Scheduler", {}};
        s.controlAttributes = {{name, value}};
        try
        {
            CheckEdgeInferenceScenario(s);
        }
        catch (const EdgeInferenceError& e)
        {
            return e.what();
        }
        return "";
    }

    void DoRun() override
    {
        const std::string field = "EdgeInferenceScenario: controlAttributes: ";
        NS_TEST_EXPECT_MSG_EQ(ErrorOf("ResultLoss", "1.5"),
                              field + "bad value \"1.5\" for ResultLoss (expected double 0:1)",
                              "loss above 1");
        NS_TEST_EXPECT_MSG_EQ(ErrorOf("GrantLoss", "-0.1"),
                              field + "bad value \"-0.1\" for GrantLoss (expected double 0:1)",
                              "negative loss");
        // The checker's range is printed by ns-3, differently by release.
        const std::string delay = field + "bad value \"-1ms\" for GrantDelay (expected Time";
        NS_TEST_EXPECT_MSG_EQ(ErrorOf("GrantDelay", "-1ms").substr(0, delay.size()),
                              delay,
                              "negative delay");
        NS_TEST_EXPECT_MSG_EQ(ErrorOf("ResultLost", "0.1"),
                              field + "ns3::EdgeControlChannel has no settable attribute " +
                                  "\"ResultLost\"",
                              "misspelt name");
        NS_TEST_EXPECT_MSG_EQ(ErrorOf("ResultLoss", "0.1"), "", "a valid value passes");
    }
};

/// The control channel TestSuite.
class EdgeControlChannelTestSuite : public TestSuite
{
  public:
    EdgeControlChannelTestSuite()
        : TestSuite("edge-inference-control-channel", Type::SYSTEM)
    {
        AddTestCase(new ControlDelayTestCase);
        AddTestCase(new ControlLossTestCase);
        AddTestCase(new ControlAttributeTestCase);
    }
};

/// Static instance.
static EdgeControlChannelTestSuite g_edgeControlChannelTestSuite;

} // namespace
