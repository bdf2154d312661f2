/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ofdma-rate-mapping.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("OfdmaRateMapping");

namespace
{

/// Fraction of the Shannon efficiency an MCS reaches at its threshold.
constexpr double kShannonFraction = 0.75;

std::vector<OfdmaRateMapping::Mcs>
BuildMcsTable()
{
    // Spectral efficiencies (bit/s/Hz) of the 15 entries of LTE's 4-bit
    // CQI table (QPSK 1-6, 16QAM 7-9, 64QAM 10-15).
    const double eff[] = {0.1523,
                          0.2344,
                          0.3770,
                          0.6016,
                          0.8770,
                          1.1758,
                          1.4766,
                          1.9141,
                          2.4063,
                          2.7305,
                          3.3223,
                          3.9023,
                          4.5234,
                          5.1152,
                          5.5547};
    std::vector<OfdmaRateMapping::Mcs> table;
    for (double e : eff)
    {
        const double s = std::pow(2.0, e / kShannonFraction) - 1.0;
        table.push_back({e, 10.0 * std::log10(s)});
    }
    return table;
}

} // namespace

const std::vector<OfdmaRateMapping::Mcs>&
OfdmaRateMapping::GetMcsTable()
{
    static const std::vector<Mcs> table = BuildMcsTable();
    return table;
}

double
OfdmaRateMapping::EffectiveSinr(const std::vector<double>& sinr)
{
    NS_ABORT_MSG_IF(sinr.empty(), "effective SINR of no resource block");
    double sum = 0;
    for (double s : sinr)
    {
        sum += std::log2(1.0 + s);
    }
    return std::exp2(sum / sinr.size()) - 1.0;
}

double
OfdmaRateMapping::ShannonRate(const std::vector<double>& sinr, double rbWidthHz, double gapLinear)
{
    double rate = 0;
    for (double s : sinr)
    {
        rate += rbWidthHz * std::log2(1.0 + s / gapLinear);
    }
    return rate;
}

int
OfdmaRateMapping::SelectMcs(double effectiveSinrDb, double marginDb)
{
    const auto& table = GetMcsTable();
    int best = 0;
    for (size_t m = 0; m < table.size(); ++m)
    {
        if (table[m].thresholdDb + marginDb <= effectiveSinrDb)
        {
            best = static_cast<int>(m);
        }
    }
    return best;
}

double
OfdmaRateMapping::BlerTargetMarginDb(double targetBler, double slopeDb)
{
    NS_ABORT_MSG_UNLESS(targetBler > 0 && targetBler < 1,
                        "target BLER must be in (0, 1), got " << targetBler);
    NS_ABORT_MSG_UNLESS(slopeDb > 0, "BLER slope must be > 0 dB, got " << slopeDb);
    // 1 / (1 + 9 e^y) <= T  <=>  e^y >= (1 - T) / (9 T).
    return slopeDb * std::log((1.0 - targetBler) / (9.0 * targetBler));
}

double
OfdmaRateMapping::McsRate(int mcs, uint32_t nRbs, double rbWidthHz)
{
    const auto& table = GetMcsTable();
    NS_ABORT_MSG_UNLESS(mcs >= 0 && mcs < static_cast<int>(table.size()),
                        "MCS index " << mcs << " out of range");
    return nRbs * rbWidthHz * table[mcs].spectralEfficiency;
}

double
OfdmaRateMapping::Bler(int mcs, double effectiveSinrDb, double slopeDb)
{
    const auto& table = GetMcsTable();
    NS_ABORT_MSG_UNLESS(mcs >= 0 && mcs < static_cast<int>(table.size()),
                        "MCS index " << mcs << " out of range");
    NS_ABORT_MSG_UNLESS(slopeDb > 0, "BLER slope must be > 0 dB");
    const double x = (effectiveSinrDb - table[mcs].thresholdDb) / slopeDb;
    // exp overflows to +inf far above the threshold: the result is then 0.
    return 1.0 / (1.0 + 9.0 * std::exp(x));
}

} // namespace ns3
