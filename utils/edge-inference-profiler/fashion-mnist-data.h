/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef FASHION_MNIST_DATA_H
#define FASHION_MNIST_DATA_H

#include <string>
#include <torch/torch.h>

namespace ns3
{
namespace profiler
{

/// Mean and standard deviation of Fashion-MNIST training pixels in [0,1].
constexpr double kFashionMnistMean = 0.2860;
constexpr double kFashionMnistStd = 0.3530; //!< see kFashionMnistMean

/**
 * @ingroup edge-inference
 * @brief One split of an MNIST-format data set, in memory.
 */
struct ImageDataset
{
    torch::Tensor images; //!< (n,1,28,28) float32, normalised with the constants above
    torch::Tensor labels; //!< (n) int64
};

/**
 * @brief Read a split of Fashion-MNIST (or any MNIST-format set) from IDX
 * files.
 *
 * Looks in dir for train-images-idx3-ubyte / train-labels-idx1-ubyte (or
 * t10k-... for the test split), gzip-compressed (".gz", as Debian's
 * dataset-fashion-mnist ships them) or not.
 * @param dir folder with the IDX files
 * @param train true: training split (60,000 images); false: test (10,000)
 * @return the images and labels
 * @throws EdgeInferenceError naming the file if it is missing or malformed
 */
ImageDataset ReadMnistIdx(const std::string& dir, bool train);

} // namespace profiler
} // namespace ns3

#endif /* FASHION_MNIST_DATA_H */
