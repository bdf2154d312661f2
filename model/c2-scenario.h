/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef C2_SCENARIO_H
#define C2_SCENARIO_H

#include "c2-problem.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Parameters of a random single-cell drop (manual: *Default scenario*; the
 * defaults are the module's default scenario, ours, not the paper's).
 */
struct C2ScenarioParameters
{
    uint32_t users{30};         //!< K
    double cellRadiusM{200};    //!< users uniform in the disc (m)
    double minDistanceM{10};    //!< and at least this far from the BS (m)
    double bandwidthHz{1e6};    //!< B (Hz)
    double resourceBlockHz{0};  //!< 0: continuous bandwidth
    bool fixedPsd{false};       //!< rate model: fixed PSD instead of fixed power
    double powerDbm{23};        //!< transmit power (dBm)
    double noisePsdDbmHz{-174}; //!< N0 (dBm/Hz)
    double bits{24576};         //!< task size D (bit)
    double deadlineMinS{0.020}; //!< T_k ~ U(min, max) (s)
    double deadlineMaxS{0.100}; //!< (s)
    bool rayleighFading{true};  //!< |h|^2 ~ Exp(1) on top of path loss
    double accuracyMin{-1};     //!< A_k ~ U(min, max); < 0: a_1
    double accuracyMax{-1};     //!< < 0: a_N
    std::vector<C2Exit> exits;  //!< the DNN (required, non-empty)
};

/**
 * @ingroup edge-inference
 * @brief Draws random C2Problem instances of the single-cell scenario.
 *
 * Path loss 128.1 + 37.6 log10(d / km) dB with d uniform over the area of
 * the annulus [minDistanceM, cellRadiusM], optional Rayleigh block fading,
 * deadlines and accuracy requirements uniform. The generator is
 * std::mt19937_64 (its sequence is fixed by the C++ standard) with our own
 * mapping to [0, 1), so a seed gives the same instance on every platform
 * and build, independent of ns-3's global RNG settings (RngSeed, RngRun).
 */
class C2ScenarioGenerator
{
  public:
    /**
     * @brief Create a generator for a scenario.
     * @param params scenario parameters (copied)
     * @throws EdgeInferenceError if exits is empty, if not
     *         0 < minDistanceM < cellRadiusM, or if not
     *         0 < deadlineMinS <= deadlineMaxS (the other fields are checked
     *         only by C2Problem::Validate() on the generated problems)
     */
    explicit C2ScenarioGenerator(const C2ScenarioParameters& params);

    /**
     * @brief Draw one instance: K users with ids 0..K-1, each with the same
     * task size and power, a random distance, fading, deadline and accuracy
     * requirement.
     * @param seed the seed; the same seed gives the same instance
     * @return a problem that passes Validate() when the parameters are valid
     */
    C2Problem Generate(uint64_t seed) const;

    /**
     * @brief Get the scenario parameters.
     * @return the parameters
     */
    const C2ScenarioParameters& GetParameters() const;

    /**
     * @brief Path loss of the default scenario.
     * @param distanceM distance d from the BS (m), > 0
     * @return linear power gain 10^(-(128.1 + 37.6 log10(d/km)) / 10)
     */
    static double PathGain(double distanceM);

  private:
    C2ScenarioParameters m_params; //!< parameters
};

} // namespace ns3

#endif /* C2_SCENARIO_H */
