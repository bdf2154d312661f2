/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PAIR_FADING_LOSS_MODEL_H
#define PAIR_FADING_LOSS_MODEL_H

#include "ns3/mobility-model.h"
#include "ns3/propagation-loss-model.h"
#include "ns3/random-variable-stream.h"

#include <cstdint>
#include <map>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Base of the module's fading models: the fading of a pair of
 * mobility models is a pure function of a seed, the unordered pair and the
 * model's own arguments (a block index, a time), drawn from a counter-based
 * generator (PairHash). So any number of queries return the same values,
 * queries do not change what other pairs get, no per-pair state is kept,
 * and the channel is reciprocal. The seed is drawn once from a
 * RandomVariableStream, so AssignStreams and --RngRun control the
 * realisation. A pair is identified by the ids of the nodes its mobility
 * models are aggregated to; mobility models without a node get ids in order
 * of first appearance.
 */
class PairFadingLossModel : public PropagationLossModel
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    PairFadingLossModel();
    ~PairFadingLossModel() override;

  protected:
    /**
     * @brief A 64-bit value that depends only on the seed, the unordered
     * pair and salt (the seed is drawn on first use).
     * @param a one end
     * @param b the other end
     * @param salt what else the value depends on (a block, a sinusoid index)
     * @return the hash
     */
    uint64_t PairHash(Ptr<MobilityModel> a, Ptr<MobilityModel> b, uint64_t salt) const;

    /**
     * @param hash a PairHash value
     * @return a uniform value in (0, 1) made of its 53 high bits
     */
    static double ToUniform(uint64_t hash);

    /// Forgets the ids of node-less mobility models and the random variable,
    /// then calls PropagationLossModel::DoDispose().
    void DoDispose() override;

  private:
    /**
     * @brief Sets the stream of the seed's random variable; the seed is
     * drawn again from it at the next query, so the realisation changes.
     * @param stream first stream index to use
     * @return the number of stream indices assigned (1)
     */
    int64_t DoAssignStreams(int64_t stream) override;

    /**
     * @brief Identifies one end of a pair: the node id of the node the
     * mobility model is aggregated to, or, for a mobility model without a
     * node, 2^32 plus its rank of first appearance (above every node id).
     * @param m a mobility model
     * @return the id that identifies m in a pair
     */
    uint64_t GetEndId(Ptr<MobilityModel> m) const;

    Ptr<UniformRandomVariable> m_seedRng; //!< draws the realisation's seed
    mutable bool m_seeded;                //!< whether m_seed was drawn
    mutable uint64_t m_seed;              //!< seed of the realisation
    /// ids of mobility models that are not aggregated to a node
    mutable std::map<Ptr<MobilityModel>, uint64_t> m_orphanIds;
};

} // namespace ns3

#endif /* PAIR_FADING_LOSS_MODEL_H */
