/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef C2_PROBLEM_JSON_H
#define C2_PROBLEM_JSON_H

#include "c2-allocation.h"
#include "c2-problem.h"

#include <cstdint>
#include <string>

/**
 * @file
 * @ingroup edge-inference
 * The C2 problem file format (JSON). Problem files are read and written only
 * by the tests, the command-line tools (edge-inference-solve) and the
 * fuzzers, so this code is not in the module's library: it is compiled with
 * the TestSuites, and in the standalone build into the static library
 * edge-inference-problem-json that the tools and fuzzers link.
 */

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Limits on hostile problem files: ReadC2ProblemJson and
 * ParseC2ProblemJson refuse input beyond them with an EdgeInferenceError
 * naming the file and the limit (never a crash, a hang or unbounded memory).
 */
struct C2ProblemJsonLimits
{
    /// Largest problem file (or text), in bytes: 16 MiB.
    static constexpr uint64_t MAX_FILE_BYTES = 16 * 1024 * 1024;
    /// Deepest nesting of JSON arrays and objects (the top level is 1).
    static constexpr uint32_t MAX_NESTING = 64;
    /// Most entries in "users".
    static constexpr uint32_t MAX_USERS = 100000;
};

/**
 * @ingroup edge-inference
 * @brief Read a C2 problem file (JSON; format in doc/edge-inference.rst).
 *
 * @verbatim
 {"bandwidth_hz": 1e6, "noise_psd_dbm_hz": -174, "rate_model": "fixed-power",
  "resource_block_hz": 0,
  "exits": [{"accuracy": 0.55, "alpha_s": 4e-4, "beta_s": 2e-3}, ...],
  "users": [{"id": 0, "bits": 24576, "power_w": 0.2, "gain": 1.1e-12,
             "deadline_s": 0.05, "accuracy": 0.6}, ...]}
 @endverbatim
 *
 * Required: bandwidth_hz, users, and exactly one of exits and profile (a
 * profile file whose affine fit gives the exits; a relative path is taken
 * from the folder of the problem file). Optional: rate_model ("fixed-power",
 * default, or "fixed-psd" with SNR = P g / (N0 bandwidth_hz)),
 * resource_block_hz (default 0, continuous bandwidth), server_free_s (default
 * 0: when the edge server becomes free, C2Problem::SetServerFreeS), per exit a
 * "block_times_s" array that replaces its affine latency (tau_n(b) for b =
 * 1, 2, ...: positive, non-decreasing, one entry per user at least; see
 * C2Problem::SetBlockTimes), and the noise PSD as
 * either noise_psd_dbm_hz (default -174) or noise_psd_w_hz (the writer uses
 * the latter when the dBm value would not reproduce N0 bit for bit). User
 * ids must be distinct non-negative integers. Unknown keys, duplicate keys
 * and values of the wrong type are errors, so a misspelt optional field
 * never silently falls back to its default.
 *
 * Limits (C2ProblemJsonLimits): a path that is not a regular file (a
 * folder, a device such as /dev/zero, a FIFO) or a file larger than
 * MAX_FILE_BYTES is refused before it is read; then ParseC2ProblemJson's
 * limits apply.
 *
 * @param path the file
 * @return the problem; it has passed C2Problem::Validate()
 * @throws EdgeInferenceError naming the file and the field
 */
C2Problem ReadC2ProblemJson(const std::string& path);

/**
 * @brief Parse a C2 problem from JSON text (see ReadC2ProblemJson).
 *
 * Limits (C2ProblemJsonLimits): text longer than MAX_FILE_BYTES, arrays
 * and objects nested deeper than MAX_NESTING (refused while parsing) and
 * more than MAX_USERS users are errors.
 * @param text the JSON text
 * @param sourceName name used in error messages (usually the file name); a
 *        relative "profile" path is resolved against its folder
 * @return the problem; it has passed C2Problem::Validate()
 * @throws EdgeInferenceError naming sourceName and the field
 */
C2Problem ParseC2ProblemJson(const std::string& text, const std::string& sourceName);

/**
 * @brief Write a problem in the file format; parsing the result gives the
 * same values bit for bit (doubles are written with enough digits), so a
 * frame can be saved and replayed. Exits are always written as "exits".
 * @param problem the problem
 * @return JSON text (indented, ends with a newline)
 * @throws EdgeInferenceError if the problem cannot be expressed in the
 *         format (a fixed-PSD model whose reference bandwidth is not the
 *         problem's bandwidth)
 */
std::string C2ProblemToJson(const C2Problem& problem);

/**
 * @brief Write an allocation as JSON: scheduler, execution, served_count,
 * upload_deadline_s, feasible, served (per task: the user's id, exit 1..N,
 * bandwidth_hz, resource_blocks, upload_end_s, compute_start_s,
 * completion_s), nodes, candidates, runtime_us, and violations when
 * infeasible.
 * @param problem the problem the allocation was made for (for the ids)
 * @param allocation the allocation
 * @return JSON text (indented, ends with a newline)
 * @throws EdgeInferenceError if a served user index is out of range
 */
std::string C2AllocationToJson(const C2Problem& problem, const C2Allocation& allocation);

} // namespace ns3

#endif /* C2_PROBLEM_JSON_H */
