/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "affine-block-fit.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

AffineBlockFit
FitAffineBlock(const std::vector<uint32_t>& batchSizes, const std::vector<double>& latenciesS)
{
    // Normal equations of min sum w (a x + c - y)^2 with w = 1/y^2.
    double s = 0;
    double sx = 0;
    double sxx = 0;
    double sy = 0;
    double sxy = 0;
    for (size_t i = 0; i < batchSizes.size(); ++i)
    {
        const double x = batchSizes[i];
        const double y = latenciesS[i];
        const double w = 1 / (y * y);
        s += w;
        sx += w * x;
        sxx += w * x * x;
        sy += w * y;
        sxy += w * x * y;
    }
    double alpha;
    double beta;
    const double det = s * sxx - sx * sx;
    if (batchSizes.size() < 2 || !(det > 0))
    {
        // One batch size: the line through the origin and that point.
        alpha = sxy / sxx;
        beta = 0;
    }
    else
    {
        alpha = (s * sxy - sx * sy) / det;
        beta = (sy - alpha * sx) / s;
        if (beta < 0)
        {
            // Constrained optimum lies on beta = 0 (convex problem, one
            // violated constraint); its alpha is then > 0.
            alpha = sxy / sxx;
            beta = 0;
        }
        else if (alpha < 0)
        {
            alpha = 0;
            beta = sy / s;
        }
    }
    AffineBlockFit f;
    f.alphaS = alpha;
    f.betaS = beta;
    double sumSq = 0;
    double maxErr = 0;
    for (size_t i = 0; i < batchSizes.size(); ++i)
    {
        const double rel = std::fabs(alpha * batchSizes[i] + beta - latenciesS[i]) / latenciesS[i];
        maxErr = std::max(maxErr, rel);
        sumSq += rel * rel;
    }
    f.maxRelativeError = maxErr;
    f.rmsRelativeError = std::sqrt(sumSq / batchSizes.size());
    f.firstBatch = batchSizes.front();
    f.lastBatch = batchSizes.back();
    return f;
}

} // namespace ns3
