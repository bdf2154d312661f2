/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "torchscript-network.h"

#include "ns3/edge-inference-error.h"

#include <map>
#include <sstream>

namespace ns3
{
namespace profiler
{

namespace
{

/// First line of a Torch error (the rest is a C++ backtrace).
std::string
FirstLine(const c10::Error& e)
{
    std::string what = e.what();
    return what.substr(0, what.find('\n'));
}

/**
 * If name is "<prefix>.<digits>", store the index and return true.
 */
bool
ParseIndexedName(const std::string& name, const std::string& prefix, size_t& index)
{
    if (name.size() <= prefix.size() + 1 || name.compare(0, prefix.size(), prefix) != 0 ||
        name[prefix.size()] != '.')
    {
        return false;
    }
    const std::string digits = name.substr(prefix.size() + 1);
    if (digits.find_first_not_of("0123456789") != std::string::npos)
    {
        return false;
    }
    index = std::stoul(digits);
    return true;
}

/// Sub-modules "<prefix>.0" .. "<prefix>.{n-1}" in order; throws on a gap.
std::vector<torch::jit::Module>
CollectIndexed(const std::map<size_t, torch::jit::Module>& found,
               const std::string& prefix,
               const std::string& path)
{
    std::vector<torch::jit::Module> out;
    for (const auto& [index, module] : found)
    {
        if (index != out.size())
        {
            throw EdgeInferenceError("TorchScript model '" + path + "': sub-module " + prefix +
                                     "." + std::to_string(out.size()) + " is missing");
        }
        if (!module.find_method("forward"))
        {
            throw EdgeInferenceError("TorchScript model '" + path + "': sub-module " + prefix +
                                     "." + std::to_string(index) +
                                     " has no scripted forward (call it from the model's "
                                     "forward, or script it on its own)");
        }
        out.push_back(module);
    }
    return out;
}

} // namespace

TorchScriptNetwork::TorchScriptNetwork(const std::string& path)
    : m_path(path)
{
    try
    {
        m_module = torch::jit::load(path);
    }
    catch (const c10::Error& e)
    {
        throw EdgeInferenceError("cannot load TorchScript model '" + path + "': " + FirstLine(e));
    }
    std::map<size_t, torch::jit::Module> blocks;
    std::map<size_t, torch::jit::Module> exits;
    for (const auto& item : m_module.named_modules())
    {
        size_t index = 0;
        if (ParseIndexedName(item.name, "blocks", index))
        {
            blocks.emplace(index, item.value);
        }
        else if (ParseIndexedName(item.name, "exits", index))
        {
            exits.emplace(index, item.value);
        }
    }
    if (blocks.empty())
    {
        throw EdgeInferenceError("TorchScript model '" + path +
                                 "': no sub-modules named blocks.0, blocks.1, ...");
    }
    m_blocks = CollectIndexed(blocks, "blocks", path);
    m_exits = CollectIndexed(exits, "exits", path);
    if (m_exits.size() != m_blocks.size())
    {
        throw EdgeInferenceError("TorchScript model '" + path +
                                 "': " + std::to_string(m_blocks.size()) + " blocks but " +
                                 std::to_string(m_exits.size()) +
                                 " exits (need one exit head per block)");
    }
}

uint32_t
TorchScriptNetwork::GetNBlocks() const
{
    return static_cast<uint32_t>(m_blocks.size());
}

torch::Tensor
TorchScriptNetwork::RunBlock(uint32_t n, const torch::Tensor& input)
{
    return m_blocks[n - 1].forward({input}).toTensor();
}

torch::Tensor
TorchScriptNetwork::RunHead(uint32_t n, const torch::Tensor& features)
{
    return m_exits[n - 1].forward({features}).toTensor();
}

void
TorchScriptNetwork::SetTraining(bool training)
{
    m_module.train(training);
}

void
TorchScriptNetwork::MoveTo(const torch::Device& device)
{
    m_module.to(device);
}

std::vector<torch::Tensor>
TorchScriptNetwork::GetParameters()
{
    std::vector<torch::Tensor> out;
    for (const auto& p : m_module.parameters())
    {
        out.push_back(p);
    }
    return out;
}

std::string
TorchScriptNetwork::Describe() const
{
    int64_t count = 0;
    for (const auto& p : m_module.parameters())
    {
        count += p.numel();
    }
    std::ostringstream os;
    os << "TorchScript model " << m_path << " (" << m_blocks.size() << " blocks/exits, " << count
       << " parameters)";
    return os.str();
}

} // namespace profiler
} // namespace ns3
