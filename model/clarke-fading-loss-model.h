/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef CLARKE_FADING_LOSS_MODEL_H
#define CLARKE_FADING_LOSS_MODEL_H

#include "pair-fading-loss-model.h"

#include "ns3/nstime.h"

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Time-correlated Rayleigh fading (Clarke's model, as the sum of
 * sinusoids of Zheng and Xiao): the gain of a pair changes continuously
 * with time at the rate its Doppler frequency sets.
 *
 * For a pair, with N sinusoids (Sinusoids), @f$ \omega = 2 \pi f_D @f$
 * (DopplerFrequency) and angles
 * @f$ \alpha_n = (2 \pi n - \pi + \theta) / (4 N) @f$, n = 1..N:
 * @f$ h_c(t) = N^{-1/2} \sum_n \cos(\omega t \cos\alpha_n + \phi_n) @f$,
 * @f$ h_s(t) = N^{-1/2} \sum_n \cos(\omega t \sin\alpha_n + \psi_n) @f$,
 * and the power gain is @f$ |h|^2 = h_c^2 + h_s^2 @f$, of mean 1,
 * approximately exponential, with @f$ h_c, h_s @f$ of autocorrelation
 * @f$ J_0(\omega \tau) / 2 @f$, so the power's correlation coefficient at
 * lag @f$ \tau @f$ is about @f$ J_0^2(2 \pi f_D \tau) @f$. The phases
 * @f$ \theta, \phi_n, \psi_n @f$ are uniform in @f$ [-\pi, \pi) @f$ per
 * pair, drawn from PairFadingLossModel::PairHash, so the gain is a pure
 * function of (seed, pair, time): queries do not change it. A UE at speed
 * v on carrier f_c has @f$ f_D = v f_c / c @f$ (3 m/s at 2 GHz: 20 Hz).
 * Chain it after a path loss model (it adds @f$ 10 \log_{10} |h|^2 @f$ dB).
 */
class ClarkeFadingLossModel : public PairFadingLossModel
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    ClarkeFadingLossModel();
    ~ClarkeFadingLossModel() override;

    /**
     * @brief Fading power gain of a pair at a time.
     * @param a one end
     * @param b the other end
     * @param t the time
     * @return @f$ |h(t)|^2 @f$ (linear, >= 0)
     */
    double GetFadingGain(Ptr<MobilityModel> a, Ptr<MobilityModel> b, Time t) const;

  private:
    /**
     * @brief Applies the fading of the pair now.
     * @param txPowerDbm power entering this model (dBm)
     * @param a one end
     * @param b the other end
     * @return txPowerDbm + 10 log10 |h(now)|^2 (dBm)
     */
    double DoCalcRxPower(double txPowerDbm,
                         Ptr<MobilityModel> a,
                         Ptr<MobilityModel> b) const override;

    /**
     * @param hash a PairHash value
     * @return a phase uniform in [-pi, pi)
     */
    static double Phase(uint64_t hash);

    double m_dopplerHz;   //!< DopplerFrequency attribute (Hz)
    uint32_t m_sinusoids; //!< Sinusoids attribute
};

} // namespace ns3

#endif /* CLARKE_FADING_LOSS_MODEL_H */
