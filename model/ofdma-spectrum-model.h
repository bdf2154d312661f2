/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef OFDMA_SPECTRUM_MODEL_H
#define OFDMA_SPECTRUM_MODEL_H

#include "ns3/ptr.h"
#include "ns3/spectrum-model.h"

#include <cstdint>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief The SpectrumModel of an OFDMA carrier: one band per resource block.
 *
 * Band i spans [fc - B/2 + i W, fc - B/2 + (i+1) W). Models are shared: the
 * same (fc, B, W) always returns the same object, because a
 * SingleModelSpectrumChannel requires all its PHYs to use one model.
 *
 * Aborts with a message naming the attribute when B <= 0, W <= 0, B is not
 * a whole number of blocks between 1 and 1e6 (relative tolerance 1e-9) or
 * fc - B/2 <= 0.
 *
 * @param carrierHz carrier (centre) frequency fc (Hz)
 * @param bandwidthHz total bandwidth B (Hz)
 * @param rbWidthHz resource block width W (Hz)
 * @return the shared spectrum model with B / W bands
 */
Ptr<const SpectrumModel> GetOfdmaSpectrumModel(double carrierHz,
                                               double bandwidthHz,
                                               double rbWidthHz);

/**
 * @ingroup edge-inference
 * @brief Number of resource blocks of width W in a bandwidth B, checked.
 *
 * @param bandwidthHz total bandwidth B (Hz), > 0
 * @param rbWidthHz resource block width W (Hz), > 0
 * @return B / W; aborts (naming the Bandwidth and ResourceBlockWidth
 *         attributes) unless it is a whole number from 1 to 1e6 (relative
 *         tolerance 1e-9)
 */
uint32_t OfdmaResourceBlockCount(double bandwidthHz, double rbWidthHz);

} // namespace ns3

#endif /* OFDMA_SPECTRUM_MODEL_H */
