/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TASK_ARRIVAL_PROCESS_H
#define TASK_ARRIVAL_PROCESS_H

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class ExponentialRandomVariable;
class UniformRandomVariable;

/**
 * @ingroup edge-inference
 * @brief One task arrival: when, and (from a trace) what the task is.
 */
struct TaskArrival
{
    Time time;               //!< creation time, from the application's start
    bool hasBits{false};     //!< bits given (else the client draws TaskSize)
    double bits{0};          //!< task size D (bit)
    bool hasLatency{false};  //!< latency given (else LatencyRequirement)
    double latencyS{0};      //!< latency requirement T (s)
    bool hasAccuracy{false}; //!< accuracy given (else AccuracyRequirement)
    double accuracy{0};      //!< accuracy requirement A in [0, 1]
};

/**
 * @ingroup edge-inference
 * @brief When an InferenceClient creates its tasks (its Arrivals
 * attribute): a sequence of arrival times from the application's start,
 * non-decreasing, chosen by TypeId like the schedulers.
 *
 * Subclasses: PeriodicTaskArrivals (the paper's one task per frame, with
 * optional jitter), PoissonTaskArrivals, OnOffTaskArrivals (bursty) and
 * TraceTaskArrivals (a CSV file of arrivals, sizes and requirements). A
 * process draws from at most one random stream (AssignStreams), so that a
 * client's streams stay at a fixed stride.
 */
class TaskArrivalProcess : public Object
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * @brief Restart the sequence for a user.
     * @param user the client's UserId (a trace selects its rows by it)
     */
    virtual void Start(uint32_t user) = 0;

    /**
     * @brief The next arrival of the sequence.
     * @param arrival set to the next arrival (time from the application's
     *        start, not before the previous one)
     * @return false when the sequence has ended (arrival unchanged)
     */
    virtual bool Next(TaskArrival& arrival) = 0;

    /**
     * @brief Fix the random stream of the process.
     * @param stream the stream number
     * @return the number of streams used: 0 or 1
     */
    virtual int64_t AssignStreams(int64_t stream) = 0;
};

/**
 * @ingroup edge-inference
 * @brief Task k (k = 0, 1, ...) arrives at k Interval + U_k, U_k uniform in
 * [0, Jitter): the paper's one task per frame when Jitter is 0 (the
 * default), and periodic traffic with jitter otherwise. Jitter < Interval
 * keeps the arrivals in order.
 */
class PeriodicTaskArrivals : public TaskArrivalProcess
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();
    PeriodicTaskArrivals();

    void Start(uint32_t user) override;
    bool Next(TaskArrival& arrival) override;
    int64_t AssignStreams(int64_t stream) override;

  protected:
    /// Drop the random variable.
    void DoDispose() override;

  private:
    Time m_interval;                   //!< Interval attribute
    Time m_jitter;                     //!< Jitter attribute
    uint64_t m_index;                  //!< next task's k
    Ptr<UniformRandomVariable> m_draw; //!< jitter draws
};

/**
 * @ingroup edge-inference
 * @brief A Poisson process: exponential inter-arrival times of mean
 * MeanInterval, the first one after the application's start.
 */
class PoissonTaskArrivals : public TaskArrivalProcess
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();
    PoissonTaskArrivals();

    void Start(uint32_t user) override;
    bool Next(TaskArrival& arrival) override;
    int64_t AssignStreams(int64_t stream) override;

  protected:
    /// Drop the random variable.
    void DoDispose() override;

  private:
    Time m_mean;                           //!< MeanInterval attribute
    Time m_last;                           //!< the previous arrival
    Ptr<ExponentialRandomVariable> m_draw; //!< inter-arrival draws
};

/**
 * @ingroup edge-inference
 * @brief Bursty traffic, an interrupted Poisson process: the source
 * alternates between on periods (exponential, mean MeanOnTime) and off
 * periods (exponential, mean MeanOffTime), starting on; during on periods
 * tasks arrive as a Poisson process of mean inter-arrival MeanInterval,
 * during off periods none. Mean rate: (1 / MeanInterval) MeanOnTime /
 * (MeanOnTime + MeanOffTime).
 */
class OnOffTaskArrivals : public TaskArrivalProcess
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();
    OnOffTaskArrivals();

    void Start(uint32_t user) override;
    bool Next(TaskArrival& arrival) override;
    int64_t AssignStreams(int64_t stream) override;

  protected:
    /// Drop the random variable.
    void DoDispose() override;

  private:
    /// @param mean the mean (s) @return an exponential draw (s)
    double Exponential(double mean);

    Time m_meanInterval;               //!< MeanInterval attribute
    Time m_meanOn;                     //!< MeanOnTime attribute
    Time m_meanOff;                    //!< MeanOffTime attribute
    double m_nowS;                     //!< the previous arrival or period start (s)
    double m_onEndS;                   //!< end of the current on period (s)
    Ptr<UniformRandomVariable> m_draw; //!< all draws, by inversion
};

/**
 * @ingroup edge-inference
 * @brief One row of a task trace file.
 */
struct TaskTraceRow
{
    uint32_t user{0}; //!< the user (client UserId)
    TaskArrival task; //!< its arrival and optional fields
    uint32_t line{0}; //!< line number in the file, for messages
};

/**
 * @ingroup edge-inference
 * @brief Read a task trace (CSV): a header naming the columns, then one row
 * per task. Columns: user (integer) and time_s (s from the application's
 * start, >= 0) are required; bits (> 0), latency_s (> 0) and accuracy (in
 * [0, 1]) are optional, and a column that is absent leaves the client's
 * random variable to draw that field. Blank lines and lines starting with #
 * are skipped. Rows may come in any order.
 * @param text the file's content
 * @param source the file name for messages
 * @return the rows, in file order
 * @throws EdgeInferenceError naming the file, the line and the field: an
 *         unknown or repeated column, a missing required column, a row with
 *         the wrong number of fields, a value that is not a number or out of
 *         range
 */
std::vector<TaskTraceRow> ParseTaskTrace(const std::string& text, const std::string& source);

/**
 * @ingroup edge-inference
 * @brief ParseTaskTrace on a file.
 * @param path the file (a regular file of at most 64 MiB)
 * @return the rows
 * @throws EdgeInferenceError if it cannot be read or is malformed
 */
std::vector<TaskTraceRow> ReadTaskTrace(const std::string& path);

/**
 * @ingroup edge-inference
 * @brief Arrivals replayed from a trace file (ParseTaskTrace): the rows of
 * the client's user, in time order (rows of equal time in file order), with
 * the sizes and requirements the file gives.
 */
class TraceTaskArrivals : public TaskArrivalProcess
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();
    TraceTaskArrivals();

    /**
     * @brief Start: reads the file (once per object) and selects the user's
     * rows; aborts with the reader's message on a bad file.
     * @param user the client's UserId
     */
    void Start(uint32_t user) override;
    bool Next(TaskArrival& arrival) override;
    int64_t AssignStreams(int64_t stream) override;

  private:
    std::string m_file;              //!< File attribute
    std::vector<TaskTraceRow> m_all; //!< every row, once read
    bool m_read;                     //!< m_all holds the file
    std::vector<TaskArrival> m_mine; //!< this user's arrivals, in time order
    size_t m_next;                   //!< index of the next one
};

} // namespace ns3

#endif /* TASK_ARRIVAL_PROCESS_H */
