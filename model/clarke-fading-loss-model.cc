/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "clarke-fading-loss-model.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ClarkeFadingLossModel");

NS_OBJECT_ENSURE_REGISTERED(ClarkeFadingLossModel);

TypeId
ClarkeFadingLossModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::ClarkeFadingLossModel")
            .SetParent<PairFadingLossModel>()
            .SetGroupName("EdgeInference")
            .AddConstructor<ClarkeFadingLossModel>()
            .AddAttribute("DopplerFrequency",
                          "Maximum Doppler frequency f_D (Hz, >= 0): speed times carrier "
                          "frequency over the speed of light (3 m/s at 2 GHz: 20 Hz). 0 gives "
                          "a gain constant in time.",
                          DoubleValue(20.0),
                          MakeDoubleAccessor(&ClarkeFadingLossModel::m_dopplerHz),
                          MakeDoubleChecker<double>(0.0, 1e6))
            .AddAttribute("Sinusoids",
                          "Number N of sinusoids per quadrature component (>= 4; 16 gives a "
                          "close fit of Clarke's statistics).",
                          UintegerValue(16),
                          MakeUintegerAccessor(&ClarkeFadingLossModel::m_sinusoids),
                          MakeUintegerChecker<uint32_t>(4, 1024));
    return tid;
}

ClarkeFadingLossModel::ClarkeFadingLossModel()
    : m_dopplerHz(20.0),
      m_sinusoids(16)
{
    NS_LOG_FUNCTION(this);
}

ClarkeFadingLossModel::~ClarkeFadingLossModel()
{
    NS_LOG_FUNCTION(this);
}

double
ClarkeFadingLossModel::Phase(uint64_t hash)
{
    return 2 * M_PI * ToUniform(hash) - M_PI;
}

double
ClarkeFadingLossModel::GetFadingGain(Ptr<MobilityModel> a, Ptr<MobilityModel> b, Time t) const
{
    const uint32_t n = m_sinusoids;
    // Salts: 2k and 2k + 1 for the phases of sinusoid k, 2N for theta.
    const double theta = Phase(PairHash(a, b, 2 * n));
    const double wt = 2 * M_PI * m_dopplerHz * t.GetSeconds();
    double hc = 0;
    double hs = 0;
    for (uint32_t k = 0; k < n; ++k)
    {
        const double alpha = (2 * M_PI * (k + 1) - M_PI + theta) / (4.0 * n);
        hc += std::cos(wt * std::cos(alpha) + Phase(PairHash(a, b, 2 * k)));
        hs += std::cos(wt * std::sin(alpha) + Phase(PairHash(a, b, 2 * k + 1)));
    }
    return (hc * hc + hs * hs) / n;
}

double
ClarkeFadingLossModel::DoCalcRxPower(double txPowerDbm,
                                     Ptr<MobilityModel> a,
                                     Ptr<MobilityModel> b) const
{
    // A floor keeps a deep fade finite in dB.
    const double g = std::max(GetFadingGain(a, b, Simulator::Now()), 1e-30);
    NS_LOG_LOGIC("fading gain " << g);
    return txPowerDbm + 10.0 * std::log10(g);
}

} // namespace ns3
