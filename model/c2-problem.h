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
 * A user with a rate table (SetRateTable) needs the fewest blocks whose
 * rate uploads D_k within t: Need(k, t) = min{n : D_k / r_k(n) <= t}, which
 * never grows with t whatever the shape of r_k, so every exact scheduler
 * stays exact; UploadTime() and EvaluateC2Allocation() read the same table.
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
     * @brief Set when the edge server becomes free: it is still running an
     * earlier frame's batch until then, so this frame's batch (or first
     * sequential task) starts no earlier (CanStartAt). Uploads may use that
     * time.
     * @param seconds from the upload start, finite and >= 0 (checked by
     *        Validate(); default 0: free at once, the paper's frame)
     */
    void SetServerFreeS(double seconds);
    /// @return when the edge server becomes free (s from the upload start)
    double GetServerFreeS() const;
    /**
     * @brief The one rule on the upload deadline t, which is also the batch
     * start: every scheduler and EvaluateC2Allocation use it.
     * @param t an upload deadline (s from the upload start)
     * @return t > 0 and t >= GetServerFreeS()
     */
    bool CanStartAt(double t) const;
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
     * @brief Give block n a table of latencies that replaces its affine
     * tau_n(b) = alpha_n b + beta_n (the exits' alpha and beta are then only
     * reported). Every scheduler reads it through BlockTime.
     * @param exit block and exit number n in 1..N (std::out_of_range
     *        otherwise)
     * @param timesS [b-1]: tau_n(b) (s) for b = 1..size; finite, > 0 and
     *        non-decreasing in b (so that a larger batch is never faster,
     *        which keeps the exact schedulers exact), and at least one entry
     *        per user (checked by Validate()); empty: back to the affine fit
     */
    void SetBlockTimes(uint32_t exit, const std::vector<double>& timesS);
    /// @param exit block number n in 1..N @return its latency table (empty: affine)
    const std::vector<double>& GetBlockTimes(uint32_t exit) const;
    /**
     * @brief The planner's block latencies from a profile's measured table:
     * for every block n, E_n(b) = max over b' <= b of the profile's
     * tau_n(b') (its monotone upper envelope), b = 1..maxBatch. A server
     * that runs the profile's own times never takes longer than planned.
     * @param profile the profile whose exits the problem has
     * @param maxBatch the largest batch size to tabulate (>= 1)
     */
    void SetBlockTimesFromProfileEnvelope(const EarlyExitProfile& profile, uint32_t maxBatch);
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
     * @brief Give a user a rate table, which replaces the rate model for it
     * (its powerW and gain are then only reported). Needs resource blocks.
     * @param k user index 0..K-1 (std::out_of_range otherwise)
     * @param rateBps [n-1]: the rate (bit/s, >= 0; 0: nothing decodable) the
     *        uplink delivers to the user on n resource blocks, n =
     *        1..Capacity() (checked by Validate()); need not grow with n (an
     *        MCS table under fixed total power); empty: no table
     */
    void SetRateTable(uint32_t k, const std::vector<double>& rateBps);
    /**
     * @brief Get a user's rate table.
     * @param k user index 0..K-1 (std::out_of_range otherwise)
     * @return the table given to SetRateTable (empty if none)
     */
    const std::vector<double>& GetRateTable(uint32_t k) const;

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
     * @return tau_n(b) = alpha_n b + beta_n, or the block's table entry for b
     *         (SetBlockTimes; EdgeInferenceError past its end); 0 for b = 0;
     *         seconds
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
     * @brief Upload time of user k's task on a granted bandwidth.
     * @param k user index 0..K-1 (not checked)
     * @param bandwidthHz the grant (Hz); with a rate table, whole blocks
     * @return D_k / r_k(bandwidthHz) in seconds; +infinity for a zero rate
     *         (or, with a rate table, no block or more blocks than the table)
     */
    double UploadTime(uint32_t k, double bandwidthHz) const;

    /**
     * @brief Tell whether user k has a rate table.
     * @param k user index 0..K-1 (not checked)
     * @return true if SetRateTable gave it a non-empty table
     */
    bool HasRateTable(uint32_t k) const;

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
    /**
     * @brief What Need() reads of a rate table, computed when the user is
     * added: the best rate on at most n blocks and the best rate per block.
     */
    struct RateTable
    {
        std::vector<double> rateBps;     //!< [n-1]: r(n) as given (bit/s)
        std::vector<double> bestUpToBps; //!< [n-1]: max over m <= n of r(m) (bit/s)
        double bestPerBlockBps{0};       //!< max over n of r(n) / n (bit/s)
    };

    /**
     * @brief Summarise a rate table.
     * @param rateBps the table
     * @return it with its summary
     */
    static RateTable Summarise(const std::vector<double>& rateBps);

    /**
     * @brief Need(k, t) from user k's rate table.
     * @param k user index (with a rate table)
     * @param uploadTimeS upload deadline t (s)
     * @return the fewest blocks n with D_k / r_k(n) <= t; +infinity if none
     */
    double TableNeed(uint32_t k, double uploadTimeS) const;

    double m_bandwidthHz;                          //!< B (Hz)
    UplinkRateModel m_rateModel;                   //!< rate model
    double m_resourceBlockHz;                      //!< RB width (Hz), 0 = continuous
    double m_serverFreeS;                          //!< server free this long after t = 0 (s)
    std::vector<C2Exit> m_exits;                   //!< exits 1..N
    std::vector<C2User> m_users;                   //!< users
    std::vector<RateTable> m_tables;               //!< per user, same index
    std::vector<std::vector<double>> m_blockTimes; //!< per block, empty: affine

    /// Validate()'s checks of the block latency tables.
    void ValidateBlockTimes() const;
};

} // namespace ns3

#endif /* C2_PROBLEM_H */
