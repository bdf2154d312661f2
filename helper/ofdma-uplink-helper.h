/*
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
 * \ingroup edge-inference
 * \brief Builds an OFDMA uplink: one SpectrumChannel, BS devices
 * (OfdmaBsNetDevice + OfdmaBsPhy) and UE devices (OfdmaUeNetDevice +
 * OfdmaUePhy), in the style of LteHelper.
 *
 * Defaults give model.md section 7's scenario: a SingleModelSpectrumChannel
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
 * \code
 *   OfdmaUplinkHelper uplink;
 *   NetDeviceContainer bsDevs = uplink.InstallBs(bsNodes);
 *   NetDeviceContainer ueDevs = uplink.InstallUe(ueNodes, bsDevs.Get(0));
 *   uplink.AssignStreams(bsDevs, 100);
 *   // InternetStackHelper + Ipv4AddressHelper on bsDevs and ueDevs, then
 *   // DynamicCast<OfdmaUeNetDevice>(ueDevs.Get(i))->SetGrant(...)
 * \endcode
 */
class OfdmaUplinkHelper
{
  public:
    OfdmaUplinkHelper();
    ~OfdmaUplinkHelper();

    /**
     * \param type SpectrumChannel TypeId name (default
     *        "ns3::SingleModelSpectrumChannel")
     */
    void SetChannelType(std::string type);
    /**
     * \param n attribute name
     * \param v attribute value
     */
    void SetChannelAttribute(std::string n, const AttributeValue& v);
    /**
     * \param type PropagationLossModel TypeId name of the path loss (default
     *        "ns3::LogDistancePropagationLossModel", configured as above)
     */
    void SetPathLossModelType(std::string type);
    /**
     * \param n attribute name
     * \param v attribute value
     */
    void SetPathLossModelAttribute(std::string n, const AttributeValue& v);
    /**
     * \param type PropagationLossModel TypeId name of the fading model,
     *        chained after the path loss (default
     *        "ns3::RayleighBlockFadingLossModel")
     */
    void SetFadingModelType(std::string type);
    /**
     * \param n attribute name
     * \param v attribute value
     */
    void SetFadingModelAttribute(std::string n, const AttributeValue& v);
    /// \param enable whether the fading model is chained (default true)
    void EnableFading(bool enable);
    /**
     * \param type PropagationDelayModel TypeId name (default
     *        "ns3::ConstantSpeedPropagationDelayModel"; "" for none)
     */
    void SetPropagationDelayModelType(std::string type);
    /**
     * \param n attribute name
     * \param v attribute value (OfdmaBsNetDevice attribute)
     */
    void SetBsDeviceAttribute(std::string n, const AttributeValue& v);
    /**
     * \param n attribute name
     * \param v attribute value (OfdmaUeNetDevice attribute)
     */
    void SetUeDeviceAttribute(std::string n, const AttributeValue& v);

    /**
     * \brief Installs a BS device on each node and attaches its PHY to the
     * channel as a receiver.
     * \param bsNodes nodes with a MobilityModel
     * \return the OfdmaBsNetDevices
     */
    NetDeviceContainer InstallBs(NodeContainer bsNodes);

    /**
     * \brief Installs a UE device on each node, served by servingBs.
     * \param ueNodes nodes with a MobilityModel
     * \param servingBs an OfdmaBsNetDevice installed by this helper
     * \return the OfdmaUeNetDevices
     */
    NetDeviceContainer InstallUe(NodeContainer ueNodes, Ptr<NetDevice> servingBs);

    /**
     * \brief Assigns fixed random variable streams: each BS device's BLER
     * draws and, once, the channel's loss models (fading).
     * \param devices devices installed by this helper (others are skipped)
     * \param stream first stream index
     * \return the number of stream indices used
     */
    int64_t AssignStreams(NetDeviceContainer devices, int64_t stream);

    /// Enables the log components of the OFDMA uplink classes.
    void EnableLogComponents();

    /// \return the channel (created on first use)
    Ptr<SpectrumChannel> GetChannel();
    /// \return the path loss model (head of the chain; created on first use)
    Ptr<PropagationLossModel> GetPathLossModel();
    /// \return the fading model (null when fading is disabled)
    Ptr<PropagationLossModel> GetFadingModel();

  private:
    /// Creates the channel and the loss models once.
    void CreateChannel();
    /// \param what the setting being changed; aborts if the channel exists
    void CheckNotCreated(const char* what) const;

    ObjectFactory m_channelFactory;       //!< channel factory
    ObjectFactory m_pathLossFactory;      //!< path loss factory
    ObjectFactory m_fadingFactory;        //!< fading factory
    ObjectFactory m_delayFactory;         //!< delay model factory
    ObjectFactory m_bsDeviceFactory;      //!< BS device factory
    ObjectFactory m_ueDeviceFactory;      //!< UE device factory
    bool m_fadingEnabled;                 //!< chain the fading model
    bool m_delayEnabled;                  //!< set a propagation delay model
    Ptr<SpectrumChannel> m_channel;       //!< the channel
    Ptr<PropagationLossModel> m_pathLoss; //!< path loss model
    Ptr<PropagationLossModel> m_fading;   //!< fading model (or null)
    bool m_streamsAssignedToChannel;      //!< loss model streams assigned
};

} // namespace ns3

#endif /* OFDMA_UPLINK_HELPER_H */
