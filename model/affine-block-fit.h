/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef AFFINE_BLOCK_FIT_H
#define AFFINE_BLOCK_FIT_H

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Affine fit tau(b) = alphaS * b + betaS of one block's latency over
 * batch size, with its quality on the measured table.
 */
struct AffineBlockFit
{
    double alphaS{0};           //!< per-sample cost (s per task), >= 0
    double betaS{0};            //!< once-per-batch cost (s), >= 0
    double maxRelativeError{0}; //!< max over fitted batches of |fit - median| / median
    double rmsRelativeError{0}; //!< root mean square of the same
    uint32_t firstBatch{1};     //!< smallest batch size used in the fit
    uint32_t lastBatch{1};      //!< largest batch size used in the fit
};

/**
 * @ingroup edge-inference
 * @brief Fits tau(b) = alpha b + beta to measured latencies, on the relative
 * error: weighted least squares with weights 1 / tau^2, constrained to
 * alpha, beta >= 0 (the constrained optimum of this convex problem lies on
 * the one violated bound). With a single batch size the line goes through
 * the origin and that point.
 * @param batchSizes the batch sizes b_i (at least one)
 * @param latenciesS the measured latencies tau_i (s, > 0), same length
 * @return the fit, its maximum and RMS relative errors, and the first and
 *         last batch size
 */
AffineBlockFit FitAffineBlock(const std::vector<uint32_t>& batchSizes,
                              const std::vector<double>& latenciesS);

} // namespace ns3

#endif /* AFFINE_BLOCK_FIT_H */
