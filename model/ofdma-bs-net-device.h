/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef OFDMA_BS_NET_DEVICE_H
#define OFDMA_BS_NET_DEVICE_H

#include "edge-uplink-sap.h"
#include "ofdma-grant.h"
#include "ofdma-net-device.h"
#include "ofdma-rate-mapping.h"
#include "ofdma-spectrum-signal-parameters.h"

#include "ns3/event-id.h"
#include "ns3/random-variable-stream.h"
#include "ns3/spectrum-model.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{

class OfdmaBsPhy;
class OfdmaUeNetDevice;

/**
 * @ingroup edge-inference
 * @brief Uplink-only OFDMA BS device: receives the packets of its UEs and
 * passes them up its node's stack (a UDP socket on the BS node receives
 * them). It has no downlink: Send() refuses every packet (control and
 * results are carried ideally by the caller).
 *
 * The carrier is Bandwidth / ResourceBlockWidth resource blocks around
 * CarrierFrequency. The noise PSD is N0 = ThermalNoisePsd + NoiseFigure
 * (dB); the defaults, -174 dBm/Hz and 0 dB, give the manual's N0 exactly
 * (kT at 290 K is -173.98 dBm/Hz; -174 is the usual rounding).
 *
 * Link adaptation (ideal control): at the start of each
 * packet the UE asks ComputeLinkAdaptation(); the BS computes the SINR on
 * each granted block from the UE's transmit power, the channel gain it
 * knows (GetEstimatedGain: the gain now, or a sounding when CsiPeriod is
 * set) and the interference it measures now, and returns the
 * rate given by the RateMapping attribute (see OfdmaRateMapping): Shannon
 * with SnrGap, or an MCS from the table. At the end of the packet the PHY
 * reports the minimum SINR per block over the packet's duration:
 * - Shannon mode: the packet is dropped (RxDrop "sinr") when the Shannon
 *   rate at those minima is below the rate it was sent at (interference
 *   that appeared after the rate was chosen);
 * - MCS mode: the packet is dropped (RxDrop "bler") with the BLER of its
 *   MCS at the effective SINR of those minima, unless BlockErrors is false
 *   (an ideal, loss-free link at MCS-quantised rates).
 * Otherwise the Rx trace fires and the packet goes up the stack. Either
 * way the UE is told the outcome at once (ideal ARQ feedback), and
 * OfdmaUeNetDevice sends a lost packet again while its grant lasts, up to
 * its MaxRetransmissions. TargetBler makes link adaptation pick a lower MCS
 * than the thresholds' 10 % BLER would.
 *
 * The device is the back end of the scheduler host's uplink interface
 * (GetEdgeUplinkSapProvider, see EdgeUplinkSapProvider): it gives the
 * planner each UE's rate on 1..N blocks as link adaptation will choose it
 * (PlanLinkState: the same SINR computation with the interference the
 * planner cannot know left out, so the plan is exact in a single cell), and
 * it passes the planner's grants to its UEs.
 */
class OfdmaBsNetDevice : public OfdmaNetDevice
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    OfdmaBsNetDevice();
    ~OfdmaBsNetDevice() override;

    /**
     * TracedCallback signature of Rx.
     * @param packet the packet received
     * @param ue the sending UE's address
     * @param sinrDb effective SINR of the packet over its duration (dB)
     * @param rateBps the rate it was sent at (bit/s)
     */
    typedef void (*RxTracedCallback)(Ptr<const Packet> packet,
                                     const Address& ue,
                                     double sinrDb,
                                     double rateBps);
    /**
     * TracedCallback signature of RxDrop.
     * @param packet the packet lost
     * @param reason "sinr" or "bler"
     */
    typedef void (*RxDropTracedCallback)(Ptr<const Packet> packet, const std::string& reason);

    /**
     * @brief Channel power gain from a UE to this BS now, g_k of the
     * manual's *Uplink rate model*: path loss x fading x antenna gains, from
     * the channel's PropagationLossModel chain evaluated at the two mobility
     * models (the same steps SingleModelSpectrumChannel::StartTx applies to
     * a signal sent now; a SpectrumPropagationLossModel set on the channel
     * is not included). Aborts if either device has no PHY or no mobility
     * model.
     * @param ue a UE device (any, not only this BS's)
     * @return linear power gain (dimensionless)
     */
    double GetChannelGain(Ptr<const OfdmaUeNetDevice> ue) const;

    /**
     * @brief The channel gain the BS believes a UE has now: with CsiPeriod 0
     * the true gain (GetChannelGain); otherwise the latest sounding that is
     * at least CsiDelay old (each sounding is the true gain at a multiple of
     * CsiPeriod, times a log-normal error of CsiErrorStd dB). Link
     * adaptation and the planned rates use it. The first call starts the
     * soundings; a UE not sounded yet is measured at once. Aborts if
     * CsiDelay or CsiErrorStd is set without CsiPeriod.
     * @param ue a UE served by this BS
     * @return linear power gain
     */
    double GetEstimatedGain(Ptr<const OfdmaUeNetDevice> ue) const;

    /// @return noise PSD N0 (W/Hz), thermal noise times noise figure
    double GetNoisePsd() const;
    /// @return number of resource blocks of the carrier, Bandwidth /
    ///         ResourceBlockWidth (builds the carrier, freezing its attributes)
    uint32_t GetNResourceBlocks() const;
    /// @return width of one resource block (Hz)
    double GetResourceBlockWidth() const;
    /// @return total bandwidth (Hz)
    double GetBandwidth() const;
    /// @return carrier frequency (Hz)
    double GetCarrierFrequency() const;
    /// @return the UEs served by this BS, in order of attachment
    std::vector<Ptr<OfdmaUeNetDevice>> GetUes() const;
    /// @return the rate mapping in use
    OfdmaRateMapping::Mode GetRateMapping() const;

    /**
     * @brief Link adaptation for a transmission starting now.
     *
     * The SINR on each block is S / (N0 W + I_rb), with S the UE's transmit
     * power spread evenly over the nRbs blocks times GetEstimatedGain(), and
     * I_rb the interference the PHY measures now. The rate follows the
     * RateMapping attribute: Shannon with SnrGap, or the highest MCS whose
     * BLER at the effective SINR is at most TargetBler (MCS 0 if none;
     * OfdmaRateMapping::BlerTargetMarginDb). Aborts if the
     * blocks are empty or out of the carrier.
     *
     * @param ue a UE served by this BS
     * @param firstRb first granted block
     * @param nRbs number of granted blocks (>= 1)
     * @return rate (bit/s), effective SINR (dB) and MCS (-1 in Shannon mode)
     */
    OfdmaLinkAdaptation ComputeLinkAdaptation(Ptr<const OfdmaUeNetDevice> ue,
                                              uint32_t firstRb,
                                              uint32_t nRbs) const;

    /**
     * @brief What the planner is told about a UE: the rate of an n-block
     * grant for n = 1..GetNResourceBlocks(), from ComputeLinkAdaptation's
     * SINR without interference (none in a single cell, where grants are
     * disjoint), and 0 where no MCS meets TargetBler (MCS mode); every
     * rate is divided by 1 + AirtimeMargin. In Shannon mode without a
     * margin it also gives the closed form's noise PSD, N0 times the SNR
     * gap.
     * @param ue a UE served by this BS
     * @return the link state
     */
    EdgeUplinkLinkState PlanLinkState(Ptr<const OfdmaUeNetDevice> ue) const;

    /**
     * @brief The uplink interface of the scheduler host; EdgeInferenceHelper
     * passes it to the EdgeController it installs on this node.
     * @return the provider, owned by this device
     */
    EdgeUplinkSapProvider* GetEdgeUplinkSapProvider();

    /**
     * @brief Checks a grant for a UE of this BS without registering it.
     * @param ue the UE
     * @param grant the grant
     * @return an empty string if valid, otherwise why not (no block,
     *         blocks out of range, window empty or ending in the past, UE
     *         not served by this BS, overlap in time and blocks with another
     *         UE's grant of this BS)
     */
    std::string CheckGrant(Ptr<const OfdmaUeNetDevice> ue, const OfdmaGrant& grant) const;

    /**
     * @brief Records a grant of one of this BS's UEs (called by
     * OfdmaUeNetDevice::SetGrant); aborts with CheckGrant's reason if invalid.
     * @param ue the UE
     * @param grant the grant
     */
    void RegisterGrant(Ptr<const OfdmaUeNetDevice> ue, const OfdmaGrant& grant);

    /**
     * @brief Forgets the grants of a UE (when it leaves this BS), so that
     * they no longer block other UEs' grants.
     * @param ue the UE
     */
    void ForgetGrants(Ptr<const OfdmaUeNetDevice> ue);

    /// @return the PHY
    Ptr<OfdmaBsPhy> GetPhy() const;
    /**
     * @brief Sets the PHY and configures it from the attributes (carrier,
     * noise). Called by OfdmaUplinkHelper; the carrier attributes cannot
     * change afterwards.
     * @param phy the PHY
     */
    void SetPhy(Ptr<OfdmaBsPhy> phy);

    /// @return the carrier's spectrum model (built on first use, from which
    ///         on the carrier attributes cannot change)
    Ptr<const SpectrumModel> GetSpectrumModel() const;

    /// @param ue a UE that now has this BS as serving BS (called by the UE;
    ///        a UE already served is not added twice)
    void AddUe(Ptr<OfdmaUeNetDevice> ue);
    /// @param ue a UE that leaves this BS (called by the UE; its grants are
    ///        forgotten)
    void RemoveUe(Ptr<OfdmaUeNetDevice> ue);

    /**
     * @brief Assigns a fixed random variable stream number to the random
     * variables used by this device (the BLER draws).
     * @param stream first stream index to use
     * @return the number of stream indices assigned (1)
     */
    int64_t AssignStreams(int64_t stream);

    // NetDevice

    /**
     * @brief Gets the channel of the PHY.
     * @return the PHY's SpectrumChannel (null while there is no PHY)
     */
    Ptr<Channel> GetChannel() const override;

    /**
     * @brief Whether the link is up.
     * @return true once a PHY is set (no link change is notified then)
     */
    bool IsLinkUp() const override;

    /**
     * @brief No downlink: logs a warning and sends nothing.
     * @param packet the packet (not sent)
     * @param dest the destination address (only logged)
     * @param protocolNumber the protocol number (ignored)
     * @return false
     */
    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;

  private:
    /// The uplink interface forwards to the Do* methods below.
    friend class MemberEdgeUplinkSapProvider<OfdmaBsNetDevice>;

    /// Disposes the PHY, drops the UEs, the grants and the random variable,
    /// then calls OfdmaNetDevice::DoDispose().
    void DoDispose() override;

    /// @return GetNResourceBlocks() (EdgeUplinkSapProvider)
    uint32_t DoGetNResourceBlocks() const;
    /// @return GetResourceBlockWidth() (EdgeUplinkSapProvider)
    double DoGetResourceBlockWidth() const;
    /// @return 0: a UE transmits as its window opens (EdgeUplinkSapProvider)
    Time DoGetTransmissionDelay() const;
    /**
     * @brief EdgeUplinkSapProvider::GetLinkState.
     * @param ue a UE's address (aborts if it is not served here)
     * @return PlanLinkState() of that UE
     */
    EdgeUplinkLinkState DoGetLinkState(const Address& ue) const;
    /**
     * @brief EdgeUplinkSapProvider::Grant: the UE gets the grant.
     * @param ue a UE's address (aborts if it is not served here)
     * @param grant the grant (checked by the UE and this BS)
     */
    void DoGrant(const Address& ue, const OfdmaGrant& grant);
    /**
     * @param address a UE's address
     * @return the served UE with that address (aborts if none)
     */
    Ptr<OfdmaUeNetDevice> FindUe(const Address& address) const;
    /**
     * @brief The rate and MCS for per-block SINRs, by the RateMapping.
     * @param sinr linear SINR per granted block (non-empty)
     * @return rate (bit/s), effective SINR (dB) and MCS (-1 in Shannon mode)
     */
    OfdmaLinkAdaptation AdaptTo(const std::vector<double>& sinr) const;
    /**
     * @brief AdaptTo() on nRbs blocks of equal SINR, to the bit, with each
     * logarithm taken once (PlanLinkState asks it for every block count).
     * @param sinr linear SINR of every block
     * @param nRbs number of blocks (>= 1)
     * @return what AdaptTo(std::vector<double>(nRbs, sinr)) returns
     */
    OfdmaLinkAdaptation AdaptToFlat(double sinr, uint32_t nRbs) const;

    /// @return the MCS threshold back-off (dB) of the TargetBler attribute
    double McsMarginDb() const;

    /// @param ue a UE @return its gain now times the CSI error (a sounding)
    double MeasureGain(Ptr<const OfdmaUeNetDevice> ue) const;
    /// @param reports a UE's soundings (time, gain), oldest first: drops
    ///        those older than the latest one that is CsiDelay old
    void DropStaleReports(std::deque<std::pair<Time, double>>& reports) const;
    /// Sounds every UE and schedules the next sounding (const: the CSI is a
    /// cache of the channel, filled on demand by const queries).
    void Sound() const;

    /**
     * @brief End of a desired reception (from the PHY): drops the packet
     * (RxDrop "sinr" or "bler", see the class description) or fires Rx and
     * passes a copy of it up the stack; either way the sending UE gets its
     * ARQ feedback (OfdmaUeNetDevice::ReceiveArqFeedback).
     * @param params the signal
     * @param minSinr minimum SINR per block over its duration (linear)
     */
    void PhyRxEnd(Ptr<const OfdmaSpectrumSignalParameters> params,
                  const std::vector<double>& minSinr);

    /**
     * @brief Whether a reception fails, and why.
     * @param params the signal
     * @param minSinr minimum SINR per block over its duration (linear)
     * @param sinrDb effective SINR of minSinr (dB)
     * @return "" if decoded, else the RxDrop reason ("sinr" or "bler")
     */
    std::string DecodeFailure(const OfdmaSpectrumSignalParameters& params,
                              const std::vector<double>& minSinr,
                              double sinrDb) const;

    /// @param v bandwidth to check and set (Hz, finite and > 0; aborts
    ///        otherwise or once the carrier is frozen)
    void SetBandwidth(double v);
    /// @param v resource block width to check and set (Hz, finite and > 0;
    ///        aborts otherwise or once the carrier is frozen)
    void SetResourceBlockWidth(double v);
    /// @param v carrier frequency to check and set (Hz, finite and > 0;
    ///        aborts otherwise or once the carrier is frozen)
    void SetCarrierFrequency(double v);
    /// @param dbmPerHz thermal noise PSD (dBm/Hz); passed on to the PHY, if
    ///        any, as the new N0
    void SetThermalNoisePsd(double dbmPerHz);
    /// @return thermal noise PSD (dBm/Hz)
    double GetThermalNoisePsd() const;
    /// @param db noise figure (dB); passed on to the PHY, if any, as the new N0
    void SetNoiseFigure(double db);
    /// @return noise figure (dB)
    double GetNoiseFigure() const;
    /**
     * @brief Aborts if the carrier is already in use (its spectrum model is
     * built, so its attributes are frozen).
     * @param attribute name of the attribute being set, for the message
     */
    void CheckCarrierNotFrozen(const char* attribute) const;

    /// A registered grant on one block: end time and owner.
    struct BookedGrant
    {
        Time end;                   //!< end of the grant
        const OfdmaUeNetDevice* ue; //!< owner (identity only)
    };

    Ptr<OfdmaBsPhy> m_phy;                   //!< PHY
    double m_bandwidth;                      //!< Bandwidth attribute (Hz)
    double m_rbWidth;                        //!< ResourceBlockWidth attribute (Hz)
    double m_carrier;                        //!< CarrierFrequency attribute (Hz)
    double m_noiseFigureDb;                  //!< NoiseFigure attribute (dB)
    double m_thermalNoiseDbmHz;              //!< ThermalNoisePsd attribute (dBm/Hz)
    OfdmaRateMapping::Mode m_rateMapping;    //!< RateMapping attribute
    double m_snrGapDb;                       //!< SnrGap attribute (dB)
    double m_blerSlopeDb;                    //!< BlerSlope attribute (dB)
    bool m_blockErrors;                      //!< BlockErrors attribute
    double m_targetBler;                     //!< TargetBler attribute
    double m_airtimeMargin;                  //!< AirtimeMargin attribute (fraction)
    Time m_csiPeriod;                        //!< CsiPeriod attribute
    Time m_csiDelay;                         //!< CsiDelay attribute
    double m_csiErrorDb;                     //!< CsiErrorStd attribute (dB)
    Ptr<NormalRandomVariable> m_csiErrorRng; //!< CSI error draws (dB)
    mutable bool m_sounding;                 //!< whether the soundings have started
    mutable EventId m_soundEvent;            //!< next sounding
    /// soundings (time, gain) per UE, oldest first
    mutable std::map<const OfdmaUeNetDevice*, std::deque<std::pair<Time, double>>> m_soundings;
    mutable Ptr<const SpectrumModel> m_model; //!< carrier model, built on first use
    std::vector<Ptr<OfdmaUeNetDevice>> m_ues; //!< served UEs
    /// per block: registered grants by start time
    mutable std::vector<std::map<Time, BookedGrant>> m_book;
    Ptr<UniformRandomVariable> m_blerRng;                       //!< BLER draws
    std::unique_ptr<EdgeUplinkSapProvider> m_uplinkSapProvider; //!< the planner's interface

    TracedCallback<Ptr<const Packet>, const Address&, double, double> m_rxTrace; //!< Rx
    TracedCallback<Ptr<const Packet>, const std::string&> m_rxDropTrace;         //!< RxDrop
};

} // namespace ns3

#endif /* OFDMA_BS_NET_DEVICE_H */
