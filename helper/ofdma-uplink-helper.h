/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef OFDMA_UPLINK_HELPER_H
#define OFDMA_UPLINK_HELPER_H

#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/propagation-loss-model.h"
#include "ns3/spectrum-channel.h"

#include <string>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Builds an OFDMA uplink: one SpectrumChannel, BS devices
 * (OfdmaBsNetDevice + OfdmaBsPhy) and UE devices (OfdmaUeNetDevice +
 * OfdmaUePhy), in the style of LteHelper.
 *
 * Defaults give the manual's *Default scenario*: a SingleModelSpectrumChannel
 * with path loss 128.1 + 37.6 log10(d / km) dB (ns-3's
 * LogDistancePropagationLossModel with ReferenceDistance 1 m,
 * ReferenceLoss 15.3 dB, Exponent 3.76: 15.3 + 37.6 log10(d / m) is the same
 * formula; it is constant below 1 m), Rayleigh block fading
 * (RayleighBlockFadingLossModel chained after it), speed-of-light delay,
 * 23 dBm UEs, -174 dBm/Hz noise, 1 MHz of 10 kHz blocks at 2 GHz.
 *
 * Every node needs a MobilityModel before Install. The channel and its
 * loss models are created on first use (GetChannel or Install) from the
 * factories set so far; changing the channel, path loss or fading
 * configuration afterwards aborts.
 *
 * Usage:
 * @code
 *   OfdmaUplinkHelper uplink;
 *   NetDeviceContainer bsDevs = uplink.InstallBs(bsNodes);
 *   NetDeviceContainer ueDevs = uplink.InstallUe(ueNodes, bsDevs.Get(0));
 *   uplink.AssignStreams(bsDevs, 100);
 *   // InternetStackHelper + Ipv4AddressHelper on bsDevs and ueDevs, then
 *   // DynamicCast<OfdmaUeNetDevice>(ueDevs.Get(i))->SetGrant(...)
 * @endcode
 */
class OfdmaUplinkHelper
{
  public:
    /// Create a helper with the defaults described above; no channel yet.
    OfdmaUplinkHelper();
    /// Destructor.
    ~OfdmaUplinkHelper();

    /**
     * @brief Set the channel type; aborts if the channel exists.
     * @param type SpectrumChannel TypeId name (default
     *        "ns3::SingleModelSpectrumChannel")
     */
    void SetChannelType(std::string type);
    /**
     * @brief Set a channel attribute; aborts if the channel exists.
     * @param n SpectrumChannel attribute name
     * @param v attribute value
     */
    void SetChannelAttribute(std::string n, const AttributeValue& v);
    /**
     * @brief Replace the path loss model; the default's Exponent,
     * ReferenceDistance and ReferenceLoss settings are dropped. Aborts if the
     * channel exists.
     * @param type PropagationLossModel TypeId name of the path loss (default
     *        "ns3::LogDistancePropagationLossModel", configured as above)
     */
    void SetPathLossModelType(std::string type);
    /**
     * @brief Set a path loss model attribute; aborts if the channel exists.
     * @param n PropagationLossModel attribute name
     * @param v attribute value
     */
    void SetPathLossModelAttribute(std::string n, const AttributeValue& v);
    /**
     * @brief Replace the fading model (its attributes set before are
     * dropped) and enable fading. Aborts if the channel exists.
     * @param type PropagationLossModel TypeId name of the fading model,
     *        chained after the path loss (default
     *        "ns3::RayleighBlockFadingLossModel")
     */
    void SetFadingModelType(std::string type);
    /**
     * @brief Set a fading model attribute (e.g. CoherenceTime); aborts if
     * the channel exists.
     * @param n attribute name of the fading model
     * @param v attribute value
     */
    void SetFadingModelAttribute(std::string n, const AttributeValue& v);
    /**
     * @brief Enable or disable fading; aborts if the channel exists.
     * @param enable whether the fading model is chained (default true)
     */
    void EnableFading(bool enable);
    /**
     * @brief Set the propagation delay model; aborts if the channel exists.
     * @param type PropagationDelayModel TypeId name (default
     *        "ns3::ConstantSpeedPropagationDelayModel"; "" for none)
     */
    void SetPropagationDelayModelType(std::string type);
    /**
     * @brief Set an attribute of the BS devices created by later InstallBs
     * calls (e.g. Bandwidth in Hz, ResourceBlockWidth in Hz,
     * ThermalNoisePsd in dBm/Hz).
     * @param n OfdmaBsNetDevice attribute name
     * @param v attribute value
     */
    void SetBsDeviceAttribute(std::string n, const AttributeValue& v);
    /**
     * @brief Set an attribute of the UE devices created by later InstallUe
     * calls (e.g. TxPower in dBm).
     * @param n OfdmaUeNetDevice attribute name
     * @param v attribute value
     */
    void SetUeDeviceAttribute(std::string n, const AttributeValue& v);

    /**
     * @brief Installs a BS device on each node and attaches its PHY to the
     * channel as a receiver; creates the channel if needed. Aborts if a node
     * has no MobilityModel.
     * @param bsNodes nodes with a MobilityModel
     * @return the OfdmaBsNetDevices, in node order
     */
    NetDeviceContainer InstallBs(NodeContainer bsNodes);

    /**
     * @brief Installs a UE device on each node, served by servingBs; the UE
     * PHYs only transmit (they are not receivers on the channel). Aborts if
     * servingBs was not installed by this helper or a node has no
     * MobilityModel.
     * @param ueNodes nodes with a MobilityModel
     * @param servingBs an OfdmaBsNetDevice installed by this helper
     * @return the OfdmaUeNetDevices, in node order
     */
    NetDeviceContainer InstallUe(NodeContainer ueNodes, Ptr<NetDevice> servingBs);

    /**
     * @brief Assigns fixed random variable streams: on the first call, the
     * channel's loss model chain (fading), then each BS device's BLER draws.
     * UE devices draw nothing and are skipped, like devices of other types.
     * @param devices devices installed by this helper
     * @param stream first stream index
     * @return the number of stream indices used by this call
     */
    int64_t AssignStreams(NetDeviceContainer devices, int64_t stream);

    /// Enables the log components of the OFDMA uplink classes (LOG_LEVEL_ALL).
    void EnableLogComponents();

    /// @return the channel (created on first use)
    Ptr<SpectrumChannel> GetChannel();
    /// @return the path loss model (head of the chain; created on first use)
    Ptr<PropagationLossModel> GetPathLossModel();
    /// @return the fading model (created on first use; null when fading is disabled)
    Ptr<PropagationLossModel> GetFadingModel();

  private:
    /// Creates the channel and the loss models once.
    void CreateChannel();
    /**
     * @brief Aborts, naming the setting, if the channel exists already.
     * @param what the setting being changed (the method's name)
     */
    void CheckNotCreated(const char* what) const;

    ObjectFactory m_channelFactory;       //!< channel factory
    ObjectFactory m_pathLossFactory;      //!< path loss factory
    ObjectFactory m_fadingFactory;        //!< fading factory
    ObjectFactory m_delayFactory;         //!< delay model factory
    ObjectFactory m_bsDeviceFactory;      //!< BS device factory
    ObjectFactory m_ueDeviceFactory;      //!< UE device factory
    bool m_fadingEnabled;                 //!< chain the fading model
    bool m_delayEnabled;                  //!< set a propagation delay model
    Ptr<SpectrumChannel> m_channel;       //!< the channel (null until created)
    Ptr<PropagationLossModel> m_pathLoss; //!< path loss model (head of the loss chain)
    Ptr<PropagationLossModel> m_fading;   //!< fading model (or null)
    bool m_streamsAssignedToChannel;      //!< loss model streams assigned
};

} // namespace ns3

#endif /* OFDMA_UPLINK_HELPER_H */
