/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_INFERENCE_CELL_HELPER_H
#define EDGE_INFERENCE_CELL_HELPER_H

#include "ofdma-uplink-helper.h"

#include "ns3/ipv4-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/ofdma-bs-net-device.h"

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief The nodes and devices of one cell built by EdgeInferenceCellHelper.
 */
struct EdgeInferenceCell
{
    Ptr<Node> bs;                   //!< BS node at the origin (host for the edge server too)
    NodeContainer ues;              //!< UE nodes, with static positions
    Ptr<OfdmaBsNetDevice> bsDevice; //!< the BS device
    NetDeviceContainer ueDevices;   //!< the UE devices, in UE order
    Ipv4Address bsAddress;          //!< IPv4 address of the BS device
    int64_t streamsUsed{0};         //!< random variable streams used (drop and uplink)
};

/**
 * @ingroup edge-inference
 * @brief Builds the single-cell scenario of the manual's *Default scenario*: a BS at the
 * origin, users dropped uniformly over the area of the annulus
 * [MinDistance, CellRadius] (static, or moving in straight lines at
 * SetUeSpeed with uniformly drawn headings), the OFDMA uplink
 * (OfdmaUplinkHelper; path loss 128.1 + 37.6 log10(d/km), Rayleigh block
 * fading unless disabled, 23 dBm, -174 dBm/Hz, 1 MHz of 10 kHz blocks), the
 * Internet stack and IPv4 addresses in 7.0.0.0/8. Every UE packet goes to
 * the BS (the UE device has no ARP), so no routes are needed for a server
 * on the BS node.
 *
 * The scenario scripts of the module use it; examples/edge-inference-simple.cc
 * shows the same steps written out, with mobility.
 */
class EdgeInferenceCellHelper
{
  public:
    /// Create a helper for a cell of radius 200 m, minimum distance 10 m.
    EdgeInferenceCellHelper();

    /// @param m cell radius (m), > MinDistance (checked by Create; default 200)
    void SetCellRadius(double m);
    /// @param m minimum distance from the BS (m), > 0 (checked by Create; default 10)
    void SetMinDistance(double m);
    /// @param mps UE speed (m/s, >= 0; default 0: static UEs). Moving UEs
    ///        keep their drawn positions as start points and get headings
    ///        drawn after all positions (so the positions do not change)
    void SetUeSpeed(double mps);
    /// @return the uplink helper, to set device, channel and fading attributes
    OfdmaUplinkHelper& GetUplinkHelper();

    /**
     * @brief Create the cell; aborts if users is 0 or not
     * 0 < MinDistance < CellRadius.
     * @param users number of UEs (> 0)
     * @param stream first random variable stream: the drop uses one, the
     *        uplink the following ones (EdgeInferenceCell::streamsUsed)
     * @return the cell
     */
    EdgeInferenceCell Create(uint32_t users, int64_t stream);

    /**
     * @brief Only the drop of Create: the BS node at the origin and the UE
     * nodes with their mobility, drawn from the same stream as Create
     * draws them (so another radio back end can use the same drop); no
     * devices, no Internet stack. Aborts as Create does.
     * @param users number of UEs (> 0)
     * @param stream the random variable stream of the drop
     * @return the cell, with bs and ues set only
     */
    EdgeInferenceCell Drop(uint32_t users, int64_t stream) const;

  private:
    double m_radius;            //!< cell radius (m)
    double m_minDistance;       //!< minimum UE distance from the BS (m)
    double m_ueSpeed;           //!< UE speed (m/s)
    OfdmaUplinkHelper m_uplink; //!< the uplink
};

} // namespace ns3

#endif /* EDGE_INFERENCE_CELL_HELPER_H */
