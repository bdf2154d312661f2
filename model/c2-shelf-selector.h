/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef C2_SHELF_SELECTOR_H
#define C2_SHELF_SELECTOR_H

#include "c2-problem.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief The "greedy shelf selection" shared by the early-exit schedulers
 * (manual: *Tree search*): with every exit's compute offset fixed, decide
 * whether some upload deadline t that the problem allows as the batch start
 * (C2Problem::CanStartAt: t > 0 and not before the server is free) lets a
 * prescribed number of users of each group of exits upload within t and
 * finish their computation in time without exceeding the bandwidth.
 *
 * Users are served at their required exit m_k. Given compute offsets
 * O_1..O_N (seconds from batch start to exit n) a user's threshold is
 * theta_k = T_k - O_{m_k}: it meets its deadline iff t <= theta_k. A group
 * is a range of exits [first, last] with a quota q. Select() answers
 * exactly whether
 *   exists an allowed t: every group has at least q users with
 *   theta_k >= t, and
 *   sum over groups of the q smallest needs Need(k, t) among them
 *   <= Capacity(),
 * and returns such a t and the users. Callers use it with
 *  - exact offsets and one group per exit: the exact feasibility of a
 *    vector of per-exit counts (a tree-search leaf);
 *  - lower bounds on the offsets: a relaxation (tree-search pruning);
 *  - upper bounds on the offsets: a feasible, possibly sub-optimal, set
 *    (the conservative greedy).
 *
 * Candidate users: the constructor drops every user that no set can serve:
 * no exit accurate enough; its deadline passed when it computes alone
 * (T_k <= sum_{n <= m_k} tau_n(1)); or it needs more than the capacity even
 * uploading in all the time it has alone. Offsets only grow with the batch,
 * so such a user is infeasible in every set.
 *
 * Two modes, chosen by the constructor:
 *  - ordered (fast): when the order of the users by need is the same for
 *    every t, i.e. fixed-PSD rate model (order by D_k / log2(1 + SNR_k)), or
 *    fixed power with equal task sizes and powers (order by gain,
 *    descending). Resource-block rounding keeps that order (ceil is
 *    monotone). Then a group's best users at t are its first q eligible
 *    users in this fixed order, the selection changes only when a selected
 *    user's threshold is passed, and Select() scans those selections in
 *    increasing t.
 *    With rate tables (C2User::rateBps): when every candidate has one and
 *    the tables form a dominance chain (no more bits and at least the rate
 *    at every block count than the next user), as an MCS table gives users
 *    of equal task size and power; the jump below tNeed is then off.
 *  - general: any users; every distinct threshold up to tMax is a candidate
 *    t and the needs are recomputed for each: O(K^2) need evaluations per
 *    call (used when task sizes or powers differ under fixed power).
 *
 * Exactness of the ordered scan: as t grows, users only leave the eligible
 * sets, so a group's selection (first q eligible users in need order)
 * changes only when the threshold of one of its selected users is passed.
 * For t in a range where the selection S is constant, the largest t,
 * min_{k in S} theta_k, has the smallest needs (Need is non-increasing in
 * t), so it suffices to test each selection at its own binding threshold;
 * below the first (globally cheapest) selection's threshold nothing beats
 * it. Let tMax be the largest t at which every group still has q eligible
 * users. Two lower bounds cut the scan, both valid for every later t' in
 * [t, tMax] because later selections hold users later in need order:
 *  - sum_{k in S(t)} Need(k, tMax), non-decreasing in t: once above the
 *    capacity, the answer is no;
 *  - w_k(t) t does not increase with t (constant for fixed PSD; for fixed
 *    power log2(1 + P g / (N0 w)) grows as w shrinks), so every t' below
 *    tNeed = tMax sum_{k in S(t)} w_k(tMax) / capacity (in Hz; in blocks
 *    divided by the block width) needs more than the capacity: the scan
 *    jumps to tNeed without evaluating the selections in between.
 * Cost of one call: O(K) to compute the thresholds and tMax, O(log b)
 * per selection change, one need evaluation per user entering the
 * selection and b per selection evaluated exactly.
 *
 * With minimizeCost the scan continues after the first success and returns
 * the shelf of smallest total need (the lower bounds then cut at the best
 * cost found).
 */
class C2ShelfSelector
{
  public:
    /// A range of exits [firstExit, lastExit] (1-based) with a user quota.
    struct Group
    {
        uint32_t firstExit{1}; //!< first exit of the range (1..N)
        uint32_t lastExit{1};  //!< last exit of the range (first..N)
        uint32_t quota{0};     //!< number of users to select from the range
    };

    /// The outcome of a successful Select().
    struct Selection
    {
        double shelfS{0};            //!< the upload deadline t found (s)
        double costUnits{0};         //!< total need of the users at t (units)
        std::vector<uint32_t> users; //!< selected users (problem indices)
    };

    /**
     * @brief Prepare the selection for a problem: find the candidate users
     * and the mode, and sort the candidates by need in ordered mode (see the
     * class description).
     * @param problem a validated problem; must outlive the selector
     */
    explicit C2ShelfSelector(const C2Problem& problem);

    /**
     * @brief Get the problem.
     * @return the problem given to the constructor
     */
    const C2Problem& GetProblem() const;

    /**
     * @brief Get the users that some set can serve.
     * @return the candidate users (problem indices), in need order in ordered mode
     */
    const std::vector<uint32_t>& GetCandidates() const;

    /**
     * @brief Count the candidates of one required exit.
     * @param exit m in 1..N (std::out_of_range otherwise)
     * @return number of candidate users whose required exit is m
     */
    uint32_t GetClassSize(uint32_t exit) const;

    /**
     * @brief Tell which scan Select() uses.
     * @return true in ordered mode (need order independent of t)
     */
    bool IsOrdered() const;

    /**
     * @brief Decide the selection problem described in the class comment.
     *
     * Groups must cover disjoint exit ranges; groups with quota 0 are
     * ignored. No memory is allocated once the internal buffers have grown.
     *
     * @param groups the groups
     * @param offsetsS O_1..O_N (s), size N; non-decreasing is not required
     * @param out if not null and the answer is yes, receives t and the users
     *        (with no group of positive quota: no users, t = the server's
     *        free time)
     * @param minimizeCost if false, stop at the first t that works (the
     *        smallest); if true, return the t with the smallest total need
     * @return true if some allowed t works (always true with no group of positive
     *         quota)
     */
    bool Select(const std::vector<Group>& groups,
                const std::vector<double>& offsetsS,
                Selection* out,
                bool minimizeCost = false);

    /**
     * @brief Count the need evaluations (a measure of the work done).
     * @return number of Need() evaluations made so far
     */
    uint64_t GetNeedEvaluations() const;

    /**
     * @brief Count the Select() calls.
     * @return number of Select() calls so far
     */
    uint64_t GetSelectCalls() const;

  private:
    /// Per-candidate data, indexed by candidate index (0..nCand-1).
    struct Cand
    {
        uint32_t user;    //!< problem index
        uint32_t exit;    //!< required exit m_k
        double deadlineS; //!< T_k
        double bits;      //!< D_k
        double powerW;    //!< P_k
        double gain;      //!< g_k
        bool table;       //!< the user has a rate table
    };

    /// Fills m_cand with the users some set can serve (class description).
    void CollectCandidates();
    /**
     * @brief Decides the mode: whether the need order of the candidates is
     * the same for every t, and if so the key that sorts them in it.
     * @param key receives one key per candidate (ascending = smaller need)
     *        in ordered mode; may stay empty when the order is given
     * @return true for ordered mode
     */
    bool NeedOrderKeys(std::vector<double>& key) const;
    /**
     * @brief Ordered mode with rate tables: holds when every candidate has a
     * table and the tables form a dominance chain (see the .cc).
     * @param key receives the sort key of each candidate if it holds
     * @return true if the need order is the same for every t
     */
    bool OrderByRateTables(std::vector<double>& key) const;

    /**
     * @brief Need of a candidate, as C2Problem::Need computes it; counted in
     * GetNeedEvaluations().
     * @param i candidate index (0..nCand-1)
     * @param t upload deadline (s)
     * @return Need of candidate i at t (units); +infinity if none suffices
     */
    double NeedOf(uint32_t i, double t);
    /**
     * @brief Need of a candidate, also in Hz; counted in
     * GetNeedEvaluations().
     * @param i candidate index (0..nCand-1)
     * @param t upload deadline (s)
     * @param hz receives w_i(t) in Hz (before any rounding to blocks)
     * @return Need of candidate i at t (units); +infinity if none suffices
     */
    double NeedWithHz(uint32_t i, double t, double* hz);
    /**
     * @brief The candidates whose required exit lies in a range; built on
     * first use and cached.
     * @param first first exit of the range (1..N)
     * @param last last exit of the range (first..N)
     * @return the candidate indices of the exit range, in candidate order
     *         (need order in ordered mode)
     */
    const std::vector<uint32_t>& RangeList(uint32_t first, uint32_t last);
    /**
     * @brief Ordered-mode scan of Select(), on the groups and thresholds it
     * prepared (m_gList, m_gQuota, m_theta).
     * @param tMax largest t at which every group still has its quota of
     *        eligible users (s), > 0
     * @param out as in Select()
     * @param minimizeCost as in Select()
     * @return true if some t in (0, tMax] works
     */
    bool SelectOrdered(double tMax, Selection* out, bool minimizeCost);
    /**
     * @brief General-mode scan of Select(): tries every distinct threshold in
     * (0, tMax] in increasing order, recomputing the needs at each.
     * @param tMax largest t at which every group still has its quota of
     *        eligible users (s), > 0
     * @param out as in Select()
     * @param minimizeCost as in Select()
     * @return true if some t in (0, tMax] works
     */
    bool SelectGeneral(double tMax, Selection* out, bool minimizeCost);
    /**
     * @brief Ordered mode: the first selection (per group, its first quota
     * of users with a positive threshold), with m_lowerBound and m_hzAtMax.
     * @param tMax as in SelectOrdered() (s)
     * @return false if even its needs at tMax exceed the capacity
     */
    bool TakeFirstSelection(double tMax);
    /**
     * @brief Ordered mode: raises t. Every selected user whose threshold is
     * below 'above' (or at it, if inclusive) leaves and is replaced by the
     * next user of its group in need order whose threshold is above it.
     * @param above the new lower end of t (s)
     * @param inclusive whether users with threshold == above leave too
     * @param tMax as in SelectOrdered() (s)
     * @return false if a group runs out of users (or one can never fit)
     */
    bool AdvanceSelection(double above, bool inclusive, double tMax);
    /**
     * @brief Ordered mode: the exact total need of the selection at t,
     * stopping as soon as it exceeds the limit.
     * @param t the upload deadline (s)
     * @param limit the largest acceptable cost (units)
     * @param cost receives the total (partial if over the limit)
     * @return true if the total is within the limit
     */
    bool SelectionCostWithin(double t, double limit, double* cost);
    /**
     * @brief Ordered mode: whether m_lowerBound proves that no later
     * selection beats the limit (recomputed once without accumulated
     * rounding before it says yes).
     * @param limit the largest acceptable cost (units)
     * @param found whether a selection was found (then ties do not help)
     * @return true if the scan can stop
     */
    bool LowerBoundCuts(double limit, bool found);
    /**
     * @brief Writes a selection into the caller's result.
     * @param t its upload deadline (s)
     * @param cost its total need (units)
     * @param chosen its candidate indices
     * @param out the result
     */
    void RecordSelection(double t,
                         double cost,
                         const std::vector<uint32_t>& chosen,
                         Selection* out) const;
    /**
     * @brief General mode: the distinct thresholds in (0, tMax], sorted, into
     * m_ts.
     * @param tMax as in SelectGeneral() (s)
     */
    void CollectThresholds(double tMax);
    /**
     * @brief General mode: the sum over groups of the quota smallest values
     * among the users with threshold >= t.
     * @param t the upload deadline (s)
     * @param value gives the value of a candidate index
     * @param chosen if not null, receives the candidates summed (and the sum
     *        is complete); if null, the sum stops once over the capacity
     * @return the sum (units)
     */
    template <typename Value>
    double SmallestSum(double t, Value value, std::vector<uint32_t>* chosen);

    const C2Problem& m_problem;                     //!< the problem
    uint32_t m_nExits;                              //!< N
    double m_capacity;                              //!< Capacity()
    bool m_ordered;                                 //!< ordered mode
    UplinkRateModel m_rate;                         //!< the problem's rate model
    double m_rbHz;                                  //!< resource-block width, 0 if none
    std::vector<Cand> m_cand;                       //!< candidates, need order if ordered
    std::vector<uint32_t> m_candidates;             //!< problem indices of m_cand
    std::vector<uint32_t> m_classSize;              //!< [m-1]
    std::vector<std::vector<uint32_t>> m_rangeList; //!< lazily built, [first * (N+1) + last]
    std::vector<bool> m_rangeBuilt;                 //!< which m_rangeList entries exist
    uint64_t m_needEvaluations;                     //!< counter
    uint64_t m_selectCalls;                         //!< counter

    // Scratch of one Select() call (kept to avoid allocation).
    std::vector<const std::vector<uint32_t>*> m_gList; //!< list of each active group
    std::vector<uint32_t> m_gQuota;                    //!< quota of each active group
    std::vector<uint32_t> m_gFront;                    //!< next unseen list position
    std::vector<double> m_theta;                       //!< threshold per candidate
    std::vector<uint32_t> m_sel;                       //!< selected candidates
    std::vector<uint32_t> m_selGroup;                  //!< group of each selected
    std::vector<double> m_selNeedMax;                  //!< Need(., tMax) of each selected
    std::vector<double> m_selHzMax;                    //!< w(tMax) in Hz of each selected
    std::vector<std::pair<double, uint32_t>> m_heap;   //!< (theta, position) of the selected
    double m_lowerBound{0};                            //!< sum of m_selNeedMax (units)
    double m_hzAtMax{0};                               //!< sum of m_selHzMax (Hz)
    std::vector<double> m_scratch;                     //!< misc values
    std::vector<double> m_ts;                          //!< candidate t (general mode)
    std::vector<std::pair<double, uint32_t>> m_pairs;  //!< (need, candidate) (general mode)
};

} // namespace ns3

#endif /* C2_SHELF_SELECTOR_H */
