/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "c2-shelf-selector.h"

#include "edge-inference-tolerance.h"
#include "uplink-rate-model.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>

namespace ns3
{

C2ShelfSelector::C2ShelfSelector(const C2Problem& problem)
    : m_problem(problem),
      m_nExits(problem.GetNExits()),
      m_capacity(problem.Capacity()),
      m_ordered(false),
      m_rate(problem.GetRateModel()),
      m_rbHz(problem.GetResourceBlockWidth()),
      m_needEvaluations(0),
      m_selectCalls(0)
{
    CollectCandidates();
    std::vector<double> key;
    m_ordered = NeedOrderKeys(key);
    if (m_ordered && !key.empty())
    {
        std::vector<uint32_t> idx(m_cand.size());
        std::iota(idx.begin(), idx.end(), 0);
        std::stable_sort(idx.begin(), idx.end(), [&key](uint32_t a, uint32_t b) {
            return key[a] < key[b];
        });
        std::vector<Cand> sorted;
        sorted.reserve(m_cand.size());
        for (uint32_t i : idx)
        {
            sorted.push_back(m_cand[i]);
        }
        m_cand.swap(sorted);
    }
    m_classSize.assign(m_nExits, 0);
    for (const Cand& c : m_cand)
    {
        m_candidates.push_back(c.user);
        m_classSize[c.exit - 1]++;
    }
    m_rangeList.resize((m_nExits + 1) * (m_nExits + 1));
    m_rangeBuilt.assign(m_rangeList.size(), false);
    m_theta.assign(m_cand.size(), 0.0);
}

void
C2ShelfSelector::CollectCandidates()
{
    const auto& users = m_problem.GetUsers();
    for (uint32_t k = 0; k < users.size(); ++k)
    {
        const uint32_t m = m_problem.RequiredExit(k);
        if (m == 0)
        {
            continue;
        }
        // Served alone, the task's compute offset is sum_{n <= m} tau_n(1).
        const double tAlone = users[k].deadlineS - m_problem.AloneTime(m);
        if (!m_problem.CanStartAt(tAlone) || !(m_problem.Need(k, tAlone) <= m_capacity))
        {
            continue;
        }
        m_cand.push_back({k,
                          m,
                          users[k].deadlineS,
                          users[k].bits,
                          users[k].powerW,
                          users[k].gain,
                          m_problem.HasRateTable(k)});
    }
}

bool
C2ShelfSelector::NeedOrderKeys(std::vector<double>& key) const
{
    const auto& users = m_problem.GetUsers();
    const UplinkRateModel& rate = m_problem.GetRateModel();
    bool sameBitsAndPower = true;
    bool anyTable = false;
    for (const Cand& c : m_cand)
    {
        anyTable = anyTable || c.table;
        sameBitsAndPower =
            sameBitsAndPower && c.bits == m_cand.front().bits && c.powerW == m_cand.front().powerW;
    }
    if (anyTable)
    {
        return OrderByRateTables(key);
    }
    if (rate.GetKind() == UplinkRateModel::FIXED_PSD)
    {
        // w_k(t) = D_k / (t log2(1 + SNR_k)): a t-independent factor over t.
        for (const Cand& c : m_cand)
        {
            const C2User& u = users[c.user];
            key.push_back(u.bits / std::log2(1.0 + rate.Snr(u.powerW, u.gain)));
        }
        return true;
    }
    if (sameBitsAndPower)
    {
        // With equal D and P, w_k(t) decreases with the gain for every t.
        for (const Cand& c : m_cand)
        {
            key.push_back(-users[c.user].gain);
        }
        return true;
    }
    return false;
}

const C2Problem&
C2ShelfSelector::GetProblem() const
{
    return m_problem;
}

const std::vector<uint32_t>&
C2ShelfSelector::GetCandidates() const
{
    return m_candidates;
}

uint32_t
C2ShelfSelector::GetClassSize(uint32_t exit) const
{
    return m_classSize.at(exit - 1);
}

bool
C2ShelfSelector::IsOrdered() const
{
    return m_ordered;
}

uint64_t
C2ShelfSelector::GetNeedEvaluations() const
{
    return m_needEvaluations;
}

uint64_t
C2ShelfSelector::GetSelectCalls() const
{
    return m_selectCalls;
}

double
C2ShelfSelector::NeedOf(uint32_t i, double t)
{
    double hz = 0;
    return NeedWithHz(i, t, &hz);
}

bool
C2ShelfSelector::OrderByRateTables(std::vector<double>& key) const
{
    // Every candidate needs a table, and the tables must form a dominance
    // chain: after sorting by D / sum_n r(n), each user has no more bits and
    // at least the rate at every n of the next. Then Need(a, t) <= Need(b, t)
    // for every t (the fewest blocks of a suffice for b's rate too).
    key.clear();
    for (const Cand& c : m_cand)
    {
        if (!c.table)
        {
            key.clear();
            return false;
        }
        const std::vector<double>& r = m_problem.GetRateTable(c.user);
        const double total = std::accumulate(r.begin(), r.end(), 0.0);
        key.push_back(total > 0 ? c.bits / total : std::numeric_limits<double>::infinity());
    }
    std::vector<uint32_t> idx(m_cand.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::stable_sort(idx.begin(), idx.end(), [&key](uint32_t a, uint32_t b) {
        return key[a] < key[b];
    });
    for (size_t j = 1; j < idx.size(); ++j)
    {
        const Cand& a = m_cand[idx[j - 1]];
        const Cand& b = m_cand[idx[j]];
        const std::vector<double>& ra = m_problem.GetRateTable(a.user);
        const std::vector<double>& rb = m_problem.GetRateTable(b.user);
        if (a.bits > b.bits ||
            !std::equal(ra.begin(), ra.end(), rb.begin(), std::greater_equal<>()))
        {
            key.clear();
            return false;
        }
    }
    return true;
}

double
C2ShelfSelector::NeedWithHz(uint32_t i, double t, double* hz)
{
    // The same computation as C2Problem::Need, on cached copies.
    ++m_needEvaluations;
    const Cand& c = m_cand[i];
    if (c.table)
    {
        // No bandwidth in Hz: 0 turns the scan's jump bound off (it relies
        // on t w(t) growing as t shrinks, which a rate table need not do).
        *hz = 0;
        return m_problem.Need(c.user, t);
    }
    *hz = m_rate.MinBandwidth(c.bits, t, c.powerW, c.gain);
    if (m_rbHz <= 0 || std::isinf(*hz))
    {
        return *hz;
    }
    return ResourceBlocksFor(*hz, m_rbHz);
}

const std::vector<uint32_t>&
C2ShelfSelector::RangeList(uint32_t first, uint32_t last)
{
    const uint32_t slot = first * (m_nExits + 1) + last;
    if (!m_rangeBuilt[slot])
    {
        std::vector<uint32_t>& list = m_rangeList[slot];
        for (uint32_t i = 0; i < m_cand.size(); ++i)
        {
            if (m_cand[i].exit >= first && m_cand[i].exit <= last)
            {
                list.push_back(i);
            }
        }
        m_rangeBuilt[slot] = true;
    }
    return m_rangeList[slot];
}

bool
C2ShelfSelector::Select(const std::vector<Group>& groups,
                        const std::vector<double>& offsetsS,
                        Selection* out,
                        bool minimizeCost)
{
    ++m_selectCalls;
    for (uint32_t i = 0; i < m_cand.size(); ++i)
    {
        m_theta[i] = m_cand[i].deadlineS - offsetsS[m_cand[i].exit - 1];
    }
    m_gList.clear();
    m_gQuota.clear();
    // tMax: the largest t at which every group still has its quota of
    // eligible users (theta >= t).
    double tMax = std::numeric_limits<double>::infinity();
    for (const Group& g : groups)
    {
        if (g.quota == 0)
        {
            continue;
        }
        const std::vector<uint32_t>& list = RangeList(g.firstExit, g.lastExit);
        if (list.size() < g.quota)
        {
            return false;
        }
        m_gList.push_back(&list);
        m_gQuota.push_back(g.quota);
        m_scratch.clear();
        for (uint32_t i : list)
        {
            m_scratch.push_back(m_theta[i]);
        }
        std::nth_element(m_scratch.begin(),
                         m_scratch.begin() + (g.quota - 1),
                         m_scratch.end(),
                         std::greater<double>());
        tMax = std::min(tMax, m_scratch[g.quota - 1]);
    }
    if (m_gList.empty())
    {
        // Nothing to select: the empty set is feasible at any allowed t.
        if (out)
        {
            out->users.clear();
            out->shelfS = std::isinf(tMax) ? m_problem.GetServerFreeS() : tMax;
            out->costUnits = 0;
        }
        return true;
    }
    if (!m_problem.CanStartAt(tMax))
    {
        return false;
    }
    return m_ordered ? SelectOrdered(tMax, out, minimizeCost)
                     : SelectGeneral(tMax, out, minimizeCost);
}

namespace
{

/// Heap order of (threshold, position) pairs: the smallest threshold on top.
bool
ThresholdLater(const std::pair<double, uint32_t>& a, const std::pair<double, uint32_t>& b)
{
    return a.first > b.first;
}

} // namespace

bool
C2ShelfSelector::TakeFirstSelection(double tMax)
{
    m_sel.clear();
    m_selGroup.clear();
    m_selNeedMax.clear();
    m_selHzMax.clear();
    m_heap.clear();
    m_gFront.assign(m_gList.size(), 0);
    m_lowerBound = 0;
    m_hzAtMax = 0;
    // Per group, the first q users whose threshold is an allowed start
    // (the selection for the smallest allowed t). There are at least q with
    // theta >= tMax, an allowed start.
    for (uint32_t g = 0; g < m_gList.size(); ++g)
    {
        const std::vector<uint32_t>& list = *m_gList[g];
        uint32_t taken = 0;
        uint32_t& front = m_gFront[g];
        while (taken < m_gQuota[g])
        {
            const uint32_t i = list[front++];
            if (m_problem.CanStartAt(m_theta[i]))
            {
                double hz = 0;
                const double nm = NeedWithHz(i, tMax, &hz);
                m_lowerBound += nm;
                m_hzAtMax += hz;
                if (!(m_lowerBound <= m_capacity))
                {
                    // Even at the largest t the cheapest users do not fit.
                    return false;
                }
                m_heap.emplace_back(m_theta[i], m_sel.size());
                m_sel.push_back(i);
                m_selGroup.push_back(g);
                m_selNeedMax.push_back(nm);
                m_selHzMax.push_back(hz);
                ++taken;
            }
        }
    }
    std::make_heap(m_heap.begin(), m_heap.end(), ThresholdLater);
    return true;
}

bool
C2ShelfSelector::AdvanceSelection(double above, bool inclusive, double tMax)
{
    auto leaves = [&](double theta) { return inclusive ? !(theta > above) : theta < above; };
    while (!m_heap.empty() && leaves(m_heap.front().first))
    {
        std::pop_heap(m_heap.begin(), m_heap.end(), ThresholdLater);
        const uint32_t p = m_heap.back().second;
        m_heap.pop_back();
        const uint32_t g = m_selGroup[p];
        const std::vector<uint32_t>& list = *m_gList[g];
        uint32_t& front = m_gFront[g];
        while (front < list.size() && leaves(m_theta[list[front]]))
        {
            ++front;
        }
        if (front == list.size())
        {
            return false;
        }
        const uint32_t i = list[front++];
        double hz = 0;
        const double nm = NeedWithHz(i, tMax, &hz);
        if (std::isinf(nm))
        {
            return false;
        }
        m_lowerBound += nm - m_selNeedMax[p];
        m_hzAtMax += hz - m_selHzMax[p];
        m_sel[p] = i;
        m_selNeedMax[p] = nm;
        m_selHzMax[p] = hz;
        m_heap.emplace_back(m_theta[i], p);
        std::push_heap(m_heap.begin(), m_heap.end(), ThresholdLater);
    }
    return true;
}

bool
C2ShelfSelector::SelectionCostWithin(double t, double limit, double* cost)
{
    *cost = 0;
    for (uint32_t i : m_sel)
    {
        *cost += NeedOf(i, t);
        if (!(*cost <= limit))
        {
            return false;
        }
    }
    return true;
}

bool
C2ShelfSelector::LowerBoundCuts(double limit, bool found)
{
    const auto cuts = [&] {
        return !(m_lowerBound <= limit) || (found && !(m_lowerBound < limit));
    };
    if (!cuts())
    {
        return false;
    }
    // Recompute without accumulated rounding before giving up.
    m_lowerBound = 0;
    for (double nm : m_selNeedMax)
    {
        m_lowerBound += nm;
    }
    return cuts();
}

bool
C2ShelfSelector::SelectOrdered(double tMax, Selection* out, bool minimizeCost)
{
    // Converts a bandwidth lower bound in Hz to a lower bound in units: a
    // block count is at least hz / width (ResourceBlocksFor forgives a
    // relative 1e-9, hence the margin).
    const double hzToUnits =
        m_problem.UsesResourceBlocks() ? (1 - 2e-9) / m_problem.GetResourceBlockWidth() : 1.0;
    // Exact costs above this cannot be accepted: the capacity, or when
    // minimising, the best cost found so far.
    double limit = m_capacity;
    bool found = false;
    if (!TakeFirstSelection(tMax))
    {
        return false;
    }
    while (true)
    {
        // The binding threshold of the selection: the top of the heap.
        const double tCur = m_heap.front().first;
        // w_k(t) t does not increase with t (exactly constant for fixed
        // PSD), so w_k(t) >= w_k(tMax) tMax / t for t <= tMax, and the
        // selections at larger t only hold users later in need order: every
        // t below tNeed = hzAtMax tMax / limit is hopeless. Jumping there
        // skips the exact needs of all the selections in between.
        const double tNeed =
            m_hzAtMax * tMax * hzToUnits / (limit * (1 + edgeinference::kRelativeTolerance));
        if (tCur < tNeed)
        {
            if (!(tNeed <= tMax) || !AdvanceSelection(tNeed, false, tMax))
            {
                return found;
            }
        }
        else
        {
            double cost = 0;
            if (SelectionCostWithin(tCur, limit, &cost) && (!found || cost < limit))
            {
                found = true;
                limit = cost;
                if (out)
                {
                    RecordSelection(tCur, cost, m_sel, out);
                }
                if (!minimizeCost)
                {
                    return true;
                }
            }
            // Move t just above tCur: the users bound there leave.
            if (!AdvanceSelection(tCur, true, tMax))
            {
                return found;
            }
        }
        if (LowerBoundCuts(limit, found))
        {
            return found;
        }
    }
}

void
C2ShelfSelector::RecordSelection(double t,
                                 double cost,
                                 const std::vector<uint32_t>& chosen,
                                 Selection* out) const
{
    out->shelfS = t;
    out->costUnits = cost;
    out->users.clear();
    for (uint32_t i : chosen)
    {
        out->users.push_back(m_cand[i].user);
    }
}

void
C2ShelfSelector::CollectThresholds(double tMax)
{
    m_ts.clear();
    for (const std::vector<uint32_t>* list : m_gList)
    {
        for (uint32_t i : *list)
        {
            if (m_problem.CanStartAt(m_theta[i]) && m_theta[i] <= tMax)
            {
                m_ts.push_back(m_theta[i]);
            }
        }
    }
    std::sort(m_ts.begin(), m_ts.end());
    m_ts.erase(std::unique(m_ts.begin(), m_ts.end()), m_ts.end());
}

template <typename Value>
double
C2ShelfSelector::SmallestSum(double t, Value value, std::vector<uint32_t>* chosen)
{
    double total = 0;
    for (uint32_t g = 0; g < m_gList.size(); ++g)
    {
        m_pairs.clear();
        for (uint32_t i : *m_gList[g])
        {
            if (m_theta[i] >= t)
            {
                m_pairs.emplace_back(value(i), i);
            }
        }
        const uint32_t q = m_gQuota[g];
        std::nth_element(m_pairs.begin(), m_pairs.begin() + (q - 1), m_pairs.end());
        for (uint32_t j = 0; j < q; ++j)
        {
            total += m_pairs[j].first;
            if (chosen)
            {
                chosen->push_back(m_pairs[j].second);
            }
        }
        if (!chosen && !(total <= m_capacity))
        {
            return total;
        }
    }
    return total;
}

bool
C2ShelfSelector::SelectGeneral(double tMax, Selection* out, bool minimizeCost)
{
    CollectThresholds(tMax);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    m_scratch.assign(m_cand.size(), nan); // Need(i, tMax), computed lazily
    const auto needAtMax = [&](uint32_t i) {
        if (std::isnan(m_scratch[i]))
        {
            m_scratch[i] = NeedOf(i, tMax);
        }
        return m_scratch[i];
    };
    double limit = m_capacity;
    bool found = false;
    double bestT = 0;
    for (double t : m_ts)
    {
        // Lower bound on the cost at every t' in [t, tMax]: needs at tMax
        // over the users eligible at t. Non-decreasing in t.
        const double lowerBound = SmallestSum(t, needAtMax, nullptr);
        if (!(lowerBound <= limit) || (found && !(lowerBound < limit)))
        {
            break;
        }
        const double cost = SmallestSum(t, [&](uint32_t i) { return NeedOf(i, t); }, nullptr);
        if (cost <= limit && (!found || cost < limit))
        {
            found = true;
            limit = cost;
            bestT = t;
            if (!minimizeCost)
            {
                break;
            }
        }
    }
    if (found && out)
    {
        m_sel.clear();
        SmallestSum(bestT, [&](uint32_t i) { return NeedOf(i, bestT); }, &m_sel);
        RecordSelection(bestT, limit, m_sel, out);
    }
    return found;
}

} // namespace ns3
