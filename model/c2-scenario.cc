/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "c2-scenario.h"

#include "edge-inference-error.h"

#include <cmath>
#include <random>

namespace ns3
{

C2ScenarioGenerator::C2ScenarioGenerator(const C2ScenarioParameters& params)
    : m_params(params)
{
    if (m_params.exits.empty())
    {
        throw EdgeInferenceError("C2ScenarioGenerator: the scenario needs at least one exit");
    }
    if (!(m_params.cellRadiusM > m_params.minDistanceM) || !(m_params.minDistanceM > 0))
    {
        throw EdgeInferenceError("C2ScenarioGenerator: need 0 < minDistanceM < cellRadiusM (m)");
    }
    if (!(m_params.deadlineMaxS >= m_params.deadlineMinS) || !(m_params.deadlineMinS > 0))
    {
        throw EdgeInferenceError("C2ScenarioGenerator: need 0 < deadlineMinS <= deadlineMaxS (s)");
    }
}

const C2ScenarioParameters&
C2ScenarioGenerator::GetParameters() const
{
    return m_params;
}

double
C2ScenarioGenerator::PathGain(double distanceM)
{
    const double lossDb = 128.1 + 37.6 * std::log10(distanceM / 1000.0);
    return std::pow(10.0, -lossDb / 10.0);
}

C2Problem
C2ScenarioGenerator::Generate(uint64_t seed) const
{
    // mt19937_64's output sequence is fixed by the C++ standard; the
    // mapping to [0, 1) below is ours, so instances are portable.
    std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ULL + 0x1234567ULL);
    auto uniform = [&rng]() { return (rng() >> 11) * 0x1.0p-53; };

    const C2ScenarioParameters& p = m_params;
    const double noise = edgeinference::DbmPerHzToWPerHz(p.noisePsdDbmHz);
    C2Problem problem;
    problem.SetBandwidth(p.bandwidthHz);
    problem.SetResourceBlockWidth(p.resourceBlockHz);
    problem.SetRateModel(p.fixedPsd ? UplinkRateModel::FixedPsd(noise, p.bandwidthHz)
                                    : UplinkRateModel::FixedPower(noise));
    problem.SetExits(p.exits);
    const double aMin = p.accuracyMin >= 0 ? p.accuracyMin : p.exits.front().accuracy;
    const double aMax = p.accuracyMax >= 0 ? p.accuracyMax : p.exits.back().accuracy;
    const double r0 = p.minDistanceM * p.minDistanceM;
    const double r1 = p.cellRadiusM * p.cellRadiusM;
    for (uint32_t k = 0; k < p.users; ++k)
    {
        C2User u;
        u.id = k;
        u.bits = p.bits;
        u.powerW = edgeinference::DbmToW(p.powerDbm);
        const double d = std::sqrt(r0 + (r1 - r0) * uniform());
        double gain = PathGain(d);
        if (p.rayleighFading)
        {
            // |h|^2 ~ Exp(1); 1 - U is in (0, 1].
            gain *= -std::log(1.0 - uniform());
        }
        u.gain = std::max(gain, 1e-300);
        u.deadlineS = p.deadlineMinS + (p.deadlineMaxS - p.deadlineMinS) * uniform();
        u.accuracy = aMin + (aMax - aMin) * uniform();
        problem.AddUser(u);
    }
    return problem;
}

} // namespace ns3
