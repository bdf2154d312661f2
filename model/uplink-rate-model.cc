/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "uplink-rate-model.h"

#include "edge-inference-tolerance.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <boost/math/special_functions/lambert_w.hpp>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("UplinkRateModel");

UplinkRateModel::UplinkRateModel(Kind kind, double noisePsd, double referenceBandwidth)
    : m_kind(kind),
      m_noisePsd(noisePsd),
      m_referenceBandwidth(referenceBandwidth)
{
    NS_ABORT_MSG_UNLESS(std::isfinite(noisePsd) && noisePsd > 0,
                        "UplinkRateModel: noise PSD must be a positive number of W/Hz, got "
                            << noisePsd);
    NS_ABORT_MSG_UNLESS(kind == FIXED_POWER ||
                            (std::isfinite(referenceBandwidth) && referenceBandwidth > 0),
                        "UplinkRateModel: the fixed-PSD reference bandwidth must be a positive "
                        "number of Hz, got "
                            << referenceBandwidth);
}

UplinkRateModel::UplinkRateModel()
    : UplinkRateModel(FIXED_POWER, edgeinference::DbmPerHzToWPerHz(-174.0), 0.0)
{
}

UplinkRateModel
UplinkRateModel::FixedPower(double noisePsdWPerHz)
{
    return UplinkRateModel(FIXED_POWER, noisePsdWPerHz, 0.0);
}

UplinkRateModel
UplinkRateModel::FixedPsd(double noisePsdWPerHz, double referenceBandwidthHz)
{
    return UplinkRateModel(FIXED_PSD, noisePsdWPerHz, referenceBandwidthHz);
}

UplinkRateModel::Kind
UplinkRateModel::GetKind() const
{
    return m_kind;
}

double
UplinkRateModel::GetNoisePsd() const
{
    return m_noisePsd;
}

double
UplinkRateModel::GetReferenceBandwidth() const
{
    return m_referenceBandwidth;
}

double
UplinkRateModel::Snr(double powerW, double gain) const
{
    const double bw = (m_kind == FIXED_PSD) ? m_referenceBandwidth : 1.0;
    return powerW * gain / (m_noisePsd * bw);
}

double
UplinkRateModel::Rate(double bandwidthHz, double powerW, double gain) const
{
    if (bandwidthHz <= 0)
    {
        return 0.0;
    }
    if (m_kind == FIXED_PSD)
    {
        return bandwidthHz * std::log2(1.0 + Snr(powerW, gain));
    }
    // log1p keeps precision when the SNR over a wide band is tiny.
    return bandwidthHz * std::log1p(powerW * gain / (m_noisePsd * bandwidthHz)) / std::log(2.0);
}

double
UplinkRateModel::MaxRate(double powerW, double gain) const
{
    if (m_kind == FIXED_PSD)
    {
        return std::numeric_limits<double>::infinity();
    }
    return powerW * gain / (m_noisePsd * std::log(2.0));
}

double
UplinkRateModel::MinBandwidth(double bits, double durationS, double powerW, double gain) const
{
    const double inf = std::numeric_limits<double>::infinity();
    if (bits <= 0)
    {
        return 0.0;
    }
    if (!(durationS > 0) || !(powerW * gain > 0))
    {
        return inf;
    }
    if (m_kind == FIXED_PSD)
    {
        return bits / (durationS * std::log2(1.0 + Snr(powerW, gain)));
    }
    const double c = powerW * gain / m_noisePsd; // SNR times bandwidth (Hz)
    const double a = bits * std::log(2.0) / (durationS * c);
    if (!(a < 1.0))
    {
        // The saturation rate c / ln 2 cannot carry the bits in time.
        return inf;
    }
    // r(B) t = D  <=>  x = c / B solves ln(1 + x) = a x; with y = 1 + x this
    // is y e^{-a y} = e^{-a}, whose non-trivial root (y > 1) is
    // y = -W_{-1}(-a e^{-a}) / a.
    const double z = -a * std::exp(-a);
    if (z <= -std::exp(-1.0))
    {
        // a rounds to 1: the branch point, where the bandwidth diverges.
        return inf;
    }
    const double w = boost::math::lambert_wm1(z);
    const double y = -w / a;
    const double x = y - 1.0;
    if (!(x > 0))
    {
        return inf;
    }
    return c / x;
}

double
UplinkRateModel::UploadTime(double bits, double bandwidthHz, double powerW, double gain) const
{
    if (bits <= 0)
    {
        return 0.0;
    }
    const double r = Rate(bandwidthHz, powerW, gain);
    if (!(r > 0))
    {
        return std::numeric_limits<double>::infinity();
    }
    return bits / r;
}

uint32_t
ResourceBlocksFor(double bandwidthHz, double rbWidthHz)
{
    NS_ABORT_MSG_UNLESS(rbWidthHz > 0, "ResourceBlocksFor: resource-block width must be > 0 Hz");
    if (!(bandwidthHz > 0))
    {
        return 0;
    }
    const double n = bandwidthHz / rbWidthHz;
    if (!std::isfinite(n) || n >= static_cast<double>(UINT32_MAX))
    {
        return UINT32_MAX;
    }
    const double rounded = std::round(n);
    if (rounded > 0 && std::abs(n - rounded) <= edgeinference::kRelativeTolerance * rounded)
    {
        return static_cast<uint32_t>(rounded);
    }
    return static_cast<uint32_t>(std::ceil(n));
}

namespace edgeinference
{

double
DbmToW(double dbm)
{
    return std::pow(10.0, (dbm - 30.0) / 10.0);
}

double
DbmPerHzToWPerHz(double dbmPerHz)
{
    return DbmToW(dbmPerHz);
}

} // namespace edgeinference

} // namespace ns3
