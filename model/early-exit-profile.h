/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EARLY_EXIT_PROFILE_H
#define EARLY_EXIT_PROFILE_H

#include "affine-block-fit.h"

#include <cstdint>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Spread of one measured latency: median and 10th/90th percentiles
 * over repetitions (seconds).
 */
struct LatencyStats
{
    double medianS{0}; //!< median (s)
    double p10S{0};    //!< 10th percentile (s)
    double p90S{0};    //!< 90th percentile (s)
};

/**
 * @ingroup edge-inference
 * @brief Workload model of a multi-exit DNN: per-exit accuracy and the
 * latency of each block over batch sizes, measured (or synthetic).
 *
 * Blocks and exits are numbered 1..N; exit n follows block n and exit N is
 * the full network. The latency the allocation model and the server use for
 * block n on a batch of b tasks is
 *   tau_n(b) = block_n(b) + head_n(b),
 * i.e. every task that passes block n also evaluates exit head n (as in
 * BranchyNet-style networks); both parts are kept separately in the table so
 * that other combinations can be studied.
 *
 * The table holds measurements at a grid of batch sizes b_1 = 1 < b_2 < ...
 * < b_M, the same grid for every block. tau_n(b) for a batch size between
 * grid points is interpolated linearly; beyond b_M it is extrapolated as
 * tau_n(b_M) + alpha_n (b - b_M) with alpha_n the fitted per-sample cost;
 * tau_n(0) = 0.
 *
 * The affine fit minimises the squared *relative* error
 * sum_b ((alpha b + beta - tau(b)) / tau(b))^2 over the fit range (by
 * default the whole grid), so it is accurate at small batches too (an
 * ordinary least-squares fit of measured CNN blocks gives negative
 * intercepts). If the unconstrained optimum has beta < 0 the fit is redone
 * with beta = 0, and if alpha < 0 with alpha = 0, so tau stays
 * non-decreasing and non-negative. With a single batch size in the fit
 * range the fit is the line through the origin and that point (beta = 0).
 * SetTable and SetFitRange refit; all accessors taking a block or exit
 * number throw EdgeInferenceError outside 1..N.
 *
 * Provenance is a list of key/value pairs (network, dataset, device,
 * library versions, threads, date, synthetic yes/no, ...).
 *
 * File format (CSV with a small header; see doc/edge-inference.rst):
 * @verbatim
 # edge-inference-profile 1
 # name: paper-default
 # synthetic: yes
 # <key>: <value>      (any number of provenance lines)
 exit,accuracy
 1,0.62
 ...
 block,batch,block_median_s,block_p10_s,block_p90_s,head_median_s,head_p10_s,head_p90_s
 1,1,0.0012,0.0011,0.0013,0.0001,0.0001,0.0001
 ...
 @endverbatim
 * Blank lines are ignored. Header lines come before the tables, the exit
 * table before the block table; block rows may come in any block order but
 * with increasing batch sizes within a block. Numbers are written with as
 * many digits as needed (at most max_digits10) to read back exactly.
 * Reading rejects a bad file with an EdgeInferenceError naming the file, the
 * line and the problem.
 */
class EarlyExitProfile
{
  public:
    /**
     * @brief Create an empty profile: no name, no provenance, no table.
     *
     * Fill it with SetName and SetTable (or use ReadFile, Parse or Synthetic);
     * Write refuses a profile without name or table.
     */
    EarlyExitProfile();

    /// Largest profile read, in bytes (16 MiB): ReadFile checks the file's
    /// size before reading it, Parse counts the bytes it reads.
    static constexpr uint64_t MAX_FILE_BYTES = 16 * 1024 * 1024;
    /// Longest line read, in characters (without the line end); also the
    /// longest header line SetName and SetProvenance allow.
    static constexpr uint32_t MAX_LINE_LENGTH = 65536;
    /// Most data rows of the exit and block tables together.
    static constexpr uint32_t MAX_TABLE_ROWS = 100000;

    /**
     * @brief Read a profile file.
     *
     * Hostile input is refused before or while reading, never with a crash,
     * a hang or unbounded memory: a path that is not a regular file (a
     * folder, a device such as /dev/zero, a FIFO) or a file larger than
     * MAX_FILE_BYTES is refused before it is read ("<path>:0: ..."); then
     * Parse's limits apply.
     * @param path file name
     * @return the profile
     * @throws EdgeInferenceError naming the file, line and problem
     */
    static EarlyExitProfile ReadFile(const std::string& path);

    /**
     * @brief Parse a profile from a stream.
     *
     * Lines are read with a bounded buffer. Parsing stops with an error at
     * the line that exceeds a limit: more than MAX_FILE_BYTES read, a line
     * longer than MAX_LINE_LENGTH characters (a header line also when
     * written back as "# key: value"), more than MAX_TABLE_ROWS table rows.
     * @param in the stream
     * @param sourceName name used in error messages (usually the file name)
     * @return the profile
     * @throws EdgeInferenceError naming sourceName, line and problem
     */
    static EarlyExitProfile Parse(std::istream& in, const std::string& sourceName);

    /**
     * @brief Write the profile in the file format.
     * @param path file name
     * @throws EdgeInferenceError if the file cannot be written
     */
    void WriteFile(const std::string& path) const;

    /**
     * @brief Write the profile in the file format.
     * @param out the stream
     */
    void Write(std::ostream& out) const;

    /**
     * @brief Build a synthetic profile whose block n takes exactly
     * tau_n(b) = alphaS[n-1] * b + betaS[n-1] (head included, zero spread).
     *
     * Zero times are invalid, so tau_n(b) is split into a block part
     * (1 - headShare) tau_n(b) and a head part tau_n(b) - block part; the
     * two sum to alphaS[n-1] * b + betaS[n-1] exactly in floating point.
     * @param name profile name
     * @param accuracies exit accuracies a_1..a_N
     * @param alphaS per-sample costs (s)
     * @param betaS per-batch costs (s)
     * @param maxBatch table covers batch sizes 1..maxBatch
     * @param headShare share of tau_n(b) put in the head column, in (0, 0.5]
     * @return the profile, provenance "synthetic: yes" and "synthetic_model"
     * @throws EdgeInferenceError on invalid values
     */
    static EarlyExitProfile Synthetic(const std::string& name,
                                      const std::vector<double>& accuracies,
                                      const std::vector<double>& alphaS,
                                      const std::vector<double>& betaS,
                                      uint32_t maxBatch,
                                      double headShare = 0.1);

    /**
     * @brief Set the profile's content; validates it.
     * @param accuracies exit accuracies a_1..a_N, in [0,1], non-decreasing
     * @param batchSizes measured batch sizes, strictly increasing from 1
     * @param block block[n-1][i]: block n at batchSizes[i]
     * @param head head[n-1][i]: exit head n at batchSizes[i]
     * @throws EdgeInferenceError on invalid values
     */
    void SetTable(const std::vector<double>& accuracies,
                  const std::vector<uint32_t>& batchSizes,
                  const std::vector<std::vector<LatencyStats>>& block,
                  const std::vector<std::vector<LatencyStats>>& head);

    /**
     * @brief Set the profile name (written as the "# name:" header line).
     * @param name the profile name: non-empty, one line, no surrounding
     *        blanks, and "# name: <name>" at most MAX_LINE_LENGTH characters
     * @throws EdgeInferenceError otherwise
     */
    void SetName(const std::string& name);
    /**
     * @brief Get the profile name.
     * @return the profile name (empty until set)
     */
    std::string GetName() const;

    /**
     * @brief Set a provenance entry (overwrites the key).
     *
     * Key and value must survive the file format unchanged: a key is
     * non-empty, without ':', '#', newline or surrounding blanks, and not
     * "name" (use SetName); a value is one line without surrounding blanks;
     * the line "# key: value" is at most MAX_LINE_LENGTH characters.
     * @param key e.g. "device"
     * @param value free text
     * @throws EdgeInferenceError otherwise
     */
    void SetProvenance(const std::string& key, const std::string& value);
    /**
     * @brief Get the provenance entries.
     * @return all provenance entries, key to value, sorted by key (without
     *         the name, see GetName)
     */
    const std::map<std::string, std::string>& GetProvenance() const;

    /**
     * @brief Get the number of exits (and blocks).
     * @return number of exits N (0 before a table is set)
     */
    uint32_t GetNExits() const;
    /**
     * @brief Get the accuracy of one exit.
     * @param exit exit number n in 1..N
     * @return accuracy a_n, in [0, 1]
     * @throws EdgeInferenceError if exit is outside 1..N
     */
    double GetExitAccuracy(uint32_t exit) const;
    /**
     * @brief Get the grid of measured batch sizes.
     * @return the measured batch sizes b_1 = 1 < b_2 < ... < b_M (empty
     *         before a table is set)
     */
    const std::vector<uint32_t>& GetBatchSizes() const;
    /**
     * @brief Get the largest measured batch size.
     * @return b_M, the largest measured batch size (0 before a table is set);
     *         GetBlockTime extrapolates beyond it
     */
    uint32_t GetMaxMeasuredBatch() const;

    /**
     * @brief Smallest exit whose accuracy reaches a requirement.
     * @param requiredAccuracy A_k, the task's accuracy requirement
     * @return m = min{n : a_n >= A_k}, or 0 if no exit is accurate enough
     * @throws EdgeInferenceError if requiredAccuracy is NaN
     */
    uint32_t RequiredExit(double requiredAccuracy) const;

    /**
     * @brief Latency tau_n(b) = block + head median, interpolated or
     * extrapolated as stated in the class description.
     * @param block block number n in 1..N
     * @param batch batch size b >= 0 (tasks)
     * @return tau_n(b) in seconds; 0 for b = 0
     * @throws EdgeInferenceError if block is outside 1..N
     */
    double GetBlockTime(uint32_t block, uint32_t batch) const;

    /**
     * @brief Measured stats (block and head summed, per statistic) at a
     * measured batch size.
     * @param block block number n in 1..N
     * @param batchIndex index into GetBatchSizes()
     * @return the stats (s): median, p10 and p90 of the block part plus
     *         those of the head part
     * @throws EdgeInferenceError if block or batchIndex is out of range
     */
    LatencyStats GetMeasuredStats(uint32_t block, uint32_t batchIndex) const;

    /**
     * @brief Measured stats of block n alone (without its exit head) at a
     * measured batch size.
     * @param block block number n in 1..N
     * @param batchIndex index into GetBatchSizes()
     * @return the block part's stats (s)
     * @throws EdgeInferenceError if block or batchIndex is out of range
     */
    LatencyStats GetMeasuredBlockOnly(uint32_t block, uint32_t batchIndex) const;
    /**
     * @brief Measured stats of exit head n alone at a measured batch size.
     * @param block block (and exit) number n in 1..N
     * @param batchIndex index into GetBatchSizes()
     * @return the exit head's stats (s)
     * @throws EdgeInferenceError if block or batchIndex is out of range
     */
    LatencyStats GetMeasuredHeadOnly(uint32_t block, uint32_t batchIndex) const;

    /**
     * @brief Restrict the affine fit to a batch range (default: the whole
     * grid). Refits.
     *
     * Only the measured batch sizes inside [firstBatch, lastBatch] enter the
     * fit; on a profile without a table the range is stored for the next
     * SetTable. The profile is unchanged if the call throws.
     * @param firstBatch smallest batch size fitted (>= 1)
     * @param lastBatch largest batch size fitted (>= firstBatch)
     * @throws EdgeInferenceError if 1 <= firstBatch <= lastBatch fails or no
     *         measured batch size lies in the range
     */
    void SetFitRange(uint32_t firstBatch, uint32_t lastBatch);

    /**
     * @brief Get the affine fit of one block's latency.
     * @param block block number n in 1..N
     * @return the fit tau_n(b) = alpha_n b + beta_n and its errors
     * @throws EdgeInferenceError if block is outside 1..N
     */
    const AffineBlockFit& GetAffineFit(uint32_t block) const;

    /**
     * @brief Print a human-readable summary: per block tau(1), tau(16)/16,
     * tau(64)/64, fit and batching gain.
     *
     * Times are printed in ms; values beyond the largest measured batch are
     * extrapolated and marked with '*'.
     * @param out stream to print to (its format flags are restored)
     */
    void PrintSummary(std::ostream& out) const;

  private:
    /// Reads the file format line by line (early-exit-profile-csv.cc).
    class CsvReader;

    /**
     * @brief Check one latency triple: finite, positive and
     * p10 <= median <= p90.
     * @param s the stats
     * @param what name in messages, e.g. "block 2 batch 8 head"
     * @return empty if valid, else the problem
     */
    static std::string CheckStats(const LatencyStats& s, const std::string& what);
    /**
     * @brief Format a number as the file format writes it.
     * @param v the number
     * @return the shortest decimal text (15 to max_digits10 significant
     *         digits) that reads back as exactly v
     */
    static std::string FormatDouble(double v);
    /**
     * @brief Check the whole table: accuracies in [0,1] and non-decreasing,
     * batch sizes strictly increasing from 1, one block and one head entry
     * per exit and batch size, each with 0 < p10 <= median <= p90.
     * @param where prefix of the error message (the calling method)
     * @throws EdgeInferenceError naming the first problem found
     */
    void Validate(const std::string& where) const;
    /**
     * @brief Recompute m_fits from the table over the fit range, as stated in
     * the class description.
     * @throws EdgeInferenceError if no measured batch size lies in the range
     */
    void Fit();
    /**
     * @brief Check a block number.
     * @param block block number to check
     * @param method name of the calling method, used in the message
     * @throws EdgeInferenceError unless 1 <= block <= N
     */
    void CheckBlock(uint32_t block, const char* method) const;
    /**
     * @brief Check an index into the batch-size grid.
     * @param batchIndex index to check
     * @param method name of the calling method, used in the message
     * @throws EdgeInferenceError unless batchIndex < GetBatchSizes().size()
     */
    void CheckBatchIndex(uint32_t batchIndex, const char* method) const;

    std::string m_name;                              //!< profile name
    std::map<std::string, std::string> m_provenance; //!< provenance entries
    std::vector<double> m_accuracy;                  //!< a_1..a_N
    std::vector<uint32_t> m_batchSizes;              //!< measured grid
    std::vector<std::vector<LatencyStats>> m_block;  //!< [n-1][i]
    std::vector<std::vector<LatencyStats>> m_head;   //!< [n-1][i]
    std::vector<AffineBlockFit> m_fits;              //!< [n-1]
    uint32_t m_fitFirst{0};                          //!< 0: whole grid
    uint32_t m_fitLast{0};                           //!< 0: whole grid
};

} // namespace ns3

#endif /* EARLY_EXIT_PROFILE_H */
