/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PROFILER_OPTIONS_H
#define PROFILER_OPTIONS_H

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace profiler
{

/**
 * @ingroup edge-inference
 * @brief Command-line options of edge-inference-profiler, validated.
 *
 * A plain parser rather than ns3::CommandLine: bad values must end the
 * program with exit status 2 and a message naming the option, and the tool
 * must not need the ns-3 runtime to explain its usage.
 */
struct ProfilerOptions
{
    std::string model;   //!< TorchScript file; empty: built-in CNN
    std::string weights; //!< built-in CNN weights: load if present, else save
    std::string output;  //!< profile file to write
    std::string name;    //!< profile name; empty: derived
    std::string dataDir{"/usr/share/datasets/fashion-mnist"}; //!< IDX files
    std::string device{"cpu"};                                //!< "cpu" or "cuda"
    std::string note;                                         //!< free text added to the provenance
    std::string checkAccuracy;        //!< profile whose accuracies must be reproduced
    uint32_t trainEpochs{3};          //!< epochs if the network is trained
    uint32_t trainSteps{0};           //!< max steps per epoch (0: whole split)
    uint32_t threads{1};              //!< intra-op threads
    uint32_t repetitions{30};         //!< timed repetitions
    uint32_t warmup{3};               //!< warm-up calls per shape
    uint32_t evalLimit{0};            //!< test images used for accuracy (0: all)
    uint64_t seed{1};                 //!< weight initialisation and shuffling
    std::vector<uint32_t> batchSizes; //!< timed batch sizes
    bool evaluateOnly{false};         //!< accuracies only, no timing
    bool quick{false};                //!< smoke-test configuration
    bool trainEpochsGiven{false};     //!< --train-epochs was on the command line
};

/**
 * @brief Parse and validate the command line.
 * @param argc argument count
 * @param argv arguments
 * @param options the result
 * @return false if --help was asked (usage already printed)
 * @throws EdgeInferenceError naming the bad option
 */
bool ParseProfilerOptions(int argc, char** argv, ProfilerOptions& options);

} // namespace profiler
} // namespace ns3

#endif /* PROFILER_OPTIONS_H */
