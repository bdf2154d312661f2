/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "block-timer.h"

#include <algorithm>
#include <chrono>

namespace ns3
{
namespace profiler
{

namespace
{

/// Wait for queued device work (no-op on CPU, where calls are synchronous).
void
Synchronise(const torch::Device& device)
{
    if (device.is_cuda())
    {
        torch::cuda::synchronize(device.has_index() ? device.index() : -1);
    }
}

/// Quantile q of sorted values, linear interpolation.
double
Quantile(const std::vector<double>& sorted, double q)
{
    const double pos = q * double(sorted.size() - 1);
    const size_t lo = static_cast<size_t>(pos);
    const size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (pos - double(lo)) * (sorted[hi] - sorted[lo]);
}

} // namespace

LatencyStats
Summarise(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    LatencyStats stats;
    stats.medianS = Quantile(samples, 0.5);
    stats.p10S = Quantile(samples, 0.1);
    stats.p90S = Quantile(samples, 0.9);
    return stats;
}

TimingResult
MeasureLatencies(MultiExitNetwork& net,
                 const torch::Tensor& samples,
                 const TimingOptions& options,
                 const torch::Device& device,
                 std::ostream& progress)
{
    c10::InferenceMode guard;
    net.SetTraining(false);
    const uint32_t nBlocks = net.GetNBlocks();
    const size_t nBatches = options.batchSizes.size();

    // inputs[i][n-1]: input of block n at batch size i; features[i][n-1]:
    // its output, the input of exit head n.
    std::vector<std::vector<torch::Tensor>> inputs(nBatches);
    std::vector<std::vector<torch::Tensor>> features(nBatches);
    for (size_t i = 0; i < nBatches; ++i)
    {
        const uint32_t b = options.batchSizes[i];
        progress << "  warming up batch size " << b << " (" << i + 1 << "/" << nBatches << ")"
                 << std::endl;
        torch::Tensor x = samples.slice(0, 0, b).to(device).contiguous();
        for (uint32_t n = 1; n <= nBlocks; ++n)
        {
            inputs[i].push_back(x);
            for (uint32_t w = 0; w < options.warmup; ++w)
            {
                net.RunBlock(n, x);
            }
            x = net.RunBlock(n, x);
            features[i].push_back(x);
            for (uint32_t w = 0; w < options.warmup; ++w)
            {
                net.RunHead(n, x);
            }
        }
        Synchronise(device);
    }

    // times[i][n-1]: repetitions of block n (and head n) at batch size i.
    std::vector<std::vector<std::vector<double>>> blockTimes(
        nBatches,
        std::vector<std::vector<double>>(nBlocks));
    std::vector<std::vector<std::vector<double>>> headTimes = blockTimes;
    using Clock = std::chrono::steady_clock;
    for (uint32_t r = 0; r < options.repetitions; ++r)
    {
        progress << "  timing repetition " << r + 1 << "/" << options.repetitions << ": "
                 << nBatches << " batch sizes x " << nBlocks << " blocks and heads" << std::endl;
        for (size_t k = 0; k < nBatches; ++k)
        {
            const size_t i = (k + r) % nBatches;
            for (uint32_t n = 1; n <= nBlocks; ++n)
            {
                Synchronise(device);
                auto t0 = Clock::now();
                net.RunBlock(n, inputs[i][n - 1]);
                Synchronise(device);
                auto t1 = Clock::now();
                blockTimes[i][n - 1].push_back(std::chrono::duration<double>(t1 - t0).count());
                t0 = Clock::now();
                net.RunHead(n, features[i][n - 1]);
                Synchronise(device);
                t1 = Clock::now();
                headTimes[i][n - 1].push_back(std::chrono::duration<double>(t1 - t0).count());
            }
        }
    }

    TimingResult result;
    result.block.assign(nBlocks, std::vector<LatencyStats>(nBatches));
    result.head.assign(nBlocks, std::vector<LatencyStats>(nBatches));
    for (size_t i = 0; i < nBatches; ++i)
    {
        for (uint32_t n = 0; n < nBlocks; ++n)
        {
            result.block[n][i] = Summarise(blockTimes[i][n]);
            result.head[n][i] = Summarise(headTimes[i][n]);
        }
    }
    return result;
}

} // namespace profiler
} // namespace ns3
