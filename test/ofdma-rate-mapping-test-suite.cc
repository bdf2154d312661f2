/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Tests of the OFDMA rate mappings (OfdmaRateMapping): Shannon rate with a
 * gap, capacity-equivalent effective SINR, MCS selection and the BLER
 * curve, against values worked out by hand in the comments.
 */

#include "ns3/ofdma-rate-mapping.h"
#include "ns3/test.h"

#include <cmath>
#include <vector>

using namespace ns3;

namespace
{

/// Shannon rate and effective SINR on hand-picked SINRs with exact log2.
class ShannonMappingTestCase : public TestCase
{
  public:
    ShannonMappingTestCase()
        : TestCase("Shannon rate and effective SINR by hand")
    {
    }

  private:
    void DoRun() override
    {
        // SINRs 1 and 3 give log2(2) + log2(4) = 3 bit/s/Hz over two 10 kHz blocks.
        NS_TEST_ASSERT_MSG_EQ_TOL(OfdmaRateMapping::ShannonRate({1.0, 3.0}, 10e3, 1.0),
                                  30e3,
                                  1e-6,
                                  "W (log2 2 + log2 4)");
        // A gap of 2 (3.01 dB) halves each SINR: 2 -> 1 and 6 -> 3, same 30 kbit/s.
        NS_TEST_ASSERT_MSG_EQ_TOL(OfdmaRateMapping::ShannonRate({2.0, 6.0}, 10e3, 2.0),
                                  30e3,
                                  1e-6,
                                  "gap divides the SINR");
        // Capacity-equivalent SINR of {1, 3}: 2^((1 + 2) / 2) - 1 = 2^1.5 - 1.
        NS_TEST_ASSERT_MSG_EQ_TOL(OfdmaRateMapping::EffectiveSinr({1.0, 3.0}),
                                  std::pow(2.0, 1.5) - 1.0,
                                  1e-12,
                                  "effective SINR of {1, 3}");
        // A flat channel's effective SINR is its SINR.
        NS_TEST_ASSERT_MSG_EQ_TOL(OfdmaRateMapping::EffectiveSinr({250.0, 250.0, 250.0}),
                                  250.0,
                                  1e-9,
                                  "flat channel");
    }
};

/// MCS table, selection at the thresholds, MCS rate and BLER curve.
class McsMappingTestCase : public TestCase
{
  public:
    McsMappingTestCase()
        : TestCase("MCS thresholds, selection, rate and BLER")
    {
    }

  private:
    void DoRun() override
    {
        const auto& table = OfdmaRateMapping::GetMcsTable();
        NS_TEST_ASSERT_MSG_EQ(table.size(), 15, "LTE's CQI table has 15 entries");
        if (table.size() != 15)
        {
            return; // asserts continue on failure: do not index past the end
        }
        // Entry 1 and 15 of TS 36.213 table 7.2.3-1 (QPSK 78/1024, 64QAM 948/1024).
        NS_TEST_ASSERT_MSG_EQ_TOL(table[0].spectralEfficiency, 0.1523, 1e-9, "CQI 1");
        NS_TEST_ASSERT_MSG_EQ_TOL(table[14].spectralEfficiency, 5.5547, 1e-9, "CQI 15");
        // Threshold of CQI 15: 0.75 log2(1 + s) = 5.5547, s = 2^7.40627 - 1 = 168.6,
        // 22.27 dB; of CQI 1: s = 2^0.20307 - 1 = 0.15114, -8.206 dB.
        NS_TEST_ASSERT_MSG_EQ_TOL(table[14].thresholdDb, 22.269, 0.01, "CQI 15 threshold");
        NS_TEST_ASSERT_MSG_EQ_TOL(table[0].thresholdDb, -8.206, 0.01, "CQI 1 threshold");
        for (size_t m = 1; m < table.size(); ++m)
        {
            NS_TEST_ASSERT_MSG_GT(table[m].thresholdDb,
                                  table[m - 1].thresholdDb,
                                  "thresholds increase");
        }

        // Selection: exactly at a threshold picks that MCS, just below the previous.
        NS_TEST_ASSERT_MSG_EQ(OfdmaRateMapping::SelectMcs(table[7].thresholdDb), 7, "at MCS 7");
        NS_TEST_ASSERT_MSG_EQ(OfdmaRateMapping::SelectMcs(table[7].thresholdDb - 1e-6),
                              6,
                              "just below MCS 7");
        NS_TEST_ASSERT_MSG_EQ(OfdmaRateMapping::SelectMcs(40.0), 14, "far above: top MCS");
        NS_TEST_ASSERT_MSG_EQ(OfdmaRateMapping::SelectMcs(-20.0), 0, "below all: MCS 0");

        // Rate: 12 blocks of 180 kHz at 5.5547 bit/s/Hz = 11.998 Mbit/s.
        NS_TEST_ASSERT_MSG_EQ_TOL(OfdmaRateMapping::McsRate(14, 12, 180e3),
                                  12 * 180e3 * 5.5547,
                                  1e-3,
                                  "MCS rate");

        // BLER 1 / (1 + 9 e^{x / sigma}): 0.1 at the threshold; 0.5 at
        // x = -sigma ln 9; 1 / (1 + 9 e^2) = 0.014814 two slopes above.
        const double sigma = 0.5;
        const double t = table[4].thresholdDb;
        NS_TEST_ASSERT_MSG_EQ_TOL(OfdmaRateMapping::Bler(4, t, sigma), 0.1, 1e-12, "at threshold");
        NS_TEST_ASSERT_MSG_EQ_TOL(OfdmaRateMapping::Bler(4, t - sigma * std::log(9.0), sigma),
                                  0.5,
                                  1e-12,
                                  "50 %");
        NS_TEST_ASSERT_MSG_EQ_TOL(OfdmaRateMapping::Bler(4, t + 2 * sigma, sigma),
                                  0.014814,
                                  1e-6,
                                  "two slopes above");
        NS_TEST_ASSERT_MSG_EQ_TOL(OfdmaRateMapping::Bler(4, t + 1000, sigma),
                                  0.0,
                                  1e-300,
                                  "far above: no error");
        NS_TEST_ASSERT_MSG_EQ_TOL(OfdmaRateMapping::Bler(4, t - 1000, sigma),
                                  1.0,
                                  1e-12,
                                  "far below: always lost");
    }
};

/// The OFDMA rate mapping TestSuite.
class OfdmaRateMappingTestSuite : public TestSuite
{
  public:
    OfdmaRateMappingTestSuite()
        : TestSuite("edge-inference-ofdma-rate-mapping", Type::UNIT)
    {
        AddTestCase(new ShannonMappingTestCase);
        AddTestCase(new McsMappingTestCase);
    }
};

/// Static instance.
static OfdmaRateMappingTestSuite g_ofdmaRateMappingTestSuite;

} // namespace
