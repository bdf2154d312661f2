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

namespace
{

/// SplitMix64 finaliser: a bijective mixer with good avalanche.
uint64_t
Mix(uint64_t z)
{
    z += 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

} // namespace

TypeId
RayleighBlockFadingLossModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::RayleighBlockFadingLossModel")
            .SetParent<PropagationLossModel>()
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
    : m_coherenceTime(MilliSeconds(100)),
      m_seeded(false),
      m_seed(0)
{
    NS_LOG_FUNCTION(this);
    m_seedRng = CreateObject<UniformRandomVariable>();
}

RayleighBlockFadingLossModel::~RayleighBlockFadingLossModel()
{
    NS_LOG_FUNCTION(this);
}

void
RayleighBlockFadingLossModel::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_orphanIds.clear();
    m_seedRng = nullptr;
    PropagationLossModel::DoDispose();
}

void
RayleighBlockFadingLossModel::SetCoherenceTime(Time t)
{
    NS_ABORT_MSG_UNLESS(t.IsStrictlyPositive(),
                        "RayleighBlockFadingLossModel attribute CoherenceTime must be > 0, got "
                            << t.As(Time::S));
    m_coherenceTime = t;
}

uint64_t
RayleighBlockFadingLossModel::GetEndId(Ptr<MobilityModel> m) const
{
    Ptr<Node> node = m->GetObject<Node>();
    if (node)
    {
        return node->GetId();
    }
    auto it = m_orphanIds.find(m);
    if (it == m_orphanIds.end())
    {
        // Above any node id, in order of first appearance.
        it = m_orphanIds.emplace(m, (1ULL << 32) + m_orphanIds.size()).first;
    }
    return it->second;
}

double
RayleighBlockFadingLossModel::GetFadingGain(Ptr<MobilityModel> a,
                                            Ptr<MobilityModel> b,
                                            int64_t block) const
{
    if (!m_seeded)
    {
        m_seed = static_cast<uint64_t>(m_seedRng->GetInteger(0, 0xFFFFFFFFU)) << 32 |
                 m_seedRng->GetInteger(0, 0xFFFFFFFFU);
        m_seeded = true;
    }
    uint64_t ia = GetEndId(a);
    uint64_t ib = GetEndId(b);
    if (ia > ib)
    {
        std::swap(ia, ib); // reciprocal channel: unordered pair
    }
    // A counter-based generator: the draw is a pure function of (seed,
    // pair, block), hence independent of the order of queries.
    uint64_t h = Mix(m_seed ^ Mix(ia ^ Mix(ib ^ Mix(static_cast<uint64_t>(block)))));
    const double u = ((h >> 11) + 0.5) * 0x1.0p-53; // uniform in (0, 1)
    return -std::log(u);                            // Exp(1)
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

int64_t
RayleighBlockFadingLossModel::DoAssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_seedRng->SetStream(stream);
    m_seeded = false; // redraw the seed from the new stream
    return 1;
}

} // namespace ns3
