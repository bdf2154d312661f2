/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "c2-problem.h"

#include "early-exit-profile.h"
#include "edge-inference-error.h"
#include "edge-inference-tolerance.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace ns3
{

C2Problem::C2Problem()
    : m_bandwidthHz(1e6),
      m_rateModel(),
      m_resourceBlockHz(0),
      m_serverFreeS(0)
{
}

void
C2Problem::SetServerFreeS(double seconds)
{
    m_serverFreeS = seconds;
}

double
C2Problem::GetServerFreeS() const
{
    return m_serverFreeS;
}

bool
C2Problem::CanStartAt(double t) const
{
    return t > 0 && t >= m_serverFreeS;
}

void
C2Problem::SetBandwidth(double hz)
{
    m_bandwidthHz = hz;
}

void
C2Problem::SetRateModel(const UplinkRateModel& model)
{
    m_rateModel = model;
}

void
C2Problem::SetResourceBlockWidth(double hz)
{
    m_resourceBlockHz = hz;
}

void
C2Problem::SetExits(const std::vector<C2Exit>& exits)
{
    m_exits = exits;
    m_blockTimes.assign(exits.size(), {});
}

void
C2Problem::SetBlockTimes(uint32_t exit, const std::vector<double>& timesS)
{
    if (exit == 0 || exit > m_exits.size())
    {
        throw std::out_of_range("C2Problem::SetBlockTimes: no block " + std::to_string(exit));
    }
    m_blockTimes[exit - 1] = timesS;
}

const std::vector<double>&
C2Problem::GetBlockTimes(uint32_t exit) const
{
    return m_blockTimes.at(exit - 1);
}

void
C2Problem::SetBlockTimesFromProfileEnvelope(const EarlyExitProfile& profile, uint32_t maxBatch)
{
    for (uint32_t n = 1; n <= m_exits.size(); ++n)
    {
        std::vector<double> envelope;
        double worst = 0;
        for (uint32_t b = 1; b <= std::max(maxBatch, 1U); ++b)
        {
            worst = std::max(worst, profile.GetBlockTime(n, b));
            envelope.push_back(worst);
        }
        SetBlockTimes(n, envelope);
    }
}

void
C2Problem::SetExitsFromProfile(const EarlyExitProfile& profile)
{
    std::vector<C2Exit> exits;
    for (uint32_t n = 1; n <= profile.GetNExits(); ++n)
    {
        const AffineBlockFit& fit = profile.GetAffineFit(n);
        exits.push_back({profile.GetExitAccuracy(n), fit.alphaS, fit.betaS});
    }
    SetExits(exits);
}

void
C2Problem::SetUsers(const std::vector<C2User>& users)
{
    m_users.clear();
    m_tables.clear();
    for (const C2User& u : users)
    {
        AddUser(u);
    }
}

void
C2Problem::AddUser(const C2User& user)
{
    m_users.push_back(user);
    m_tables.emplace_back();
}

void
C2Problem::SetRateTable(uint32_t k, const std::vector<double>& rateBps)
{
    m_tables.at(k) = Summarise(rateBps);
}

const std::vector<double>&
C2Problem::GetRateTable(uint32_t k) const
{
    return m_tables.at(k).rateBps;
}

C2Problem::RateTable
C2Problem::Summarise(const std::vector<double>& rateBps)
{
    RateTable summary;
    summary.rateBps = rateBps;
    double best = 0;
    for (size_t n = 1; n <= rateBps.size(); ++n)
    {
        const double r = rateBps[n - 1];
        // NaN and negative rates are Validate()'s business; here they count as 0.
        best = std::max(best, r > 0 ? r : 0.0);
        summary.bestUpToBps.push_back(best);
        if (r > 0)
        {
            summary.bestPerBlockBps = std::max(summary.bestPerBlockBps, r / n);
        }
    }
    return summary;
}

bool
C2Problem::HasRateTable(uint32_t k) const
{
    return !m_tables[k].rateBps.empty();
}

double
C2Problem::GetBandwidth() const
{
    return m_bandwidthHz;
}

const UplinkRateModel&
C2Problem::GetRateModel() const
{
    return m_rateModel;
}

double
C2Problem::GetResourceBlockWidth() const
{
    return m_resourceBlockHz;
}

bool
C2Problem::UsesResourceBlocks() const
{
    return m_resourceBlockHz > 0;
}

const std::vector<C2Exit>&
C2Problem::GetExits() const
{
    return m_exits;
}

const std::vector<C2User>&
C2Problem::GetUsers() const
{
    return m_users;
}

uint32_t
C2Problem::GetNUsers() const
{
    return m_users.size();
}

uint32_t
C2Problem::GetNExits() const
{
    return m_exits.size();
}

namespace
{

/// Throws "<field> must be <what>, got <value>" unless ok.
void
Require(bool ok, const std::string& field, const std::string& what, double value)
{
    if (!ok)
    {
        std::ostringstream os;
        os << "C2Problem: " << field << " must be " << what << ", got " << value;
        throw EdgeInferenceError(os.str());
    }
}

} // namespace

void
C2Problem::ValidateBlockTimes() const
{
    for (size_t n = 0; n < m_blockTimes.size(); ++n)
    {
        const std::vector<double>& table = m_blockTimes[n];
        if (table.empty())
        {
            continue;
        }
        const std::string f = "exits[" + std::to_string(n) + "].block_times_s";
        Require(table.size() >= m_users.size(),
                f + " length",
                "at least the number of users (" + std::to_string(m_users.size()) + ")",
                table.size());
        for (size_t b = 0; b < table.size(); ++b)
        {
            const std::string fb = f + "[" + std::to_string(b) + "]";
            Require(std::isfinite(table[b]) && table[b] > 0,
                    fb,
                    "a positive number of s",
                    table[b]);
            Require(b == 0 || table[b] >= table[b - 1],
                    fb,
                    "at least the previous entry (a larger batch is never faster)",
                    table[b]);
        }
    }
}

void
C2Problem::Validate() const
{
    Require(std::isfinite(m_bandwidthHz) && m_bandwidthHz > 0,
            "bandwidth_hz",
            "a positive number of Hz",
            m_bandwidthHz);
    Require(std::isfinite(m_resourceBlockHz) && m_resourceBlockHz >= 0,
            "resource_block_hz",
            "0 (continuous) or a positive number of Hz",
            m_resourceBlockHz);
    Require(std::isfinite(m_serverFreeS) && m_serverFreeS >= 0,
            "server_free_s",
            "a non-negative number of s",
            m_serverFreeS);
    Require(m_resourceBlockHz <= m_bandwidthHz,
            "resource_block_hz",
            "at most bandwidth_hz",
            m_resourceBlockHz);
    if (m_exits.empty())
    {
        throw EdgeInferenceError("C2Problem: exits must list at least one exit");
    }
    for (size_t n = 0; n < m_exits.size(); ++n)
    {
        const std::string f = "exits[" + std::to_string(n) + "].";
        const C2Exit& e = m_exits[n];
        Require(e.accuracy >= 0 && e.accuracy <= 1, f + "accuracy", "in [0, 1]", e.accuracy);
        Require(n == 0 || e.accuracy >= m_exits[n - 1].accuracy,
                f + "accuracy",
                "at least the previous exit's accuracy",
                e.accuracy);
        Require(std::isfinite(e.alphaS) && e.alphaS >= 0, f + "alpha_s", ">= 0", e.alphaS);
        Require(std::isfinite(e.betaS) && e.betaS >= 0, f + "beta_s", ">= 0", e.betaS);
        Require(e.alphaS + e.betaS > 0, f + "alpha_s + beta_s", "> 0", e.alphaS + e.betaS);
    }
    ValidateBlockTimes();
    for (size_t k = 0; k < m_users.size(); ++k)
    {
        const std::string f = "users[" + std::to_string(k) + "].";
        const C2User& u = m_users[k];
        Require(std::isfinite(u.bits) && u.bits > 0, f + "bits", "a positive number", u.bits);
        Require(std::isfinite(u.powerW) && u.powerW > 0,
                f + "power_w",
                "a positive number of W",
                u.powerW);
        Require(std::isfinite(u.gain) && u.gain > 0, f + "gain", "a positive number", u.gain);
        Require(std::isfinite(u.deadlineS) && u.deadlineS > 0,
                f + "deadline_s",
                "a positive number of s",
                u.deadlineS);
        Require(u.accuracy >= 0 && u.accuracy <= 1, f + "accuracy", "in [0, 1]", u.accuracy);
        const std::vector<double>& rates = m_tables[k].rateBps;
        if (rates.empty())
        {
            continue;
        }
        Require(UsesResourceBlocks(),
                "resource_block_hz",
                "> 0 when a user has a rate table (rate_bps)",
                m_resourceBlockHz);
        Require(rates.size() == Capacity(),
                f + "rate_bps",
                "one rate per number of blocks 1.." +
                    std::to_string(static_cast<uint64_t>(Capacity())) + " (its length)",
                rates.size());
        for (size_t n = 0; n < rates.size(); ++n)
        {
            Require(std::isfinite(rates[n]) && rates[n] >= 0,
                    f + "rate_bps[" + std::to_string(n) + "]",
                    "a number of bit/s >= 0",
                    rates[n]);
        }
    }
}

uint32_t
C2Problem::RequiredExit(uint32_t k) const
{
    const double a = m_users.at(k).accuracy;
    for (uint32_t n = 0; n < m_exits.size(); ++n)
    {
        if (m_exits[n].accuracy >= a)
        {
            return n + 1;
        }
    }
    return 0;
}

double
C2Problem::BlockTime(uint32_t exit, uint32_t batch) const
{
    if (batch == 0)
    {
        return 0.0;
    }
    const C2Exit& e = m_exits.at(exit - 1);
    const std::vector<double>& table = m_blockTimes[exit - 1];
    if (table.empty())
    {
        return e.alphaS * batch + e.betaS;
    }
    if (batch > table.size())
    {
        throw EdgeInferenceError(
            "C2Problem: block " + std::to_string(exit) + " has latencies for batches up to " +
            std::to_string(table.size()) + ", asked for " + std::to_string(batch));
    }
    return table[batch - 1];
}

double
C2Problem::FullNetworkTime(uint32_t batch) const
{
    double total = 0;
    for (uint32_t n = 1; n <= m_exits.size(); ++n)
    {
        total += BlockTime(n, batch);
    }
    return total;
}

double
C2Problem::AloneTime(uint32_t exit) const
{
    double total = 0;
    for (uint32_t n = 1; n <= exit; ++n)
    {
        total += BlockTime(n, 1);
    }
    return total;
}

double
C2Problem::BandwidthTimeProduct(uint32_t k, double uploadTimeS) const
{
    if (HasRateTable(k))
    {
        // n blocks carry at most n * bestPerBlock bit/s, so Need(k, t') >=
        // D / (t' bestPerBlock) for every t': a bound independent of t.
        const double perBlock = m_tables[k].bestPerBlockBps;
        return perBlock > 0 ? m_users[k].bits / perBlock : std::numeric_limits<double>::infinity();
    }
    const C2User& u = m_users[k];
    const double hz = m_rateModel.MinBandwidth(u.bits, uploadTimeS, u.powerW, u.gain);
    return (m_resourceBlockHz > 0 ? hz / m_resourceBlockHz : hz) * uploadTimeS;
}

std::vector<double>
C2Problem::ExitOffsets(const std::vector<uint32_t>& counts) const
{
    const uint32_t nExits = m_exits.size();
    std::vector<double> offsets(nExits, 0.0);
    // b_n = number of tasks whose exit is n or deeper.
    std::vector<uint32_t> through(nExits + 1, 0);
    for (uint32_t n = nExits; n >= 1; --n)
    {
        through[n - 1] = through[n] + counts.at(n - 1);
    }
    double acc = 0;
    for (uint32_t n = 1; n <= nExits; ++n)
    {
        acc += BlockTime(n, through[n - 1]);
        offsets[n - 1] = acc;
    }
    return offsets;
}

double
C2Problem::TableNeed(uint32_t k, double uploadTimeS) const
{
    // bestUpTo is non-decreasing, so D / bestUpTo(n) <= t holds from some n
    // on: the first such n is where r(n) itself first reaches the rate.
    const std::vector<double>& best = m_tables[k].bestUpToBps;
    const double bits = m_users[k].bits;
    const auto first =
        std::partition_point(best.begin(), best.end(), [bits, uploadTimeS](double rate) {
            return !(bits / rate <= uploadTimeS);
        });
    if (first == best.end())
    {
        return std::numeric_limits<double>::infinity();
    }
    return static_cast<double>(first - best.begin() + 1);
}

double
C2Problem::UploadTime(uint32_t k, double bandwidthHz) const
{
    const C2User& u = m_users[k];
    const std::vector<double>& rates = m_tables[k].rateBps;
    if (rates.empty())
    {
        return m_rateModel.UploadTime(u.bits, bandwidthHz, u.powerW, u.gain);
    }
    const uint32_t n = ResourceBlocksFor(bandwidthHz, m_resourceBlockHz);
    if (n == 0 || n > rates.size() || !(rates[n - 1] > 0))
    {
        return std::numeric_limits<double>::infinity();
    }
    return u.bits / rates[n - 1];
}

double
C2Problem::Need(uint32_t k, double uploadTimeS) const
{
    if (HasRateTable(k))
    {
        return TableNeed(k, uploadTimeS);
    }
    const C2User& u = m_users[k];
    const double hz = m_rateModel.MinBandwidth(u.bits, uploadTimeS, u.powerW, u.gain);
    if (m_resourceBlockHz <= 0)
    {
        return hz;
    }
    if (std::isinf(hz))
    {
        return hz;
    }
    return ResourceBlocksFor(hz, m_resourceBlockHz);
}

double
C2Problem::Capacity() const
{
    if (m_resourceBlockHz <= 0)
    {
        return m_bandwidthHz;
    }
    // Whole blocks that fit, forgiving floating-point error in B / width.
    return std::floor(m_bandwidthHz / m_resourceBlockHz * (1 + edgeinference::kRoundingMargin));
}

double
C2Problem::UnitsToHz(double units) const
{
    return m_resourceBlockHz > 0 ? units * m_resourceBlockHz : units;
}

} // namespace ns3
