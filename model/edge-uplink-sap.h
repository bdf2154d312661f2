/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_UPLINK_SAP_H
#define EDGE_UPLINK_SAP_H

#include "ofdma-grant.h"

#include "ns3/address.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief What the uplink radio tells the planner about one UE: the rate it
 * will deliver on each number of resource blocks, from the channel state
 * the base station holds now.
 */
struct EdgeUplinkLinkState
{
    /// [n-1]: the rate (bit/s) of an n-block grant, n = 1..number of blocks;
    /// 0 where nothing would be decodable. It need not grow with n (a
    /// modulation-and-coding table under fixed total power).
    std::vector<double> rateBps;
    double txPowerW{0}; //!< the UE's transmit power (W), for the record
    double gain{0};     //!< the channel power gain the BS holds (linear)
    /// > 0 when rateBps[n-1] is exactly the fixed-power Shannon rate
    /// n W log2(1 + P g / (n W N0')) with this N0' (W/Hz, any SNR gap
    /// folded in); the planner may then use that closed form, which gives
    /// the same needs and lets the exact schedulers use their fast bounds.
    double shannonNoisePsdWHz{0};
};

/**
 * @ingroup edge-inference
 * @brief The interface between the scheduler host (EdgeController, the
 * SAP user) and an uplink radio back end (the SAP provider), in the manner
 * of the service access points of ns-3's LTE module: the controller asks
 * the back end what each UE's link delivers and hands it the grants; it
 * never reaches into the radio's devices.
 *
 * UEs are named by their uplink device's address (what
 * InferenceClient::GetUplinkAddress returns). A back end implements the
 * four methods; MemberEdgeUplinkSapProvider forwards them to an owner
 * class, as the LTE module's Member*SapProvider templates do.
 */
class EdgeUplinkSapProvider
{
  public:
    virtual ~EdgeUplinkSapProvider() = default;

    /**
     * @brief The carrier's resource blocks.
     * @return the number of resource blocks the planner may grant
     */
    virtual uint32_t GetNResourceBlocks() const = 0;
    /**
     * @brief The carrier's block width.
     * @return the width of one resource block (Hz)
     */
    virtual double GetResourceBlockWidth() const = 0;
    /**
     * @brief The radio's own delay between a grant reaching the UE (its
     * data handed down) and the first transmission the grant's window
     * counts; the planner starts the uploads this much after the grant
     * message arrives. 0 for the module's OFDMA uplink; for LTE the UE's
     * MAC builds a transport block 4 TTIs before it goes on the air.
     * @return the delay (>= 0)
     */
    virtual Time GetTransmissionDelay() const = 0;
    /**
     * @brief The link of one UE as the back end would serve it now.
     * @param ue the UE's uplink device address (aborts if the back end does
     *        not serve it)
     * @return its rates per number of blocks and what they derive from
     */
    virtual EdgeUplinkLinkState GetLinkState(const Address& ue) const = 0;
    /**
     * @brief Grant a UE uplink resource blocks for an interval.
     * @param ue the UE's uplink device address (aborts if unknown)
     * @param grant the blocks and the interval (aborts if the back end
     *        refuses it, naming why)
     */
    virtual void Grant(const Address& ue, const OfdmaGrant& grant) = 0;
};

/**
 * @ingroup edge-inference
 * @brief Forwards EdgeUplinkSapProvider to an owner's DoGetNResourceBlocks,
 * DoGetResourceBlockWidth, DoGetLinkState and DoGrant.
 * @tparam C the owner class
 */
template <class C>
class MemberEdgeUplinkSapProvider : public EdgeUplinkSapProvider
{
  public:
    /**
     * @brief Forward to an owner.
     * @param owner the back end; must outlive this object
     */
    explicit MemberEdgeUplinkSapProvider(C* owner)
        : m_owner(owner)
    {
    }

    uint32_t GetNResourceBlocks() const override
    {
        return m_owner->DoGetNResourceBlocks();
    }

    double GetResourceBlockWidth() const override
    {
        return m_owner->DoGetResourceBlockWidth();
    }

    Time GetTransmissionDelay() const override
    {
        return m_owner->DoGetTransmissionDelay();
    }

    EdgeUplinkLinkState GetLinkState(const Address& ue) const override
    {
        return m_owner->DoGetLinkState(ue);
    }

    void Grant(const Address& ue, const OfdmaGrant& grant) override
    {
        m_owner->DoGrant(ue, grant);
    }

  private:
    C* m_owner; //!< the back end
};

} // namespace ns3

#endif /* EDGE_UPLINK_SAP_H */
