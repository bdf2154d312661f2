/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pair-fading-loss-model.h"

#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/node.h"

#include <utility>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PairFadingLossModel");

NS_OBJECT_ENSURE_REGISTERED(PairFadingLossModel);

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
PairFadingLossModel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PairFadingLossModel")
                            .SetParent<PropagationLossModel>()
                            .SetGroupName("EdgeInference");
    return tid;
}

PairFadingLossModel::PairFadingLossModel()
    : m_seeded(false),
      m_seed(0)
{
    NS_LOG_FUNCTION(this);
    m_seedRng = CreateObject<UniformRandomVariable>();
}

PairFadingLossModel::~PairFadingLossModel()
{
    NS_LOG_FUNCTION(this);
}

void
PairFadingLossModel::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_orphanIds.clear();
    m_seedRng = nullptr;
    PropagationLossModel::DoDispose();
}

uint64_t
PairFadingLossModel::GetEndId(Ptr<MobilityModel> m) const
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

uint64_t
PairFadingLossModel::PairHash(Ptr<MobilityModel> a, Ptr<MobilityModel> b, uint64_t salt) const
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
    // A counter-based generator: a pure function of (seed, pair, salt),
    // hence independent of the order of queries.
    return Mix(m_seed ^ Mix(ia ^ Mix(ib ^ Mix(salt))));
}

double
PairFadingLossModel::ToUniform(uint64_t hash)
{
    return ((hash >> 11) + 0.5) * 0x1.0p-53;
}

int64_t
PairFadingLossModel::DoAssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_seedRng->SetStream(stream);
    m_seeded = false; // redraw the seed from the new stream
    return 1;
}

} // namespace ns3
