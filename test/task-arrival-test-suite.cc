/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Tests of the task arrival processes (TaskArrivalProcess and its
 * subclasses), the task trace format, and online operation of the cell
 * (EdgeController::QueueUnserved): the processes' statistics against their
 * analytic values, every bad trace named by file, line and field, a
 * trace-driven drop that reproduces its trace task by task, and the
 * conservation of tasks (created = ended, outcome by outcome and user by
 * user) under every arrival process, with and without queues.
 */

#include "edge-inference-test-helpers.h"

#include "ns3/core-module.h"
#include "ns3/edge-controller.h"
#include "ns3/edge-inference-error.h"
#include "ns3/edge-inference-load-sweep.h"
#include "ns3/edge-inference-scenario-runner.h"
#include "ns3/inference-client.h"
#include "ns3/task-arrival-process.h"
#include "ns3/test.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

const std::string kProfile = EDGE_INFERENCE_SOURCE_DIR "/data/profiles/paper-default.csv";

/// @return the first n arrival times (s) of a process started for user 0
std::vector<double>
Times(Ptr<TaskArrivalProcess> process, uint32_t n)
{
    process->AssignStreams(7);
    process->Start(0);
    std::vector<double> times;
    TaskArrival a;
    while (times.size() < n && process->Next(a))
    {
        times.push_back(a.time.GetSeconds());
    }
    return times;
}

/**
 * Periodic arrivals: exactly k Interval without jitter; with Jitter J each
 * arrival lies in [k I, k I + J), and the mean offset of 10,000 arrivals is
 * J / 2 within 5 standard errors (J / sqrt(12 n)).
 */
class PeriodicArrivalsTestCase : public TestCase
{
  public:
    PeriodicArrivalsTestCase()
        : TestCase("Periodic arrivals: k Interval, jitter uniform in [0, Jitter)")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<PeriodicTaskArrivals> p = CreateObject<PeriodicTaskArrivals>();
        p->SetAttribute("Interval", TimeValue(MilliSeconds(40)));
        const std::vector<double> exact = Times(p, 5);
        NS_TEST_ASSERT_MSG_EQ(exact.size(), 5, "five arrivals");
        for (uint32_t k = 0; k < exact.size(); ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(exact[k], 0.040 * k, "arrival " << k << " at k x 40 ms");
        }
        const double jitterS = 0.010;
        p->SetAttribute("Jitter", TimeValue(Seconds(jitterS)));
        const uint32_t n = 10000;
        const std::vector<double> jittered = Times(p, n);
        NS_TEST_ASSERT_MSG_EQ(jittered.size(), n, "n arrivals");
        double offsetSum = 0;
        for (uint32_t k = 0; k < n; ++k)
        {
            const double offset = jittered[k] - 0.040 * k;
            NS_TEST_EXPECT_MSG_EQ((offset >= -1e-12 && offset < jitterS + 1e-12),
                                  true,
                                  "arrival " << k << " offset " << offset);
            offsetSum += offset;
        }
        const double stdError = jitterS / std::sqrt(12.0 * n);
        NS_TEST_EXPECT_MSG_EQ_TOL(offsetSum / n, jitterS / 2, 5 * stdError, "mean offset J / 2");
    }
};

/**
 * Poisson arrivals of mean 50 ms: over 20,000 gaps the mean is 50 ms within
 * 5 standard errors (mean / sqrt(n)), and the share of gaps longer than the
 * mean is e^-1 within 5 standard errors (sqrt(p (1 - p) / n)).
 */
class PoissonArrivalsTestCase : public TestCase
{
  public:
    PoissonArrivalsTestCase()
        : TestCase("Poisson arrivals: exponential gaps of mean MeanInterval")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<PoissonTaskArrivals> p = CreateObject<PoissonTaskArrivals>();
        p->SetAttribute("MeanInterval", TimeValue(MilliSeconds(50)));
        const uint32_t n = 20000;
        const std::vector<double> t = Times(p, n);
        NS_TEST_ASSERT_MSG_EQ(t.size(), n, "n arrivals");
        double previous = 0;
        uint32_t longer = 0;
        for (double x : t)
        {
            NS_TEST_EXPECT_MSG_EQ((x >= previous), true, "non-decreasing");
            longer += (x - previous > 0.050) ? 1 : 0;
            previous = x;
        }
        NS_TEST_EXPECT_MSG_EQ_TOL(t.back() / n, 0.050, 5 * 0.050 / std::sqrt(n), "mean gap");
        const double pLong = std::exp(-1.0);
        NS_TEST_EXPECT_MSG_EQ_TOL(double(longer) / n,
                                  pLong,
                                  5 * std::sqrt(pLong * (1 - pLong) / n),
                                  "P(gap > mean) = e^-1");
    }
};

/**
 * On/off arrivals (an interrupted Poisson process): rate lambda = 1 /
 * MeanInterval = 50/s while on, on and off periods exponential with means
 * 0.2 s and 0.8 s. Over T = 2000 s the count has mean lambda T on / (on +
 * off) = 20,000 and, for this two-state Markov-modulated Poisson process,
 * asymptotic variance (1 + 2 lambda r1 / (r1 + r2)^2) times the mean, r1 =
 * 1/on, r2 = 1/off: index 13.8, standard deviation 525; the count must be
 * within 5 of them. Bursts: the share of gaps above 100 ms (5 mean
 * intervals: e^-5 = 0.7 % within an on period) is far above that, since
 * every off period makes one.
 */
class OnOffArrivalsTestCase : public TestCase
{
  public:
    OnOffArrivalsTestCase()
        : TestCase("On-off arrivals: mean rate and burstiness of the interrupted Poisson process")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<OnOffTaskArrivals> p = CreateObject<OnOffTaskArrivals>();
        p->SetAttribute("MeanInterval", TimeValue(MilliSeconds(20)));
        p->SetAttribute("MeanOnTime", TimeValue(MilliSeconds(200)));
        p->SetAttribute("MeanOffTime", TimeValue(MilliSeconds(800)));
        p->AssignStreams(11);
        p->Start(0);
        const double horizonS = 2000;
        uint64_t count = 0;
        uint64_t longGaps = 0;
        double previous = 0;
        TaskArrival a;
        while (p->Next(a) && a.time.GetSeconds() < horizonS)
        {
            longGaps += a.time.GetSeconds() - previous > 0.100 ? 1 : 0;
            previous = a.time.GetSeconds();
            ++count;
        }
        const double lambda = 50;
        const double r1 = 1 / 0.2;
        const double r2 = 1 / 0.8;
        const double mean = lambda * horizonS * 0.2 / (0.2 + 0.8);
        const double index = 1 + 2 * lambda * r1 / ((r1 + r2) * (r1 + r2));
        NS_TEST_EXPECT_MSG_EQ_TOL(double(count),
                                  mean,
                                  5 * std::sqrt(index * mean),
                                  "arrivals in 2000 s");
        NS_TEST_EXPECT_MSG_GT(double(longGaps) / count, 5 * std::exp(-5.0), "bursts");
    }
};

using edgetest::ErrorOf;

/**
 * The trace format: a file read column by column (optional columns in any
 * order, comments and blank lines skipped, rows of several users); every
 * class of bad input named by file, line and field.
 */
class TraceFormatTestCase : public TestCase
{
  public:
    TraceFormatTestCase()
        : TestCase("Task traces: fields read, bad rows named by file, line and field")
    {
    }

  private:
    void DoRun() override
    {
        const std::vector<TaskTraceRow> rows = ParseTaskTrace("# a comment\n"
                                                              "time_s, user, accuracy, bits\n"
                                                              "\n"
                                                              "0.25, 1, 0.7, 4096\n"
                                                              "0, 0, 0.5, 8000\n",
                                                              "t.csv");
        NS_TEST_ASSERT_MSG_EQ(rows.size(), 2, "two rows");
        NS_TEST_EXPECT_MSG_EQ(rows[0].user, 1, "user");
        NS_TEST_EXPECT_MSG_EQ(rows[0].line, 4, "line number");
        NS_TEST_EXPECT_MSG_EQ(rows[0].task.time, MilliSeconds(250), "time_s");
        NS_TEST_EXPECT_MSG_EQ(rows[0].task.hasAccuracy, true, "accuracy given");
        NS_TEST_EXPECT_MSG_EQ(rows[0].task.accuracy, 0.7, "accuracy");
        NS_TEST_EXPECT_MSG_EQ(rows[0].task.bits, 4096, "bits");
        NS_TEST_EXPECT_MSG_EQ(rows[0].task.hasLatency, false, "no latency column");

        const std::vector<std::pair<std::string, std::string>> bad = {
            {"user,time_s\n0,-1\n", "b.csv:2: field time_s must be a time >= 0 s, got \"-1\""},
            {"user,time_s,deadline_s\n",
             "b.csv:1: unknown column \"deadline_s\" (known: user, time_s, bits, latency_s, "
             "accuracy)"},
            {"user,time_s,user\n", "b.csv:1: column \"user\" appears twice"},
            {"user,bits\n", "b.csv:1: the header has no column \"time_s\""},
            {"# nothing\n", "b.csv:0: has no header line"},
            {"user,time_s\n0,0.1,5\n", "b.csv:2: has 3 fields, the header 2"},
            {"user,time_s\n-1,0.1\n", "b.csv:2: field user must be a user number"},
            {"user,time_s,accuracy\n0,0.1,1.5\n",
             "b.csv:2: field accuracy must be in [0, 1], got \"1.5\""},
            {"user,time_s,bits\n0,0.1,0\n",
             "b.csv:2: field bits must be a positive number of bits, got \"0\""},
            {"user,time_s,latency_s\n0,0.1,abc\n",
             "b.csv:2: field latency_s must be a positive number of s, got \"abc\""},
        };
        for (const auto& [text, expected] : bad)
        {
            const std::string error = ErrorOf([&text]() { ParseTaskTrace(text, "b.csv"); });
            NS_TEST_EXPECT_MSG_EQ(error.rfind(expected, 0),
                                  0,
                                  "message for\n"
                                      << text << "was: " << error);
        }
        NS_TEST_EXPECT_MSG_EQ(ErrorOf([]() { ReadTaskTrace("/nonexistent/trace.csv"); }),
                              "/nonexistent/trace.csv: no such task trace file",
                              "missing file");
        NS_TEST_EXPECT_MSG_EQ(ErrorOf([]() { ReadTaskTrace("/tmp"); }),
                              "/tmp: not a regular file (a task trace must be a file)",
                              "a folder");
    }
};

/// @return the module's default scenario, with its default profile
EdgeInferenceScenario
OnlineScenario()
{
    static const EarlyExitProfile profile = EarlyExitProfile::ReadFile(kProfile);
    EdgeInferenceScenario s;
    s.profile = profile;
    s.scheduler = {"TreeSearch", "ns3::TreeSearchC2Scheduler", {}};
    s.users = 8;
    s.frames = 10;
    s.collectTasks = true;
    return s;
}

/// Tasks created per user, from the clients' TaskCreated traces.
struct CreatedSink
{
    std::map<uint32_t, uint64_t> perUser; //!< user -> tasks created

    /// @param r a new task's record
    void Add(const InferenceTaskRecord& r)
    {
        perUser[r.user]++;
    }
};

/// Runs a scenario and counts the created tasks per user.
EdgeInferenceScenarioResult
RunCounting(const EdgeInferenceScenario& s, CreatedSink& created)
{
    return RunEdgeInferenceScenario(
        s,
        [&created](const EdgeInferenceCell&, const EdgeInferenceApplications& apps) {
            for (auto it = apps.clients.Begin(); it != apps.clients.End(); ++it)
            {
                (*it)->TraceConnectWithoutContext("TaskCreated",
                                                  MakeCallback(&CreatedSink::Add, &created));
            }
        });
}

/**
 * A trace-driven drop reproduces its trace: 3 users (rows of user 9, who
 * has no client, are ignored), tasks at times that are not frame starts,
 * two of them at the same time for one user, each with its own size,
 * latency and accuracy. Every task's record has the trace's creation time,
 * size, latency and accuracy, and every task ends.
 */
class TraceReplayTestCase : public TestCase
{
  public:
    TraceReplayTestCase()
        : TestCase("A trace-driven drop creates exactly the trace's tasks")
    {
    }

  private:
    void DoRun() override
    {
        const std::string path = CreateTempDirFilename("trace.csv");
        {
            std::ofstream f(path);
            f << "user,time_s,bits,latency_s,accuracy\n"
                 "0,0.013,20000,0.15,0.6\n"
                 "2,0.013,30000,0.08,0.8\n"
                 "0,0.250,10000,0.30,0.9\n"
                 "1,0.101,24576,0.05,0.7\n"
                 "1,0.101,12288,0.12,0.65\n"
                 "9,0.1,1000,0.1,0.5\n"
                 "2,0.777,40000,0.25,0.62\n";
        }

        struct Expected
        {
            uint32_t user;
            double timeS, bits, latencyS, accuracy;
        };

        const std::vector<Expected> expected = {{0, 0.013, 20000, 0.15, 0.6},
                                                {2, 0.013, 30000, 0.08, 0.8},
                                                {0, 0.250, 10000, 0.30, 0.9},
                                                {1, 0.101, 24576, 0.05, 0.7},
                                                {1, 0.101, 12288, 0.12, 0.65},
                                                {2, 0.777, 40000, 0.25, 0.62}};
        EdgeInferenceScenario s = OnlineScenario();
        s.users = 3;
        s.arrivals = "ns3::TraceTaskArrivals";
        s.arrivalAttributes = {{"File", path}};
        s.controllerAttributes = {{"QueueUnserved", "true"}};
        const EdgeInferenceScenarioResult r = RunEdgeInferenceScenario(s);
        NS_TEST_ASSERT_MSG_EQ(r.created, expected.size(), "one task per row of users 0-2");
        NS_TEST_ASSERT_MSG_EQ(r.tasks.size(), expected.size(), "every task ends");
        for (const Expected& e : expected)
        {
            uint32_t found = 0;
            for (const InferenceTaskRecord& t : r.tasks)
            {
                found += t.user == e.user && t.created == Seconds(e.timeS) &&
                         t.taskBits == e.bits && t.latencyRequirementS == e.latencyS &&
                         t.requiredAccuracy == e.accuracy;
            }
            NS_TEST_EXPECT_MSG_EQ(found,
                                  1,
                                  "task of user " << e.user << " at " << e.timeS << " s, " << e.bits
                                                  << " bit");
        }
        NS_TEST_EXPECT_MSG_GT(r.completed, 0, "tasks complete");
    }
};

/**
 * Conservation: under every arrival process, with and without queues, every
 * created task ends exactly once (created = ended, per user too) and the
 * outcomes add up to the ended tasks. With QueueUnserved, a task is
 * not-scheduled only when no frame is left for it (its record names frame
 * 10, the one that does not happen), some tasks are served in a later frame
 * than the first that considered them, and some expire.
 */
class ConservationTestCase : public TestCase
{
  public:
    ConservationTestCase()
        : TestCase("Every created task ends once, under every arrival process and queueing")
    {
    }

  private:
    void DoRun() override
    {
        const std::string trace = CreateTempDirFilename("load.csv");
        {
            std::ofstream f(trace);
            f << "user,time_s\n";
            for (uint32_t i = 0; i < 200; ++i)
            {
                f << i % 8 << "," << 0.0049 * i << "\n";
            }
        }
        const std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>>
            processes = {
                {"", {}},
                {"ns3::PeriodicTaskArrivals", {{"Interval", "30ms"}, {"Jitter", "20ms"}}},
                {"ns3::PoissonTaskArrivals", {{"MeanInterval", "25ms"}}},
                {"ns3::OnOffTaskArrivals", {{"MeanInterval", "5ms"}}},
                {"ns3::TraceTaskArrivals", {{"File", trace}}},
            };
        uint64_t waited = 0;
        uint64_t expired = 0;
        for (const auto& [type, attributes] : processes)
        {
            for (const bool queue : {false, true})
            {
                EdgeInferenceScenario s = OnlineScenario();
                s.arrivals = type;
                s.arrivalAttributes = attributes;
                s.deadlineMinS = 0.05;
                s.deadlineMaxS = 0.3;
                s.controllerAttributes = {{"QueueUnserved", queue ? "true" : "false"}};
                CreatedSink created;
                const EdgeInferenceScenarioResult r = RunCounting(s, created);
                const std::string tag =
                    (type.empty() ? "per frame" : type) + (queue ? ", queued" : ", one-shot");
                CheckConservation(r, created, tag);
                std::cout << "edge-inference-arrivals: " << tag << ": " << r.created << " created, "
                          << r.completed << " completed, "
                          << r.outcomes.at(InferenceTaskOutcome::EXPIRED) << " expired, "
                          << r.outcomes.at(InferenceTaskOutcome::NOT_SCHEDULED) << " not scheduled"
                          << std::endl;
                if (queue)
                {
                    CheckQueued(r, s.frames, tag, waited, expired);
                }
            }
        }
        NS_TEST_EXPECT_MSG_GT(waited, 0, "some tasks waited for a later frame and were served");
        NS_TEST_EXPECT_MSG_GT(expired, 0, "some queued tasks expired");
    }

    /// created = ended, per user and in total; outcomes add up
    void CheckConservation(const EdgeInferenceScenarioResult& r,
                           const CreatedSink& created,
                           const std::string& tag)
    {
        NS_TEST_EXPECT_MSG_GT(r.created, 0, tag << ": tasks created");
        NS_TEST_EXPECT_MSG_EQ(r.tasksEnded, r.created, tag << ": created = ended");
        uint64_t sum = 0;
        for (const auto& [outcome, n] : r.outcomes)
        {
            sum += n;
        }
        NS_TEST_EXPECT_MSG_EQ(sum, r.tasksEnded, tag << ": outcomes add up");
        std::map<uint32_t, uint64_t> ended;
        for (const InferenceTaskRecord& t : r.tasks)
        {
            ended[t.user]++;
        }
        NS_TEST_EXPECT_MSG_EQ((ended == created.perUser), true, tag << ": per user");
    }

    /// With queues: not-scheduled only at the end; waiting and expiry happen
    void CheckQueued(const EdgeInferenceScenarioResult& r,
                     uint32_t frames,
                     const std::string& tag,
                     uint64_t& waited,
                     uint64_t& expired)
    {
        const Time period = OnlineScenario().framePeriod;
        for (const InferenceTaskRecord& t : r.tasks)
        {
            if (t.outcome == InferenceTaskOutcome::NOT_SCHEDULED)
            {
                NS_TEST_EXPECT_MSG_EQ(t.frame, frames, tag << ": not-scheduled before the end");
            }
            // The first frame that could consider the task starts at or
            // after its creation.
            const int64_t first =
                (t.created.GetTimeStep() + period.GetTimeStep() - 1) / period.GetTimeStep();
            waited += t.IsCompleted() && t.frame > first ? 1 : 0;
            expired += t.outcome == InferenceTaskOutcome::EXPIRED ? 1 : 0;
        }
    }
};

/**
 * The online experiment's sweep (EdgeInferenceLoadSweep): the nearest-rank
 * percentile on samples worked by hand, the loads' attributes, and a small
 * sweep whose points and summary.csv line equal independent scenario runs
 * (their p95 from an integer rank formula: the ceil(95 n / 100)-th smallest).
 */
class LoadSweepTestCase : public TestCase
{
  public:
    LoadSweepTestCase()
        : TestCase("The load sweep sums independent runs; percentiles by nearest rank")
    {
    }

  private:
    void DoRun() override
    {
        // {1..5}: p50 is the 3rd (2.5 rounded up), p95 the 5th, p20 the 1st.
        NS_TEST_EXPECT_MSG_EQ(NearestRankPercentile({5, 1, 4, 2, 3}, 50), 3, "p50");
        NS_TEST_EXPECT_MSG_EQ(NearestRankPercentile({5, 1, 4, 2, 3}, 95), 5, "p95");
        NS_TEST_EXPECT_MSG_EQ(NearestRankPercentile({5, 1, 4, 2, 3}, 20),
                              1,
                              "p20 (rank exactly 1)");
        NS_TEST_EXPECT_MSG_EQ(NearestRankPercentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 40),
                              4,
                              "p40 of 10: rank exactly 4");
        NS_TEST_EXPECT_MSG_EQ(std::isnan(NearestRankPercentile({}, 50)), true, "empty: NaN");
        const EdgeInferenceLoad poisson = MakeEdgeInferenceLoad("poisson", 4);
        NS_TEST_EXPECT_MSG_EQ(poisson.arrivals, "ns3::PoissonTaskArrivals", "type");
        NS_TEST_EXPECT_MSG_EQ(poisson.attributes.at(0).second, "0.25s", "1 / 4 tasks/s");
        NS_TEST_EXPECT_MSG_EQ(MakeEdgeInferenceLoad("onoff", 5).attributes.at(0).second,
                              "0.040000000000000001s",
                              "0.2 / 5 (on 20 % of the time)");
        NS_TEST_EXPECT_MSG_EQ(ErrorOf([]() { MakeEdgeInferenceLoad("bursty", 1); }),
                              "unknown arrival process \"bursty\" (known: poisson, periodic, "
                              "onoff)",
                              "unknown kind");

        EdgeInferenceScenario base = OnlineScenario();
        base.users = 4;
        base.frames = 5;
        base.controllerAttributes = {{"QueueUnserved", "true"}};
        const std::vector<EdgeInferenceLoad> loads = {MakeEdgeInferenceLoad("poisson", 5),
                                                      MakeEdgeInferenceLoad("poisson", 20)};
        const std::vector<C2SchedulerSpec> schedulers = {
            {"Greedy", "ns3::GreedyEarlyExitC2Scheduler", {}},
            {"Shelf", "ns3::ShelfPackingC2Scheduler", {}}};
        EdgeInferenceLoadSweep sweep(base, loads, 1, schedulers, 3);
        const std::string folder = CreateTempDirFilename("online");
        std::ostringstream progress;
        std::ostringstream table;
        sweep.Run(folder, progress);
        sweep.WriteSummary(folder, table);
        for (const EdgeInferenceLoad& load : loads)
        {
            for (const C2SchedulerSpec& s : schedulers)
            {
                EdgeInferenceScenario one = base;
                one.arrivals = load.arrivals;
                one.arrivalAttributes = load.attributes;
                one.rngRun = 3;
                one.scheduler = s;
                const EdgeInferenceScenarioResult r = RunEdgeInferenceScenario(one);
                std::vector<double> latencies;
                for (const InferenceTaskRecord& t : r.tasks)
                {
                    if (t.IsCompleted())
                    {
                        latencies.push_back((t.resultReceived - t.created).GetSeconds());
                    }
                }
                std::sort(latencies.begin(), latencies.end());
                const EdgeInferenceLoadPoint p = sweep.GetPoint(s.label, load.label);
                const std::string tag = s.label + " at " + load.label;
                NS_TEST_EXPECT_MSG_EQ(p.created, r.created, tag << ": created");
                NS_TEST_EXPECT_MSG_EQ(p.Completed(), r.completed, tag << ": completed");
                NS_TEST_ASSERT_MSG_GT(latencies.size(), 0, tag << ": tasks complete");
                const size_t rank = (95 * latencies.size() + 99) / 100;
                NS_TEST_EXPECT_MSG_EQ(NearestRankPercentile(p.latenciesS, 95),
                                      latencies[rank - 1],
                                      tag << ": p95");
                NS_TEST_EXPECT_MSG_EQ(SummaryLine(folder, s.label, load.label)
                                          .rfind(s.label + "," + load.label + ",1," +
                                                     std::to_string(r.created) + "," +
                                                     std::to_string(r.completed) + ",",
                                                 0),
                                      0,
                                      tag << ": summary.csv");
            }
        }
    }

    /// @return the summary.csv line of a scheduler and load ("" if none)
    static std::string SummaryLine(const std::string& folder,
                                   const std::string& label,
                                   const std::string& load)
    {
        std::ifstream in(folder + "/summary.csv");
        std::string line;
        while (std::getline(in, line))
        {
            if (line.rfind(label + "," + load + ",", 0) == 0)
            {
                return line;
            }
        }
        return "";
    }
};

/// The arrival processes' TestSuite.
class TaskArrivalTestSuite : public TestSuite
{
  public:
    TaskArrivalTestSuite()
        : TestSuite("edge-inference-arrivals", Type::SYSTEM)
    {
        AddTestCase(new PeriodicArrivalsTestCase);
        AddTestCase(new PoissonArrivalsTestCase);
        AddTestCase(new OnOffArrivalsTestCase);
        AddTestCase(new TraceFormatTestCase);
        AddTestCase(new TraceReplayTestCase);
        AddTestCase(new ConservationTestCase);
        AddTestCase(new LoadSweepTestCase);
    }
};

/// The suite's single instance.
static TaskArrivalTestSuite g_taskArrivalTestSuite;

} // namespace
