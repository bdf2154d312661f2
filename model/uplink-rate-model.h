/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef UPLINK_RATE_MODEL_H
#define UPLINK_RATE_MODEL_H

#include <cstdint>
#include <limits>

namespace ns3
{

/**
 * \ingroup edge-inference
 * \brief Achievable uplink rate of one user and its inverse, the minimum
 * bandwidth that uploads a task in a given time.
 *
 * Two models (model reconstructed from Liu, Lan and Huang, JSAC 2023):
 *
 * - fixed power (default): the user spreads a fixed transmit power P over
 *   the bandwidth B it is granted, so
 *   \f$ r(B) = B \log_2(1 + P g / (N_0 B)) \f$, increasing and concave in
 *   B and saturating at \f$ P g / (N_0 \ln 2) \f$;
 * - fixed PSD: the SNR does not depend on the granted bandwidth,
 *   \f$ r(B) = B \log_2(1 + \mathrm{SNR}) \f$, with
 *   \f$ \mathrm{SNR} = P g / (N_0 B_\mathrm{ref}) \f$, i.e. the power P
 *   would be spread over a reference bandwidth (the whole band).
 *
 * The inverse \f$ w(t) \f$ (minimum bandwidth to upload D bits within t
 * seconds) is closed form: for fixed power, with \f$ c = P g / N_0 \f$ and
 * \f$ a = D \ln 2 / (t c) \f$, \f$ w = c / (-W_{-1}(-a e^{-a}) / a - 1) \f$
 * where \f$ W_{-1} \f$ is the lower branch of the Lambert W function; the
 * upload is impossible (infinite bandwidth) when \f$ a \ge 1 \f$.
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
     * \brief Fixed-power model.
     * \param noisePsdWPerHz noise power spectral density N0 (W/Hz), > 0
     * \return the model
     */
    static UplinkRateModel FixedPower(double noisePsdWPerHz);

    /**
     * \brief Fixed-PSD model.
     * \param noisePsdWPerHz noise power spectral density N0 (W/Hz), > 0
     * \param referenceBandwidthHz bandwidth over which the transmit power
     *        is spread to define the SNR (Hz), > 0
     * \return the model
     */
    static UplinkRateModel FixedPsd(double noisePsdWPerHz, double referenceBandwidthHz);

    /// Default: fixed power with N0 = -174 dBm/Hz.
    UplinkRateModel();

    /// \return the kind of model
    Kind GetKind() const;
    /// \return the noise PSD N0 (W/Hz)
    double GetNoisePsd() const;
    /// \return the reference bandwidth of the fixed-PSD model (Hz; 0 for fixed power)
    double GetReferenceBandwidth() const;

    /**
     * \brief Receive SNR of a user, for the fixed-PSD model.
     * \param powerW transmit power (W)
     * \param gain channel power gain (linear)
     * \return \f$ P g / (N_0 B_\mathrm{ref}) \f$; for the fixed-power model,
     *         the SNR over bandwidth B is \f$ P g / (N_0 B) \f$ instead.
     */
    double Snr(double powerW, double gain) const;

    /**
     * \brief Achievable rate.
     * \param bandwidthHz granted bandwidth (Hz), >= 0
     * \param powerW transmit power (W)
     * \param gain channel power gain (linear)
     * \return rate in bit/s (0 for zero bandwidth)
     */
    double Rate(double bandwidthHz, double powerW, double gain) const;

    /**
     * \brief Largest rate any bandwidth can give (the fixed-power
     * saturation \f$ P g / (N_0 \ln 2) \f$; infinite for fixed PSD).
     * \param powerW transmit power (W)
     * \param gain channel power gain (linear)
     * \return rate in bit/s
     */
    double MaxRate(double powerW, double gain) const;

    /**
     * \brief Minimum bandwidth to upload bits within durationS, w(t).
     * \param bits task size (bit), >= 0
     * \param durationS upload time available (s)
     * \param powerW transmit power (W)
     * \param gain channel power gain (linear)
     * \return bandwidth in Hz; +infinity when no bandwidth suffices
     *         (durationS <= 0, or the saturation rate is too low)
     */
    double MinBandwidth(double bits, double durationS, double powerW, double gain) const;

    /**
     * \brief Upload time of bits on a granted bandwidth.
     * \param bits task size (bit)
     * \param bandwidthHz granted bandwidth (Hz)
     * \param powerW transmit power (W)
     * \param gain channel power gain (linear)
     * \return seconds; +infinity for zero rate with a non-empty task
     */
    double UploadTime(double bits, double bandwidthHz, double powerW, double gain) const;

  private:
    UplinkRateModel(Kind kind, double noisePsd, double referenceBandwidth);

    Kind m_kind;                 //!< model kind
    double m_noisePsd;           //!< N0 (W/Hz)
    double m_referenceBandwidth; //!< B_ref for the fixed-PSD SNR (Hz)
};

/**
 * \ingroup edge-inference
 * \brief Number of whole resource blocks that cover a bandwidth.
 *
 * Rounds up, but forgives a relative excess of 1e-9 so that a bandwidth
 * computed as n * rbWidthHz in floating point maps back to n.
 *
 * \param bandwidthHz bandwidth (Hz), >= 0, may be +infinity
 * \param rbWidthHz width of one resource block (Hz), > 0
 * \return the number of blocks; UINT32_MAX when bandwidthHz is infinite or
 *         needs more blocks than a uint32_t holds
 */
uint32_t ResourceBlocksFor(double bandwidthHz, double rbWidthHz);

/// Converts dBm to W.
double DbmToW(double dbm);
/// Converts a PSD in dBm/Hz to W/Hz.
double DbmPerHzToWPerHz(double dbmPerHz);

} // namespace ns3

#endif /* UPLINK_RATE_MODEL_H */
