/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "lte-uplink-amc.h"

#include "ns3/abort.h"
#include "ns3/lte-amc.h"

#include <cmath>

namespace ns3
{
namespace edgeinference
{

LteUplinkLinkAdaptation
LteUplinkAdapt(Ptr<LteAmc> amc, double srsSinrLinear, uint32_t bandRbs, uint32_t nRbs)
{
    NS_ABORT_MSG_IF(!amc, "LteUplinkAdapt: no LteAmc");
    NS_ABORT_MSG_IF(bandRbs == 0 || nRbs == 0 || nRbs > bandRbs,
                    "LteUplinkAdapt: " << nRbs << " blocks granted of " << bandRbs
                                       << "; must be 1.." << bandRbs);
    LteUplinkLinkAdaptation a;
    if (!(srsSinrLinear > 0))
    {
        return a;
    }
    // The whole transmit power on n blocks instead of N.
    const double sinr = srsSinrLinear * bandRbs / nRbs;
    const double gap = -std::log(5.0 * kLteUplinkTargetBer) / 1.5;
    const int cqi = amc->GetCqiFromSpectralEfficiency(std::log2(1.0 + sinr / gap));
    if (cqi == 0)
    {
        return a;
    }
    a.usable = true;
    a.mcs = static_cast<uint8_t>(amc->GetMcsFromCqi(cqi));
    a.tbBits = static_cast<uint32_t>(amc->GetUlTbSizeFromMcs(a.mcs, static_cast<int>(nRbs)));
    return a;
}

std::vector<double>
LteUplinkRates(Ptr<LteAmc> amc, double srsSinrLinear, uint32_t bandRbs, double ttiS)
{
    NS_ABORT_MSG_IF(!(ttiS > 0), "LteUplinkRates: the TTI must be > 0 s, not " << ttiS);
    std::vector<double> rates(bandRbs, 0.0);
    for (uint32_t n = 1; n <= bandRbs; ++n)
    {
        const LteUplinkLinkAdaptation a = LteUplinkAdapt(amc, srsSinrLinear, bandRbs, n);
        const double payloadBits = a.tbBits - 8.0 * kLteRlcUmHeaderBytes;
        rates[n - 1] = a.usable && payloadBits > 0 ? payloadBits / ttiS : 0.0;
    }
    return rates;
}

} // namespace edgeinference
} // namespace ns3
