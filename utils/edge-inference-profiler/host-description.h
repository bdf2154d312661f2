/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef HOST_DESCRIPTION_H
#define HOST_DESCRIPTION_H

#include <string>

namespace ns3
{
namespace profiler
{

/**
 * @brief Processor model and logical core count (Linux /proc/cpuinfo).
 * @return e.g. "Intel(R) Xeon(R) ... , 2 logical cores"
 */
std::string DescribeCpu();

/**
 * @brief The BLAS libraries mapped into this process (Linux
 * /proc/self/maps), resolved through Debian's alternatives.
 *
 * Which BLAS LibTorch calls decides the CPU timings (reference BLAS makes
 * batch-1 convolutions about 20x slower), so the profile records it as
 * observed, not as configured.
 * @return the library paths, or a note if none was found
 */
std::string DescribeLoadedBlas();

/// @return "/proc/loadavg" 1, 5 and 15 minute load averages, or "unknown"
std::string DescribeLoadAverage();

/// @return current UTC date and time, ISO 8601
std::string UtcTimestamp();

/**
 * @brief Name and driver of a CUDA device, from nvidia-smi if it exists.
 *
 * Asking the CUDA runtime would need CUDA headers at build time, which a
 * LibTorch build without CUDA does not have.
 * @param index device index
 * @return e.g. "NVIDIA H100 80GB HBM3, driver 550.54", or "unknown"
 */
std::string DescribeCudaDevice(int index);

} // namespace profiler
} // namespace ns3

#endif /* HOST_DESCRIPTION_H */
