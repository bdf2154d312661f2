/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TORCHSCRIPT_NETWORK_H
#define TORCHSCRIPT_NETWORK_H

#include "multi-exit-network.h"

#include <string>
#include <torch/script.h>
#include <vector>

namespace ns3
{
namespace profiler
{

/**
 * @ingroup edge-inference
 * @brief A multi-exit model loaded from a TorchScript file.
 *
 * The model's sub-modules named "blocks.0" .. "blocks.{N-1}" and "exits.0"
 * .. "exits.{N-1}" (e.g. two torch.nn.ModuleList attributes called blocks
 * and exits) are the blocks and exit heads; each must have a scripted
 * forward method taking and returning one tensor. Inputs are the profiler's
 * normalised images, shape (b,1,28,28).
 */
class TorchScriptNetwork : public MultiExitNetwork
{
  public:
    /**
     * @param path TorchScript file (torch.jit.save)
     * @throws EdgeInferenceError if it cannot be loaded or lacks the
     * blocks/exits sub-modules
     */
    explicit TorchScriptNetwork(const std::string& path);

    uint32_t GetNBlocks() const override;
    torch::Tensor RunBlock(uint32_t n, const torch::Tensor& input) override;
    torch::Tensor RunHead(uint32_t n, const torch::Tensor& features) override;
    void SetTraining(bool training) override;
    void MoveTo(const torch::Device& device) override;
    std::vector<torch::Tensor> GetParameters() override;
    std::string Describe() const override;

  private:
    std::string m_path;                       //!< file it was loaded from
    torch::jit::Module m_module;              //!< the whole model
    std::vector<torch::jit::Module> m_blocks; //!< blocks.0 ..
    std::vector<torch::jit::Module> m_exits;  //!< exits.0 ..
};

} // namespace profiler
} // namespace ns3

#endif /* TORCHSCRIPT_NETWORK_H */
