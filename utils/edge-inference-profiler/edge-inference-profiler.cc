/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * @file
 * @ingroup edge-inference
 * edge-inference-profiler: trains (or loads) a multi-exit CNN for
 * Fashion-MNIST, measures each exit's test accuracy and the latency of every
 * block and exit head over batch sizes with LibTorch, and writes an
 * EarlyExitProfile file for the simulator. The only program of the module
 * that uses LibTorch. Run with --help for the options.
 */

#include "block-timer.h"
#include "exit-training.h"
#include "fashion-mnist-cnn.h"
#include "fashion-mnist-data.h"
#include "host-description.h"
#include "profiler-options.h"
#include "torchscript-network.h"

#include "ns3/early-exit-profile.h"
#include "ns3/edge-inference-error.h"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <torch/torch.h>
#include <torch/version.h>

using namespace ns3;
using namespace ns3::profiler;

namespace
{

/// Throws unless the folder that will hold path exists.
void
CheckParentFolder(const std::string& path, const std::string& option)
{
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty() && !std::filesystem::is_directory(parent))
    {
        throw EdgeInferenceError("option --" + option + ": folder '" + parent.string() +
                                 "' does not exist");
    }
}

/// Accuracies as "84.7 / 89.4 / ..." percent.
std::string
FormatAccuracies(const std::vector<double>& acc)
{
    std::ostringstream os;
    os << std::fixed << std::setprecision(2);
    for (size_t i = 0; i < acc.size(); ++i)
    {
        os << (i ? " / " : "") << acc[i] * 100;
    }
    os << " %";
    return os.str();
}

/**
 * Compare measured accuracies with a profile's and print the comparison.
 * The tolerance allows a few test images to change class when another
 * BLAS or CPU rounds differently; it is far below any training effect.
 */
bool
AccuraciesMatch(const std::vector<double>& measured, const std::string& profilePath)
{
    const double tolerance = 0.002;
    const EarlyExitProfile reference = EarlyExitProfile::ReadFile(profilePath);
    if (reference.GetNExits() != measured.size())
    {
        std::cout << "FAIL: " << profilePath << " has " << reference.GetNExits()
                  << " exits, the network " << measured.size() << std::endl;
        return false;
    }
    bool ok = true;
    for (uint32_t n = 1; n <= measured.size(); ++n)
    {
        const double expected = reference.GetExitAccuracy(n);
        const bool match = std::abs(measured[n - 1] - expected) <= tolerance;
        ok = ok && match;
        std::cout << "  exit " << n << ": measured " << measured[n - 1] << ", " << profilePath
                  << " says " << expected << (match ? " (match)" : " (MISMATCH)") << std::endl;
    }
    std::cout << (ok ? "Accuracies reproduced" : "FAIL: accuracies not reproduced") << std::endl;
    return ok;
}

/// Seconds since start.
double
Since(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// Batch sizes as "1..64" if contiguous, else the list.
std::string
FormatBatchSizes(const std::vector<uint32_t>& sizes)
{
    if (sizes.back() == sizes.size())
    {
        return "1.." + std::to_string(sizes.back());
    }
    std::string out;
    for (const uint32_t b : sizes)
    {
        out += (out.empty() ? "" : ",") + std::to_string(b);
    }
    return out;
}

int
Run(const ProfilerOptions& o)
{
    const auto start = std::chrono::steady_clock::now();
    const std::string loadAtStart = DescribeLoadAverage();
    if (o.device == "cuda" && !torch::cuda::is_available())
    {
        throw EdgeInferenceError("option --device=cuda: no CUDA device is available to this "
                                 "LibTorch build (Debian's libtorch is CPU-only; build against "
                                 "a CUDA LibTorch, see doc/edge-inference.rst)");
    }
    const torch::Device device(o.device == "cuda" ? torch::kCUDA : torch::kCPU);
    // One intra-op thread by default: on a shared machine more threads make
    // the timings slower and erratic (see build notes).
    torch::set_num_threads(static_cast<int>(o.threads));
    torch::set_num_interop_threads(1);
    if (!o.evaluateOnly)
    {
        CheckParentFolder(o.output, "output");
    }

    // The network.
    std::unique_ptr<MultiExitNetwork> net;
    std::string training;
    const bool haveWeights = !o.weights.empty() && std::filesystem::exists(o.weights);
    if (!o.model.empty())
    {
        std::cout << "Loading TorchScript model " << o.model << std::endl;
        net = std::make_unique<TorchScriptNetwork>(o.model);
        training =
            "none by the profiler: the weights are those of the TorchScript model " + o.model;
    }
    else
    {
        auto cnn = std::make_unique<FashionMnistCnnNetwork>(o.seed);
        if (haveWeights)
        {
            std::cout << "Loading weights " << o.weights << std::endl;
            cnn->Load(o.weights);
            training = "weights loaded from " + o.weights;
        }
        else if (o.evaluateOnly)
        {
            throw EdgeInferenceError("option --weights: file '" + o.weights +
                                     "' does not exist (--evaluate-only does not train)");
        }
        else if (!o.weights.empty())
        {
            CheckParentFolder(o.weights, "weights");
        }
        net = std::move(cnn);
    }
    net->MoveTo(device);
    net->SetTraining(false);
    std::cout << "Network: " << net->Describe() << std::endl;

    // Training, only for the built-in CNN without weights.
    if (o.model.empty() && !haveWeights)
    {
        if (o.trainEpochs == 0)
        {
            std::cout << "Not training (--train-epochs=0): random weights, accuracies are "
                         "chance level"
                      << std::endl;
            training = "none (random initial weights, seed " + std::to_string(o.seed) + ")";
        }
        else
        {
            std::cout << "Reading training images from " << o.dataDir << std::endl;
            const ImageDataset train = ReadMnistIdx(o.dataDir, true);
            TrainingOptions t;
            t.epochs = o.trainEpochs;
            t.maxSteps = o.trainSteps;
            t.seed = o.seed;
            std::cout << "Training " << t.epochs << " epoch(s) on " << train.images.size(0)
                      << " images, joint loss over " << net->GetNBlocks() << " exits, " << o.threads
                      << " thread(s)" << std::endl;
            const auto trainStart = std::chrono::steady_clock::now();
            TrainJointly(*net, train, t, device, std::cout);
            std::ostringstream os;
            os << "joint loss (sum of the exits' cross-entropies), Adam lr " << t.learningRate
               << (t.epochs > 1 ? " (last epoch lr/10)" : "") << ", batch " << t.batchSize << ", "
               << t.epochs << " epoch(s)"
               << (t.maxSteps > 0 ? " of at most " + std::to_string(t.maxSteps) + " steps" : "")
               << ", seed " << t.seed << ", on " << o.device << " in " << std::fixed
               << std::setprecision(0) << Since(trainStart) << " s";
            training = os.str();
            if (!o.weights.empty())
            {
                // Saved from the CPU so that the file loads on any machine.
                net->MoveTo(torch::kCPU);
                static_cast<FashionMnistCnnNetwork&>(*net).Save(o.weights);
                net->MoveTo(device);
                std::cout << "Saved weights to " << o.weights << std::endl;
                training += "; saved to " + o.weights;
            }
        }
    }

    // Accuracy of each exit on the test split.
    std::cout << "Reading test images from " << o.dataDir << std::endl;
    const ImageDataset test = ReadMnistIdx(o.dataDir, false);
    const int64_t nTest =
        o.evalLimit > 0 ? std::min<int64_t>(o.evalLimit, test.images.size(0)) : test.images.size(0);
    std::cout << "Evaluating " << net->GetNBlocks() << " exits on " << nTest << " test images"
              << std::endl;
    const std::vector<double> accuracy = EvaluateExits(*net, test, o.evalLimit, device);
    std::cout << "Exit accuracies: " << FormatAccuracies(accuracy) << std::endl;
    if (!o.checkAccuracy.empty() && !AccuraciesMatch(accuracy, o.checkAccuracy))
    {
        return 1;
    }
    if (o.evaluateOnly)
    {
        return 0;
    }

    // Latencies.
    const uint32_t maxBatch = o.batchSizes.back();
    if (maxBatch > test.images.size(0))
    {
        throw EdgeInferenceError("batch size " + std::to_string(maxBatch) +
                                 " exceeds the number of test images");
    }
    std::cout << "Timing " << net->GetNBlocks() << " blocks and exit heads at "
              << o.batchSizes.size() << " batch sizes (" << FormatBatchSizes(o.batchSizes) << "), "
              << o.repetitions << " interleaved repetitions, " << o.warmup
              << " warm-up calls per shape, on " << o.device << " with " << o.threads
              << " thread(s)" << std::endl;
    TimingOptions timing;
    timing.batchSizes = o.batchSizes;
    timing.repetitions = o.repetitions;
    timing.warmup = o.warmup;
    const auto timingStart = std::chrono::steady_clock::now();
    const TimingResult times = MeasureLatencies(*net, test.images, timing, device, std::cout);
    const double timingSeconds = Since(timingStart);

    // The profile requires non-decreasing accuracies; an undertrained
    // network can violate that. Raise such an exit to the one before and
    // say so in the provenance rather than refuse to write the timings.
    std::vector<double> profileAccuracy = accuracy;
    std::string adjusted;
    for (size_t i = 1; i < profileAccuracy.size(); ++i)
    {
        if (profileAccuracy[i] < profileAccuracy[i - 1])
        {
            std::ostringstream os;
            os << (adjusted.empty() ? "" : "; ") << "exit " << i + 1 << " measured "
               << profileAccuracy[i] << ", raised to " << profileAccuracy[i - 1]
               << " (accuracy must not decrease with depth)";
            adjusted += os.str();
            profileAccuracy[i] = profileAccuracy[i - 1];
        }
    }
    if (!adjusted.empty())
    {
        std::cout << "WARNING: " << adjusted << std::endl;
    }

    EarlyExitProfile profile;
    const std::string stem =
        o.model.empty() ? "fashion-mnist" : std::filesystem::path(o.model).stem().string();
    profile.SetName(o.name.empty() ? stem + "-" + o.device : o.name);
    profile.SetTable(profileAccuracy, o.batchSizes, times.block, times.head);
    std::ostringstream deviceText;
    if (device.is_cuda())
    {
        deviceText << "cuda:0 " << DescribeCudaDevice(0) << "; host " << DescribeCpu();
    }
    else
    {
        deviceText << "cpu: " << DescribeCpu();
    }
    profile.SetProvenance("synthetic", "no");
    profile.SetProvenance("tool", "edge-inference-profiler");
    profile.SetProvenance("network", net->Describe());
    profile.SetProvenance("dataset",
                          "Fashion-MNIST (Zalando) from " + o.dataDir +
                              " (Debian dataset-fashion-mnist); inputs (x/255 - 0.2860)/0.3530");
    profile.SetProvenance("training", training);
    profile.SetProvenance("accuracy",
                          "top-1 accuracy of each exit on the first " + std::to_string(nTest) +
                              " of " + std::to_string(test.images.size(0)) + " test images (t10k)");
    if (!adjusted.empty())
    {
        profile.SetProvenance("accuracy_adjusted", adjusted);
    }
    profile.SetProvenance("device", deviceText.str());
    profile.SetProvenance("libtorch", std::string("LibTorch ") + TORCH_VERSION);
    profile.SetProvenance("threads",
                          std::to_string(o.threads) +
                              " intra-op thread(s) (torch::set_num_threads), 1 inter-op thread");
    profile.SetProvenance("blas",
                          device.is_cuda() ? "n/a (cuDNN/cuBLAS on the GPU)"
                                           : "loaded at run time: " + DescribeLoadedBlas());
    const char* cacheCapacity = std::getenv("ONEDNN_PRIMITIVE_CACHE_CAPACITY");
    profile.SetProvenance("onednn_primitive_cache",
                          std::string(cacheCapacity ? cacheCapacity : "default") +
                              " entries (ONEDNN_PRIMITIVE_CACHE_CAPACITY; the default 1024 "
                              "thrashes when 64 batch sizes are timed in turn)");
    profile.SetProvenance("date", UtcTimestamp());
    std::ostringstream method;
    method << "batch sizes " << FormatBatchSizes(o.batchSizes) << "; " << o.repetitions
           << " interleaved repetitions (all batch sizes per repetition, rotating start), "
           << o.warmup << " warm-up calls per shape; median, p10, p90 of single calls "
           << "(steady_clock" << (device.is_cuda() ? ", device synchronised" : "")
           << "); eval() + c10::InferenceMode; inputs are real test images and the real "
              "outputs of the previous block; timing took "
           << std::fixed << std::setprecision(0) << timingSeconds << " s";
    profile.SetProvenance("timing", method.str());
    profile.SetProvenance("heads",
                          "block and exit head timed separately; the simulator uses "
                          "tau_n(b) = block_n(b) + head_n(b)");
    profile.SetProvenance("load_average",
                          "start " + loadAtStart + ", end " + DescribeLoadAverage() +
                              " (/proc/loadavg)");
    if (!o.note.empty())
    {
        profile.SetProvenance("note", o.note);
    }
    if (o.quick)
    {
        profile.SetProvenance("quick", "yes: smoke-test configuration, not a measurement");
    }
    profile.WriteFile(o.output);
    std::cout << "Wrote " << o.output << " after " << std::fixed << std::setprecision(0)
              << Since(start) << " s" << std::endl;
    profile.PrintSummary(std::cout);
    return 0;
}

} // namespace

int
main(int argc, char** argv)
{
    // LibTorch's CPU convolutions run through oneDNN, whose primitive cache
    // holds 1024 entries by default. Timing 7 convolutions at 64 batch sizes
    // in turn cycles through more primitives than that, so every call missed
    // and re-created its primitive (measured: 2-3x slower at batch 2..16).
    // A server that reuses its batch sizes keeps them cached: enlarge the
    // cache before Torch first reads it. An explicit setting wins.
    setenv("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "8192", 0);
    ProfilerOptions options;
    try
    {
        if (!ParseProfilerOptions(argc, argv, options))
        {
            return 0;
        }
        return Run(options);
    }
    catch (const EdgeInferenceError& e)
    {
        std::cerr << "edge-inference-profiler: error: " << e.what() << std::endl;
        return 2;
    }
    catch (const c10::Error& e)
    {
        // Torch's messages carry a C++ backtrace after the first line.
        const std::string what = e.what();
        std::cerr << "edge-inference-profiler: LibTorch error: " << what.substr(0, what.find('\n'))
                  << std::endl;
        return 1;
    }
    catch (const std::exception& e)
    {
        std::cerr << "edge-inference-profiler: error: " << e.what() << std::endl;
        return 1;
    }
}
