/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Tests of imperfect channel knowledge: the statistics of Clarke's fading
 * model against the analytic ones (exponential power of mean 1, power
 * correlation J0^2(2 pi f_D tau)); the BS's soundings (which measurement a
 * query gets, by hand, for a UE moving at constant speed); the sounding
 * error's log-normal spread; and, at system level, completed over predicted
 * falling with the age of the BS's channel knowledge on seeded drops.
 */

#include "ofdma-test-helpers.h"

#include "ns3/clarke-fading-loss-model.h"
#include "ns3/constant-position-mobility-model.h"
#include "ns3/constant-velocity-mobility-model.h"
#include "ns3/double.h"
#include "ns3/edge-inference-scenario-runner.h"
#include "ns3/enum.h"
#include "ns3/node.h"
#include "ns3/ofdma-bs-net-device.h"
#include "ns3/ofdma-rate-mapping.h"
#include "ns3/ofdma-ue-net-device.h"
#include "ns3/ofdma-uplink-helper.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <cmath>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

using ofdmatest::NodeAt;
using ofdmatest::PathGain;

/**
 * Clarke's model against its analytic statistics, over 4000 independent
 * pairs (node-less mobility models) at f_D = 10 Hz:
 * - the power |h|^2 is Exp(1): mean 1 (std of the sample mean 1/63 = 0.016,
 *   bound 5 std = 0.08) and P(|h|^2 < 0.1) = 1 - e^-0.1 = 0.0952 (binomial
 *   std 0.0046, bound 0.025);
 * - the correlation coefficient of the power at lag tau is
 *   J0^2(2 pi f_D tau) (Clarke): at 2 pi f_D tau = 0.5, 1, 2 and 2.405
 *   (the first zero of J0) it is 0.880, 0.586, 0.050 and 0; sample
 *   correlations of 4000 pairs have a std of at most 1/63, and the model's
 *   16 sinusoids approximate Clarke's spectrum, so the bound is 0.08.
 */
class ClarkeStatisticsTestCase : public TestCase
{
  public:
    ClarkeStatisticsTestCase()
        : TestCase("Clarke fading: exponential power of mean 1, correlation J0^2(2 pi fD tau)")
    {
    }

  private:
    void DoRun() override
    {
        const double fD = 10;
        Ptr<ClarkeFadingLossModel> model = CreateObject<ClarkeFadingLossModel>();
        model->SetAttribute("DopplerFrequency", DoubleValue(fD));
        model->AssignStreams(7);
        const uint32_t pairs = 4000;
        std::vector<Ptr<MobilityModel>> a;
        std::vector<Ptr<MobilityModel>> b;
        for (uint32_t i = 0; i < pairs; ++i)
        {
            a.push_back(CreateObject<ConstantPositionMobilityModel>());
            b.push_back(CreateObject<ConstantPositionMobilityModel>());
        }
        const Time t0 = Seconds(0.37);
        std::vector<double> g0;
        double mean = 0;
        uint32_t deep = 0;
        for (uint32_t i = 0; i < pairs; ++i)
        {
            g0.push_back(model->GetFadingGain(a[i], b[i], t0));
            mean += g0.back() / pairs;
            deep += g0.back() < 0.1 ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_EQ_TOL(mean, 1.0, 0.08, "mean power");
        NS_TEST_EXPECT_MSG_EQ_TOL(deep / double(pairs), 1 - std::exp(-0.1), 0.025, "P(g < 0.1)");
        NS_TEST_EXPECT_MSG_EQ(model->GetFadingGain(a[0], b[0], t0),
                              model->GetFadingGain(b[0], a[0], t0),
                              "reciprocal");
        for (double x : {0.5, 1.0, 2.0, 2.404825557695773})
        {
            const Time lag = Seconds(x / (2 * M_PI * fD));
            std::vector<double> g1;
            for (uint32_t i = 0; i < pairs; ++i)
            {
                g1.push_back(model->GetFadingGain(a[i], b[i], t0 + lag));
            }
            const double j0 = std::cyl_bessel_j(0.0, x);
            NS_TEST_EXPECT_MSG_EQ_TOL(Correlation(g0, g1), j0 * j0, 0.08, "2 pi fD tau = " << x);
        }
    }

    /// @param x a sample @param y another @return their correlation coefficient
    static double Correlation(const std::vector<double>& x, const std::vector<double>& y)
    {
        const size_t n = x.size();
        double mx = 0;
        double my = 0;
        for (size_t i = 0; i < n; ++i)
        {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (size_t i = 0; i < n; ++i)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / std::sqrt(sxx * syy);
    }
};

/// A BS at the origin and one UE on a given node, fading off.
struct CsiCell
{
    Ptr<OfdmaBsNetDevice> bs; //!< the BS
    Ptr<OfdmaUeNetDevice> ue; //!< the UE

    /**
     * @param ueNode the UE's node (with mobility)
     * @param period CsiPeriod
     * @param delay CsiDelay
     * @param errorDb CsiErrorStd (dB)
     */
    CsiCell(Ptr<Node> ueNode, Time period, Time delay, double errorDb)
    {
        OfdmaUplinkHelper helper;
        helper.EnableFading(false);
        helper.SetBsDeviceAttribute("CsiPeriod", TimeValue(period));
        helper.SetBsDeviceAttribute("CsiDelay", TimeValue(delay));
        helper.SetBsDeviceAttribute("CsiErrorStd", DoubleValue(errorDb));
        NetDeviceContainer bsDevs = helper.InstallBs(NodeContainer(NodeAt(0)));
        bs = DynamicCast<OfdmaBsNetDevice>(bsDevs.Get(0));
        ue = DynamicCast<OfdmaUeNetDevice>(helper.InstallUe(NodeContainer(ueNode), bs).Get(0));
        helper.AssignStreams(bsDevs, 31);
    }
};

/**
 * Which sounding a query gets. The UE moves away from the BS at 10 m/s from
 * 100 m, fading off, so its true gain at time s is PathGain(100 + 10 s).
 * With CsiPeriod 10 ms and CsiDelay 25 ms, a query at t gets the latest
 * sounding taken at a multiple of 10 ms no later than t - 25 ms; the first
 * query (t = 3 ms) measures the UE at once and that measurement serves
 * until a sounding is old enough:
 * - t = 3 ms: measured at 3 ms;
 * - t = 30 ms: soundings at 3, 10, 20 ms; usable up to 5 ms: 3 ms;
 * - t = 47 ms: usable up to 22 ms: 20 ms;
 * - t = 101 ms: usable up to 76 ms: 70 ms.
 * The link adaptation uses the same estimate: its Shannon rate on 10 blocks
 * is 10 W log2(1 + P g / (N0 10 W)) with that g.
 */
class CsiSoundingTestCase : public TestCase
{
  public:
    CsiSoundingTestCase()
        : TestCase("CSI soundings: a query gets the latest sounding at least CsiDelay old")
    {
    }

  private:
    /// Also after a failed assertion, which returns from DoRun early.
    void DoTeardown() override
    {
        Simulator::Destroy();
    }

    /// @param cell the cell @param soundedAt when the expected sounding was taken
    void Query(const CsiCell* cell, Time soundedAt)
    {
        const double expected = PathGain(100 + 10 * soundedAt.GetSeconds());
        const double now = PathGain(100 + 10 * Simulator::Now().GetSeconds());
        NS_TEST_EXPECT_MSG_EQ_TOL(cell->bs->GetEstimatedGain(cell->ue),
                                  expected,
                                  expected * 1e-9,
                                  "at " << Simulator::Now().As(Time::MS));
        NS_TEST_EXPECT_MSG_EQ_TOL(cell->bs->GetChannelGain(cell->ue),
                                  now,
                                  now * 1e-9,
                                  "true gain at " << Simulator::Now().As(Time::MS));
        const double b = 10 * ofdmatest::kRbWidth;
        const double rate = b * std::log2(1 + ofdmatest::kPowerW * expected / (ofdmatest::kN0 * b));
        NS_TEST_EXPECT_MSG_EQ_TOL(cell->bs->ComputeLinkAdaptation(cell->ue, 0, 10).rateBps,
                                  rate,
                                  rate * 1e-9,
                                  "link adaptation from the estimate");
    }

    void DoRun() override
    {
        Ptr<Node> node = CreateObject<Node>();
        Ptr<ConstantVelocityMobilityModel> m = CreateObject<ConstantVelocityMobilityModel>();
        m->SetPosition(Vector(100, 0, 0));
        m->SetVelocity(Vector(10, 0, 0));
        node->AggregateObject(m);
        CsiCell cell(node, MilliSeconds(10), MilliSeconds(25), 0);
        const std::vector<std::pair<Time, Time>> queries = {{MilliSeconds(3), MilliSeconds(3)},
                                                            {MilliSeconds(30), MilliSeconds(3)},
                                                            {MilliSeconds(47), MilliSeconds(20)},
                                                            {MilliSeconds(101), MilliSeconds(70)}};
        for (const auto& [at, soundedAt] : queries)
        {
            Simulator::Schedule(at, &CsiSoundingTestCase::Query, this, &cell, soundedAt);
        }
        Simulator::Stop(MilliSeconds(150));
        Simulator::Run();
    }
};

/**
 * The sounding error: a static UE, fading off, CsiPeriod 1 ms, CsiErrorStd
 * 2 dB; 2000 queries half a millisecond after each sounding each get a new
 * sounding, whose ratio to the true gain is 10^(e / 10) with e ~ N(0, 2 dB):
 * the sample mean of e is 0 within 5 std (5 x 2 / sqrt(2000) = 0.22 dB) and
 * its sample std is 2 dB within 5 std (5 x 2 / sqrt(4000) = 0.16 dB).
 */
class CsiErrorTestCase : public TestCase
{
  public:
    CsiErrorTestCase()
        : TestCase("CSI error: log-normal with CsiErrorStd dB")
    {
    }

  private:
    /// Also after a failed assertion, which returns from DoRun early.
    void DoTeardown() override
    {
        Simulator::Destroy();
    }

    /// @param cell the cell: records the error of the current estimate (dB)
    void Record(const CsiCell* cell)
    {
        m_errorsDb.push_back(10 * std::log10(cell->bs->GetEstimatedGain(cell->ue) /
                                             cell->bs->GetChannelGain(cell->ue)));
    }

    void DoRun() override
    {
        CsiCell cell(NodeAt(150), MilliSeconds(1), Time(0), 2.0);
        const uint32_t n = 2000;
        for (uint32_t k = 1; k <= n; ++k)
        {
            Simulator::Schedule(MicroSeconds(1000 * k + 500),
                                &CsiErrorTestCase::Record,
                                this,
                                &cell);
        }
        Simulator::Stop(MilliSeconds(n + 2));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(m_errorsDb.size(), n, "queries");
        double mean = 0;
        for (double e : m_errorsDb)
        {
            mean += e / n;
        }
        double var = 0;
        for (double e : m_errorsDb)
        {
            var += (e - mean) * (e - mean) / (n - 1);
        }
        NS_TEST_EXPECT_MSG_EQ_TOL(mean, 0.0, 0.22, "mean error (dB)");
        NS_TEST_EXPECT_MSG_EQ_TOL(std::sqrt(var), 2.0, 0.16, "error std (dB)");
    }

    std::vector<double> m_errorsDb; //!< estimate over true gain (dB), per query
};

/**
 * Stale channel knowledge at system level: TreeSearch, 30 moving users
 * (0.1 m/s: Clarke fading with f_D = 0.67 Hz at 2 GHz, whose power
 * correlation J0^2 falls over the first 0.57 s) in a 1 km cell, MCS table
 * with block errors, soundings every 5 ms; 3 seeded drops (RngRun 1 to 3)
 * of 20 frames per CSI age. Completed over predicted, summed over the
 * drops, must fall strictly as CsiDelay grows through 0, 50, 100, 200 and
 * 400 ms (measured: 0.909, 0.883, 0.856, 0.806, 0.722).
 */
class StaleCsiTestCase : public TestCase
{
  public:
    StaleCsiTestCase()
        : TestCase("Stale CSI: completed over predicted falls with the CSI age")
    {
    }

  private:
    void DoRun() override
    {
        double previous = 2;
        for (const char* age : {"0ms", "50ms", "100ms", "200ms", "400ms"})
        {
            uint64_t completed = 0;
            uint64_t predicted = 0;
            for (uint64_t run = 1; run <= 3; ++run)
            {
                EdgeInferenceScenario s;
                s.profile = EarlyExitProfile::ReadFile(EDGE_INFERENCE_SOURCE_DIR
                                                       "/data/profiles/paper-default.csv");
                s.scheduler = {"TreeSearch", "ns3::TreeSearchC2Scheduler", {}};
                s.users = 30;
                s.frames = 20;
                s.rngRun = run;
                s.cellRadiusM = 1000;
                s.ueSpeedMps = 0.1;
                s.bsAttributes = {{"RateMapping", "McsTable"},
                                  {"CsiPeriod", "5ms"},
                                  {"CsiDelay", age}};
                const EdgeInferenceScenarioResult r = RunEdgeInferenceScenario(s);
                completed += r.completed;
                predicted += r.predicted;
            }
            NS_TEST_ASSERT_MSG_GT(predicted, 0, "tasks served");
            const double ratio = static_cast<double>(completed) / predicted;
            NS_TEST_EXPECT_MSG_LT(ratio, previous, "CsiDelay " << age);
            previous = ratio;
        }
    }
};

/// The CSI TestSuite.
class CsiTestSuite : public TestSuite
{
  public:
    CsiTestSuite()
        : TestSuite("edge-inference-csi", Type::SYSTEM)
    {
        AddTestCase(new ClarkeStatisticsTestCase);
        AddTestCase(new CsiSoundingTestCase);
        AddTestCase(new CsiErrorTestCase);
        AddTestCase(new StaleCsiTestCase);
    }
};

/// Static instance.
static CsiTestSuite g_csiTestSuite;

} // namespace
