/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Tests of the uplink rate model (manual: *Uplink rate model*): rates and the minimum
 * bandwidth w(t) of both rate models, against values computed by hand and
 * against an independent bisection on r(B) t = D.
 */

#include "ns3/test.h"
#include "ns3/uplink-rate-model.h"

#include <cmath>
#include <limits>

using namespace ns3;

namespace
{

/**
 * Smallest B with rate(B) * t >= bits, by bisection on the rate formula
 * written out here independently of the model's code. Returns +inf when
 * even a huge bandwidth does not suffice.
 */
double
BisectMinBandwidth(bool fixedPower, double bits, double t, double snrTimesHz, double snr)
{
    auto rate = [&](double b) {
        return fixedPower ? b * std::log2(1.0 + snrTimesHz / b) : b * std::log2(1.0 + snr);
    };
    double hi = 1.0;
    while (rate(hi) * t < bits)
    {
        hi *= 2.0;
        if (hi > 1e18)
        {
            return std::numeric_limits<double>::infinity();
        }
    }
    double lo = 0.0;
    for (int i = 0; i < 200; ++i)
    {
        const double mid = 0.5 * (lo + hi);
        (rate(mid) * t >= bits ? hi : lo) = mid;
    }
    return hi;
}

/**
 * Hand-computed rates and minimum bandwidths. With c = P g / N0 equal to the
 * bandwidth B, the fixed-power rate is B log2(2) = B; with c = 3 B it is
 * B log2(4) = 2 B. With SNR = 3 the fixed-PSD rate is 2 B.
 */
class RateHandValuesTestCase : public TestCase
{
  public:
    RateHandValuesTestCase()
        : TestCase("Rates and minimum bandwidths computed by hand")
    {
    }

  private:
    void DoRun() override
    {
        const double n0 = 1e-20;                         // W/Hz
        const auto fp = UplinkRateModel::FixedPower(n0); // fixed power
        // P g = c N0 with c = 1e6 Hz: P = 0.5 W, g = 2e-14.
        NS_TEST_ASSERT_MSG_EQ_TOL(fp.Rate(1e6, 0.5, 2e-14), 1e6, 1e-3, "c = B gives r = B");
        NS_TEST_ASSERT_MSG_EQ_TOL(fp.Rate(1e6, 0.5, 6e-14), 2e6, 1e-3, "c = 3B gives r = 2B");
        // 1e5 bits in 0.1 s needs 1 Mbit/s, i.e. B = c = 1 MHz.
        NS_TEST_ASSERT_MSG_EQ_TOL(fp.MinBandwidth(1e5, 0.1, 0.5, 2e-14),
                                  1e6,
                                  1e-3,
                                  "w(t) from Lambert W, c = 1 MHz");
        // 2e5 bits in 0.1 s with c = 3 MHz: r = 2B, B = 1 MHz.
        NS_TEST_ASSERT_MSG_EQ_TOL(fp.MinBandwidth(2e5, 0.1, 0.5, 6e-14),
                                  1e6,
                                  1e-3,
                                  "w(t) from Lambert W, c = 3 MHz");
        // Saturation c / ln 2 = 1.4427 Mbit/s < 2 Mbit/s needed: infeasible.
        NS_TEST_ASSERT_MSG_EQ(std::isinf(fp.MinBandwidth(2e5, 0.1, 0.5, 2e-14)),
                              true,
                              "upload beyond the saturation rate is infeasible");
        NS_TEST_ASSERT_MSG_EQ_TOL(fp.MaxRate(0.5, 2e-14),
                                  1e6 / std::log(2.0),
                                  1e-3,
                                  "saturation rate c / ln 2");
        NS_TEST_ASSERT_MSG_EQ(std::isinf(fp.MinBandwidth(1e5, 0.0, 0.5, 2e-14)),
                              true,
                              "no time left is infeasible");
        NS_TEST_ASSERT_MSG_EQ(fp.MinBandwidth(0.0, 0.1, 0.5, 2e-14), 0.0, "empty task");
        NS_TEST_ASSERT_MSG_EQ_TOL(fp.UploadTime(1e5, 1e6, 0.5, 2e-14),
                                  0.1,
                                  1e-9,
                                  "upload time D / r");

        // Fixed PSD: SNR = P g / (N0 Bref) = 3 with Bref = 1 MHz, r = 2 B.
        const auto fpsd = UplinkRateModel::FixedPsd(n0, 1e6);
        NS_TEST_ASSERT_MSG_EQ_TOL(fpsd.Snr(0.5, 6e-14), 3.0, 1e-12, "SNR of the fixed-PSD model");
        NS_TEST_ASSERT_MSG_EQ_TOL(fpsd.Rate(5e5, 0.5, 6e-14), 1e6, 1e-3, "r = B log2(4)");
        // 1e6 bits in 1 s at 2 bit/s/Hz: 500 kHz.
        NS_TEST_ASSERT_MSG_EQ_TOL(fpsd.MinBandwidth(1e6, 1.0, 0.5, 6e-14),
                                  5e5,
                                  1e-3,
                                  "w(t) = D / (t log2(1 + SNR))");
        NS_TEST_ASSERT_MSG_EQ(std::isinf(fpsd.MaxRate(0.5, 6e-14)), true, "no saturation");

        // Unit conversions: 23 dBm ~ 0.19953 W, -174 dBm/Hz ~ 3.981e-21 W/Hz.
        NS_TEST_ASSERT_MSG_EQ_TOL(edgeinference::DbmToW(23.0), 0.199526, 1e-6, "23 dBm");
        NS_TEST_ASSERT_MSG_EQ_TOL(edgeinference::DbmPerHzToWPerHz(-174.0) / 3.98107e-21,
                                  1.0,
                                  1e-5,
                                  "-174 dBm/Hz");
    }
};

/**
 * The closed form agrees with bisection over a grid spanning six decades of
 * task size, deadline and channel gain, for both models, and the infeasible
 * region (a >= 1) matches exactly.
 */
class RateBisectionTestCase : public TestCase
{
  public:
    RateBisectionTestCase()
        : TestCase("Minimum bandwidth agrees with bisection")
    {
    }

  private:
    void DoRun() override
    {
        const double n0 = edgeinference::DbmPerHzToWPerHz(-174.0);
        const double p = 0.2;
        const auto fp = UplinkRateModel::FixedPower(n0);
        const auto fpsd = UplinkRateModel::FixedPsd(n0, 1e6);
        int checked = 0;
        for (double bits : {1e3, 24576.0, 1e5, 1e6})
        {
            for (double t : {1e-3, 5e-3, 2e-2, 0.1})
            {
                for (double gain : {1e-15, 1e-13, 1e-11, 1e-9})
                {
                    const double c = p * gain / n0;
                    const double expectFp = BisectMinBandwidth(true, bits, t, c, 0.0);
                    const double gotFp = fp.MinBandwidth(bits, t, p, gain);
                    const double a = bits * std::log(2.0) / (t * c);
                    if (a >= 1.0 - 1e-9)
                    {
                        NS_TEST_ASSERT_MSG_EQ(std::isinf(gotFp),
                                              true,
                                              "a >= 1 must be infeasible (bits " << bits << ", t "
                                                                                 << t << ")");
                        NS_TEST_ASSERT_MSG_EQ(std::isinf(expectFp) || expectFp > 1e15,
                                              true,
                                              "bisection agrees that a >= 1 is infeasible");
                    }
                    else if (a < 0.999) // away from the divergence at a = 1
                    {
                        NS_TEST_ASSERT_MSG_EQ_TOL(gotFp / expectFp,
                                                  1.0,
                                                  1e-7,
                                                  "fixed power, bits " << bits << " t " << t
                                                                       << " gain " << gain);
                        // Round trip: the rate at w(t) carries exactly the bits in t.
                        NS_TEST_ASSERT_MSG_EQ_TOL(fp.Rate(gotFp, p, gain) * t / bits,
                                                  1.0,
                                                  1e-9,
                                                  "r(w(t)) t = D");
                        ++checked;
                    }
                    const double snr = fpsd.Snr(p, gain);
                    const double expectPsd = BisectMinBandwidth(false, bits, t, 0.0, snr);
                    NS_TEST_ASSERT_MSG_EQ_TOL(fpsd.MinBandwidth(bits, t, p, gain) / expectPsd,
                                              1.0,
                                              1e-7,
                                              "fixed PSD");
                }
            }
        }
        // Guard against a grid that silently tests nothing.
        NS_TEST_ASSERT_MSG_GT(checked, 20, "too few feasible grid points compared");
    }
};

/**
 * w(t) is decreasing and convex in t (manual: *Uplink rate model*), checked by second
 * differences on a fine grid.
 */
class RateShapeTestCase : public TestCase
{
  public:
    RateShapeTestCase()
        : TestCase("Minimum bandwidth is decreasing and convex in the deadline")
    {
    }

  private:
    void DoRun() override
    {
        const auto fp = UplinkRateModel::FixedPower(edgeinference::DbmPerHzToWPerHz(-174.0));
        const double bits = 24576;
        const double gain = 1e-12;
        double prev = fp.MinBandwidth(bits, 0.005, 0.2, gain);
        double prevDiff = -std::numeric_limits<double>::infinity();
        for (double t = 0.006; t < 0.1; t += 0.001)
        {
            const double w = fp.MinBandwidth(bits, t, 0.2, gain);
            NS_TEST_ASSERT_MSG_LT(w, prev, "w(t) decreasing at t = " << t);
            const double diff = w - prev;
            NS_TEST_ASSERT_MSG_GT_OR_EQ(diff, prevDiff - 1e-6 * std::abs(prevDiff), "convex");
            prevDiff = diff;
            prev = w;
        }
    }
};

/**
 * Resource-block rounding: ceil(w / B_RB), exact multiples map back to
 * themselves despite floating-point error, infinity maps to UINT32_MAX.
 */
class ResourceBlockRoundingTestCase : public TestCase
{
  public:
    ResourceBlockRoundingTestCase()
        : TestCase("Resource-block rounding")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_ASSERT_MSG_EQ(ResourceBlocksFor(1e6, 180e3), 6u, "1 MHz / 180 kHz = 5.56 -> 6");
        NS_TEST_ASSERT_MSG_EQ(ResourceBlocksFor(5 * 180e3, 180e3), 5u, "exact multiple");
        NS_TEST_ASSERT_MSG_EQ(ResourceBlocksFor(0.1 * 3 * 1e6, 1e5), 3u, "0.3 MHz / 100 kHz");
        NS_TEST_ASSERT_MSG_EQ(ResourceBlocksFor(1.0, 180e3),
                              1u,
                              "any positive need takes one block");
        NS_TEST_ASSERT_MSG_EQ(ResourceBlocksFor(0.0, 180e3), 0u, "no need, no block");
        NS_TEST_ASSERT_MSG_EQ(ResourceBlocksFor(std::numeric_limits<double>::infinity(), 180e3),
                              UINT32_MAX,
                              "infinite need");
        // Combined with w(t): the fixed-PSD need of 500 kHz is 3 blocks of 180 kHz.
        const auto fpsd = UplinkRateModel::FixedPsd(1e-20, 1e6);
        NS_TEST_ASSERT_MSG_EQ(ResourceBlocksFor(fpsd.MinBandwidth(1e6, 1.0, 0.5, 6e-14), 180e3),
                              3u,
                              "ceil(500 / 180) = 3");
    }
};

/// The uplink rate model's TestSuite.
class UplinkRateModelTestSuite : public TestSuite
{
  public:
    UplinkRateModelTestSuite()
        : TestSuite("edge-inference-uplink-rate", Type::UNIT)
    {
        AddTestCase(new RateHandValuesTestCase);
        AddTestCase(new RateBisectionTestCase);
        AddTestCase(new RateShapeTestCase);
        AddTestCase(new ResourceBlockRoundingTestCase);
    }
};

/// Static instance that registers the suite.
static UplinkRateModelTestSuite g_uplinkRateModelTestSuite;

} // namespace
