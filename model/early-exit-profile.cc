/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "early-exit-profile.h"

#include "edge-inference-error.h"

#include "ns3/log.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EarlyExitProfile");

namespace
{

/// @return a short description of one stats triple for messages
std::string
StatsText(const LatencyStats& s)
{
    std::ostringstream os;
    os << "p10 " << s.p10S << ", median " << s.medianS << ", p90 " << s.p90S;
    return os.str();
}

/// @return empty if a_1..a_N are valid, else the problem
std::string
CheckAccuracies(const std::vector<double>& acc)
{
    if (acc.empty())
    {
        return "no exits (exit table is empty)";
    }
    for (size_t i = 0; i < acc.size(); ++i)
    {
        if (!std::isfinite(acc[i]) || acc[i] < 0 || acc[i] > 1)
        {
            std::ostringstream os;
            os << "exit " << i + 1 << ": accuracy " << acc[i] << " outside [0,1]";
            return os.str();
        }
        if (i > 0 && acc[i] < acc[i - 1])
        {
            std::ostringstream os;
            os << "exit " << i + 1 << ": accuracy decreases with depth (" << acc[i] << " < "
               << acc[i - 1] << " of exit " << i << ")";
            return os.str();
        }
    }
    return "";
}

} // namespace

EarlyExitProfile::EarlyExitProfile()
{
    NS_LOG_FUNCTION(this);
}

EarlyExitProfile
EarlyExitProfile::Synthetic(const std::string& name,
                            const std::vector<double>& accuracies,
                            const std::vector<double>& alphaS,
                            const std::vector<double>& betaS,
                            uint32_t maxBatch,
                            double headShare)
{
    NS_LOG_FUNCTION(name << maxBatch << headShare);
    const std::string where = "EarlyExitProfile::Synthetic('" + name + "'): ";
    if (alphaS.size() != accuracies.size() || betaS.size() != accuracies.size())
    {
        throw EdgeInferenceError(where + "need one alpha and one beta per exit (" +
                                 std::to_string(accuracies.size()) + " exits, " +
                                 std::to_string(alphaS.size()) + " alphas, " +
                                 std::to_string(betaS.size()) + " betas)");
    }
    if (maxBatch == 0)
    {
        throw EdgeInferenceError(where + "maxBatch must be >= 1");
    }
    // Head and block parts must both be positive, and their sum exactly
    // alpha b + beta, which the subtraction below guarantees for
    // headShare <= 1/2.
    if (!(headShare > 0 && headShare <= 0.5))
    {
        throw EdgeInferenceError(where + "headShare must be in (0, 0.5]");
    }
    for (size_t n = 0; n < alphaS.size(); ++n)
    {
        if (!std::isfinite(alphaS[n]) || !std::isfinite(betaS[n]) || alphaS[n] < 0 ||
            betaS[n] < 0 || alphaS[n] + betaS[n] <= 0)
        {
            throw EdgeInferenceError(where + "block " + std::to_string(n + 1) +
                                     ": alpha and beta must be >= 0 and not both 0");
        }
    }
    std::vector<uint32_t> batchSizes;
    for (uint32_t b = 1; b <= maxBatch; ++b)
    {
        batchSizes.push_back(b);
    }
    std::vector<std::vector<LatencyStats>> block(alphaS.size());
    std::vector<std::vector<LatencyStats>> head(alphaS.size());
    for (size_t n = 0; n < alphaS.size(); ++n)
    {
        for (uint32_t b : batchSizes)
        {
            double total = alphaS[n] * b + betaS[n];
            // headPart = total - blockPart is exact (Sterbenz lemma:
            // total/2 <= blockPart <= total for headShare <= 1/2), so
            // blockPart + headPart == total exactly in floating point.
            double blockPart = (1 - headShare) * total;
            double headPart = total - blockPart;
            block[n].push_back({blockPart, blockPart, blockPart});
            head[n].push_back({headPart, headPart, headPart});
        }
    }
    EarlyExitProfile profile;
    profile.SetName(name);
    profile.SetTable(accuracies, batchSizes, block, head);
    profile.SetProvenance("synthetic", "yes");
    std::ostringstream model;
    model << "tau_n(b) = alpha_n b + beta_n exactly, zero spread; block column "
          << FormatDouble((1 - headShare) * 100) << "%, head column "
          << FormatDouble(headShare * 100) << "% of tau_n(b)";
    profile.SetProvenance("synthetic_model", model.str());
    return profile;
}

void
EarlyExitProfile::SetTable(const std::vector<double>& accuracies,
                           const std::vector<uint32_t>& batchSizes,
                           const std::vector<std::vector<LatencyStats>>& block,
                           const std::vector<std::vector<LatencyStats>>& head)
{
    NS_LOG_FUNCTION(this);
    EarlyExitProfile candidate(*this);
    candidate.m_accuracy = accuracies;
    candidate.m_batchSizes = batchSizes;
    candidate.m_block = block;
    candidate.m_head = head;
    candidate.Validate("EarlyExitProfile::SetTable");
    candidate.Fit();
    *this = candidate; // only a valid table replaces the old one
}

std::string
EarlyExitProfile::GetName() const
{
    return m_name;
}

const std::map<std::string, std::string>&
EarlyExitProfile::GetProvenance() const
{
    return m_provenance;
}

uint32_t
EarlyExitProfile::GetNExits() const
{
    return m_accuracy.size();
}

double
EarlyExitProfile::GetExitAccuracy(uint32_t exit) const
{
    if (exit < 1 || exit > m_accuracy.size())
    {
        throw EdgeInferenceError("EarlyExitProfile::GetExitAccuracy: exit " + std::to_string(exit) +
                                 " outside 1.." + std::to_string(m_accuracy.size()));
    }
    return m_accuracy[exit - 1];
}

const std::vector<uint32_t>&
EarlyExitProfile::GetBatchSizes() const
{
    return m_batchSizes;
}

uint32_t
EarlyExitProfile::GetMaxMeasuredBatch() const
{
    return m_batchSizes.empty() ? 0 : m_batchSizes.back();
}

uint32_t
EarlyExitProfile::RequiredExit(double requiredAccuracy) const
{
    if (std::isnan(requiredAccuracy))
    {
        throw EdgeInferenceError("EarlyExitProfile::RequiredExit: required accuracy is NaN");
    }
    for (size_t n = 0; n < m_accuracy.size(); ++n)
    {
        if (m_accuracy[n] >= requiredAccuracy)
        {
            return n + 1;
        }
    }
    return 0;
}

double
EarlyExitProfile::GetBlockTime(uint32_t block, uint32_t batch) const
{
    CheckBlock(block, "GetBlockTime");
    if (batch == 0)
    {
        return 0;
    }
    const std::vector<LatencyStats>& b = m_block[block - 1];
    const std::vector<LatencyStats>& h = m_head[block - 1];
    auto tau = [&](size_t i) { return b[i].medianS + h[i].medianS; };
    const size_t last = m_batchSizes.size() - 1;
    if (batch >= m_batchSizes[last])
    {
        return tau(last) + m_fits[block - 1].alphaS * (batch - m_batchSizes[last]);
    }
    // First grid point >= batch; batch >= 1 = m_batchSizes[0] so it > 0 or exact.
    size_t i =
        std::lower_bound(m_batchSizes.begin(), m_batchSizes.end(), batch) - m_batchSizes.begin();
    if (m_batchSizes[i] == batch)
    {
        return tau(i);
    }
    const double x0 = m_batchSizes[i - 1];
    const double x1 = m_batchSizes[i];
    const double w = (batch - x0) / (x1 - x0);
    return tau(i - 1) + w * (tau(i) - tau(i - 1));
}

LatencyStats
EarlyExitProfile::GetMeasuredStats(uint32_t block, uint32_t batchIndex) const
{
    LatencyStats b = GetMeasuredBlockOnly(block, batchIndex);
    LatencyStats h = GetMeasuredHeadOnly(block, batchIndex);
    return {b.medianS + h.medianS, b.p10S + h.p10S, b.p90S + h.p90S};
}

LatencyStats
EarlyExitProfile::GetMeasuredBlockOnly(uint32_t block, uint32_t batchIndex) const
{
    CheckBlock(block, "GetMeasuredBlockOnly");
    CheckBatchIndex(batchIndex, "GetMeasuredBlockOnly");
    return m_block[block - 1][batchIndex];
}

LatencyStats
EarlyExitProfile::GetMeasuredHeadOnly(uint32_t block, uint32_t batchIndex) const
{
    CheckBlock(block, "GetMeasuredHeadOnly");
    CheckBatchIndex(batchIndex, "GetMeasuredHeadOnly");
    return m_head[block - 1][batchIndex];
}

void
EarlyExitProfile::SetFitRange(uint32_t firstBatch, uint32_t lastBatch)
{
    NS_LOG_FUNCTION(this << firstBatch << lastBatch);
    if (firstBatch < 1 || firstBatch > lastBatch)
    {
        throw EdgeInferenceError("EarlyExitProfile::SetFitRange: need 1 <= firstBatch (" +
                                 std::to_string(firstBatch) + ") <= lastBatch (" +
                                 std::to_string(lastBatch) + ")");
    }
    EarlyExitProfile candidate(*this);
    candidate.m_fitFirst = firstBatch;
    candidate.m_fitLast = lastBatch;
    if (!candidate.m_accuracy.empty())
    {
        candidate.Fit();
    }
    *this = candidate;
}

const AffineBlockFit&
EarlyExitProfile::GetAffineFit(uint32_t block) const
{
    CheckBlock(block, "GetAffineFit");
    return m_fits[block - 1];
}

void
EarlyExitProfile::PrintSummary(std::ostream& out) const
{
    NS_LOG_FUNCTION(this);
    const uint32_t maxMeasured = GetMaxMeasuredBatch();
    out << "profile " << m_name << ": " << GetNExits() << " exits, batch sizes "
        << m_batchSizes.size() << " measured in 1.." << maxMeasured << "\n";
    for (const auto& kv : m_provenance)
    {
        out << "  " << kv.first << ": " << kv.second << "\n";
    }
    auto note = [maxMeasured](uint32_t b) { return b > maxMeasured ? "*" : " "; };
    std::ios oldState(nullptr);
    oldState.copyfmt(out);
    out << std::fixed;
    out << "  block accuracy  tau(1)ms tau(16)/16ms tau(64)/64ms  alpha_ms  beta_ms  "
           "fit_max% fit_rms%  gain(1->64)\n";
    double sum1 = 0;
    double sum64 = 0;
    for (uint32_t n = 1; n <= GetNExits(); ++n)
    {
        const AffineBlockFit& f = m_fits[n - 1];
        double t1 = GetBlockTime(n, 1);
        double t16 = GetBlockTime(n, 16) / 16;
        double t64 = GetBlockTime(n, 64) / 64;
        sum1 += t1;
        sum64 += t64;
        out << "  " << std::setw(5) << n << std::setprecision(4) << std::setw(9)
            << m_accuracy[n - 1] << std::setw(10) << t1 * 1e3 << std::setw(12) << t16 * 1e3
            << note(16) << std::setw(12) << t64 * 1e3 << note(64) << std::setw(10) << f.alphaS * 1e3
            << std::setw(9) << f.betaS * 1e3 << std::setprecision(2) << std::setw(10)
            << f.maxRelativeError * 100 << std::setw(9) << f.rmsRelativeError * 100
            << std::setprecision(3) << std::setw(12) << t1 / t64 << "\n";
    }
    out << "  whole network: tau(1) " << std::setprecision(4) << sum1 * 1e3 << " ms, tau(64)/64 "
        << sum64 * 1e3 << " ms per task, batching gain " << std::setprecision(3) << sum1 / sum64
        << "\n";
    if (maxMeasured < 64)
    {
        out << "  (* extrapolated beyond the largest measured batch " << maxMeasured
            << " with the fitted alpha)\n";
    }
    out.copyfmt(oldState);
}

void
EarlyExitProfile::Validate(const std::string& where) const
{
    NS_LOG_FUNCTION(this << where);
    // The rows a file of this table has: one per exit, one per (block, batch size).
    const uint64_t rows = m_accuracy.size() * (1 + static_cast<uint64_t>(m_batchSizes.size()));
    if (rows > MAX_TABLE_ROWS)
    {
        throw EdgeInferenceError(where + ": " + std::to_string(rows) + " table rows (" +
                                 std::to_string(m_accuracy.size()) + " exits x (1 + " +
                                 std::to_string(m_batchSizes.size()) +
                                 " batch sizes)), more than the limit of " +
                                 std::to_string(MAX_TABLE_ROWS));
    }
    std::string problem = CheckAccuracies(m_accuracy);
    if (!problem.empty())
    {
        throw EdgeInferenceError(where + ": " + problem);
    }
    const size_t nExits = m_accuracy.size();
    if (m_batchSizes.empty())
    {
        throw EdgeInferenceError(where + ": no batch sizes (empty block table)");
    }
    if (m_batchSizes[0] != 1)
    {
        throw EdgeInferenceError(where + ": batch sizes must start at 1 (first is " +
                                 std::to_string(m_batchSizes[0]) + ")");
    }
    for (size_t i = 1; i < m_batchSizes.size(); ++i)
    {
        if (m_batchSizes[i] <= m_batchSizes[i - 1])
        {
            throw EdgeInferenceError(where + ": batch sizes not strictly increasing (" +
                                     std::to_string(m_batchSizes[i]) + " after " +
                                     std::to_string(m_batchSizes[i - 1]) + ")");
        }
    }
    if (m_block.size() != nExits || m_head.size() != nExits)
    {
        throw EdgeInferenceError(where + ": blocks not matching exits (" + std::to_string(nExits) +
                                 " exits, " + std::to_string(m_block.size()) + " block rows, " +
                                 std::to_string(m_head.size()) + " head rows)");
    }
    for (size_t n = 0; n < nExits; ++n)
    {
        if (m_block[n].size() != m_batchSizes.size() || m_head[n].size() != m_batchSizes.size())
        {
            throw EdgeInferenceError(where + ": gap in batch sizes: block " +
                                     std::to_string(n + 1) + " has " +
                                     std::to_string(m_block[n].size()) + " block and " +
                                     std::to_string(m_head[n].size()) + " head entries for " +
                                     std::to_string(m_batchSizes.size()) + " batch sizes");
        }
        for (size_t i = 0; i < m_batchSizes.size(); ++i)
        {
            std::string what =
                "block " + std::to_string(n + 1) + " batch " + std::to_string(m_batchSizes[i]);
            problem = CheckStats(m_block[n][i], what + " block");
            if (problem.empty())
            {
                problem = CheckStats(m_head[n][i], what + " head");
            }
            if (!problem.empty())
            {
                throw EdgeInferenceError(where + ": " + problem);
            }
        }
    }
}

void
EarlyExitProfile::Fit()
{
    NS_LOG_FUNCTION(this);
    const uint32_t first = m_fitFirst == 0 ? m_batchSizes.front() : m_fitFirst;
    const uint32_t last = m_fitLast == 0 ? m_batchSizes.back() : m_fitLast;
    std::vector<size_t> used;
    for (size_t i = 0; i < m_batchSizes.size(); ++i)
    {
        if (m_batchSizes[i] >= first && m_batchSizes[i] <= last)
        {
            used.push_back(i);
        }
    }
    if (used.empty())
    {
        throw EdgeInferenceError("EarlyExitProfile::SetFitRange: no measured batch size in " +
                                 std::to_string(first) + ".." + std::to_string(last));
    }
    std::vector<AffineBlockFit> fits;
    for (size_t n = 0; n < m_accuracy.size(); ++n)
    {
        std::vector<uint32_t> xs;
        std::vector<double> ys;
        for (size_t i : used)
        {
            xs.push_back(m_batchSizes[i]);
            ys.push_back(m_block[n][i].medianS + m_head[n][i].medianS);
        }
        fits.push_back(FitAffineBlock(xs, ys));
        NS_LOG_DEBUG("block " << n + 1 << " alpha " << fits.back().alphaS << " beta "
                              << fits.back().betaS << " max rel err "
                              << fits.back().maxRelativeError);
    }
    m_fits = fits;
}

std::string
EarlyExitProfile::CheckStats(const LatencyStats& s, const std::string& what)
{
    if (!std::isfinite(s.medianS) || !std::isfinite(s.p10S) || !std::isfinite(s.p90S))
    {
        return what + ": time is not a finite number";
    }
    if (s.medianS <= 0 || s.p10S <= 0 || s.p90S <= 0)
    {
        return what + ": time must be positive (" + StatsText(s) + ")";
    }
    if (s.p10S > s.medianS)
    {
        return what + ": p10 > median (" + StatsText(s) + ")";
    }
    if (s.medianS > s.p90S)
    {
        return what + ": median > p90 (" + StatsText(s) + ")";
    }
    return "";
}

void
EarlyExitProfile::CheckBlock(uint32_t block, const char* method) const
{
    if (block < 1 || block > m_accuracy.size())
    {
        throw EdgeInferenceError(std::string("EarlyExitProfile::") + method + ": block " +
                                 std::to_string(block) + " outside 1.." +
                                 std::to_string(m_accuracy.size()));
    }
}

void
EarlyExitProfile::CheckBatchIndex(uint32_t batchIndex, const char* method) const
{
    if (batchIndex >= m_batchSizes.size())
    {
        throw EdgeInferenceError(std::string("EarlyExitProfile::") + method + ": batch index " +
                                 std::to_string(batchIndex) + " outside 0.." +
                                 std::to_string(m_batchSizes.size()) + "-1");
    }
}

} // namespace ns3
