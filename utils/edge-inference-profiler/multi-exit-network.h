/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MULTI_EXIT_NETWORK_H
#define MULTI_EXIT_NETWORK_H

#include <cstdint>
#include <string>
#include <torch/torch.h>
#include <vector>

namespace ns3
{
namespace profiler
{

/**
 * @ingroup edge-inference
 * @brief A multi-exit DNN seen as blocks 1..N and exit heads 1..N, each
 * callable on its own so that the profiler can time them one by one.
 *
 * Block n maps the output of block n-1 (block 1: the input images) to a
 * feature map; exit head n maps that feature map to class logits. This is
 * the only Torch-facing abstraction of the profiler: the built-in CNN and
 * TorchScript models both implement it.
 */
class MultiExitNetwork
{
  public:
    virtual ~MultiExitNetwork() = default;

    /// @return the number of blocks N (= number of exits)
    virtual uint32_t GetNBlocks() const = 0;

    /**
     * @brief Run block n.
     * @param n block, 1..N
     * @param input output of block n-1 (block 1: images, shape (b,1,28,28))
     * @return the block's feature map
     */
    virtual torch::Tensor RunBlock(uint32_t n, const torch::Tensor& input) = 0;

    /**
     * @brief Run exit head n.
     * @param n exit, 1..N
     * @param features output of block n
     * @return logits, shape (b, classes)
     */
    virtual torch::Tensor RunHead(uint32_t n, const torch::Tensor& features) = 0;

    /// @param training true: training mode (dropout, batch-norm statistics)
    virtual void SetTraining(bool training) = 0;

    /// @param device where parameters and buffers are moved
    virtual void MoveTo(const torch::Device& device) = 0;

    /// @return the trainable parameters
    virtual std::vector<torch::Tensor> GetParameters() = 0;

    /// @return one-line description (layers, parameter count) for provenance
    virtual std::string Describe() const = 0;
};

} // namespace profiler
} // namespace ns3

#endif /* MULTI_EXIT_NETWORK_H */
