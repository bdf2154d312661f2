/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "fashion-mnist-cnn.h"

#include "ns3/edge-inference-error.h"

#include <sstream>

namespace ns3
{
namespace profiler
{

namespace
{

namespace nn = torch::nn;

/// conv 3x3 (padding 1) + batch norm + ReLU
void
AddConv(nn::Sequential& seq, int64_t in, int64_t out)
{
    seq->push_back(nn::Conv2d(nn::Conv2dOptions(in, out, 3).padding(1).bias(false)));
    seq->push_back(nn::BatchNorm2d(out));
    seq->push_back(nn::ReLU());
}

/// exit head: adaptive average pooling to size x size, flatten, linear
nn::Sequential
MakeHead(int64_t channels, int64_t size)
{
    return nn::Sequential(nn::AdaptiveAvgPool2d(nn::AdaptiveAvgPool2dOptions({size, size})),
                          nn::Flatten(),
                          nn::Linear(channels * size * size, 10));
}

/// Output channels and head pooling size of each block.
constexpr int64_t kChannels[] = {16, 32, 64, 128};
constexpr int64_t kHeadSize[] = {4, 4, 3, 3};

} // namespace

FashionMnistCnnImpl::FashionMnistCnnImpl()
{
    nn::Sequential b1;
    AddConv(b1, 1, 16);
    b1->push_back(nn::MaxPool2d(2));
    nn::Sequential b2;
    AddConv(b2, 16, 32);
    AddConv(b2, 32, 32);
    b2->push_back(nn::MaxPool2d(2));
    nn::Sequential b3;
    AddConv(b3, 32, 64);
    AddConv(b3, 64, 64);
    b3->push_back(nn::MaxPool2d(2));
    nn::Sequential b4;
    AddConv(b4, 64, 128);
    AddConv(b4, 128, 128);
    m_blocks = register_module("blocks", nn::ModuleList(b1, b2, b3, b4));
    m_exits = register_module("exits", nn::ModuleList());
    for (size_t n = 0; n < 4; ++n)
    {
        m_exits->push_back(MakeHead(kChannels[n], kHeadSize[n]));
    }
}

FashionMnistCnnNetwork::FashionMnistCnnNetwork(uint64_t seed)
    : m_module(nullptr)
{
    // Seed before construction: the initial weights come from Torch's RNG.
    torch::manual_seed(seed);
    m_module = FashionMnistCnn();
}

uint32_t
FashionMnistCnnNetwork::GetNBlocks() const
{
    return static_cast<uint32_t>(m_module->m_blocks->size());
}

torch::Tensor
FashionMnistCnnNetwork::RunBlock(uint32_t n, const torch::Tensor& input)
{
    return m_module->m_blocks->ptr<nn::SequentialImpl>(n - 1)->forward(input);
}

torch::Tensor
FashionMnistCnnNetwork::RunHead(uint32_t n, const torch::Tensor& features)
{
    return m_module->m_exits->ptr<nn::SequentialImpl>(n - 1)->forward(features);
}

void
FashionMnistCnnNetwork::SetTraining(bool training)
{
    m_module->train(training);
}

void
FashionMnistCnnNetwork::MoveTo(const torch::Device& device)
{
    m_module->to(device);
}

std::vector<torch::Tensor>
FashionMnistCnnNetwork::GetParameters()
{
    return m_module->parameters();
}

std::string
FashionMnistCnnNetwork::Describe() const
{
    int64_t count = 0;
    for (const auto& p : m_module->parameters())
    {
        count += p.numel();
    }
    std::ostringstream os;
    os << "built-in 4-exit CNN for 28x28x1 (3x3 conv+BN+ReLU): block 1 conv 1-16 + maxpool; "
          "block 2 conv 16-32-32 + maxpool; block 3 conv 32-64-64 + maxpool; block 4 conv "
          "64-128-128; exit heads adaptive avg pool 4x4/4x4/3x3/3x3 + linear to 10 classes; "
       << count << " parameters";
    return os.str();
}

void
FashionMnistCnnNetwork::Save(const std::string& path)
{
    torch::save(m_module, path);
}

void
FashionMnistCnnNetwork::Load(const std::string& path)
{
    try
    {
        torch::load(m_module, path);
    }
    catch (const c10::Error& e)
    {
        // Torch's message is many lines with a C++ backtrace: keep the first.
        std::string what = e.what();
        throw EdgeInferenceError("cannot load weights '" + path +
                                 "' into the built-in CNN (wrong file or architecture): " +
                                 what.substr(0, what.find('\n')));
    }
}

} // namespace profiler
} // namespace ns3
