/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * libFuzzer target: the C2 schedulers on valid problems built straight from
 * the input bytes (structure-aware: FuzzedDataProvider).
 *
 * Why a second target: almost every input of the JSON target is rejected by
 * the reader (measured: about 2.5 % of its corpus parses), so the
 * schedulers see few problems there. Here every input is a valid problem,
 * K <= kMaxUsers users and N <= 4 exits, with values spread over and beyond
 * the scenario's range (log-uniform sizes, gains, powers; both rate models;
 * continuous bandwidth or resource blocks) and deliberate ties (users that
 * copy the previous one, requirements equal to an exit's accuracy, exits
 * with equal accuracies, zero alpha or beta), where exact algorithms break
 * first. The checks are those of c2-scheduler-checks.h: feasibility by
 * EvaluateC2Allocation for every scheduler, optimal schedulers equal to the
 * exhaustive search, greedy at most the optimum.
 *
 * Seeds: none needed (any bytes make a problem). On a failure the target
 * prints the problem as JSON (C2ProblemToJson); keep that text, not the raw
 * bytes, in test/data/fuzz-regressions/c2-problem-json/: the JSON target
 * and the regression TestSuite (normal build, no libFuzzer) replay it with
 * the same checks.
 */

#include "c2-scheduler-checks.h"

#include "ns3/c2-problem-json.h"
#include "ns3/c2-problem.h"
#include "ns3/edge-inference-error.h"
#include "ns3/uplink-rate-model.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fuzzer/FuzzedDataProvider.h>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::fuzz;

namespace
{

/// @return 10^x for x drawn uniformly in [lo, hi]
double
LogUniform(FuzzedDataProvider& in, double lo, double hi)
{
    return std::pow(10.0, in.ConsumeFloatingPointInRange<double>(lo, hi));
}

/// @return the problem the bytes describe (always valid)
C2Problem
MakeProblem(FuzzedDataProvider& in)
{
    C2Problem p;
    const double bandwidth = LogUniform(in, 4, 7.5); // 10 kHz .. 30 MHz
    p.SetBandwidth(bandwidth);
    const double n0 = LogUniform(in, -22, -18); // around -174 dBm/Hz
    if (in.ConsumeBool())
    {
        p.SetRateModel(UplinkRateModel::FixedPower(n0));
    }
    else
    {
        p.SetRateModel(UplinkRateModel::FixedPsd(n0, bandwidth));
    }
    switch (in.ConsumeIntegralInRange<int>(0, 2))
    {
    case 0:
        break; // continuous bandwidth
    case 1:    // a whole number of blocks
        p.SetResourceBlockWidth(bandwidth / in.ConsumeIntegralInRange<int>(1, 200));
        break;
    default: // blocks that do not tile the band
        p.SetResourceBlockWidth(bandwidth * in.ConsumeFloatingPointInRange<double>(1e-3, 1.0));
        break;
    }

    const uint32_t nExits = in.ConsumeIntegralInRange<uint32_t>(1, 4);
    std::vector<C2Exit> exits;
    double accuracy = in.ConsumeFloatingPointInRange<double>(0.0, 1.0);
    for (uint32_t n = 0; n < nExits; ++n)
    {
        if (n > 0 && in.ConsumeBool())
        {
            accuracy = in.ConsumeFloatingPointInRange<double>(accuracy, 1.0);
        }
        C2Exit e;
        e.accuracy = accuracy;
        e.alphaS = in.ConsumeBool() ? 0.0 : LogUniform(in, -6, -1.5);
        e.betaS = in.ConsumeBool() ? 0.0 : LogUniform(in, -6, -1.5);
        if (e.alphaS + e.betaS <= 0)
        {
            e.betaS = 1e-3;
        }
        exits.push_back(e);
    }
    p.SetExits(exits);

    const uint32_t nUsers = in.ConsumeIntegralInRange<uint32_t>(0, kMaxUsers);
    for (uint32_t k = 0; k < nUsers; ++k)
    {
        C2User u;
        if (k > 0 && in.ConsumeIntegralInRange<int>(0, 3) == 0)
        {
            u = p.GetUsers().back(); // an exact tie with the previous user
        }
        else
        {
            u.bits = LogUniform(in, 2, 6);
            u.powerW = LogUniform(in, -4, 0.5);
            u.gain = LogUniform(in, -15, -8);
            u.deadlineS = LogUniform(in, -3.5, 0);
            // A requirement equal to an exit's accuracy, or anywhere.
            u.accuracy = in.ConsumeBool()
                             ? exits[in.ConsumeIntegralInRange<uint32_t>(0, nExits - 1)].accuracy
                             : in.ConsumeFloatingPointInRange<double>(0.0, 1.0);
        }
        u.id = k;
        p.AddUser(u);
    }
    return p;
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    FuzzedDataProvider in(data, size);
    const C2Problem problem = MakeProblem(in);
    try
    {
        problem.Validate();
    }
    catch (const EdgeInferenceError& e)
    {
        FuzzFail(std::string("fuzz target bug: generated an invalid problem: ") + e.what());
    }
    g_problemJson = C2ProblemToJson(problem);
    CheckSchedulers(problem);
    return 0;
}
