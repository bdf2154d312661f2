/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TREE_SEARCH_C2_SCHEDULER_H
#define TREE_SEARCH_C2_SCHEDULER_H

#include "c2-scheduler.h"
#include "c2-shelf-selector.h"
#include "greedy-early-exit-c2-scheduler.h"

#include "ns3/ptr.h"

#include <vector>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Tree search: batching + early exit, optimal (manual:
 * *Tree search*). Returns a feasible set of maximum size.
 *
 * Every served task leaves at its required exit m_k. Exits deeper than m_k
 * never help: moving a task from m_k to m' > m_k adds it to the batches of
 * blocks m_k+1..m', so no b_n shrinks, and since tau_n is non-decreasing in
 * b every offset C_m is at least as large and the task's own offset grows
 * from C_{m_k} to C_{m'} >= C_{m_k}; its need and every other need can
 * only grow. Execution is BATCH.
 *
 * Search. The incumbent is GreedyEarlyExitC2Scheduler's set, of size g
 * (with PlateauMoves = 0: a cheaper incumbent made the whole search faster
 * in the benchmark; attribute GreedyIncumbent = false starts from g = 0).
 * For b = g+1, g+2, ... a depth-first search over per-exit counts decides
 * whether b users can be served; the first infeasible b ends the search
 * (feasibility is hereditary: removing a user keeps a set feasible, so if
 * no set of size b is feasible none of size b+1 is). Level m of the tree
 * fixes c_m (exits in increasing order), 0 <= c_m <= n_m (n_m: candidate
 * users whose required exit is m), with the users left, r, still reachable
 * by the classes after m; c_N = r is forced.
 *
 * Every node is checked with C2ShelfSelector. At a node where c_1..c_m are
 * fixed and r users remain for exits m+1..N:
 *  - batch sizes b_n = sum_{m' >= n} c_{m'} are exact for n <= m+1
 *    (b_n = b - c_1 - ... - c_{n-1}) and bounded below for n >= m+2 by
 *    max(0, r - n_{m+1} - ... - n_{n-1}); the offsets built from these are
 *    lower bounds O_m <= C_m(c) for every completion c of the node;
 *  - the groups are one per fixed exit (quota c_m) and one pool of exits
 *    m+1..N (quota r).
 * The node passes iff some t > 0 lets every group take its quota from the
 * users with T_k - O_{m_k} >= t within the capacity (cheapest per group).
 *
 * Pruning is safe: if S is a feasible set that completes the node, with
 * shelf t* = t*(S) > 0, then every k in S has T_k - O_{m_k} >= T_k -
 * C_{m_k}(c) >= t*, so each group has its quota of eligible users at t*,
 * and the cheapest per group need no more than S, which fits. Hence a node
 * that fails has no feasible completion. Subtrees whose remaining classes
 * cannot hold r users are never generated.
 *
 * The leaf check is exact: at m = N-1 every b_n is exact (the offsets are
 * C_m(c)) and the groups are the N classes. If it passes at t, the
 * selected users have exactly the counts c, hence exactly the offsets used,
 * each meets T_k - C_{m_k}(c) >= t, so their shelf is >= t > 0 and their
 * needs at their shelf are at most those at t: the set is feasible.
 * Conversely a feasible S with counts c passes at t = t*(S) by the pruning
 * argument. Which shelves are tried: only thresholds of users of classes
 * with c_m > 0, no larger than tMax (beyond it some class lacks users);
 * with a t-independent need order only the binding threshold of each
 * successive cheapest selection, starting from the globally cheapest one
 * (smaller t keep that selection at higher needs), stopping once a lower
 * bound on the needs exceeds the capacity (see C2ShelfSelector).
 *
 * Complexity: exponential only in N. For one b the tree has at most
 * prod_{m < N} (n_m + 1) leaves; each node costs one selection,
 * O(K log K + s b) operations and O(s b) need evaluations (s: selections
 * scanned). Memory O(K N).
 *
 * Search statistics: nodes = tree nodes visited (roots included, one per
 * b; the greedy's work is not counted), candidates = selections made
 * (greedy's included).
 *
 * Node limit: with MaxNodes > 0 the search stops when that many nodes have
 * been visited and returns the best set found so far (feasible, at least
 * the greedy's, possibly not maximum); a warning is logged.
 */
class TreeSearchC2Scheduler : public C2Scheduler
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create the scheduler with its incumbent source, a
    /// GreedyEarlyExitC2Scheduler with PlateauMoves = 0.
    TreeSearchC2Scheduler();
    ~TreeSearchC2Scheduler() override;

  protected:
    C2Allocation DoAllocate(const C2Problem& problem) override;
    /// Release the greedy scheduler used for the incumbent.
    void DoDispose() override;

  private:
    /**
     * @brief Check one node of the search for batch size m_batch and recurse
     * into its children, larger c_{level+1} first.
     *
     * The node is the one where exits 1..level are fixed in m_counts and r
     * users remain for exits level+1..N. Counts as one node against MaxNodes
     * (returns false, with m_aborted set, once the limit is reached).
     * @param level number of fixed exits, 0..N-1
     * @param remaining r, users still to place at exits level+1..N
     * @return true if a feasible leaf was found (stored in m_witness)
     */
    bool Visit(uint32_t level, uint32_t remaining);

    uint64_t m_maxNodes;                      //!< node limit, 0 = none
    bool m_greedyIncumbent;                   //!< start from the greedy's size
    Ptr<GreedyEarlyExitC2Scheduler> m_greedy; //!< the incumbent's source

    // State of one search.
    C2ShelfSelector* m_selector;                  //!< selector of the problem
    uint32_t m_nExits;                            //!< N
    uint32_t m_batch;                             //!< b searched
    std::vector<uint32_t> m_classSize;            //!< n_m
    std::vector<uint32_t> m_classesAfter;         //!< [m] = n_{m+1} + ... + n_N
    std::vector<uint32_t> m_counts;               //!< c_m of the node
    std::vector<double> m_offsets;                //!< offsets (bounds) of the node
    std::vector<C2ShelfSelector::Group> m_groups; //!< groups of the node
    C2ShelfSelector::Selection m_witness;         //!< feasible leaf found
    uint64_t m_nodes;                             //!< nodes visited
    bool m_aborted;                               //!< node limit reached
};

} // namespace ns3

#endif /* TREE_SEARCH_C2_SCHEDULER_H */
