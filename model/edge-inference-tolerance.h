/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_INFERENCE_TOLERANCE_H
#define EDGE_INFERENCE_TOLERANCE_H

/**
 * @file
 * @ingroup edge-inference
 * The numerical tolerances of the module, defined once. They are far below
 * anything physical (a nanosecond in a 100 ms frame is 1e-8 of it) and far
 * above the rounding error that sums and divisions of doubles accumulate,
 * so comparisons decide what the model means, not what rounding did.
 */

namespace ns3
{
namespace edgeinference
{

/// Relative tolerance of comparisons: feasibility checks, rounding a
/// bandwidth to whole resource blocks, a rate against the achievable one.
constexpr double kRelativeTolerance = 1e-9;

/// Absolute tolerance of time comparisons (s), for times near zero.
constexpr double kAbsoluteTimeToleranceS = 1e-12;

/// Relative margin that keeps a computed bound strictly on its safe side
/// against rounding (a lower bound scaled down, a count of blocks up).
constexpr double kRoundingMargin = 1e-12;

} // namespace edgeinference
} // namespace ns3

#endif /* EDGE_INFERENCE_TOLERANCE_H */
