/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef UPLINK_RATE_MODEL_H
#define UPLINK_RATE_MODEL_H

#include <cstdint>
#include <limits>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Achievable uplink rate of one user and its inverse, the minimum
 * bandwidth that uploads a task in a given time.
 *
 * Two models (model reconstructed from Liu, Lan and Huang, JSAC 2023):
 *
 * - fixed power (default): the user spreads a fixed transmit power P over
 *   the bandwidth B it is granted, so
 *   @f$ r(B) = B \log_2(1 + P g / (N_0 B)) @f$, increasing and concave in
 *   B and saturating at @f$ P g / (N_0 \ln 2) @f$;
 * - fixed PSD: the SNR does not depend on the granted bandwidth,
 *   @f$ r(B) = B \log_2(1 + \mathrm{SNR}) @f$, with
 *   @f$ \mathrm{SNR} = P g / (N_0 B_\mathrm{ref}) @f$, i.e. the power P
 *   would be spread over a reference bandwidth (the whole band).
 *
 * The inverse @f$ w(t) @f$ (minimum bandwidth to upload D bits within t
 * seconds) is closed form: for fixed power, with @f$ c = P g / N_0 @f$ and
 * @f$ a = D \ln 2 / (t c) @f$, @f$ w = c / (-W_{-1}(-a e^{-a}) / a - 1) @f$
 * where @f$ W_{-1} @f$ is the lower branch of the Lambert W function; the
 * upload is impossible (infinite bandwidth) when @f$ a \ge 1 @f$.
 *
 * This is a value type: copy it freely.
 */
class UplinkRateModel
{
  public:
    /// Which dependence of the SNR on the granted bandwidth is assumed.
    enum Kind
    {
        FIXED_POWER, //!< fixed transmit power spread over the granted band
        FIXED_PSD    //!< SNR independent of the granted band
    };

    /**
     * @brief Fixed-power model.
     * @param noisePsdWPerHz noise power spectral density N0 (W/Hz), > 0
     * @return the model
     */
    static UplinkRateModel FixedPower(double noisePsdWPerHz);

    /**
     * @brief Fixed-PSD model.
     * @param noisePsdWPerHz noise power spectral density N0 (W/Hz), > 0
     * @param referenceBandwidthHz bandwidth over which the transmit power
     *        is spread to define the SNR (Hz), > 0
     * @return the model
     */
    static UplinkRateModel FixedPsd(double noisePsdWPerHz, double referenceBandwidthHz);

    /// Default: fixed power with N0 = -174 dBm/Hz.
    UplinkRateModel();

    /**
     * @brief Get the kind of model.
     * @return FIXED_POWER or FIXED_PSD
     */
    Kind GetKind() const;
    /**
     * @brief Get the noise power spectral density.
     * @return the noise PSD N0 (W/Hz)
     */
    double GetNoisePsd() const;
    /**
     * @brief Get the reference bandwidth B_ref of the fixed-PSD SNR.
     * @return the reference bandwidth of the fixed-PSD model (Hz; 0 for fixed power)
     */
    double GetReferenceBandwidth() const;

    /**
     * @brief Receive SNR of a user, for the fixed-PSD model.
     * @param powerW transmit power P (W)
     * @param gain channel power gain g (linear)
     * @return @f$ P g / (N_0 B_\mathrm{ref}) @f$ (linear) for the fixed-PSD
     *         model; for the fixed-power model @f$ P g / N_0 @f$ (Hz), the SNR
     *         times the bandwidth, since the SNR over bandwidth B is
     *         @f$ P g / (N_0 B) @f$ there.
     */
    double Snr(double powerW, double gain) const;

    /**
     * @brief Achievable rate r(B) of the model (see the class description).
     * @param bandwidthHz granted bandwidth B (Hz), >= 0
     * @param powerW transmit power P (W)
     * @param gain channel power gain g (linear)
     * @return rate in bit/s (0 for zero or negative bandwidth)
     */
    double Rate(double bandwidthHz, double powerW, double gain) const;

    /**
     * @brief Largest rate any bandwidth can give (the fixed-power
     * saturation @f$ P g / (N_0 \ln 2) @f$; infinite for fixed PSD).
     * @param powerW transmit power P (W)
     * @param gain channel power gain g (linear)
     * @return rate in bit/s (+infinity for fixed PSD)
     */
    double MaxRate(double powerW, double gain) const;

    /**
     * @brief Minimum bandwidth to upload bits within durationS, w(t): the
     * smallest B with r(B) t >= D, in closed form (see the class description).
     * @param bits task size D (bit), >= 0
     * @param durationS upload time available t (s)
     * @param powerW transmit power P (W)
     * @param gain channel power gain g (linear)
     * @return bandwidth in Hz (0 when bits <= 0); +infinity when no bandwidth
     *         suffices (durationS <= 0, P g <= 0, or the saturation rate is too
     *         low)
     */
    double MinBandwidth(double bits, double durationS, double powerW, double gain) const;

    /**
     * @brief Upload time of bits on a granted bandwidth, u = D / r(B).
     * @param bits task size D (bit)
     * @param bandwidthHz granted bandwidth B (Hz)
     * @param powerW transmit power P (W)
     * @param gain channel power gain g (linear)
     * @return seconds (0 when bits <= 0); +infinity for zero rate with a
     *         non-empty task
     */
    double UploadTime(double bits, double bandwidthHz, double powerW, double gain) const;

  private:
    /**
     * @brief Construct a model; used by FixedPower, FixedPsd and the default
     * constructor.
     *
     * Aborts (NS_ABORT_MSG) unless noisePsd is finite and > 0 and, for
     * FIXED_PSD, referenceBandwidth is finite and > 0.
     * @param kind the kind of model
     * @param noisePsd noise power spectral density N0 (W/Hz)
     * @param referenceBandwidth B_ref of the fixed-PSD SNR (Hz); 0 (ignored)
     *        for fixed power
     */
    UplinkRateModel(Kind kind, double noisePsd, double referenceBandwidth);

    Kind m_kind;                 //!< model kind
    double m_noisePsd;           //!< N0 (W/Hz)
    double m_referenceBandwidth; //!< B_ref for the fixed-PSD SNR (Hz)
};

/**
 * @ingroup edge-inference
 * @brief Number of whole resource blocks that cover a bandwidth.
 *
 * Rounds up, but forgives a relative excess of 1e-9 so that a bandwidth
 * computed as n * rbWidthHz in floating point maps back to n.
 *
 * @param bandwidthHz bandwidth (Hz), >= 0, may be +infinity
 * @param rbWidthHz width of one resource block (Hz), > 0
 * @return the number of blocks; UINT32_MAX when bandwidthHz is infinite or
 *         needs more blocks than a uint32_t holds
 */
uint32_t ResourceBlocksFor(double bandwidthHz, double rbWidthHz);

/**
 * Unit conversions of the module. They live in a namespace of their own
 * because ns-3's wifi module has a free function ns3::DbmToW(double) with the
 * same signature: in a static or monolithic build both would be one symbol.
 */
namespace edgeinference
{

/**
 * @brief Converts a power from dBm to W.
 * @param dbm power (dBm)
 * @return the power (W)
 */
double DbmToW(double dbm);

/**
 * @brief Converts a power spectral density from dBm/Hz to W/Hz.
 * @param dbmPerHz PSD (dBm/Hz)
 * @return the PSD (W/Hz)
 */
double DbmPerHzToWPerHz(double dbmPerHz);

} // namespace edgeinference

} // namespace ns3

#endif /* UPLINK_RATE_MODEL_H */
