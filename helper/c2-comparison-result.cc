/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "c2-comparison-result.h"

#include "ns3/edge-inference-error.h"
#include "ns3/log.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("C2ComparisonResult");

namespace
{

/// At most this many failing drops are listed in a message.
constexpr size_t kMaxListed = 5;

} // namespace

C2ComparisonResult::C2ComparisonResult(Level level)
    : m_level(level)
{
}

C2ComparisonResult::Level
C2ComparisonResult::GetLevel() const
{
    return m_level;
}

std::vector<std::string>
C2ComparisonResult::GetLabels() const
{
    return m_labels;
}

bool
C2ComparisonResult::HasScheduler(const std::string& label) const
{
    return m_drops.count(label) > 0;
}

bool
C2ComparisonResult::Known(const std::string& label, C2ComparisonCheck& check) const
{
    if (HasScheduler(label))
    {
        return true;
    }
    std::ostringstream os;
    os << "no scheduler labelled '" << label << "' in the comparison (known:";
    for (const std::string& l : m_labels)
    {
        os << " " << l;
    }
    os << ")";
    check.ok = false;
    check.message = os.str();
    return false;
}

const std::vector<C2DropResult>&
C2ComparisonResult::GetDrops(const std::string& label) const
{
    C2ComparisonCheck c;
    if (!Known(label, c))
    {
        throw EdgeInferenceError("C2ComparisonResult: " + c.message);
    }
    return m_drops.at(label);
}

void
C2ComparisonResult::SetOptimumScheduler(const std::string& name)
{
    m_optimumScheduler = name;
}

std::string
C2ComparisonResult::GetOptimumScheduler() const
{
    return m_optimumScheduler;
}

void
C2ComparisonResult::AddDrop(const std::string& label, const C2DropResult& drop)
{
    if (!HasScheduler(label))
    {
        m_labels.push_back(label);
    }
    m_drops[label].push_back(drop);
}

C2ComparisonSummary
C2ComparisonResult::GetSummary(const std::string& label) const
{
    const std::vector<C2DropResult>& drops = GetDrops(label);
    C2ComparisonSummary s;
    s.label = label;
    s.drops = drops.size();
    if (drops.empty())
    {
        s.meanAccuracy = std::numeric_limits<double>::quiet_NaN();
        return s;
    }
    s.minServed = std::numeric_limits<uint32_t>::max();
    double accuracySum = 0;
    uint64_t completedSum = 0;
    for (const C2DropResult& d : drops)
    {
        s.meanServed += d.served;
        s.minServed = std::min(s.minServed, d.served);
        s.maxServed = std::max(s.maxServed, d.served);
        s.meanCompleted += d.completed;
        s.meanThroughput += d.throughput;
        if (d.completed > 0)
        {
            // Pooled over tasks, not drops: a drop with more completions weighs more.
            accuracySum += d.meanAccuracy * d.completed;
            completedSum += d.completed;
        }
        s.meanRuntimeUs += d.runtimeUs;
        s.maxRuntimeUs = std::max(s.maxRuntimeUs, d.runtimeUs);
        s.infeasibleDrops += d.feasible ? 0 : 1;
        s.meanGap += d.gap;
        s.maxGap = std::max(s.maxGap, d.gap);
    }
    const double n = drops.size();
    s.meanServed /= n;
    s.meanCompleted /= n;
    s.meanThroughput /= n;
    s.meanRuntimeUs /= n;
    s.meanGap /= n;
    s.meanAccuracy =
        completedSum > 0 ? accuracySum / completedSum : std::numeric_limits<double>::quiet_NaN();
    return s;
}

void
C2ComparisonResult::Print(std::ostream& os) const
{
    const std::ios_base::fmtflags flags = os.flags();
    os << (m_level == ALLOCATION ? "allocation level" : "packet level");
    if (!m_optimumScheduler.empty())
    {
        os << ", optimum by " << m_optimumScheduler;
    }
    os << "\n"
       << std::left << std::setw(16) << "scheduler" << std::right << std::setw(6) << "drops"
       << std::setw(9) << "served" << std::setw(6) << "min" << std::setw(6) << "max"
       << std::setw(11) << "completed" << std::setw(12) << "tasks/s" << std::setw(10) << "accuracy"
       << std::setw(12) << "runtime_us" << std::setw(11) << "infeasible" << std::setw(10) << "gap_%"
       << std::setw(10) << "max_gap_%"
       << "\n";
    for (const std::string& label : m_labels)
    {
        const C2ComparisonSummary s = GetSummary(label);
        os << std::left << std::setw(16) << label << std::right << std::setw(6) << s.drops
           << std::fixed << std::setprecision(2) << std::setw(9) << s.meanServed << std::setw(6)
           << s.minServed << std::setw(6) << s.maxServed << std::setw(11) << s.meanCompleted
           << std::setprecision(1) << std::setw(12) << s.meanThroughput << std::setprecision(4)
           << std::setw(10) << s.meanAccuracy << std::setprecision(0) << std::setw(12)
           << s.meanRuntimeUs << std::setw(11) << s.infeasibleDrops << std::setprecision(2)
           << std::setw(10) << 100 * s.meanGap << std::setw(10) << 100 * s.maxGap << "\n";
    }
    os.flags(flags);
}

C2ComparisonCheck
C2ComparisonResult::CheckServesAtLeast(const std::string& a, const std::string& b) const
{
    C2ComparisonCheck c;
    if (!Known(a, c) || !Known(b, c))
    {
        return c;
    }
    const std::vector<C2DropResult>& da = m_drops.at(a);
    const std::vector<C2DropResult>& db = m_drops.at(b);
    std::ostringstream fails;
    size_t failed = 0;
    const size_t n = std::min(da.size(), db.size());
    for (size_t i = 0; i < n; ++i)
    {
        if (da[i].served < db[i].served)
        {
            if (failed < kMaxListed)
            {
                fails << " seed " << da[i].seed << " (" << da[i].served << " < " << db[i].served
                      << ")";
            }
            ++failed;
        }
    }
    std::ostringstream os;
    if (da.size() != db.size())
    {
        c.ok = false;
        os << a << " has " << da.size() << " drops, " << b << " " << db.size();
    }
    else if (failed > 0)
    {
        c.ok = false;
        os << a << " serves fewer tasks than " << b << " on " << failed << " of " << n
           << " drops:" << fails.str() << (failed > kMaxListed ? " ..." : "");
    }
    else
    {
        os << a << " serves at least as many tasks as " << b << " on all " << n << " drops";
    }
    c.message = os.str();
    return c;
}

C2ComparisonCheck
C2ComparisonResult::CheckWithinOptimum(const std::string& a, double percent) const
{
    C2ComparisonCheck c;
    if (!Known(a, c))
    {
        return c;
    }
    if (m_optimumScheduler.empty())
    {
        c.ok = false;
        c.message = "the comparison computed no optimum (SetOptimum(false)?)";
        return c;
    }
    const C2ComparisonSummary s = GetSummary(a);
    std::ostringstream os;
    os << a << ": mean gap to the optimum (" << m_optimumScheduler << ") " << 100 * s.meanGap
       << " % over " << s.drops << " drops (largest " << 100 * s.maxGap << " %), allowed "
       << percent << " %";
    c.ok = s.drops > 0 && s.meanGap <= percent / 100.0;
    c.message = os.str();
    return c;
}

C2ComparisonCheck
C2ComparisonResult::CheckWithinPercentOf(const std::string& a,
                                         const std::string& b,
                                         double percent) const
{
    C2ComparisonCheck c;
    if (!Known(a, c) || !Known(b, c))
    {
        return c;
    }
    uint64_t sa = 0;
    uint64_t sb = 0;
    for (const C2DropResult& d : m_drops.at(a))
    {
        sa += d.served;
    }
    for (const C2DropResult& d : m_drops.at(b))
    {
        sb += d.served;
    }
    const double shortfall = sb > 0 ? (static_cast<double>(sb) - sa) / sb : 0.0;
    std::ostringstream os;
    os << a << " serves " << sa << " tasks, " << b << " " << sb << " (shortfall " << 100 * shortfall
       << " %, allowed " << percent << " %)";
    c.ok = m_drops.at(a).size() == m_drops.at(b).size() && shortfall <= percent / 100.0;
    if (m_drops.at(a).size() != m_drops.at(b).size())
    {
        os << "; the drop counts differ";
    }
    c.message = os.str();
    return c;
}

C2ComparisonCheck
C2ComparisonResult::CheckMeanServedAtLeast(const std::string& a, double minimum) const
{
    C2ComparisonCheck c;
    if (!Known(a, c))
    {
        return c;
    }
    const C2ComparisonSummary s = GetSummary(a);
    std::ostringstream os;
    os << a << ": mean served " << s.meanServed << " per drop over " << s.drops
       << " drops, required >= " << minimum;
    c.ok = s.drops > 0 && s.meanServed >= minimum;
    c.message = os.str();
    return c;
}

C2ComparisonCheck
C2ComparisonResult::CheckFeasible(const std::string& a) const
{
    C2ComparisonCheck c;
    if (!Known(a, c))
    {
        return c;
    }
    const std::vector<C2DropResult>& drops = m_drops.at(a);
    std::ostringstream fails;
    size_t failed = 0;
    for (const C2DropResult& d : drops)
    {
        if (!d.feasible)
        {
            if (failed < kMaxListed)
            {
                fails << " seed " << d.seed << " (" << d.violation << ")";
            }
            ++failed;
        }
    }
    std::ostringstream os;
    if (failed > 0)
    {
        c.ok = false;
        os << a << " returned an infeasible allocation on " << failed << " of " << drops.size()
           << " drops:" << fails.str() << (failed > kMaxListed ? " ..." : "");
    }
    else
    {
        os << a << " was feasible on all " << drops.size() << " drops";
    }
    c.message = os.str();
    return c;
}

} // namespace ns3
