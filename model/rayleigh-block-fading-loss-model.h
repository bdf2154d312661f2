/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef RAYLEIGH_BLOCK_FADING_LOSS_MODEL_H
#define RAYLEIGH_BLOCK_FADING_LOSS_MODEL_H

#include "pair-fading-loss-model.h"

#include "ns3/nstime.h"

namespace ns3
{

class MobilityModel;

/**
 * @ingroup edge-inference
 * @brief Rayleigh block fading: a power gain @f$ |h|^2 \sim \mathrm{Exp}(1) @f$
 * per pair of mobility models per coherence block, constant inside a block.
 *
 * Time is cut into blocks [k T_c, (k+1) T_c) with T_c the CoherenceTime
 * attribute; blocks of one pair are independent, pairs are independent, and
 * the pair is unordered (the channel is reciprocal). Chain it after a path
 * loss model with PropagationLossModel::SetNext (it adds
 * @f$ 10 \log_{10} |h|^2 @f$ dB).
 *
 * Why a new model: ns-3's Nakagami model (m = 1 is Rayleigh) draws a new
 * value at every call, so the gain the BS scheduler reads and the gain the
 * channel applies would differ; the Jakes model is time-correlated, not
 * block-constant. Here the gain is a deterministic function of (seed, pair,
 * block) (see PairFadingLossModel): any number of queries in a block return
 * the same value.
 */
class RayleighBlockFadingLossModel : public PairFadingLossModel
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    RayleighBlockFadingLossModel();
    ~RayleighBlockFadingLossModel() override;

    /**
     * @brief Fading power gain of a pair now, i.e. in block
     * floor(now / CoherenceTime).
     * @param a one end
     * @param b the other end
     * @return @f$ |h|^2 @f$ (linear, > 0) of the current coherence block
     */
    double GetFadingGain(Ptr<MobilityModel> a, Ptr<MobilityModel> b) const;

    /**
     * @brief Fading power gain of a pair in a given block: a pure function
     * of the seed, the pair and the block (the seed is drawn on first use).
     * @param a one end
     * @param b the other end
     * @param block coherence block index (floor(t / CoherenceTime))
     * @return @f$ |h|^2 @f$ (linear, > 0)
     */
    double GetFadingGain(Ptr<MobilityModel> a, Ptr<MobilityModel> b, int64_t block) const;

  private:
    /**
     * @brief Applies the fading of the pair's current coherence block.
     * @param txPowerDbm power entering this model (dBm)
     * @param a one end
     * @param b the other end
     * @return txPowerDbm + 10 log10 |h|^2 (dBm)
     */
    double DoCalcRxPower(double txPowerDbm,
                         Ptr<MobilityModel> a,
                         Ptr<MobilityModel> b) const override;

    /// @param t the coherence time to check and set (CoherenceTime
    ///        attribute; aborts unless > 0)
    void SetCoherenceTime(Time t);

    Time m_coherenceTime; //!< length of a fading block
};

} // namespace ns3

#endif /* RAYLEIGH_BLOCK_FADING_LOSS_MODEL_H */
