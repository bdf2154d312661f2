/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "serving-c2-scheduler.h"

#include "c2-problem.h"
#include "edge-inference-error.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/nstime.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ServingC2Scheduler");

NS_OBJECT_ENSURE_REGISTERED(ServingC2Scheduler);
NS_OBJECT_ENSURE_REGISTERED(ImmediateServingC2Scheduler);
NS_OBJECT_ENSURE_REGISTERED(TimeoutOrFullServingC2Scheduler);
NS_OBJECT_ENSURE_REGISTERED(DynamicBatchingServingC2Scheduler);

TypeId
ServingC2Scheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::ServingC2Scheduler").SetParent<C2Scheduler>().SetGroupName("EdgeInference");
    return tid;
}

ServingC2Scheduler::ServingC2Scheduler()
{
    NS_LOG_FUNCTION(this);
}

ServingC2Scheduler::~ServingC2Scheduler()
{
    NS_LOG_FUNCTION(this);
}

namespace
{

/**
 * @param problem the problem
 * @param users the requesting users
 * @return each user's equal share: bandwidth (Hz) and blocks (0 when
 *         continuous); with more users than blocks, one block each to the
 *         earliest deadlines and nothing to the others
 */
std::vector<std::pair<double, uint32_t>>
EqualShares(const C2Problem& problem, const std::vector<uint32_t>& users)
{
    const auto n = static_cast<uint32_t>(users.size());
    std::vector<std::pair<double, uint32_t>> share(n, {0.0, 0});
    if (n == 0)
    {
        return share;
    }
    if (!problem.UsesResourceBlocks())
    {
        std::fill(share.begin(), share.end(), std::make_pair(problem.GetBandwidth() / n, 0u));
        return share;
    }
    const auto blocks = static_cast<uint32_t>(problem.Capacity());
    std::vector<uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        return problem.GetUsers()[users[a]].deadlineS < problem.GetUsers()[users[b]].deadlineS;
    });
    const uint32_t each = std::max<uint32_t>(blocks / n, 1);
    for (uint32_t i = 0; i < n && i < blocks; ++i)
    {
        share[order[i]] = {problem.UnitsToHz(each), each};
    }
    return share;
}

} // namespace

C2Allocation
ServingC2Scheduler::DoAllocate(const C2Problem& problem)
{
    NS_LOG_FUNCTION(this << problem.GetNUsers());
    std::vector<uint32_t> requesting;
    for (uint32_t k = 0; k < problem.GetNUsers(); ++k)
    {
        if (problem.RequiredExit(k) != 0)
        {
            requesting.push_back(k);
        }
    }
    const std::vector<std::pair<double, uint32_t>> shares = EqualShares(problem, requesting);
    std::vector<uint32_t> users;
    std::vector<std::pair<double, uint32_t>> share;
    for (std::size_t i = 0; i < requesting.size(); ++i)
    {
        // A user without a share, or one that cannot upload at its share
        // (nothing decodable), never arrives.
        if (shares[i].first > 0 &&
            std::isfinite(problem.UploadTime(requesting[i], shares[i].first)))
        {
            users.push_back(requesting[i]);
            share.push_back(shares[i]);
        }
    }
    // Drop the late tasks and batch the others again, until all are on time.
    for (uint64_t round = 1;; ++round)
    {
        C2Allocation allocation = Apply(problem, users, share);
        allocation.stats.nodes = round;
        const C2Evaluation ev = EvaluateC2Allocation(problem, allocation);
        if (ev.feasible)
        {
            return allocation;
        }
        std::vector<uint32_t> onTime;
        std::vector<std::pair<double, uint32_t>> onTimeShare;
        for (std::size_t i = 0; i < allocation.served.size(); ++i)
        {
            const uint32_t k = allocation.served[i].user;
            const std::size_t at = std::find(users.begin(), users.end(), k) - users.begin();
            if (ev.completionS[i] <= problem.GetUsers()[k].deadlineS)
            {
                onTime.push_back(k);
                onTimeShare.push_back(share[at]);
            }
        }
        if (onTime.size() == users.size())
        {
            // Cannot happen with finite arrivals; never loop on it.
            throw EdgeInferenceError(GetInstanceTypeId().GetName() +
                                     ": the evaluation refused an allocation without a late "
                                     "task: " +
                                     ev.violations.front());
        }
        users = onTime;
        share = onTimeShare;
    }
}

C2Allocation
ServingC2Scheduler::Apply(const C2Problem& problem,
                          const std::vector<uint32_t>& users,
                          const std::vector<std::pair<double, uint32_t>>& share) const
{
    // Arrival order: upload end, then user index.
    std::vector<std::size_t> order(users.size());
    std::iota(order.begin(), order.end(), 0);
    std::vector<double> uploadEnd(users.size());
    for (std::size_t i = 0; i < users.size(); ++i)
    {
        uploadEnd[i] = problem.UploadTime(users[i], share[i].first);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return uploadEnd[a] < uploadEnd[b];
    });
    std::vector<double> arrivals;
    for (std::size_t i : order)
    {
        arrivals.push_back(uploadEnd[i]);
    }
    const DurationFn duration = [&](const std::vector<uint32_t>& tasks) {
        std::vector<C2BatchMember> members;
        for (uint32_t a : tasks)
        {
            const uint32_t k = users[order[a]];
            members.push_back({k, problem.RequiredExit(k)});
        }
        return TimeOneBatch(problem, members).durationS;
    };
    C2Allocation allocation;
    allocation.execution = C2Allocation::BATCH;
    const std::vector<Batch> batches = FormBatches(arrivals, problem.GetServerFreeS(), duration);
    for (std::size_t j = 0; j < batches.size(); ++j)
    {
        for (uint32_t a : batches[j].tasks)
        {
            const std::size_t i = order[a];
            C2ServedTask task;
            task.user = users[i];
            task.exit = problem.RequiredExit(users[i]);
            task.bandwidthHz = share[i].first;
            task.resourceBlocks = share[i].second;
            task.batch = j;
            allocation.served.push_back(task);
        }
        allocation.batchReleaseS.push_back(batches[j].dispatchS);
    }
    allocation.uploadDeadlineS = arrivals.empty() ? 0 : arrivals.back();
    return allocation;
}

// ---------------------------------------------------------------------------

TypeId
ImmediateServingC2Scheduler::GetTypeId()
{
    static TypeId tid = TypeId("ns3::ImmediateServingC2Scheduler")
                            .SetParent<ServingC2Scheduler>()
                            .SetGroupName("EdgeInference")
                            .AddConstructor<ImmediateServingC2Scheduler>();
    return tid;
}

std::vector<ServingC2Scheduler::Batch>
ImmediateServingC2Scheduler::FormBatches(const std::vector<double>& arrivalsS,
                                         double serverFreeS,
                                         const DurationFn& duration) const
{
    std::vector<Batch> batches;
    double free = serverFreeS;
    for (uint32_t a = 0; a < arrivalsS.size(); ++a)
    {
        Batch b;
        b.tasks = {a};
        b.dispatchS = std::max(arrivalsS[a], free);
        free = b.dispatchS + duration(b.tasks);
        batches.push_back(b);
    }
    return batches;
}

// ---------------------------------------------------------------------------

TypeId
TimeoutOrFullServingC2Scheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TimeoutOrFullServingC2Scheduler")
            .SetParent<ServingC2Scheduler>()
            .SetGroupName("EdgeInference")
            .AddConstructor<TimeoutOrFullServingC2Scheduler>()
            .AddAttribute("MaxBatchSize",
                          "A batch is full, and dispatched, at this many tasks.",
                          UintegerValue(8),
                          MakeUintegerAccessor(&TimeoutOrFullServingC2Scheduler::m_maxBatchSize),
                          MakeUintegerChecker<uint32_t>(1, 4096))
            .AddAttribute("Timeout",
                          "A batch that is not full is dispatched this long after its first "
                          "task arrived (>= 0).",
                          TimeValue(MilliSeconds(5)),
                          MakeTimeAccessor(&TimeoutOrFullServingC2Scheduler::m_timeout),
                          MakeTimeChecker(Time(0)));
    return tid;
}

TimeoutOrFullServingC2Scheduler::TimeoutOrFullServingC2Scheduler()
    : m_maxBatchSize(8),
      m_timeout(MilliSeconds(5))
{
    NS_LOG_FUNCTION(this);
}

std::vector<ServingC2Scheduler::Batch>
TimeoutOrFullServingC2Scheduler::FormBatches(const std::vector<double>& arrivalsS,
                                             double serverFreeS,
                                             const DurationFn& duration) const
{
    std::vector<Batch> batches;
    double free = serverFreeS;
    const double timeoutS = m_timeout.GetSeconds();
    uint32_t next = 0;
    while (next < arrivalsS.size())
    {
        Batch b;
        const double close = arrivalsS[next] + timeoutS;
        while (next < arrivalsS.size() && b.tasks.size() < m_maxBatchSize &&
               arrivalsS[next] <= close)
        {
            b.tasks.push_back(next++);
        }
        const double dispatched =
            b.tasks.size() == m_maxBatchSize ? arrivalsS[b.tasks.back()] : close;
        // Dispatched into the server's queue; it runs when the server is free.
        b.dispatchS = std::max(dispatched, free);
        free = b.dispatchS + duration(b.tasks);
        batches.push_back(b);
    }
    return batches;
}

// ---------------------------------------------------------------------------

TypeId
DynamicBatchingServingC2Scheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DynamicBatchingServingC2Scheduler")
            .SetParent<ServingC2Scheduler>()
            .SetGroupName("EdgeInference")
            .AddConstructor<DynamicBatchingServingC2Scheduler>()
            .AddAttribute("PreferredBatchSizes",
                          "Batch sizes run as soon as that many tasks wait: sizes >= 1, "
                          "separated by ';', ' ' or ',' (empty: none).",
                          StringValue("4;8"),
                          MakeStringAccessor(&DynamicBatchingServingC2Scheduler::SetPreferredSizes,
                                             &DynamicBatchingServingC2Scheduler::GetPreferredSizes),
                          MakeStringChecker())
            .AddAttribute("MaxBatchSize",
                          "Largest batch; run at once when this many tasks wait.",
                          UintegerValue(8),
                          MakeUintegerAccessor(&DynamicBatchingServingC2Scheduler::m_maxBatchSize),
                          MakeUintegerChecker<uint32_t>(1, 4096))
            .AddAttribute("MaxQueueDelay",
                          "Longest a task waits for a preferred batch size before the waiting "
                          "tasks run as they are (>= 0).",
                          TimeValue(MilliSeconds(5)),
                          MakeTimeAccessor(&DynamicBatchingServingC2Scheduler::m_maxQueueDelay),
                          MakeTimeChecker(Time(0)));
    return tid;
}

DynamicBatchingServingC2Scheduler::DynamicBatchingServingC2Scheduler()
    : m_preferred({4, 8}),
      m_maxBatchSize(8),
      m_maxQueueDelay(MilliSeconds(5))
{
    NS_LOG_FUNCTION(this);
}

void
DynamicBatchingServingC2Scheduler::SetPreferredSizes(std::string sizes)
{
    std::replace(sizes.begin(), sizes.end(), ';', ' ');
    std::replace(sizes.begin(), sizes.end(), ',', ' ');
    std::istringstream in(sizes);
    std::vector<uint32_t> parsed;
    std::string item;
    while (in >> item)
    {
        const bool digits = std::all_of(item.begin(), item.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
        });
        NS_ABORT_MSG_IF(!digits || item.size() > 4 || std::stoul(item) == 0,
                        "DynamicBatchingServingC2Scheduler: attribute PreferredBatchSizes: \""
                            << item << "\" is not a batch size in 1..9999");
        parsed.push_back(std::stoul(item));
    }
    std::sort(parsed.begin(), parsed.end());
    parsed.erase(std::unique(parsed.begin(), parsed.end()), parsed.end());
    m_preferred = parsed;
}

std::string
DynamicBatchingServingC2Scheduler::GetPreferredSizes() const
{
    std::ostringstream out;
    for (std::size_t i = 0; i < m_preferred.size(); ++i)
    {
        out << (i ? ";" : "") << m_preferred[i];
    }
    return out.str();
}

uint32_t
DynamicBatchingServingC2Scheduler::SizeToRun(uint32_t waiting) const
{
    if (waiting >= m_maxBatchSize)
    {
        return m_maxBatchSize;
    }
    uint32_t size = 0;
    for (uint32_t p : m_preferred)
    {
        size = p <= waiting ? p : size;
    }
    return size;
}

std::vector<ServingC2Scheduler::Batch>
DynamicBatchingServingC2Scheduler::FormBatches(const std::vector<double>& arrivalsS,
                                               double serverFreeS,
                                               const DurationFn& duration) const
{
    std::vector<Batch> batches;
    const double delayS = m_maxQueueDelay.GetSeconds();
    const auto n = static_cast<uint32_t>(arrivalsS.size());
    uint32_t head = 0; // oldest task not yet batched
    double now = serverFreeS;
    while (head < n)
    {
        now = std::max(now, arrivalsS[head]);
        uint32_t arrived = head;
        while (arrived < n && arrivalsS[arrived] <= now)
        {
            ++arrived;
        }
        uint32_t size = SizeToRun(arrived - head);
        if (size == 0)
        {
            // Wait for the next arrival or for the oldest task's delay.
            const double patience = arrivalsS[head] + delayS;
            if (arrived < n && arrivalsS[arrived] <= patience)
            {
                now = arrivalsS[arrived];
                continue;
            }
            now = std::max(now, patience);
            size = std::min(arrived - head, m_maxBatchSize);
        }
        Batch b;
        for (uint32_t a = head; a < head + size; ++a)
        {
            b.tasks.push_back(a);
        }
        b.dispatchS = now;
        head += size;
        now += duration(b.tasks);
        batches.push_back(b);
    }
    return batches;
}

} // namespace ns3
