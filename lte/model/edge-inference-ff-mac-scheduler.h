/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_INFERENCE_FF_MAC_SCHEDULER_H
#define EDGE_INFERENCE_FF_MAC_SCHEDULER_H

#include "ns3/ff-mac-csched-sap.h"
#include "ns3/ff-mac-sched-sap.h"
#include "ns3/ff-mac-scheduler.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <vector>

namespace ns3
{

class LteAmc;

/**
 * @ingroup edge-inference
 * @brief An LTE MAC scheduler that grants the uplink as the edge
 * controller planned it.
 *
 * The edge controller's plan gives each served UE a contiguous range of
 * uplink resource blocks for a time window (AddPlannedGrant, called through
 * LteEdgeUplink). In every TTI whose transmission lies wholly inside a
 * window the UE gets exactly those blocks (contiguous, as LTE's uplink
 * requires), at the MCS of the uplink link adaptation rule
 * (edgeinference::LteUplinkAdapt) from the UE's latest SRS SINR, whether or
 * not it has reported data: the blocks are the UE's for the window, so a
 * grant the UE cannot fill costs nobody anything.
 *
 * Per TTI the uplink is filled in this order:
 *  1. the blocks of the message-3 grants that random access responses have
 *     promised;
 *  2. HARQ retransmissions: a transport block the eNB could not decode is
 *     granted again, non-adaptively (same blocks and MCS), HARQ_PERIOD TTIs
 *     later, at most MaxUlRetransmissions times;
 *  3. the planned grants;
 *  4. UEs that have never had a planned grant (still attaching: their RRC
 *     signalling) by their buffer status reports, on free blocks.
 *
 * The downlink (signalling and results) and the random access responses
 * are left to an ordinary ns-3 scheduler object of type DownlinkScheduler
 * (round robin by default), to which this object forwards every downlink
 * primitive; its uplink primitives are not forwarded, so it never grants
 * the uplink.
 *
 * Needs SRS uplink CQIs (UlCqiFilter SRS_UL_CQI, ns-3's default) and a
 * single cell with uplink power control off (LteEdgeUplink checks this).
 */
class EdgeInferenceFfMacScheduler : public FfMacScheduler
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    EdgeInferenceFfMacScheduler();
    ~EdgeInferenceFfMacScheduler() override;

    /// @param s the MAC's CSCHED SAP (also the downlink scheduler's)
    void SetFfMacCschedSapUser(FfMacCschedSapUser* s) override;
    /// @param s the MAC's SCHED SAP
    void SetFfMacSchedSapUser(FfMacSchedSapUser* s) override;
    /// @return this scheduler's CSCHED SAP
    FfMacCschedSapProvider* GetFfMacCschedSapProvider() override;
    /// @return this scheduler's SCHED SAP
    FfMacSchedSapProvider* GetFfMacSchedSapProvider() override;
    /// @param s the FFR algorithm's SAP, passed to the downlink scheduler
    void SetLteFfrSapProvider(LteFfrSapProvider* s) override;
    /// @return the downlink scheduler's FFR SAP
    LteFfrSapUser* GetLteFfrSapUser() override;

    /**
     * @brief Reserve uplink blocks for a UE over a time window.
     *
     * Aborts if the range leaves the uplink band or the window is empty.
     * @param rnti the UE
     * @param firstRb first block of the range
     * @param nRbs number of blocks (>= 1)
     * @param start the window opens (absolute simulation time)
     * @param end the window closes; a TTI is granted when its transmission
     *        lies in [start, end)
     */
    void AddPlannedGrant(uint16_t rnti, uint32_t firstRb, uint32_t nRbs, Time start, Time end);

    /**
     * @brief The smallest SRS SINR over the band the eNB last measured for
     * a UE.
     * @param rnti the UE
     * @return the SINR (linear); 0 if none has been measured yet
     */
    double GetUplinkSrsSinr(uint16_t rnti) const;

    /**
     * @brief The uplink band.
     * @return the number of uplink resource blocks (0 before the cell is
     *         configured)
     */
    uint32_t GetUlBandwidth() const;

    /**
     * @brief The AMC tables this scheduler uses.
     * @return the LteAmc object
     */
    Ptr<LteAmc> GetAmc() const;

    /**
     * @brief TTIs from an uplink scheduling decision to the TTI in which
     * the UE transmits what it grants, as ns-3's LTE (3.37) times it: the
     * DCI reaches the UE's MAC 2 subframes after the decision, which
     * builds the transport block then and sends it UL_PUSCH_TTIS_DELAY
     * (4) TTIs later. Measured; the test suite edge-inference-lte checks
     * that the first grant of a window carries the first data.
     */
    static constexpr uint32_t kGrantToTransmissionTtis = 6;

    /**
     * TracedCallback signature for uplink grants.
     * @param [in] rnti the UE
     * @param [in] rbStart first block
     * @param [in] rbLen number of blocks
     * @param [in] mcs the MCS
     * @param [in] tbBytes transport block size (bytes)
     * @param [in] retransmission true for a HARQ retransmission
     */
    typedef void (*UlGrantTracedCallback)(uint16_t rnti,
                                          uint8_t rbStart,
                                          uint8_t rbLen,
                                          uint8_t mcs,
                                          uint16_t tbBytes,
                                          bool retransmission);

    /**
     * TracedCallback signature for uplink HARQ NACKs.
     * @param [in] rnti the UE whose transport block failed
     */
    typedef void (*RntiTracedCallback)(uint16_t rnti);

  protected:
    /// Release the SAPs and the downlink scheduler.
    void DoDispose() override;
    /// Create the downlink scheduler (aborts if DownlinkScheduler is not an
    /// ns-3 FfMacScheduler or is this type).
    void NotifyConstructionCompleted() override;

  private:
    friend class MemberCschedSapProvider<EdgeInferenceFfMacScheduler>;
    friend class MemberSchedSapProvider<EdgeInferenceFfMacScheduler>;
    class DownlinkIndications;

    /// Uplink HARQ processes per UE (synchronous HARQ, FDD).
    static constexpr uint8_t kUlHarqProcesses = 8;

    /// One reserved range of blocks over a window.
    struct PlannedGrant
    {
        uint32_t firstRb; //!< first block
        uint32_t nRbs;    //!< blocks
        Time start;       //!< window opens
        Time end;         //!< window closes
    };

    /// What the uplink HARQ keeps of one UE.
    struct UlHarqState
    {
        uint8_t currentProcess{0};                               //!< this TTI's process
        std::array<UlDciListElement_s, kUlHarqProcesses> dci{};  //!< last DCI per process
        std::array<uint8_t, kUlHarqProcesses> retransmissions{}; //!< per process
    };

    // CSCHED SAP
    /// @param params the cell configuration
    void DoCschedCellConfigReq(const FfMacCschedSapProvider::CschedCellConfigReqParameters& params);
    /// @param params the UE configuration
    void DoCschedUeConfigReq(const FfMacCschedSapProvider::CschedUeConfigReqParameters& params);
    /// @param params the logical channel configuration
    void DoCschedLcConfigReq(const FfMacCschedSapProvider::CschedLcConfigReqParameters& params);
    /// @param params the logical channel release
    void DoCschedLcReleaseReq(const FfMacCschedSapProvider::CschedLcReleaseReqParameters& params);
    /// @param params the UE release
    void DoCschedUeReleaseReq(const FfMacCschedSapProvider::CschedUeReleaseReqParameters& params);

    // SCHED SAP
    /// @param params the RLC buffer status (downlink)
    void DoSchedDlRlcBufferReq(const FfMacSchedSapProvider::SchedDlRlcBufferReqParameters& params);
    /// @param params paging (downlink)
    void DoSchedDlPagingBufferReq(
        const FfMacSchedSapProvider::SchedDlPagingBufferReqParameters& params);
    /// @param params MAC control elements (downlink)
    void DoSchedDlMacBufferReq(const FfMacSchedSapProvider::SchedDlMacBufferReqParameters& params);
    /// @param params the downlink trigger of a subframe
    void DoSchedDlTriggerReq(const FfMacSchedSapProvider::SchedDlTriggerReqParameters& params);
    /// @param params random access preambles
    void DoSchedDlRachInfoReq(const FfMacSchedSapProvider::SchedDlRachInfoReqParameters& params);
    /// @param params downlink CQIs
    void DoSchedDlCqiInfoReq(const FfMacSchedSapProvider::SchedDlCqiInfoReqParameters& params);
    /// @param params the uplink trigger of a subframe, with HARQ feedback
    void DoSchedUlTriggerReq(const FfMacSchedSapProvider::SchedUlTriggerReqParameters& params);
    /// @param params noise and interference (unused)
    void DoSchedUlNoiseInterferenceReq(
        const FfMacSchedSapProvider::SchedUlNoiseInterferenceReqParameters& params);
    /// @param params scheduling requests (unused: BSRs follow)
    void DoSchedUlSrInfoReq(const FfMacSchedSapProvider::SchedUlSrInfoReqParameters& params);
    /// @param params MAC control elements (buffer status reports)
    void DoSchedUlMacCtrlInfoReq(
        const FfMacSchedSapProvider::SchedUlMacCtrlInfoReqParameters& params);
    /// @param params uplink CQIs (SRS)
    void DoSchedUlCqiInfoReq(const FfMacSchedSapProvider::SchedUlCqiInfoReqParameters& params);

    /**
     * @brief Note the message-3 grants of random access responses and pass
     * the downlink decision to the MAC.
     * @param params the downlink decision of the downlink scheduler
     */
    void OnDownlinkDecision(const FfMacSchedSapUser::SchedDlConfigIndParameters& params);

    /**
     * @brief Grant the HARQ retransmissions the feedback asks for.
     * @param feedback the uplink HARQ feedback of this TTI
     * @param owner the owner (RNTI, 0 free) of each block, updated
     * @param ret the decision, extended
     */
    void GrantRetransmissions(const std::vector<UlInfoListElement_s>& feedback,
                              std::vector<uint16_t>& owner,
                              FfMacSchedSapUser::SchedUlConfigIndParameters& ret);
    /**
     * @brief Grant the planned ranges whose windows hold the transmission.
     * @param txStart the start of the TTI being granted
     * @param owner the owner of each block, updated
     * @param ret the decision, extended
     */
    void GrantPlanned(Time txStart,
                      std::vector<uint16_t>& owner,
                      FfMacSchedSapUser::SchedUlConfigIndParameters& ret);
    /**
     * @brief Grant free blocks to UEs without a plan that report data.
     * @param owner the owner of each block, updated
     * @param ret the decision, extended
     */
    void GrantUnplanned(std::vector<uint16_t>& owner,
                        FfMacSchedSapUser::SchedUlConfigIndParameters& ret);
    /**
     * @brief Build a new-data DCI and keep it for HARQ.
     * @param rnti the UE
     * @param firstRb first block
     * @param nRbs blocks
     * @param owner the owner of each block, updated
     * @param ret the decision, extended; nothing is added when the UE's
     *        SINR allows no MCS
     * @return the transport block size (bytes), 0 if nothing was granted
     */
    uint16_t AddNewDci(uint16_t rnti,
                       uint32_t firstRb,
                       uint32_t nRbs,
                       std::vector<uint16_t>& owner,
                       FfMacSchedSapUser::SchedUlConfigIndParameters& ret);
    /**
     * @param owner the owner of each block
     * @param firstRb first block
     * @param nRbs blocks
     * @return true when all the blocks are free
     */
    static bool AllFree(const std::vector<uint16_t>& owner, uint32_t firstRb, uint32_t nRbs);

    FfMacCschedSapUser* m_cschedSapUser;                 //!< the MAC's CSCHED SAP
    FfMacSchedSapUser* m_schedSapUser;                   //!< the MAC's SCHED SAP
    FfMacCschedSapProvider* m_cschedSapProvider;         //!< our CSCHED SAP
    FfMacSchedSapProvider* m_schedSapProvider;           //!< our SCHED SAP
    std::unique_ptr<DownlinkIndications> m_downlinkUser; //!< the DL scheduler's view of the MAC

    TypeId m_downlinkType;          //!< attribute DownlinkScheduler
    Ptr<FfMacScheduler> m_downlink; //!< the downlink scheduler
    bool m_harqEnabled;             //!< attribute HarqEnabled
    uint8_t m_maxRetransmissions;   //!< attribute MaxUlRetransmissions
    Ptr<LteAmc> m_amc;              //!< the AMC tables

    uint32_t m_ulBandwidth;               //!< uplink blocks
    std::map<uint16_t, double> m_srsSinr; //!< per UE, linear, band minimum
    std::map<uint16_t, std::deque<PlannedGrant>>
        m_planned;                              //!< per UE ever planned (until released)
    std::map<uint16_t, uint32_t> m_bufferBytes; //!< per UE, from BSRs
    std::map<uint16_t, UlHarqState> m_harq;     //!< per UE
    std::vector<std::pair<uint32_t, uint32_t>> m_msg3Ranges; //!< blocks promised to message 3

    /// Every uplink grant.
    TracedCallback<uint16_t, uint8_t, uint8_t, uint8_t, uint16_t, bool> m_ulGrantTrace;
    /// Every uplink HARQ NACK (RNTI).
    TracedCallback<uint16_t> m_ulNackTrace;
};

} // namespace ns3

#endif /* EDGE_INFERENCE_FF_MAC_SCHEDULER_H */
