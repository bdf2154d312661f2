/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef OFDMA_UE_PHY_H
#define OFDMA_UE_PHY_H

#include "ofdma-phy.h"
#include "ofdma-spectrum-signal-parameters.h"

#include "ns3/spectrum-value.h"

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Transmit side of an OFDMA uplink UE.
 *
 * Puts a packet's signal on the SpectrumChannel with a PSD that is non-zero
 * only on the granted resource blocks, the total transmit power spread
 * evenly over them (fixed-power model: P / (n W) W/Hz on each of the n
 * blocks). UEs only transmit: this PHY is not attached to the channel as a
 * receiver, which keeps the cost of a transmission independent of the
 * number of UEs (only the BSs receive uplink signals).
 */
class OfdmaUePhy : public OfdmaPhy
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    OfdmaUePhy();
    ~OfdmaUePhy() override;

    // SpectrumPhy

    /**
     * @brief UEs do not receive: logs and ignores the signal (the helper
     * does not add UE PHYs to the channel as receivers anyway).
     * @param params the signal (ignored)
     */
    void StartRx(Ptr<SpectrumSignalParameters> params) override;

    /**
     * @brief Sets the carrier's spectrum model (the serving BS's; called
     * when the PHY or the serving BS is set) and drops the cached PSD.
     * @param model one band per resource block
     * @param rbWidthHz width of one resource block (Hz)
     */
    void SetSpectrumModel(Ptr<const SpectrumModel> model, double rbWidthHz);

    /**
     * @brief Transmits one packet's signal.
     *
     * Fills the PSD, the duration, txPhy and txAntenna of params and starts
     * the transmission on the channel. The PSD is reused from the previous
     * call when the blocks and the power are the same. Aborts without a
     * channel, without a spectrum model (no serving BS) or when the blocks
     * are empty or out of the carrier.
     *
     * @param params signal with packet, resource block range, rate, UE and BS set
     * @param duration time on air
     * @param powerW total transmit power (W), spread evenly over the blocks
     */
    void StartTx(Ptr<OfdmaSpectrumSignalParameters> params, Time duration, double powerW);

  private:
    /// Drops the cached PSD, then calls OfdmaPhy::DoDispose().
    void DoDispose() override;

    double m_rbWidth;              //!< resource block width (Hz)
    Ptr<SpectrumValue> m_psdCache; //!< last PSD, reused when unchanged
    uint32_t m_psdFirstRb;         //!< first block of m_psdCache
    uint32_t m_psdNRbs;            //!< block count of m_psdCache
    double m_psdPowerW;            //!< power of m_psdCache (W)
};

} // namespace ns3

#endif /* OFDMA_UE_PHY_H */
