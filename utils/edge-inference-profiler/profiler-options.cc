/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "profiler-options.h"

#include "ns3/edge-inference-error.h"

#include <iostream>
#include <limits>
#include <map>
#include <optional>
#include <sstream>

namespace ns3
{
namespace profiler
{

namespace
{

const char* kUsage = R"(edge-inference-profiler: train/evaluate a multi-exit CNN on Fashion-MNIST
and measure the latency of every block and exit head over batch sizes; writes
an edge-inference profile (see doc/edge-inference.rst).

Options (--name=value):
  --output=PATH         profile file to write (required unless --evaluate-only)
  --weights=PATH        built-in CNN weights: loaded if the file exists (no
                        training), else the CNN is trained and saved there
  --model=PATH.pt       time a TorchScript model with sub-modules blocks.N and
                        exits.N instead of the built-in CNN (no training)
  --train-epochs=E      training epochs when no weights are loaded [3]
                        (0: keep random weights; for timing only)
  --train-steps=S       at most S mini-batches per epoch [0: all]
  --evaluate-only       measure the exit accuracies only (needs --weights with
                        an existing file, or --model); no timing, no output
  --check-accuracy=PROFILE  compare the measured accuracies with this profile's
                        (tolerance 0.2 percentage points); exit 1 if they differ
  --data-dir=PATH       folder with the (gzipped) IDX files
                        [/usr/share/datasets/fashion-mnist]
  --eval-limit=N        accuracy on the first N test images [0: all 10,000]
  --device=cpu|cuda     where to run [cpu]
  --threads=T           intra-op threads (torch::set_num_threads) [1]
  --repetitions=R       interleaved timed repetitions [30]
  --warmup=W            untimed calls per block/head and batch size [3]
  --batch-max=M         time batch sizes 1..M [64]
  --batch-sizes=LIST    time these batch sizes, e.g. 1,2,4,8 (must start at 1)
  --name=NAME           profile name [fashion-mnist-<device>, or
                        <model file stem>-<device>]
  --note=TEXT           free text for the provenance (e.g. machine load)
  --seed=S              weight initialisation and shuffling seed [1]
  --quick               smoke-test configuration: batch sizes 1,2, 3
                        repetitions, 1 warm-up, 2 training steps, 1000 test
                        images (explicit options still win)
  --help                this text
Exit status: 0 success, 2 bad option or input, 1 other failure.
)";

/// Unsigned integer option value in [lo, hi].
uint64_t
ParseUnsigned(const std::string& key, const std::string& value, uint64_t lo, uint64_t hi)
{
    if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos ||
        value.size() > 18)
    {
        throw EdgeInferenceError("option --" + key + ": '" + value +
                                 "' is not a non-negative integer");
    }
    const uint64_t v = std::stoull(value);
    if (v < lo || v > hi)
    {
        throw EdgeInferenceError("option --" + key + ": " + value + " is outside [" +
                                 std::to_string(lo) + ", " + std::to_string(hi) + "]");
    }
    return v;
}

/// Comma-separated batch sizes, strictly increasing from 1.
std::vector<uint32_t>
ParseBatchList(const std::string& value)
{
    std::vector<uint32_t> out;
    std::stringstream in(value);
    std::string item;
    while (std::getline(in, item, ','))
    {
        out.push_back(static_cast<uint32_t>(ParseUnsigned("batch-sizes", item, 1, 4096)));
        if (out.size() > 1 && out.back() <= out[out.size() - 2])
        {
            throw EdgeInferenceError("option --batch-sizes: '" + value +
                                     "' is not strictly increasing");
        }
    }
    if (out.empty() || out.front() != 1)
    {
        throw EdgeInferenceError("option --batch-sizes: '" + value +
                                 "' must start at 1 (profiles are measured from batch 1)");
    }
    return out;
}

} // namespace

bool
ParseProfilerOptions(int argc, char** argv, ProfilerOptions& o)
{
    std::map<std::string, std::string> values;
    for (int i = 1; i < argc; ++i)
    {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h")
        {
            std::cout << kUsage;
            return false;
        }
        if (arg.rfind("--", 0) != 0)
        {
            throw EdgeInferenceError("unexpected argument '" + arg +
                                     "' (options are --name=value)");
        }
        const size_t eq = arg.find('=');
        const std::string key = arg.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
        const std::string value = eq == std::string::npos ? "" : arg.substr(eq + 1);
        if (key == "quick" || key == "evaluate-only")
        {
            if (eq != std::string::npos)
            {
                throw EdgeInferenceError("option --" + key + " takes no value");
            }
            (key == "quick" ? o.quick : o.evaluateOnly) = true;
            continue;
        }
        if (eq == std::string::npos)
        {
            throw EdgeInferenceError("option --" + key + " needs a value (--" + key +
                                     "=...); see --help");
        }
        values[key] = value;
    }

    const uint32_t u32max = std::numeric_limits<uint32_t>::max();
    std::optional<uint32_t> repetitions;
    std::optional<uint32_t> warmup;
    std::optional<uint32_t> trainSteps;
    std::optional<uint32_t> evalLimit;
    std::optional<uint32_t> batchMax;
    for (const auto& [key, value] : values)
    {
        if (key == "model")
        {
            o.model = value;
        }
        else if (key == "weights")
        {
            o.weights = value;
        }
        else if (key == "output")
        {
            o.output = value;
        }
        else if (key == "name")
        {
            o.name = value;
        }
        else if (key == "data-dir")
        {
            o.dataDir = value;
        }
        else if (key == "check-accuracy")
        {
            o.checkAccuracy = value;
        }
        else if (key == "note")
        {
            o.note = value;
        }
        else if (key == "device")
        {
            if (value != "cpu" && value != "cuda")
            {
                throw EdgeInferenceError("option --device: '" + value +
                                         "' is not one of cpu, cuda");
            }
            o.device = value;
        }
        else if (key == "train-epochs")
        {
            o.trainEpochs = ParseUnsigned(key, value, 0, 1000);
            o.trainEpochsGiven = true;
        }
        else if (key == "train-steps")
        {
            trainSteps = ParseUnsigned(key, value, 0, u32max);
        }
        else if (key == "threads")
        {
            o.threads = ParseUnsigned(key, value, 1, 1024);
        }
        else if (key == "repetitions")
        {
            repetitions = ParseUnsigned(key, value, 1, 100000);
        }
        else if (key == "warmup")
        {
            warmup = ParseUnsigned(key, value, 0, 10000);
        }
        else if (key == "eval-limit")
        {
            evalLimit = ParseUnsigned(key, value, 0, u32max);
        }
        else if (key == "batch-max")
        {
            batchMax = ParseUnsigned(key, value, 1, 4096);
        }
        else if (key == "batch-sizes")
        {
            o.batchSizes = ParseBatchList(value);
        }
        else if (key == "seed")
        {
            o.seed = ParseUnsigned(key, value, 0, std::numeric_limits<int64_t>::max());
        }
        else
        {
            throw EdgeInferenceError("unknown option --" + key + " (see --help)");
        }
    }

    if (batchMax && !o.batchSizes.empty())
    {
        throw EdgeInferenceError("options --batch-max and --batch-sizes exclude each other");
    }
    // --quick only changes defaults: options given explicitly still win.
    o.repetitions = repetitions.value_or(o.quick ? 3 : o.repetitions);
    o.warmup = warmup.value_or(o.quick ? 1 : o.warmup);
    o.trainSteps = trainSteps.value_or(o.quick ? 2 : o.trainSteps);
    o.evalLimit = evalLimit.value_or(o.quick ? 1000 : o.evalLimit);
    if (o.quick && !o.trainEpochsGiven)
    {
        o.trainEpochs = 1;
    }
    if (o.batchSizes.empty())
    {
        const uint32_t m = batchMax.value_or(o.quick ? 2 : 64);
        for (uint32_t b = 1; b <= m; ++b)
        {
            o.batchSizes.push_back(b);
        }
    }

    if (!o.model.empty() && !o.weights.empty())
    {
        throw EdgeInferenceError("options --model and --weights exclude each other (--weights "
                                 "is for the built-in CNN)");
    }
    if (!o.model.empty() && o.trainEpochsGiven && o.trainEpochs > 0)
    {
        throw EdgeInferenceError("option --train-epochs: TorchScript models (--model) are "
                                 "not trained by the profiler; train them in Python");
    }
    if (!o.evaluateOnly && o.output.empty())
    {
        throw EdgeInferenceError("option --output=PATH is required (the profile file to write)");
    }
    if (o.evaluateOnly && o.model.empty() && o.weights.empty())
    {
        throw EdgeInferenceError("option --evaluate-only needs --weights=PATH (an existing "
                                 "weights file) or --model=PATH");
    }
    return true;
}

} // namespace profiler
} // namespace ns3
