/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef OFDMA_SPECTRUM_SIGNAL_PARAMETERS_H
#define OFDMA_SPECTRUM_SIGNAL_PARAMETERS_H

#include "edge-inference-compat.h"

#include "ns3/net-device.h"
#include "ns3/packet.h"
#include "ns3/spectrum-signal-parameters.h"

#include <cstdint>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Signal of one OFDMA uplink packet: the PSD (set by the UE PHY,
 * non-zero only on the granted resource blocks) plus what an ideal MAC
 * header would carry.
 *
 * The packet, its protocol number, the sender and the intended BS travel in
 * the signal instead of in a header: the uplink model has no MAC overhead
 * (documented limitation). The rate and MCS are the ones the BS chose at
 * transmission start (ideal CSI and ideal control), so the receiver can
 * check them against the SINR it actually saw.
 */
struct OfdmaSpectrumSignalParameters
    : public edgeinference::CopyableSignalParameters<SpectrumSignalParameters>
{
    OfdmaSpectrumSignalParameters();
    /**
     * @brief Copy constructor (deep copy of the PSD, shared packet).
     * @param p the object to copy
     */
    OfdmaSpectrumSignalParameters(const OfdmaSpectrumSignalParameters& p);
    /**
     * @brief Copies the signal for one receiver (the channel scales each
     * copy's PSD by that receiver's gains).
     * @return a new OfdmaSpectrumSignalParameters: deep copy of the PSD,
     *         the packet and the devices shared
     */
    Ptr<SpectrumSignalParameters> CopySignal() const override;

    Ptr<Packet> packet;   //!< the packet (not modified by receivers)
    uint16_t protocol{0}; //!< protocol number handed to the receiving stack
    uint32_t firstRb{0};  //!< first resource block occupied
    uint32_t nRbs{0};     //!< number of resource blocks occupied
    double rateBps{0};    //!< rate the packet is sent at (bit/s)
    int mcs{-1};          //!< MCS index, -1 in Shannon mode
    Ptr<NetDevice> ue;    //!< sending UE device
    Ptr<NetDevice> bs;    //!< serving BS device (the intended receiver)
};

} // namespace ns3

#endif /* OFDMA_SPECTRUM_SIGNAL_PARAMETERS_H */
