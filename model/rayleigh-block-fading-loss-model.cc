/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "rayleigh-block-fading-loss-model.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/node.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("RayleighBlockFadingLossModel");

NS_OBJECT_ENSURE_REGISTERED(RayleighBlockFadingLossModel);

TypeId
RayleighBlockFadingLossModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::RayleighBlockFadingLossModel")
            .SetParent<PairFadingLossModel>()
            .SetGroupName("EdgeInference")
            .AddConstructor<RayleighBlockFadingLossModel>()
            .AddAttribute("CoherenceTime",
                          "Length of a fading block (s): the gain of a pair is constant in "
                          "[k T, (k+1) T) and independent across blocks. The default is the "
                          "longest latency requirement of the default scenario, so a frame "
                          "aligned with the blocks sees one gain (pedestrian speeds at 2 GHz "
                          "give about 80 ms). Must be > 0.",
                          TimeValue(MilliSeconds(100)),
                          MakeTimeAccessor(&RayleighBlockFadingLossModel::SetCoherenceTime),
                          MakeTimeChecker());
    return tid;
}

RayleighBlockFadingLossModel::RayleighBlockFadingLossModel()
    : m_coherenceTime(MilliSeconds(100))
{
    NS_LOG_FUNCTION(this);
}

RayleighBlockFadingLossModel::~RayleighBlockFadingLossModel()
{
    NS_LOG_FUNCTION(this);
}

void
RayleighBlockFadingLossModel::SetCoherenceTime(Time t)
{
    NS_ABORT_MSG_UNLESS(t.IsStrictlyPositive(),
                        "RayleighBlockFadingLossModel attribute CoherenceTime must be > 0, got "
                            << t.As(Time::S));
    m_coherenceTime = t;
}

double
RayleighBlockFadingLossModel::GetFadingGain(Ptr<MobilityModel> a,
                                            Ptr<MobilityModel> b,
                                            int64_t block) const
{
    const double u = ToUniform(PairHash(a, b, static_cast<uint64_t>(block))); // in (0, 1)
    return -std::log(u);                                                      // Exp(1)
}

double
RayleighBlockFadingLossModel::GetFadingGain(Ptr<MobilityModel> a, Ptr<MobilityModel> b) const
{
    const int64_t block = Simulator::Now().GetTimeStep() / m_coherenceTime.GetTimeStep();
    return GetFadingGain(a, b, block);
}

double
RayleighBlockFadingLossModel::DoCalcRxPower(double txPowerDbm,
                                            Ptr<MobilityModel> a,
                                            Ptr<MobilityModel> b) const
{
    const double g = GetFadingGain(a, b);
    NS_LOG_LOGIC("fading gain " << g);
    return txPowerDbm + 10.0 * std::log10(g);
}

} // namespace ns3
