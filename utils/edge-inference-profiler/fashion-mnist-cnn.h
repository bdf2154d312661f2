/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef FASHION_MNIST_CNN_H
#define FASHION_MNIST_CNN_H

#include "multi-exit-network.h"

#include <string>
#include <torch/torch.h>

namespace ns3
{
namespace profiler
{

/**
 * @ingroup edge-inference
 * @brief The Torch module of the built-in 4-exit CNN for 28x28x1 images.
 *
 * Parameters are registered as "blocks.N..." and "exits.N...", the same
 * names a TorchScript model must use, so both kinds of model read alike.
 */
class FashionMnistCnnImpl : public torch::nn::Module
{
  public:
    FashionMnistCnnImpl();

    torch::nn::ModuleList m_blocks{nullptr}; //!< blocks.0 .. blocks.3
    torch::nn::ModuleList m_exits{nullptr};  //!< exits.0 .. exits.3
};

TORCH_MODULE(FashionMnistCnn);

/**
 * @ingroup edge-inference
 * @brief The built-in multi-exit CNN for Fashion-MNIST (4 blocks, 4 exits).
 *
 * Block 1: conv 1->16, BN, ReLU, max-pool (16x14x14). Blocks 2 and 3: two
 * conv layers (16->32->32, 32->64->64) with BN and ReLU, max-pool (32x7x7,
 * 64x3x3). Block 4: two conv layers 64->128->128 with BN and ReLU (128x3x3).
 * Exit head n: adaptive average pooling (4x4, 4x4, 3x3, 3x3), flatten,
 * linear to 10 classes. All convolutions are 3x3 with padding 1. About 0.3
 * million parameters (1.2 MB of float32 weights): small enough to ship.
 */
class FashionMnistCnnNetwork : public MultiExitNetwork
{
  public:
    /// @param seed seed of the weight initialisation
    explicit FashionMnistCnnNetwork(uint64_t seed);

    uint32_t GetNBlocks() const override;
    torch::Tensor RunBlock(uint32_t n, const torch::Tensor& input) override;
    torch::Tensor RunHead(uint32_t n, const torch::Tensor& features) override;
    void SetTraining(bool training) override;
    void MoveTo(const torch::Device& device) override;
    std::vector<torch::Tensor> GetParameters() override;
    std::string Describe() const override;

    /**
     * @brief Save parameters and buffers (torch::save).
     * @param path file name
     */
    void Save(const std::string& path);

    /**
     * @brief Load parameters and buffers saved by Save().
     * @param path file name
     * @throws EdgeInferenceError if the file is not such a weights file
     */
    void Load(const std::string& path);

  private:
    FashionMnistCnn m_module; //!< the Torch module
};

} // namespace profiler
} // namespace ns3

#endif /* FASHION_MNIST_CNN_H */
