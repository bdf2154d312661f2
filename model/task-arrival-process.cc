/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "task-arrival-process.h"

#include "edge-inference-csv.h"
#include "edge-inference-error.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/random-variable-stream.h"
#include "ns3/string.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TaskArrivalProcess");

NS_OBJECT_ENSURE_REGISTERED(TaskArrivalProcess);
NS_OBJECT_ENSURE_REGISTERED(PeriodicTaskArrivals);
NS_OBJECT_ENSURE_REGISTERED(PoissonTaskArrivals);
NS_OBJECT_ENSURE_REGISTERED(OnOffTaskArrivals);
NS_OBJECT_ENSURE_REGISTERED(TraceTaskArrivals);

TypeId
TaskArrivalProcess::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TaskArrivalProcess").SetParent<Object>().SetGroupName("EdgeInference");
    return tid;
}

// ---------------------------------------------------------------- periodic

TypeId
PeriodicTaskArrivals::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeriodicTaskArrivals")
            .SetParent<TaskArrivalProcess>()
            .SetGroupName("EdgeInference")
            .AddConstructor<PeriodicTaskArrivals>()
            .AddAttribute("Interval",
                          "Period between tasks (time, > 0); EdgeInferenceHelper sets the "
                          "frame period unless told otherwise.",
                          TimeValue(MilliSeconds(100)),
                          MakeTimeAccessor(&PeriodicTaskArrivals::m_interval),
                          MakeTimeChecker(NanoSeconds(1)))
            .AddAttribute("Jitter",
                          "Task k arrives at k Interval + U[0, Jitter) (time, >= 0 and below "
                          "Interval; 0: strictly periodic).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&PeriodicTaskArrivals::m_jitter),
                          MakeTimeChecker(Seconds(0)));
    return tid;
}

PeriodicTaskArrivals::PeriodicTaskArrivals()
    : m_index(0),
      m_draw(CreateObject<UniformRandomVariable>())
{
}

void
PeriodicTaskArrivals::DoDispose()
{
    m_draw = nullptr;
    TaskArrivalProcess::DoDispose();
}

void
PeriodicTaskArrivals::Start(uint32_t /* user */)
{
    NS_ABORT_MSG_IF(m_jitter >= m_interval,
                    "PeriodicTaskArrivals: attribute Jitter (" << m_jitter.As(Time::MS)
                                                               << ") must be below Interval ("
                                                               << m_interval.As(Time::MS) << ")");
    m_index = 0;
}

bool
PeriodicTaskArrivals::Next(TaskArrival& arrival)
{
    arrival = TaskArrival();
    arrival.time = m_interval * static_cast<int64_t>(m_index++);
    if (m_jitter.IsStrictlyPositive())
    {
        arrival.time += Seconds(m_draw->GetValue(0, m_jitter.GetSeconds()));
    }
    return true;
}

int64_t
PeriodicTaskArrivals::AssignStreams(int64_t stream)
{
    m_draw->SetStream(stream);
    return 1;
}

// ----------------------------------------------------------------- Poisson

TypeId
PoissonTaskArrivals::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PoissonTaskArrivals")
                            .SetParent<TaskArrivalProcess>()
                            .SetGroupName("EdgeInference")
                            .AddConstructor<PoissonTaskArrivals>()
                            .AddAttribute("MeanInterval",
                                          "Mean time between tasks (time, > 0): the rate is "
                                          "1 / MeanInterval.",
                                          TimeValue(MilliSeconds(100)),
                                          MakeTimeAccessor(&PoissonTaskArrivals::m_mean),
                                          MakeTimeChecker(NanoSeconds(1)));
    return tid;
}

PoissonTaskArrivals::PoissonTaskArrivals()
    : m_draw(CreateObject<ExponentialRandomVariable>())
{
}

void
PoissonTaskArrivals::DoDispose()
{
    m_draw = nullptr;
    TaskArrivalProcess::DoDispose();
}

void
PoissonTaskArrivals::Start(uint32_t /* user */)
{
    m_last = Seconds(0);
}

bool
PoissonTaskArrivals::Next(TaskArrival& arrival)
{
    arrival = TaskArrival();
    m_last += Seconds(m_draw->GetValue(m_mean.GetSeconds(), 0.0));
    arrival.time = m_last;
    return true;
}

int64_t
PoissonTaskArrivals::AssignStreams(int64_t stream)
{
    m_draw->SetStream(stream);
    return 1;
}

// ------------------------------------------------------------------ on/off

TypeId
OnOffTaskArrivals::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::OnOffTaskArrivals")
            .SetParent<TaskArrivalProcess>()
            .SetGroupName("EdgeInference")
            .AddConstructor<OnOffTaskArrivals>()
            .AddAttribute("MeanInterval",
                          "Mean time between tasks during an on period (time, > 0).",
                          TimeValue(MilliSeconds(20)),
                          MakeTimeAccessor(&OnOffTaskArrivals::m_meanInterval),
                          MakeTimeChecker(NanoSeconds(1)))
            .AddAttribute("MeanOnTime",
                          "Mean length of an on period (time, > 0; exponential).",
                          TimeValue(MilliSeconds(200)),
                          MakeTimeAccessor(&OnOffTaskArrivals::m_meanOn),
                          MakeTimeChecker(NanoSeconds(1)))
            .AddAttribute("MeanOffTime",
                          "Mean length of an off period (time, > 0; exponential).",
                          TimeValue(MilliSeconds(800)),
                          MakeTimeAccessor(&OnOffTaskArrivals::m_meanOff),
                          MakeTimeChecker(NanoSeconds(1)));
    return tid;
}

OnOffTaskArrivals::OnOffTaskArrivals()
    : m_nowS(0),
      m_onEndS(0),
      m_draw(CreateObject<UniformRandomVariable>())
{
}

void
OnOffTaskArrivals::DoDispose()
{
    m_draw = nullptr;
    TaskArrivalProcess::DoDispose();
}

double
OnOffTaskArrivals::Exponential(double mean)
{
    // Inversion on (0, 1]: 1 - U never is 0, so the log is finite.
    return -mean * std::log(1.0 - m_draw->GetValue());
}

void
OnOffTaskArrivals::Start(uint32_t /* user */)
{
    m_nowS = 0;
    m_onEndS = Exponential(m_meanOn.GetSeconds());
}

bool
OnOffTaskArrivals::Next(TaskArrival& arrival)
{
    // Poisson arrivals are memoryless: a draw that overshoots the on period
    // is discarded and the process restarts at the next on period.
    double t = m_nowS + Exponential(m_meanInterval.GetSeconds());
    while (t > m_onEndS)
    {
        m_nowS = m_onEndS + Exponential(m_meanOff.GetSeconds());
        m_onEndS = m_nowS + Exponential(m_meanOn.GetSeconds());
        t = m_nowS + Exponential(m_meanInterval.GetSeconds());
    }
    m_nowS = t;
    arrival = TaskArrival();
    arrival.time = Seconds(t);
    return true;
}

int64_t
OnOffTaskArrivals::AssignStreams(int64_t stream)
{
    m_draw->SetStream(stream);
    return 1;
}

// ------------------------------------------------------------------- trace

namespace
{

/// The columns a task trace may have; the first two are required.
const char* const kTraceColumns[] = {"user", "time_s", "bits", "latency_s", "accuracy"};

/// Largest trace file read.
constexpr std::uintmax_t kMaxTraceBytes = 64ull * 1024 * 1024;

/// Reads one trace; Fail names the source, line and field.
class TaskTraceReader
{
  public:
    /// @param source the file name for messages
    explicit TaskTraceReader(const std::string& source)
        : m_source(source)
    {
    }

    /// @param text the file's content @return its rows
    std::vector<TaskTraceRow> Read(const std::string& text)
    {
        std::istringstream in(text);
        std::string raw;
        std::vector<TaskTraceRow> rows;
        while (std::getline(in, raw))
        {
            ++m_line;
            const std::string line = edgeinference::Trim(raw);
            if (line.empty() || line[0] == '#')
            {
                continue;
            }
            if (m_columns.empty())
            {
                ReadHeader(line);
            }
            else
            {
                rows.push_back(ReadRow(line));
            }
        }
        if (m_columns.empty())
        {
            m_line = 0;
            Fail("has no header line (columns user,time_s[,bits][,latency_s][,accuracy])");
        }
        return rows;
    }

  private:
    [[noreturn]] void Fail(const std::string& what) const
    {
        throw EdgeInferenceError(m_source + ":" + std::to_string(m_line) + ": " + what);
    }

    void ReadHeader(const std::string& line)
    {
        for (const std::string& name : edgeinference::SplitCsv(line))
        {
            const bool known =
                std::find(std::begin(kTraceColumns), std::end(kTraceColumns), name) !=
                std::end(kTraceColumns);
            if (!known)
            {
                Fail("unknown column \"" + name +
                     "\" (known: user, time_s, bits, latency_s, accuracy)");
            }
            if (std::find(m_columns.begin(), m_columns.end(), name) != m_columns.end())
            {
                Fail("column \"" + name + "\" appears twice");
            }
            m_columns.push_back(name);
        }
        for (const char* required : {"user", "time_s"})
        {
            if (std::find(m_columns.begin(), m_columns.end(), required) == m_columns.end())
            {
                Fail(std::string("the header has no column \"") + required + "\"");
            }
        }
    }

    /// @return the number in the field of column name, checked by ok()
    template <typename Check>
    double Number(const std::string& field,
                  const std::string& name,
                  Check ok,
                  const std::string& what) const
    {
        double v = 0;
        if (!edgeinference::ParseDouble(field, v) || !ok(v))
        {
            Fail("field " + name + " must be " + what + ", got \"" + field + "\"");
        }
        return v;
    }

    TaskTraceRow ReadRow(const std::string& line)
    {
        const std::vector<std::string> fields = edgeinference::SplitCsv(line);
        if (fields.size() != m_columns.size())
        {
            Fail("has " + std::to_string(fields.size()) + " fields, the header " +
                 std::to_string(m_columns.size()));
        }
        TaskTraceRow row;
        row.line = m_line;
        TaskArrival& t = row.task;
        for (size_t i = 0; i < fields.size(); ++i)
        {
            const std::string& name = m_columns[i];
            const std::string& f = fields[i];
            if (name == "user")
            {
                if (!edgeinference::ParseUint(f, row.user))
                {
                    Fail("field user must be a user number (0 to 999999999), got \"" + f + "\"");
                }
            }
            else if (name == "time_s")
            {
                t.time = Seconds(Number(f, name, [](double v) { return v >= 0; }, "a time >= 0 s"));
            }
            else if (name == "bits")
            {
                t.hasBits = true;
                t.bits =
                    Number(f, name, [](double v) { return v > 0; }, "a positive number of bits");
            }
            else if (name == "latency_s")
            {
                t.hasLatency = true;
                t.latencyS =
                    Number(f, name, [](double v) { return v > 0; }, "a positive number of s");
            }
            else
            {
                t.hasAccuracy = true;
                t.accuracy =
                    Number(f, name, [](double v) { return v >= 0 && v <= 1; }, "in [0, 1]");
            }
        }
        return row;
    }

    std::string m_source;               //!< file name
    uint32_t m_line{0};                 //!< current line
    std::vector<std::string> m_columns; //!< header, once read
};

} // namespace

std::vector<TaskTraceRow>
ParseTaskTrace(const std::string& text, const std::string& source)
{
    return TaskTraceReader(source).Read(text);
}

std::vector<TaskTraceRow>
ReadTaskTrace(const std::string& path)
{
    std::error_code ec;
    const std::filesystem::file_status status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status))
    {
        throw EdgeInferenceError(path + ": no such task trace file");
    }
    if (!std::filesystem::is_regular_file(status))
    {
        throw EdgeInferenceError(path + ": not a regular file (a task trace must be a file)");
    }
    if (std::filesystem::file_size(path, ec) > kMaxTraceBytes)
    {
        throw EdgeInferenceError(path + ": larger than the limit of 64 MiB");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        throw EdgeInferenceError(path + ": cannot open the task trace file");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return ParseTaskTrace(text.str(), path);
}

TypeId
TraceTaskArrivals::GetTypeId()
{
    static TypeId tid = TypeId("ns3::TraceTaskArrivals")
                            .SetParent<TaskArrivalProcess>()
                            .SetGroupName("EdgeInference")
                            .AddConstructor<TraceTaskArrivals>()
                            .AddAttribute("File",
                                          "Task trace file (CSV; see ParseTaskTrace): the rows "
                                          "of the client's user are its tasks.",
                                          StringValue(""),
                                          MakeStringAccessor(&TraceTaskArrivals::m_file),
                                          MakeStringChecker());
    return tid;
}

TraceTaskArrivals::TraceTaskArrivals()
    : m_read(false),
      m_next(0)
{
}

void
TraceTaskArrivals::Start(uint32_t user)
{
    NS_ABORT_MSG_IF(m_file.empty(), "TraceTaskArrivals: attribute File is not set");
    if (!m_read)
    {
        std::string error;
        try
        {
            m_all = ReadTaskTrace(m_file);
        }
        catch (const EdgeInferenceError& e)
        {
            error = e.what();
        }
        // Outside the handler, so the abort does not report an active exception.
        NS_ABORT_MSG_IF(!error.empty(), "TraceTaskArrivals: " << error);
        m_read = true;
    }
    m_mine.clear();
    for (const TaskTraceRow& row : m_all)
    {
        if (row.user == user)
        {
            m_mine.push_back(row.task);
        }
    }
    std::stable_sort(m_mine.begin(), m_mine.end(), [](const TaskArrival& a, const TaskArrival& b) {
        return a.time < b.time;
    });
    NS_LOG_INFO(m_file << ": " << m_mine.size() << " tasks for user " << user);
    m_next = 0;
}

bool
TraceTaskArrivals::Next(TaskArrival& arrival)
{
    if (m_next >= m_mine.size())
    {
        return false;
    }
    arrival = m_mine[m_next++];
    return true;
}

int64_t
TraceTaskArrivals::AssignStreams(int64_t /* stream */)
{
    return 0;
}

} // namespace ns3
