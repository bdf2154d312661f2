/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef OFDMA_BS_PHY_H
#define OFDMA_BS_PHY_H

#include "ofdma-phy.h"
#include "ofdma-spectrum-signal-parameters.h"

#include "ns3/callback.h"

#include <list>
#include <vector>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Receive side of an OFDMA uplink BS: SINR per resource block.
 *
 * Every signal arriving from the channel is either
 * - desired: an OfdmaSpectrumSignalParameters whose bs is this PHY's
 *   device. Its per-block signal power S_rb is read from the received PSD;
 *   or
 * - interference: any other signal (UEs of other cells on the same channel,
 *   foreign technologies), added to a per-block interference power
 *   I_rb (W) for its duration; OFDMA signals only on their block range.
 *
 * Users of one cell are orthogonal (the BS refuses overlapping grants), so a
 * desired signal never counts as interference at its own BS. The SINR of
 * a desired signal on block rb is S_rb / (N0 W + I_rb). A reception keeps,
 * per block, the minimum SINR over its duration: interference that starts
 * mid-packet lowers it, interference that stops does not raise it. At the
 * end of the reception the PHY hands the packet and these minima to its
 * device, which decides success (see OfdmaBsNetDevice).
 *
 * Cost: O(blocks of the signal) per signal start and end, plus a scan of the
 * ongoing receptions when interference starts; no per-block objects.
 */
class OfdmaBsPhy : public OfdmaPhy
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    OfdmaBsPhy();
    ~OfdmaBsPhy() override;

    /**
     * Called at the end of each desired reception with the signal and the
     * minimum SINR (linear) over its duration on each of its blocks.
     */
    typedef Callback<void, Ptr<const OfdmaSpectrumSignalParameters>, const std::vector<double>&>
        RxEndCallback;

    // SpectrumPhy

    /**
     * @brief Starts receiving a signal from the channel.
     *
     * A desired signal (an OfdmaSpectrumSignalParameters whose bs is this
     * PHY's device) starts a reception: its SINR on each of its blocks now
     * starts the running minimum, and the reception ends (EndRx) after the
     * signal's duration. Any other signal is interference: its power is
     * added to I_rb on its blocks (all blocks for non-OFDMA signals), lowers
     * the running minimum SINR of the receptions it overlaps, and is removed
     * after its duration (EndInterference). Aborts if the PHY is not
     * configured or the signal's PSD has a different number of bands.
     *
     * @param params the received signal, its PSD already scaled by the
     *        channel's gains (W/Hz per band)
     */
    void StartRx(Ptr<SpectrumSignalParameters> params) override;

    /**
     * @brief Sets the carrier and the noise, and clears the interference
     * (called by OfdmaBsNetDevice::SetPhy). Aborts unless the noise PSD
     * is > 0.
     * @param model one band per resource block
     * @param rbWidthHz width of one resource block (Hz)
     * @param noisePsdWPerHz noise PSD N0 (W/Hz), including the noise figure
     */
    void Configure(Ptr<const SpectrumModel> model, double rbWidthHz, double noisePsdWPerHz);

    /**
     * @brief Changes the noise PSD (when the device's ThermalNoisePsd or
     * NoiseFigure attribute changes). Aborts unless it is > 0. Receptions
     * in progress keep the minimum SINR computed so far.
     * @param noisePsdWPerHz new noise PSD N0 (W/Hz), > 0
     */
    void SetNoisePsd(double noisePsdWPerHz);

    /**
     * @brief Sets the callback that receives each desired signal at its
     * end (the device's PhyRxEnd).
     * @param cb called at the end of every desired reception
     */
    void SetRxEndCallback(RxEndCallback cb);

    /**
     * @brief Interference power on a resource block now: the sum of the
     * powers of the interfering signals on the air on it.
     * @param rb resource block index (std::out_of_range is thrown if it is
     *        not a block of the carrier)
     * @return interference power on the block now (W)
     */
    double GetInterferencePower(uint32_t rb) const;

    /**
     * @brief Noise power in one resource block.
     * @return noise power in one resource block, N0 W (W)
     */
    double GetNoisePowerPerRb() const;

    /**
     * @brief Number of desired receptions in progress.
     * @return number of desired receptions in progress (one per UE of this
     *         BS on the air)
     */
    uint32_t GetNActiveReceptions() const;

  private:
    /// Drops the receptions in progress and the callback, then calls
    /// OfdmaPhy::DoDispose().
    void DoDispose() override;

    /// A desired signal being received.
    struct Reception
    {
        Ptr<OfdmaSpectrumSignalParameters> params; //!< the signal
        std::vector<double> signalW;               //!< S_rb per block of the range (W)
        std::vector<double> minSinr;               //!< minimum SINR so far per block
    };

    /**
     * @brief Ends a desired reception: removes it and hands its signal and
     * per-block minimum SINRs to the RxEndCallback.
     * @param it the reception, in m_receptions
     */
    void EndRx(std::list<Reception>::iterator it);

    /**
     * @brief Ends an interfering signal: subtracts its power from I_rb on
     * its blocks (a block with no interferer left is reset to exactly 0 W).
     * @param params the signal (its received PSD, W/Hz per band)
     * @param first first block it covers
     * @param n number of blocks it covers
     */
    void EndInterference(Ptr<SpectrumSignalParameters> params, uint32_t first, uint32_t n);

    double m_rbWidth;                     //!< resource block width (Hz)
    double m_noisePerRb;                  //!< N0 W (W)
    std::vector<double> m_interference;   //!< I_rb (W)
    std::vector<uint32_t> m_nInterferers; //!< interfering signals per block
    std::list<Reception> m_receptions;    //!< desired receptions in progress
    RxEndCallback m_rxEndCallback;        //!< device notification
};

} // namespace ns3

#endif /* OFDMA_BS_PHY_H */
