/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Tests of the OFDMA uplink channel gain: the default path loss equals
 * 128.1 + 37.6 log10(d / km) dB, OfdmaBsNetDevice::GetChannelGain equals
 * path loss x fading, and the Rayleigh block fading has the statistics of
 * Exp(1) per block and is constant inside a block.
 */

#include "ofdma-test-helpers.h"

#include "ns3/constant-position-mobility-model.h"
#include "ns3/double.h"
#include "ns3/edge-inference-compat.h"
#include "ns3/node.h"
#include "ns3/ofdma-bs-net-device.h"
#include "ns3/ofdma-ue-net-device.h"
#include "ns3/ofdma-uplink-helper.h"
#include "ns3/rayleigh-block-fading-loss-model.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <cmath>
#include <vector>

using namespace ns3;

namespace
{

using ofdmatest::NodeAt;
using ofdmatest::PathGain;

/// GetChannelGain with fading off equals the path-loss formula.
class PathLossTestCase : public TestCase
{
  public:
    PathLossTestCase()
        : TestCase("Default path loss is 128.1 + 37.6 log10(d in km) dB")
    {
    }

  private:
    /// Also after a failed assertion, which returns from DoRun early.
    void DoTeardown() override
    {
        Simulator::Destroy();
    }

    void DoRun() override
    {
        OfdmaUplinkHelper helper;
        helper.EnableFading(false);
        NodeContainer bsNode(NodeAt(0));
        Ptr<OfdmaBsNetDevice> bs = DynamicCast<OfdmaBsNetDevice>(helper.InstallBs(bsNode).Get(0));
        // Below and above 1 km, where a 1 km reference distance would have
        // flattened ns-3's log-distance model.
        for (double d : {10.0, 35.0, 100.0, 200.0, 500.0, 1000.0, 2500.0})
        {
            NodeContainer ueNode(NodeAt(d));
            Ptr<OfdmaUeNetDevice> ue =
                DynamicCast<OfdmaUeNetDevice>(helper.InstallUe(ueNode, bs).Get(0));
            const double expected = PathGain(d);
            NS_TEST_ASSERT_MSG_EQ_TOL(bs->GetChannelGain(ue),
                                      expected,
                                      expected * 1e-9,
                                      "path gain at " << d << " m");
        }
        // N0 = -174 dBm/Hz = 10^-17.4 mW/Hz.
        NS_TEST_ASSERT_MSG_EQ_TOL(bs->GetNoisePsd(), 1e-3 * std::pow(10.0, -17.4), 1e-32, "N0");
        bs->SetAttribute("NoiseFigure", DoubleValue(9.0));
        NS_TEST_ASSERT_MSG_EQ_TOL(bs->GetNoisePsd(),
                                  1e-3 * std::pow(10.0, -16.5),
                                  1e-31,
                                  "N0 with a 9 dB noise figure");
        NS_TEST_ASSERT_MSG_EQ(bs->GetNResourceBlocks(), 100, "1 MHz / 10 kHz");
        Simulator::Destroy();
    }
};

/// First and second moments, CDF point and correlations of |h|^2 over blocks.
class FadingStatisticsTestCase : public TestCase
{
  public:
    FadingStatisticsTestCase()
        : TestCase("Rayleigh block fading: power gain Exp(1), independent blocks and pairs")
    {
    }

  private:
    /// Also after a failed assertion, which returns from DoRun early.
    void DoTeardown() override
    {
        Simulator::Destroy();
    }

    void DoRun() override
    {
        Ptr<RayleighBlockFadingLossModel> fading = CreateObject<RayleighBlockFadingLossModel>();
        fading->AssignStreams(7);
        Ptr<Node> a = NodeAt(0);
        Ptr<Node> b = NodeAt(100);
        Ptr<Node> c = NodeAt(200);
        Ptr<MobilityModel> ma = a->GetObject<MobilityModel>();
        Ptr<MobilityModel> mb = b->GetObject<MobilityModel>();
        Ptr<MobilityModel> mc = c->GetObject<MobilityModel>();
        const int n = 20000;
        double sum = 0;
        double sumSq = 0;
        double below = 0;
        double lagProduct = 0;
        double crossProduct = 0;
        double prev = 0;
        for (int k = 0; k < n; ++k)
        {
            const double g = fading->GetFadingGain(ma, mb, k);
            const double other = fading->GetFadingGain(ma, mc, k);
            NS_TEST_ASSERT_MSG_EQ(fading->GetFadingGain(mb, ma, k), g, "reciprocal channel");
            sum += g;
            sumSq += g * g;
            below += g < 0.1 ? 1 : 0;
            lagProduct += k > 0 ? (g - 1) * (prev - 1) : 0;
            crossProduct += (g - 1) * (other - 1);
            prev = g;
        }
        // Exp(1): mean 1 (std of the sample mean 1/sqrt(n) = 0.0071: 0.03 is
        // over 4 sigma), E[X^2] = 2 (Var X^2 = 24 - 4 = 20, std of the mean
        // sqrt(20 / n) = 0.032: 0.15 is over 4 sigma), P(X < 0.1) =
        // 1 - e^-0.1 = 0.09516 (std 0.0021: 0.01 is over 4 sigma), and
        // zero covariance across blocks and across pairs (each sample mean of
        // products has std 1/sqrt(n) = 0.0071: 0.03 is over 4 sigma).
        NS_TEST_ASSERT_MSG_EQ_TOL(sum / n, 1.0, 0.03, "mean of |h|^2");
        NS_TEST_ASSERT_MSG_EQ_TOL(sumSq / n, 2.0, 0.15, "second moment of |h|^2");
        NS_TEST_ASSERT_MSG_EQ_TOL(below / n, 1 - std::exp(-0.1), 0.01, "P(|h|^2 < 0.1)");
        NS_TEST_ASSERT_MSG_EQ_TOL(lagProduct / (n - 1), 0.0, 0.03, "blocks independent");
        NS_TEST_ASSERT_MSG_EQ_TOL(crossProduct / n, 0.0, 0.03, "pairs independent");

        // Same stream, same realisation; another stream, another one.
        Ptr<RayleighBlockFadingLossModel> same = CreateObject<RayleighBlockFadingLossModel>();
        same->AssignStreams(7);
        Ptr<RayleighBlockFadingLossModel> other = CreateObject<RayleighBlockFadingLossModel>();
        other->AssignStreams(8);
        NS_TEST_ASSERT_MSG_EQ(same->GetFadingGain(ma, mb, 42),
                              fading->GetFadingGain(ma, mb, 42),
                              "stream 7 reproduces");
        NS_TEST_ASSERT_MSG_NE(other->GetFadingGain(ma, mb, 42),
                              fading->GetFadingGain(ma, mb, 42),
                              "stream 8 differs");
        Simulator::Destroy();
    }
};

/// The gain is constant inside a coherence block, and the BS sees it.
class FadingBlockTestCase : public TestCase
{
  public:
    FadingBlockTestCase()
        : TestCase("Fading constant inside a block; GetChannelGain = path gain x fading")
    {
    }

  private:
    /// Also after a failed assertion, which returns from DoRun early.
    void DoTeardown() override
    {
        Simulator::Destroy();
    }

    void DoRun() override
    {
        OfdmaUplinkHelper helper;
        helper.SetFadingModelAttribute("CoherenceTime", TimeValue(MilliSeconds(10)));
        NodeContainer bsNode(NodeAt(0));
        NodeContainer ueNode(NodeAt(150));
        Ptr<OfdmaBsNetDevice> bs = DynamicCast<OfdmaBsNetDevice>(helper.InstallBs(bsNode).Get(0));
        Ptr<OfdmaUeNetDevice> ue =
            DynamicCast<OfdmaUeNetDevice>(helper.InstallUe(ueNode, bs).Get(0));
        helper.AssignStreams(NetDeviceContainer(bs), 1);
        Ptr<RayleighBlockFadingLossModel> fading =
            DynamicCast<RayleighBlockFadingLossModel>(helper.GetFadingModel());
        NS_TEST_ASSERT_MSG_NE(fading, nullptr, "fading on by default");
        Ptr<MobilityModel> mu = ueNode.Get(0)->GetObject<MobilityModel>();
        Ptr<MobilityModel> mbs = bsNode.Get(0)->GetObject<MobilityModel>();

        std::vector<double> gains;
        auto sample = [&]() { gains.push_back(bs->GetChannelGain(ue)); };
        // GetChannelGain over 5000 blocks (one sample 5 ms into each block,
        // from 1 s on), normalised by the path gain: the mean of Exp(1) is 1
        // and the std of a 5000-sample mean is 1/sqrt(5000) = 0.014, so 0.06
        // is over 4 sigma.
        double normalisedSum = 0;
        const int nBlocks = 5000;
        for (int k = 0; k < nBlocks; ++k)
        {
            edgeinference::ScheduleClosure(MilliSeconds(1000 + 10 * k + 5), [&]() {
                normalisedSum += bs->GetChannelGain(ue) / PathGain(150);
            });
        }
        // Blocks of 10 ms: 0, 4.9, 9.999999 ms in block 0; 10 and 15 ms in block 1.
        for (double ms : {0.0, 4.9, 9.999999, 10.0, 15.0})
        {
            edgeinference::ScheduleClosure(MicroSeconds(ms * 1000), sample);
        }
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ_TOL(normalisedSum / nBlocks,
                                  1.0,
                                  0.06,
                                  "GetChannelGain / path gain averages 1 over blocks");
        NS_TEST_ASSERT_MSG_EQ(gains.size(), 5, "five samples");
        if (gains.size() != 5)
        {
            return; // asserts continue on failure: do not index past the end
        }
        NS_TEST_ASSERT_MSG_EQ(gains[0], gains[1], "same block");
        NS_TEST_ASSERT_MSG_EQ(gains[0], gains[2], "same block, last microsecond");
        NS_TEST_ASSERT_MSG_NE(gains[2], gains[3], "next block");
        NS_TEST_ASSERT_MSG_EQ(gains[3], gains[4], "same block");
        for (int block = 0; block < 2; ++block)
        {
            const double expected = PathGain(150) * fading->GetFadingGain(mu, mbs, block);
            NS_TEST_ASSERT_MSG_EQ_TOL(gains[3 * block],
                                      expected,
                                      expected * 1e-9,
                                      "path gain x fading in block " << block);
        }
        Simulator::Destroy();
    }
};

/// The OFDMA channel TestSuite.
class OfdmaChannelTestSuite : public TestSuite
{
  public:
    OfdmaChannelTestSuite()
        : TestSuite("edge-inference-ofdma-channel", Type::UNIT)
    {
        AddTestCase(new PathLossTestCase);
        AddTestCase(new FadingStatisticsTestCase);
        AddTestCase(new FadingBlockTestCase);
    }
};

/// Static instance.
static OfdmaChannelTestSuite g_ofdmaChannelTestSuite;

} // namespace
