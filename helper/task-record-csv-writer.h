/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TASK_RECORD_CSV_WRITER_H
#define TASK_RECORD_CSV_WRITER_H

#include "ns3/application-container.h"
#include "ns3/inference-task-record.h"
#include "ns3/simple-ref-count.h"

#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Writes every task record to a CSV file, one line per task.
 *
 * Columns: the fixed columns given to the constructor (e.g. run, users),
 * then task_id, user, frame, scheduler, task_bits, data_bytes, packets,
 * on_air_bits, required_accuracy, latency_requirement_s, created_s,
 * deadline_s, required_exit, exit, accuracy, bandwidth_hz, first_rb, n_rbs,
 * upload_start_s, predicted_upload_end_s, upload_end_s, batch_start_s,
 * batch_size, predicted_completion_s, completion_s, result_received_s,
 * deadline_met, accuracy_met, completed, outcome, rejected_reason (empty for
 * executed tasks). Times are absolute simulation times in seconds, empty
 * where the event did not happen. Numbers are written with 17 significant
 * digits, so the same run gives the same file byte for byte; booleans as
 * 0 / 1. Values are written unquoted: a fixed-column value or scheduler name
 * that contains a comma would shift the columns.
 */
class TaskRecordCsvWriter : public SimpleRefCount<TaskRecordCsvWriter>
{
  public:
    /**
     * @brief Open (truncate) the file and write the header; aborts naming
     * the file if it cannot be opened.
     * @param path the file
     * @param fixedColumns (name, value) pairs: the names start the header,
     *        the values start every line
     */
    TaskRecordCsvWriter(const std::string& path,
                        const std::vector<std::pair<std::string, std::string>>& fixedColumns = {});

    /**
     * @brief Connect Write() to the TaskRecord trace of every client; the
     * writer must outlive the simulation run.
     * @param clients InferenceClients whose TaskRecord traces are written
     */
    void Connect(const ApplicationContainer& clients);

    /**
     * @brief Write one line: the fixed column values, then FormatRecord().
     * @param record the record of a task that ended (TaskRecord sink)
     */
    void Write(const InferenceTaskRecord& record);

    /// @return the header line (without fixed columns and without newline)
    static std::string GetHeader();
    /**
     * @param record a task record
     * @return its line, in the columns of GetHeader() (without fixed columns
     *         and without newline)
     */
    static std::string FormatRecord(const InferenceTaskRecord& record);

  private:
    std::ofstream m_out;  //!< the file
    std::string m_prefix; //!< fixed column values, each followed by a comma
};

} // namespace ns3

#endif /* TASK_RECORD_CSV_WRITER_H */
