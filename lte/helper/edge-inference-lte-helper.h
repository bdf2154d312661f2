/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_INFERENCE_LTE_HELPER_H
#define EDGE_INFERENCE_LTE_HELPER_H

#include "ns3/edge-inference-scenario-runner.h"
#include "ns3/net-device-container.h"
#include "ns3/nstime.h"

namespace ns3
{

class LteEdgeUplink;
class LteHelper;
class PointToPointEpcHelper;

/**
 * @ingroup edge-inference
 * @brief Puts the edge-inference applications on ns-3's LTE and EPC.
 *
 * For an existing LTE scenario, three calls:
 *  - ConfigureLteHelper(lte) before the eNB is installed: the uplink MAC
 *    scheduler (EdgeInferenceFfMacScheduler) and RLC UM bearers;
 *  - InstallUplink(enbDevice, ueDevices) after the devices are installed
 *    and before they attach: SRS periodicity for the number of UEs, uplink
 *    power control off, and the back end (LteEdgeUplink) whose
 *    EdgeUplinkSapProvider goes to EdgeInferenceHelper::Install;
 *  - PrepareScenario() or the same attributes: grant messages 3 ms after
 *    the decision (with the back end's 4 ms transmission delay the first
 *    granted TTI starts 7 ms after the decision, the first one the
 *    scheduler can still grant after the decision: it decides 6 TTIs
 *    ahead), a 2 ms timing guard (TTI rounding, PDCP headers) and one
 *    packet per task.
 *
 * Build() makes a whole drop for RunEdgeInferenceScenarioOn(): the drop of
 * EdgeInferenceCellHelper (same stream, so the same positions as the
 * OFDMA back end), an eNB at the BS, an EPC with the edge server on a
 * remote host behind the PGW (100 Gb/s, no delay), static channels.
 */
class EdgeInferenceLteHelper
{
  public:
    EdgeInferenceLteHelper();
    ~EdgeInferenceLteHelper();

    /**
     * @brief Prepare an LteHelper before the eNB is installed.
     *
     * The RLC choice and the RLC buffer are attribute defaults
     * (Config::SetDefault), as the RRC and RLC objects are made later:
     * ns3::LteEnbRrc::EpsBearerToRlcMapping RLC_UM_ALWAYS, and
     * ns3::LteRlcUm::MaxTxBufferSize 1 MiB, so that queued tasks are not
     * dropped by the RLC.
     * @param lte the helper
     */
    static void ConfigureLteHelper(Ptr<LteHelper> lte);

    /**
     * @brief Set up the uplink of an installed cell, before its UEs attach.
     *
     * Aborts above 160 UEs (SrsPeriodicityFor)
     * or the eNB does not use EdgeInferenceFfMacScheduler.
     * @param enbDevice the eNB device
     * @param ueDevices the UE devices
     * @return the back end
     */
    static Ptr<LteEdgeUplink> InstallUplink(Ptr<NetDevice> enbDevice, NetDeviceContainer ueDevices);

    /**
     * @brief The SRS periodicity for a number of UEs: the smallest of
     * ns-3's values (2, 5, 10, 20, 40, 80, 160, 320 ms) that is at least
     * twice the UEs. A period of one index per UE is not enough when the
     * UEs attach together: measured with ns-3.37, 5 UEs at 5 ms and 10 at
     * 10 ms stop the eNB's RRC ("method unexpected in state") during
     * random access, while at twice the UEs they attach. Aborts above
     * 160 UEs.
     * @param ues the number of UEs
     * @return the periodicity in ms
     */
    static uint32_t SrsPeriodicityFor(uint32_t ues);

    /**
     * @brief Add the LTE settings to a scenario: control channel
     * GrantDelay 3 ms, controller TimingGuard 2 ms and client SegmentSize
     * 29952 bytes (appended, so they win over earlier entries).
     * @param s the scenario
     */
    static void PrepareScenario(EdgeInferenceScenario& s);

    /**
     * @brief Build the LTE network of a drop.
     *
     * Aborts, naming the field, if the frame period is not a whole number
     * of 1 ms TTIs, the bandwidth is not an LTE bandwidth (6, 15, 25, 50,
     * 75 or 100 blocks of 180 kHz), the resource-block width is not
     * 180 kHz, the noise PSD is below -174 dBm/Hz (the eNB noise figure is
     * the difference), fading or UE speed is on, or there are more than
     * 160 users.
     * @param s the scenario
     * @return the network; this helper keeps the LTE objects for the run
     */
    EdgeInferenceNetwork Build(const EdgeInferenceScenario& s);

    /**
     * @brief How long the applications wait for the UEs to attach and be
     * sounded: 100 ms for random access and RRC set-up, then two SRS
     * periods.
     * @param ues the number of UEs
     * @return the time
     */
    static Time AttachTime(uint32_t ues);

  private:
    Ptr<LteHelper> m_lte;             //!< the LTE helper of the last Build
    Ptr<PointToPointEpcHelper> m_epc; //!< its EPC
    Ptr<LteEdgeUplink> m_uplink;      //!< its back end
};

} // namespace ns3

#endif /* EDGE_INFERENCE_LTE_HELPER_H */
