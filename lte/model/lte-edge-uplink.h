/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef LTE_EDGE_UPLINK_H
#define LTE_EDGE_UPLINK_H

#include "ns3/address.h"
#include "ns3/edge-uplink-sap.h"
#include "ns3/object.h"

#include <map>
#include <memory>

namespace ns3
{

class EdgeInferenceFfMacScheduler;
class LteEnbNetDevice;
class LteUeNetDevice;

/**
 * @ingroup edge-inference
 * @brief The edge controller's uplink interface (EdgeUplinkSapProvider)
 * over one ns-3 LTE cell.
 *
 * - Resource blocks: the eNB's uplink blocks, 180 kHz wide.
 * - Link state: the rate of an n-block grant is the transport block size
 *   for n blocks at the MCS of edgeinference::LteUplinkAdapt, from the
 *   eNB's latest SRS SINR of the UE, per 1 ms TTI; all zero while the UE is
 *   not connected or not yet measured.
 * - Grant: the blocks and window go to the eNB's
 *   EdgeInferenceFfMacScheduler, which grants them TTI by TTI.
 *
 * The eNB must use EdgeInferenceFfMacScheduler, and each UE uplink power
 * control off (LteUePhy::EnableUplinkPowerControl false): both are checked
 * and a violation stops the program with a message naming it.
 */
class LteEdgeUplink : public Object
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    LteEdgeUplink();
    ~LteEdgeUplink() override;

    /**
     * @brief Serve the cell of this eNB (aborts unless its scheduler is an
     * EdgeInferenceFfMacScheduler).
     * @param enb the eNB device
     */
    void SetEnbDevice(Ptr<LteEnbNetDevice> enb);
    /**
     * @brief Serve a UE of the cell (aborts if its uplink power control is
     * on).
     * @param ue the UE device
     */
    void AddUe(Ptr<LteUeNetDevice> ue);
    /**
     * @brief The interface the edge controller plans and grants through.
     * @return the provider, owned by this object
     */
    EdgeUplinkSapProvider* GetEdgeUplinkSapProvider();

    /// LTE's resource block width (Hz).
    static constexpr double kResourceBlockHz = 180e3;

  protected:
    /// Release the eNB, its scheduler and the UEs.
    void DoDispose() override;

  private:
    friend class MemberEdgeUplinkSapProvider<LteEdgeUplink>;

    /// @return the uplink blocks of the cell
    uint32_t DoGetNResourceBlocks() const;
    /// @return kResourceBlockHz
    double DoGetResourceBlockWidth() const;
    /// @return 4 ms: the UE's MAC builds each transport block
    ///         UL_PUSCH_TTIS_DELAY TTIs before it goes on the air
    Time DoGetTransmissionDelay() const;
    /**
     * @param ue a UE device address
     * @return its rates per number of blocks
     */
    EdgeUplinkLinkState DoGetLinkState(const Address& ue) const;
    /**
     * @param ue a UE device address
     * @param grant the blocks and window (aborts if the UE is not connected)
     */
    void DoGrant(const Address& ue, const OfdmaGrant& grant);
    /**
     * @param ue a UE device address
     * @return the UE device (aborts if unknown)
     */
    Ptr<LteUeNetDevice> FindUe(const Address& ue) const;
    /**
     * @param ue a UE device
     * @return its RNTI in the cell; 0 if it is not connected to it
     */
    uint16_t ConnectedRnti(Ptr<LteUeNetDevice> ue) const;

    Ptr<LteEnbNetDevice> m_enb;                   //!< the eNB
    Ptr<EdgeInferenceFfMacScheduler> m_scheduler; //!< its MAC scheduler
    std::map<Address, Ptr<LteUeNetDevice>> m_ues; //!< by device address
    std::unique_ptr<EdgeUplinkSapProvider> m_sap; //!< the provider
};

} // namespace ns3

#endif /* LTE_EDGE_UPLINK_H */
