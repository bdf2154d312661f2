/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef C2_PROBLEM_H
#define C2_PROBLEM_H

#include "uplink-rate-model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class EarlyExitProfile;

/**
 * @ingroup edge-inference
 * @brief One user's task in a frame (manual: *One frame*, *Uplink rate model*).
 */
struct C2User
{
    uint32_t id{0};      //!< user identifier (free, reported back)
    double bits{0};      //!< task size D_k (bit), > 0
    double powerW{0};    //!< transmit power P_k (W), > 0
    double gain{0};      //!< channel power gain g_k (linear), > 0
    double deadlineS{0}; //!< latency requirement T_k from frame start (s), > 0
    double accuracy{0};  //!< accuracy requirement A_k, in [0, 1]
};

/**
 * @ingroup edge-inference
 * @brief One exit of the multi-exit DNN with the affine latency of the
 * block before it: tau_n(b) = alphaS * b + betaS for b > 0, tau_n(0) = 0.
 */
struct C2Exit
{
    double accuracy{0}; //!< a_n in [0, 1], non-decreasing in n
    double alphaS{0};   //!< per-sample cost (s), >= 0
    double betaS{0};    //!< per-batch cost (s), >= 0
};

/**
 * @ingroup edge-inference
 * @brief The joint communication-and-computation (C2) allocation problem
 * of one frame (manual: *The allocation problem*).
 *
 * Users upload on disjoint bandwidth (OFDMA) of total B; the served tasks
 * form one batch that starts when the last upload ends; block n runs on the
 * b_n tasks whose exit is n or deeper. The aim is to serve as many users as
 * possible within their accuracy and latency requirements.
 *
 * Bandwidth is measured in "units": Hz when the resource-block width is 0
 * (continuous bandwidth), whole resource blocks otherwise. Need(k, t) is the
 * bandwidth w_k(t) of user k to upload within t, in units (rounded up to
 * whole blocks); Capacity() is B in units (whole blocks that fit). Every
 * scheduler compares needs with the capacity in these units, so all of them
 * work unchanged with and without resource blocks.
 *
 * Schedulers may assume a problem they receive has passed Validate().
 */
class C2Problem
{
  public:
    /**
     * @brief Create an empty problem: B = 1 MHz, the default rate model
     * (fixed power, N0 = -174 dBm/Hz), continuous bandwidth, no exits and no
     * users (so it does not pass Validate() until exits are set).
     */
    C2Problem();

    /**
     * @brief Set the total uplink bandwidth (checked by Validate()).
     * @param hz total uplink bandwidth B (Hz), > 0
     */
    void SetBandwidth(double hz);
    /**
     * @brief Set the rate model that gives the needs w_k(t).
     * @param model the rate model (fixed power or fixed PSD)
     */
    void SetRateModel(const UplinkRateModel& model);
    /**
     * @brief Set the resource-block width, which chooses the bandwidth unit.
     * @param hz resource-block width (Hz), at most B; 0 for continuous
     *        bandwidth
     */
    void SetResourceBlockWidth(double hz);
    /**
     * @brief Set the exits (replaces any previous ones).
     * @param exits the exits 1..N with their block latencies
     */
    void SetExits(const std::vector<C2Exit>& exits);
    /**
     * @brief Take the exits from a profile: its accuracies and affine fits.
     *
     * The problem then uses the fitted tau_n(b) = alpha_n b + beta_n, not the
     * profile's measured table.
     * @param profile the profile
     */
    void SetExitsFromProfile(const EarlyExitProfile& profile);
    /**
     * @brief Set the users of the frame (replaces any previous ones).
     * @param users the users of the frame; user index k is the position
     */
    void SetUsers(const std::vector<C2User>& users);
    /**
     * @brief Append a user to the frame.
     * @param user one more user, with index GetNUsers() before the call
     */
    void AddUser(const C2User& user);

    /**
     * @brief Get the total uplink bandwidth.
     * @return B (Hz)
     */
    double GetBandwidth() const;
    /**
     * @brief Get the rate model.
     * @return the rate model
     */
    const UplinkRateModel& GetRateModel() const;
    /**
     * @brief Get the resource-block width.
     * @return the resource-block width (Hz), 0 if continuous
     */
    double GetResourceBlockWidth() const;
    /**
     * @brief Tell whether bandwidth is counted in resource blocks.
     * @return true if bandwidth is allocated in whole resource blocks (width > 0)
     */
    bool UsesResourceBlocks() const;
    /**
     * @brief Get the exits.
     * @return the exits 1..N (element n-1 is exit n)
     */
    const std::vector<C2Exit>& GetExits() const;
    /**
     * @brief Get the users.
     * @return the users (element k is user index k)
     */
    const std::vector<C2User>& GetUsers() const;
    /**
     * @brief Get the number of users.
     * @return K
     */
    uint32_t GetNUsers() const;
    /**
     * @brief Get the number of exits.
     * @return N
     */
    uint32_t GetNExits() const;

    /**
     * @brief Check every value; throws EdgeInferenceError naming the first
     * bad field (e.g. "users[3].deadline_s must be > 0, got -1"). An empty
     * user list is valid (nothing to serve).
     */
    void Validate() const;

    /**
     * @brief Required exit of user k: m_k = min{n : a_n >= A_k}.
     * @param k user index 0..K-1 (std::out_of_range otherwise)
     * @return m_k in 1..N, or 0 if no exit is accurate enough
     */
    uint32_t RequiredExit(uint32_t k) const;

    /**
     * @brief Latency of block n (with its exit head) on a batch.
     * @param exit block and exit number n in 1..N
     * @param batch batch size b >= 0 (tasks)
     * @return tau_n(b) = alpha_n b + beta_n (0 for b = 0), seconds
     */
    double BlockTime(uint32_t exit, uint32_t batch) const;

    /**
     * @brief Time of the whole network on a batch, C(b) = sum_n tau_n(b).
     * @param batch batch size b (tasks), all of which run to exit N
     * @return C(b) in seconds (0 for b = 0)
     */
    double FullNetworkTime(uint32_t batch) const;

    /**
     * @brief Time of one task computed alone up to an exit,
     * C_m(1) = sum_{n <= m} tau_n(1): the least compute time a task leaving
     * at exit m can have.
     * @param exit exit m in 1..N
     * @return C_m(1) in seconds (summed in block order, as ExitOffsets does)
     */
    double AloneTime(uint32_t exit) const;

    /**
     * @brief Compute offsets of every exit for per-exit task counts:
     * C_m(c) = sum_{n<=m} tau_n(sum_{m'>=n} c_{m'}).
     * @param counts c_1..c_N (size N)
     * @return C_1..C_N (size N), seconds from batch start
     */
    std::vector<double> ExitOffsets(const std::vector<uint32_t>& counts) const;

    /**
     * @brief Bandwidth need w_k(t) in units (Hz, or whole resource blocks).
     *
     * With resource blocks the need in Hz is rounded up to whole blocks by
     * ResourceBlocksFor.
     * @param k user index 0..K-1 (not checked)
     * @param uploadTimeS upload deadline t (s), counted from the frame start
     * @return the need in units; +infinity if no bandwidth suffices
     */
    double Need(uint32_t k, double uploadTimeS) const;

    /**
     * @brief Bandwidth-time product t w_k(t) in units, without rounding to
     * whole blocks: a lower bound on needs at earlier deadlines.
     *
     * t w(t) never decreases as t shrinks (r(B) / B decreases in B), so for
     * every t' <= t, Need(k, t') >= BandwidthTimeProduct(k, t) / t'. The
     * searches visit users in increasing bound and stop early.
     * @param k user index 0..K-1 (not checked)
     * @param uploadTimeS upload deadline t (s)
     * @return t w_k(t) in unit-seconds; +infinity if no bandwidth suffices
     */
    double BandwidthTimeProduct(uint32_t k, double uploadTimeS) const;

    /**
     * @brief Total bandwidth in the unit of Need().
     * @return B in units (Hz, or the number of whole resource blocks that
     *         fit in B)
     */
    double Capacity() const;

    /**
     * @brief Convert a number of units to Hz.
     * @param units an amount of bandwidth in units (Hz or resource blocks)
     * @return the same bandwidth in Hz
     */
    double UnitsToHz(double units) const;

  private:
    double m_bandwidthHz;        //!< B (Hz)
    UplinkRateModel m_rateModel; //!< rate model
    double m_resourceBlockHz;    //!< RB width (Hz), 0 = continuous
    std::vector<C2Exit> m_exits; //!< exits 1..N
    std::vector<C2User> m_users; //!< users
};

} // namespace ns3

#endif /* C2_PROBLEM_H */
