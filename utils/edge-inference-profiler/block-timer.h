/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLOCK_TIMER_H
#define BLOCK_TIMER_H

#include "multi-exit-network.h"

#include "ns3/early-exit-profile.h"

#include <cstdint>
#include <ostream>
#include <vector>

namespace ns3
{
namespace profiler
{

/**
 * @ingroup edge-inference
 * @brief Settings of the latency measurement.
 */
struct TimingOptions
{
    std::vector<uint32_t> batchSizes; //!< strictly increasing, from 1
    uint32_t repetitions{30};         //!< timed calls per block, head and batch size
    uint32_t warmup{3};               //!< untimed calls per shape before timing
};

/**
 * @ingroup edge-inference
 * @brief Measured latencies, indexed [n-1][i] for block/exit n and
 * batchSizes[i].
 */
struct TimingResult
{
    std::vector<std::vector<LatencyStats>> block; //!< block n alone
    std::vector<std::vector<LatencyStats>> head;  //!< exit head n alone
};

/**
 * @brief Time every block and every exit head separately at every batch
 * size.
 *
 * For each batch size b the input of each block is the real output of the
 * previous block on the first b sample images, computed once. Every shape
 * is first warmed up (the first calls per shape allocate and choose
 * kernels). Then the repetitions are interleaved: repetition r times every
 * block and head at every batch size, starting at a batch size that
 * rotates with r, so that slow drifts of a shared machine's load spread
 * over all batch sizes instead of biasing some. Each call is timed alone
 * with a steady clock, in inference mode; on CUDA the device is
 * synchronised before starting and before reading the clock, so the time
 * covers the kernels and not only their launch.
 * @param net the network (in eval mode, on device)
 * @param samples at least max(batchSizes) input images (on any device)
 * @param options settings
 * @param device where the network runs
 * @param progress progress lines
 * @return medians and 10th/90th percentiles over the repetitions
 */
TimingResult MeasureLatencies(MultiExitNetwork& net,
                              const torch::Tensor& samples,
                              const TimingOptions& options,
                              const torch::Device& device,
                              std::ostream& progress);

/**
 * @brief Median and 10th/90th percentiles of samples (linear interpolation
 * between order statistics).
 * @param samples values, at least one
 * @return the statistics
 */
LatencyStats Summarise(std::vector<double> samples);

} // namespace profiler
} // namespace ns3

#endif /* BLOCK_TIMER_H */
