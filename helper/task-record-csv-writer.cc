/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "task-record-csv-writer.h"

#include "ns3/abort.h"
#include "ns3/callback.h"

#include <iomanip>
#include <sstream>

namespace ns3
{

TaskRecordCsvWriter::TaskRecordCsvWriter(
    const std::string& path,
    const std::vector<std::pair<std::string, std::string>>& fixedColumns)
    : m_out(path)
{
    NS_ABORT_MSG_IF(!m_out, "TaskRecordCsvWriter: cannot write '" << path << "'");
    std::string head;
    for (const auto& [name, value] : fixedColumns)
    {
        head += name + ",";
        m_prefix += value + ",";
    }
    m_out << head << GetHeader() << "\n";
}

void
TaskRecordCsvWriter::Connect(const ApplicationContainer& clients)
{
    for (auto it = clients.Begin(); it != clients.End(); ++it)
    {
        (*it)->TraceConnectWithoutContext("TaskRecord",
                                          MakeCallback(&TaskRecordCsvWriter::Write, this));
    }
}

void
TaskRecordCsvWriter::Write(const InferenceTaskRecord& record)
{
    m_out << m_prefix << FormatRecord(record) << "\n";
}

std::string
TaskRecordCsvWriter::GetHeader()
{
    return "task_id,user,frame,scheduler,task_bits,data_bytes,packets,on_air_bits,"
           "required_accuracy,latency_requirement_s,created_s,deadline_s,required_exit,exit,"
           "accuracy,bandwidth_hz,first_rb,n_rbs,upload_start_s,predicted_upload_end_s,"
           "upload_end_s,batch_start_s,batch_size,predicted_completion_s,completion_s,"
           "result_received_s,deadline_met,accuracy_met,completed,outcome,rejected_reason";
}

std::string
TaskRecordCsvWriter::FormatRecord(const InferenceTaskRecord& r)
{
    std::ostringstream os;
    os << std::setprecision(17);
    // Empty for events that did not happen (negative in the record).
    auto t = [&os](Time x) {
        if (!x.IsStrictlyNegative())
        {
            os << x.GetSeconds();
        }
        os << ",";
    };
    os << r.taskId << "," << r.user << "," << r.frame << "," << r.scheduler << "," << r.taskBits
       << "," << r.dataBytes << "," << r.packets << "," << r.onAirBits << "," << r.requiredAccuracy
       << "," << r.latencyRequirementS << "," << r.created.GetSeconds() << ","
       << r.deadline.GetSeconds() << "," << r.requiredExit << "," << r.exit << "," << r.accuracy
       << "," << r.bandwidthHz << "," << r.firstRb << "," << r.nRbs << ",";
    t(r.uploadStart);
    t(r.predictedUploadEnd);
    t(r.uploadEnd);
    t(r.batchStart);
    os << r.batchSize << ",";
    t(r.predictedCompletion);
    t(r.completion);
    t(r.resultReceived);
    os << r.deadlineMet << "," << r.accuracyMet << "," << r.IsCompleted() << ","
       << ToString(r.outcome) << "," << (IsRejection(r.outcome) ? ToString(r.outcome) : "");
    return os.str();
}

} // namespace ns3
