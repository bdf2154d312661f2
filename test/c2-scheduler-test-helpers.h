/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef C2_SCHEDULER_TEST_HELPERS_H
#define C2_SCHEDULER_TEST_HELPERS_H

// Small helpers shared by the scheduler TestSuites.

#include "ns3/boolean.h"
#include "ns3/c2-allocation.h"
#include "ns3/c2-problem.h"
#include "ns3/c2-scheduler.h"
#include "ns3/object-factory.h"
#include "ns3/uplink-rate-model.h"

#include <algorithm>
#include <string>
#include <vector>

namespace ns3
{
namespace c2test
{

/**
 * A scheduler by TypeId name with one optional boolean attribute.
 * @param typeName e.g. "ns3::TreeSearchC2Scheduler"
 * @param attribute attribute name, or "" for none
 * @param value the attribute's value
 * @return the scheduler
 */
inline Ptr<C2Scheduler>
MakeScheduler(const std::string& typeName, const std::string& attribute = "", bool value = false)
{
    ObjectFactory factory;
    factory.SetTypeId(typeName);
    if (!attribute.empty())
    {
        factory.Set(attribute, BooleanValue(value));
    }
    return factory.Create<C2Scheduler>();
}

/**
 * A hand-built problem with the fixed-PSD rate model at SNR = 3, i.e.
 * 2 bit/s/Hz: N0 = 1e-20 W/Hz, B_ref = 1 MHz, P = 1 W, g = 3e-14 give
 * SNR = 3e-14 / (1e-20 * 1e6) = 3. A user of D bits then needs
 * w(t) = D / (2 t) Hz to upload within t and uploads in D / (2 B) s on B Hz.
 * @param bandwidthHz B
 * @param exits the DNN
 * @param bits D_k per user
 * @param deadlinesS T_k per user
 * @param accuracies A_k per user
 * @return the problem (user k has id k)
 */
inline C2Problem
HandProblem(double bandwidthHz,
            const std::vector<C2Exit>& exits,
            const std::vector<double>& bits,
            const std::vector<double>& deadlinesS,
            const std::vector<double>& accuracies)
{
    C2Problem p;
    p.SetBandwidth(bandwidthHz);
    p.SetRateModel(UplinkRateModel::FixedPsd(1e-20, 1e6));
    p.SetExits(exits);
    for (size_t k = 0; k < bits.size(); ++k)
    {
        C2User u;
        u.id = k;
        u.bits = bits[k];
        u.powerW = 1.0;
        u.gain = 3e-14;
        u.deadlineS = deadlinesS[k];
        u.accuracy = accuracies[k];
        p.AddUser(u);
    }
    return p;
}

/// The exits of one test DNN.
struct ExitSet
{
    const char* name;
    std::vector<C2Exit> exits;
};

/// The DNNs of the random frames: the paper-default profile's values and
/// variants where early exits and batch composition matter more or less.
inline std::vector<ExitSet>
TestExitSets()
{
    const double ms = 1e-3;
    return {
        // Same values as data/profiles/paper-default.csv.
        {"paper-default N=5",
         {{0.60, 0.20 * ms, 1.5 * ms},
          {0.72, 0.18 * ms, 1.8 * ms},
          {0.81, 0.15 * ms, 2.0 * ms},
          {0.87, 0.12 * ms, 2.2 * ms},
          {0.90, 0.10 * ms, 2.5 * ms}}},
        {"N=3",
         {{0.60, 0.20 * ms, 1.5 * ms}, {0.81, 0.15 * ms, 2.0 * ms}, {0.90, 0.10 * ms, 2.5 * ms}}},
        // One exit: early exit cannot help, the problem is shelf packing.
        {"N=1", {{0.90, 0.5 * ms, 5 * ms}}},
        // Heavy per-sample cost: the batch composition dominates the offsets.
        {"heavy N=4",
         {{0.60, 2 * ms, 1 * ms},
          {0.70, 2 * ms, 1 * ms},
          {0.80, 2 * ms, 1 * ms},
          {0.90, 2 * ms, 1 * ms}}},
    };
}

/**
 * @param a an allocation
 * @return the indices of its served users, sorted
 */
inline std::vector<uint32_t>
ServedUsers(const C2Allocation& a)
{
    std::vector<uint32_t> v;
    for (const C2ServedTask& t : a.served)
    {
        v.push_back(t.user);
    }
    std::sort(v.begin(), v.end());
    return v;
}

} // namespace c2test
} // namespace ns3

#endif /* C2_SCHEDULER_TEST_HELPERS_H */
