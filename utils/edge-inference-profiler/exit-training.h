/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EXIT_TRAINING_H
#define EXIT_TRAINING_H

#include "fashion-mnist-data.h"
#include "multi-exit-network.h"

#include <cstdint>
#include <ostream>
#include <vector>

namespace ns3
{
namespace profiler
{

/**
 * @ingroup edge-inference
 * @brief Settings of joint multi-exit training.
 */
struct TrainingOptions
{
    uint32_t epochs{3};        //!< passes over the training split
    uint32_t batchSize{64};    //!< mini-batch size
    double learningRate{1e-3}; //!< Adam step size (divided by 10 in the last epoch if > 1)
    uint32_t maxSteps{0};      //!< stop after this many steps per epoch (0: whole split)
    uint64_t seed{1};          //!< shuffling seed
};

/**
 * @brief Train all exits at once: the loss is the sum over exits of the
 * cross-entropy of each exit head (equal weights), optimised with Adam.
 * The last of several epochs runs at a tenth of the step size: without that
 * decay Adam plateaus and the last two exits end up ordered by noise.
 *
 * Training every exit jointly keeps the blocks shared: the early heads are
 * not an afterthought on a network trained for the last exit only.
 * @param net the network (left in eval mode)
 * @param train training split
 * @param options settings
 * @param device where the computation runs
 * @param progress progress lines (epoch, step, loss, elapsed time)
 */
void TrainJointly(MultiExitNetwork& net,
                  const ImageDataset& train,
                  const TrainingOptions& options,
                  const torch::Device& device,
                  std::ostream& progress);

/**
 * @brief Accuracy of every exit on a labelled split: the share of images
 * whose arg-max logit at exit n is the label.
 * @param net the network (put in eval mode)
 * @param test the split
 * @param limit use only the first limit images (0: all)
 * @param device where the computation runs
 * @return accuracies a_1..a_N in [0,1]
 */
std::vector<double> EvaluateExits(MultiExitNetwork& net,
                                  const ImageDataset& test,
                                  uint32_t limit,
                                  const torch::Device& device);

} // namespace profiler
} // namespace ns3

#endif /* EXIT_TRAINING_H */
