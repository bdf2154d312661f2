/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef OFDMA_RATE_MAPPING_H
#define OFDMA_RATE_MAPPING_H

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Outcome of link adaptation for one transmission: what the BS tells
 * the UE at transmission start (ideal CSI, ideal control).
 */
struct OfdmaLinkAdaptation
{
    double rateBps{0}; //!< rate over the granted resource blocks (bit/s)
    double sinrDb{0};  //!< effective SINR over the granted blocks (dB)
    int mcs{-1};       //!< chosen MCS index, -1 in Shannon mode
};

/**
 * @ingroup edge-inference
 * @brief Rate mappings of the OFDMA uplink: from per-resource-block SINRs
 * to a rate, and (MCS mode) to a block error rate.
 *
 * - Shannon: @f$ r = \sum_{rb} W \log_2(1 + \mathrm{SINR}_{rb} / \Gamma) @f$
 *   with an SNR gap @f$ \Gamma \ge 1 @f$ (1 = capacity).
 * - MCS table: 15 MCSs with the spectral efficiencies of LTE's 4-bit CQI
 *   table (3GPP TS 36.213 table 7.2.3-1). MCS m is usable from the SINR
 *   @f$ s_m @f$ at which an attenuated Shannon bound reaches its efficiency,
 *   @f$ \eta_m = 0.75 \log_2(1 + s_m) @f$, i.e.
 *   @f$ s_m = 2^{\eta_m / 0.75} - 1 @f$ (the 0.75 factor is the usual
 *   system-level fit of LTE link curves); at @f$ s_m @f$ the block error
 *   rate is 10 %, LTE's target. The BLER around it is a logistic curve in dB,
 *   @f$ \mathrm{BLER}(x) = 1 / (1 + 9 e^{(x - s_m[\mathrm{dB}]) / \sigma}) @f$,
 *   with slope @f$ \sigma @f$ (dB): 10 % at the threshold, falling to
 *   @f$ \approx 0.1 / e^{k} @f$ k slopes above it and rising to 1 below.
 *   These numbers are ours, not a link-level simulation.
 *
 * The effective SINR of a set of resource blocks is the capacity-equivalent
 * one (a MIESM with Gaussian-input mutual information): the SINR that,
 * applied to every block, gives the same Shannon rate,
 * @f$ 2^{\mathrm{mean}_{rb} \log_2(1 + \mathrm{SINR}_{rb})} - 1 @f$; for a
 * flat channel it is the SINR itself.
 */
class OfdmaRateMapping
{
  public:
    /// Which mapping from SINR to rate is used.
    enum Mode
    {
        SHANNON,  //!< Shannon rate with an SNR gap; no block errors
        MCS_TABLE //!< discrete MCS table with a BLER curve
    };

    /// One entry of the MCS table.
    struct Mcs
    {
        double spectralEfficiency; //!< bit/s/Hz
        double thresholdDb;        //!< SINR (dB) at which BLER is 10 %
    };

    /**
     * @brief The 15-entry MCS table, built once.
     * @return the MCS table, sorted by increasing efficiency (index = MCS)
     */
    static const std::vector<Mcs>& GetMcsTable();

    /**
     * @brief Capacity-equivalent effective SINR of a set of blocks (see the
     * class description). Aborts if sinr is empty.
     * @param sinr linear SINR per resource block (non-empty)
     * @return capacity-equivalent effective SINR (linear)
     */
    static double EffectiveSinr(const std::vector<double>& sinr);

    /**
     * @brief Shannon rate with an SNR gap, summed over the blocks.
     * @param sinr linear SINR per resource block
     * @param rbWidthHz width of one resource block (Hz)
     * @param gapLinear SNR gap (linear, >= 1)
     * @return @f$ \sum W \log_2(1 + \mathrm{SINR}/\Gamma) @f$ (bit/s)
     */
    static double ShannonRate(const std::vector<double>& sinr, double rbWidthHz, double gapLinear);

    /**
     * @brief Chooses the MCS for an effective SINR.
     * @param effectiveSinrDb effective SINR (dB)
     * @param marginDb back-off (dB) added to every threshold; 0 targets the
     *        10 % BLER of the thresholds, see BlerTargetMarginDb
     * @return the highest MCS whose threshold plus marginDb is <= the SINR;
     *         0 (the most robust MCS) when none is, so that a transmission
     *         is still attempted (and most likely lost)
     */
    static int SelectMcs(double effectiveSinrDb, double marginDb = 0.0);

    /**
     * @brief The threshold back-off that makes SelectMcs pick the highest
     * MCS whose BLER is at most a target.
     *
     * Bler(m, x) <= T exactly when x >= s_m + sigma ln((1 - T) / (9 T)), so
     * the back-off is the same for every MCS: 0 at T = 10 %, positive below.
     * Aborts if targetBler is not in (0, 1) or slopeDb <= 0.
     *
     * @param targetBler the largest acceptable block error rate, in (0, 1)
     * @param slopeDb logistic slope sigma (dB, > 0)
     * @return the back-off (dB) to pass to SelectMcs
     */
    static double BlerTargetMarginDb(double targetBler, double slopeDb);

    /**
     * @brief Rate of an MCS over a set of blocks. Aborts if mcs is not an
     * index of the table.
     * @param mcs MCS index
     * @param nRbs number of resource blocks
     * @param rbWidthHz width of one resource block (Hz)
     * @return nRbs * rbWidthHz * efficiency (bit/s)
     */
    static double McsRate(int mcs, uint32_t nRbs, double rbWidthHz);

    /**
     * @brief Block error rate of an MCS at an effective SINR, from the
     * logistic curve of the class description. Aborts if mcs is not an
     * index of the table or slopeDb <= 0.
     * @param mcs MCS index
     * @param effectiveSinrDb effective SINR seen by the packet (dB)
     * @param slopeDb logistic slope sigma (dB, > 0)
     * @return block error probability of the packet, in [0, 1)
     */
    static double Bler(int mcs, double effectiveSinrDb, double slopeDb);
};

} // namespace ns3

#endif /* OFDMA_RATE_MAPPING_H */
