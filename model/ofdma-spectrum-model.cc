/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ofdma-spectrum-model.h"

#include "edge-inference-tolerance.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <cmath>
#include <map>
#include <tuple>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("OfdmaSpectrumModel");

uint32_t
OfdmaResourceBlockCount(double bandwidthHz, double rbWidthHz)
{
    NS_ABORT_MSG_UNLESS(std::isfinite(bandwidthHz) && bandwidthHz > 0,
                        "OFDMA attribute Bandwidth must be > 0 Hz, got " << bandwidthHz);
    NS_ABORT_MSG_UNLESS(std::isfinite(rbWidthHz) && rbWidthHz > 0,
                        "OFDMA attribute ResourceBlockWidth must be > 0 Hz, got " << rbWidthHz);
    const double ratio = bandwidthHz / rbWidthHz;
    const double n = std::round(ratio);
    NS_ABORT_MSG_UNLESS(n >= 1 && n <= 1e6 &&
                            std::abs(ratio - n) <= edgeinference::kRelativeTolerance * n,
                        "OFDMA attributes Bandwidth (" << bandwidthHz << " Hz) and "
                                                       << "ResourceBlockWidth (" << rbWidthHz
                                                       << " Hz) must give a whole number of "
                                                       << "resource blocks between 1 and 1e6");
    return static_cast<uint32_t>(n);
}

Ptr<const SpectrumModel>
GetOfdmaSpectrumModel(double carrierHz, double bandwidthHz, double rbWidthHz)
{
    NS_LOG_FUNCTION(carrierHz << bandwidthHz << rbWidthHz);
    const uint32_t n = OfdmaResourceBlockCount(bandwidthHz, rbWidthHz);
    NS_ABORT_MSG_UNLESS(std::isfinite(carrierHz) && carrierHz - bandwidthHz / 2 > 0,
                        "OFDMA attribute CarrierFrequency (" << carrierHz
                                                             << " Hz) must exceed half the "
                                                             << "Bandwidth");
    // One model per carrier: the channel compares models by identity.
    static std::map<std::tuple<double, double, double>, Ptr<const SpectrumModel>> models;
    const auto key = std::make_tuple(carrierHz, bandwidthHz, rbWidthHz);
    auto it = models.find(key);
    if (it != models.end())
    {
        return it->second;
    }
    Bands bands;
    bands.reserve(n);
    const double low = carrierHz - bandwidthHz / 2;
    for (uint32_t i = 0; i < n; ++i)
    {
        BandInfo b;
        b.fl = low + i * rbWidthHz;
        b.fh = low + (i + 1) * rbWidthHz;
        b.fc = 0.5 * (b.fl + b.fh);
        bands.push_back(b);
    }
    Ptr<const SpectrumModel> model = Create<SpectrumModel>(bands);
    models.emplace(key, model);
    return model;
}

} // namespace ns3
