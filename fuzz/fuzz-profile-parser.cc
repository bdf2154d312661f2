/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * libFuzzer target: the profile CSV parser, EarlyExitProfile::Parse.
 *
 * Contract under test (model/early-exit-profile.h): any input either gives
 * a valid profile or throws EdgeInferenceError. Any other exception, a
 * crash, a hang, or an AddressSanitizer/UndefinedBehaviorSanitizer report
 * is a bug; libFuzzer stops and saves the input.
 *
 * A profile that parses must also behave: its accessors are called over
 * its whole range (interpolation, extrapolation, fit) and it must survive
 * a write/read round trip unchanged, since simulations replay written
 * profiles.
 *
 * Seeds: data/profiles/ (*.csv), fuzz/seeds/profile-parser/ and the
 * regression inputs in test/data/fuzz-regressions/profile-parser/.
 */

#include "ns3/early-exit-profile.h"
#include "ns3/edge-inference-error.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <sstream>
#include <string>

using namespace ns3;

namespace
{

/// Reports a broken contract and aborts, so that libFuzzer keeps the input.
[[noreturn]] void
Fail(const std::string& what)
{
    std::fprintf(stderr, "edge-inference-fuzz-profile-parser: %s\n", what.c_str());
    std::abort();
}

/// Exercises a parsed profile; aborts when it contradicts its contract.
void
CheckProfile(const EarlyExitProfile& profile)
{
    const uint32_t nExits = profile.GetNExits();
    if (nExits == 0 || profile.GetBatchSizes().empty() || profile.GetBatchSizes().front() != 1)
    {
        Fail("parsed profile without exits or without batch size 1");
    }
    const uint32_t maxBatch = profile.GetMaxMeasuredBatch();
    for (uint32_t n = 1; n <= nExits; ++n)
    {
        const double a = profile.GetExitAccuracy(n);
        if (!(a >= 0 && a <= 1))
        {
            Fail("accuracy outside [0,1] accepted");
        }
        const AffineBlockFit& fit = profile.GetAffineFit(n);
        if (!(fit.alphaS >= 0) || !(fit.betaS >= 0) || !std::isfinite(fit.alphaS) ||
            !std::isfinite(fit.betaS))
        {
            Fail("affine fit negative or not finite");
        }
        // tau_n(b) is a non-negative time on, between and beyond the grid
        // points (interpolation and extrapolation branches).
        for (uint32_t b : {0u, 1u, 2u, maxBatch / 2 + 1, maxBatch, maxBatch + 1, 2 * maxBatch + 7})
        {
            const double t = profile.GetBlockTime(n, b);
            if (!(t >= 0) || std::isnan(t))
            {
                Fail("negative or NaN block time");
            }
        }
        for (uint32_t i = 0; i < profile.GetBatchSizes().size(); ++i)
        {
            profile.GetMeasuredStats(n, i);
        }
    }
    profile.RequiredExit(0.5);

    // Round trip: what Write produces must read back to the same table.
    std::ostringstream out;
    profile.Write(out);
    std::istringstream in(out.str());
    EarlyExitProfile again;
    try
    {
        again = EarlyExitProfile::Parse(in, "round-trip");
    }
    catch (const EdgeInferenceError& e)
    {
        Fail(std::string("written profile does not read back: ") + e.what());
    }
    std::ostringstream out2;
    again.Write(out2);
    if (out2.str() != out.str())
    {
        Fail("write/read/write is not a fixed point");
    }
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    EarlyExitProfile profile;
    try
    {
        profile = EarlyExitProfile::Parse(in, "fuzz.csv");
    }
    catch (const EdgeInferenceError&)
    {
        return 0; // the documented way to reject bad input
    }
    catch (const std::exception& e)
    {
        Fail(std::string("exception other than EdgeInferenceError: ") + e.what());
    }
    catch (...)
    {
        Fail("non-standard exception");
    }
    CheckProfile(profile);
    return 0;
}
