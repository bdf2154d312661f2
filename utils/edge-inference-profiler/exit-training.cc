/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "exit-training.h"

#include <chrono>
#include <iomanip>
#include <sstream>

namespace ns3
{
namespace profiler
{

void
TrainJointly(MultiExitNetwork& net,
             const ImageDataset& train,
             const TrainingOptions& options,
             const torch::Device& device,
             std::ostream& progress)
{
    const int64_t n = train.images.size(0);
    const int64_t steps = (n + options.batchSize - 1) / options.batchSize;
    const int64_t stepsPerEpoch =
        options.maxSteps > 0 ? std::min<int64_t>(steps, options.maxSteps) : steps;
    const uint32_t nExits = net.GetNBlocks();
    torch::optim::Adam optimizer(net.GetParameters(),
                                 torch::optim::AdamOptions(options.learningRate));
    net.SetTraining(true);
    const auto start = std::chrono::steady_clock::now();
    for (uint32_t epoch = 1; epoch <= options.epochs; ++epoch)
    {
        const bool decayed = options.epochs > 1 && epoch == options.epochs;
        const double lr = decayed ? options.learningRate / 10 : options.learningRate;
        for (auto& group : optimizer.param_groups())
        {
            static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);
        }
        // A fresh, seeded permutation per epoch: reproducible shuffling.
        torch::manual_seed(options.seed + epoch);
        const torch::Tensor order = torch::randperm(n, torch::kInt64);
        double lossSum = 0;
        std::vector<int64_t> correct(nExits, 0);
        int64_t seen = 0;
        for (int64_t step = 0; step < stepsPerEpoch; ++step)
        {
            const int64_t first = step * options.batchSize;
            const int64_t last = std::min<int64_t>(first + options.batchSize, n);
            const torch::Tensor idx = order.slice(0, first, last);
            torch::Tensor x = train.images.index_select(0, idx).to(device);
            const torch::Tensor y = train.labels.index_select(0, idx).to(device);
            torch::Tensor loss = torch::zeros({}, x.options());
            for (uint32_t e = 1; e <= nExits; ++e)
            {
                x = net.RunBlock(e, x);
                const torch::Tensor logits = net.RunHead(e, x);
                loss = loss + torch::nn::functional::cross_entropy(logits, y);
                correct[e - 1] += logits.argmax(1).eq(y).sum().item<int64_t>();
            }
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            lossSum += loss.item<double>();
            seen += last - first;
            if ((step + 1) % 100 == 0 || step + 1 == stepsPerEpoch)
            {
                const double elapsed =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                // A local stream: the caller's formatting flags stay untouched.
                std::ostringstream line;
                line << "  epoch " << epoch << "/" << options.epochs << " (lr " << lr << ")"
                     << " step " << step + 1 << "/" << stepsPerEpoch << std::fixed
                     << std::setprecision(3) << " mean joint loss " << lossSum / (step + 1)
                     << ", train accuracy per exit";
                for (uint32_t e = 0; e < nExits; ++e)
                {
                    line << " " << double(correct[e]) / seen;
                }
                line << std::setprecision(0) << " (" << elapsed << " s)";
                progress << line.str() << std::endl;
            }
        }
    }
    net.SetTraining(false);
}

std::vector<double>
EvaluateExits(MultiExitNetwork& net,
              const ImageDataset& test,
              uint32_t limit,
              const torch::Device& device)
{
    c10::InferenceMode guard;
    net.SetTraining(false);
    int64_t n = test.images.size(0);
    if (limit > 0)
    {
        n = std::min<int64_t>(n, limit);
    }
    const uint32_t nExits = net.GetNBlocks();
    std::vector<int64_t> correct(nExits, 0);
    const int64_t chunk = 500;
    for (int64_t first = 0; first < n; first += chunk)
    {
        const int64_t last = std::min(first + chunk, n);
        torch::Tensor x = test.images.slice(0, first, last).to(device);
        const torch::Tensor y = test.labels.slice(0, first, last).to(device);
        for (uint32_t e = 1; e <= nExits; ++e)
        {
            x = net.RunBlock(e, x);
            correct[e - 1] += net.RunHead(e, x).argmax(1).eq(y).sum().item<int64_t>();
        }
    }
    std::vector<double> accuracy;
    for (const int64_t c : correct)
    {
        accuracy.push_back(n > 0 ? double(c) / double(n) : 0.0);
    }
    return accuracy;
}

} // namespace profiler
} // namespace ns3
