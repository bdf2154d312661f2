/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef LTE_UPLINK_AMC_H
#define LTE_UPLINK_AMC_H

#include "ns3/ptr.h"

#include <cstdint>
#include <vector>

namespace ns3
{

class LteAmc;

namespace edgeinference
{

/**
 * @ingroup edge-inference
 * @brief The uplink link adaptation the LTE back end plans with and grants
 * with: one rule, used by both.
 *
 * The eNB measures each UE's SINR per resource block from its sounding
 * reference signal (SRS), which the UE sends over all N uplink blocks with
 * its whole transmit power (uplink power control off, as the LTE back end
 * requires). On a grant of n blocks the same power is spread over n blocks,
 * so the SINR per block is the SRS SINR times N / n (a single cell: noise
 * only). The modulation and coding scheme is then chosen as ns-3's uplink
 * schedulers do: the spectral efficiency log2(1 + SINR / Gamma) with the
 * gap Gamma = -ln(5 BER) / 1.5 at BER = 5e-5 gives a CQI (LteAmc), the CQI
 * an MCS, and the MCS with n blocks a transport block size (3GPP TS 36.213
 * tables, LteAmc::GetUlTbSizeFromMcs).
 *
 * The SINR taken is the smallest over the band, so the rule does not depend
 * on where the n blocks lie; on a frequency-flat channel this loses
 * nothing.
 */
struct LteUplinkLinkAdaptation
{
    bool usable{false}; //!< false when the CQI is 0: nothing is decodable
    uint8_t mcs{0};     //!< the MCS (0..28), when usable
    uint32_t tbBits{0}; //!< transport block size of one TTI (bit), when usable
};

/**
 * @brief The target block error rate of the uplink CQI rule (ns-3's choice).
 */
constexpr double kLteUplinkTargetBer = 5e-5;

/**
 * @brief Bytes of each uplink transport block that carry no task data:
 * the header of ns-3's RLC UM PDU with one segment (ns-3's LTE MAC adds no
 * header bytes of its own).
 */
constexpr uint32_t kLteRlcUmHeaderBytes = 2;

/**
 * @brief Link adaptation for a grant of n blocks (see LteUplinkLinkAdaptation).
 * @param amc the LTE AMC tables
 * @param srsSinrLinear the smallest SRS SINR over the band (linear, >= 0)
 * @param bandRbs N, the uplink blocks the SRS spans (> 0)
 * @param nRbs n, the granted blocks (1..N)
 * @return the MCS and transport block size
 */
LteUplinkLinkAdaptation LteUplinkAdapt(Ptr<LteAmc> amc,
                                       double srsSinrLinear,
                                       uint32_t bandRbs,
                                       uint32_t nRbs);

/**
 * @brief The rate table of a UE: entry n-1 is what a transport block of n
 * blocks at the MCS of LteUplinkAdapt carries above the RLC
 * (kLteRlcUmHeaderBytes less than its size), divided by the TTI.
 * @param amc the LTE AMC tables
 * @param srsSinrLinear the smallest SRS SINR over the band (linear)
 * @param bandRbs N, the uplink blocks (> 0)
 * @param ttiS the TTI (s), > 0
 * @return N rates in bit/s (0 where the CQI is 0)
 */
std::vector<double> LteUplinkRates(Ptr<LteAmc> amc,
                                   double srsSinrLinear,
                                   uint32_t bandRbs,
                                   double ttiS);

} // namespace edgeinference
} // namespace ns3

#endif /* LTE_UPLINK_AMC_H */
