/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef OFDMA_NET_DEVICE_H
#define OFDMA_NET_DEVICE_H

#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/traced-callback.h"

namespace ns3
{

/**
 * \ingroup edge-inference
 * \brief Base class of the OFDMA uplink devices (OfdmaUeNetDevice,
 * OfdmaBsNetDevice), like LteNetDevice for the LTE devices: the NetDevice
 * state and behaviour the two share.
 *
 * Both devices have a Mac48Address, no ARP (every UE packet goes to its
 * serving BS), announce broadcast and multicast support to the Internet
 * stack (the addresses are accepted; delivery is uplink only), are neither
 * bridges nor point-to-point links and do not support SendFrom(). The
 * subclasses provide Send(), GetChannel() (their PHY's channel) and
 * IsLinkUp().
 */
class OfdmaNetDevice : public NetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    OfdmaNetDevice();
    ~OfdmaNetDevice() override;

    // NetDevice
    void SetIfIndex(const uint32_t index) override;
    uint32_t GetIfIndex() const override;
    void SetAddress(Address address) override;
    Address GetAddress() const override;
    bool SetMtu(const uint16_t mtu) override;
    uint16_t GetMtu() const override;
    void AddLinkChangeCallback(Callback<void> callback) override;
    bool IsBroadcast() const override;
    Address GetBroadcast() const override;
    bool IsMulticast() const override;
    Address GetMulticast(Ipv4Address multicastGroup) const override;
    Address GetMulticast(Ipv6Address addr) const override;
    bool IsBridge() const override;
    bool IsPointToPoint() const override;
    /// Not supported (SupportsSendFrom() is false): logs, returns false.
    bool SendFrom(Ptr<Packet> packet,
                  const Address& source,
                  const Address& dest,
                  uint16_t protocolNumber) override;
    Ptr<Node> GetNode() const override;
    void SetNode(Ptr<Node> node) override;
    bool NeedsArp() const override;
    void SetReceiveCallback(NetDevice::ReceiveCallback cb) override;
    void SetPromiscReceiveCallback(PromiscReceiveCallback cb) override;
    bool SupportsSendFrom() const override;

  protected:
    void DoDispose() override;

    /// Calls the callbacks added by AddLinkChangeCallback().
    void NotifyLinkChange();

    /**
     * \brief Passes a received packet up: to the promiscuous receive
     * callback (as PACKET_HOST, to this device's address), then to the
     * receive callback, each if set.
     * \param packet the packet
     * \param protocol its protocol number
     * \param from the sender's address
     */
    void ForwardUp(Ptr<Packet> packet, uint16_t protocol, const Address& from);

  private:
    Ptr<Node> m_node;                                      //!< node
    Mac48Address m_address;                                //!< MAC address
    uint32_t m_ifIndex;                                    //!< interface index
    uint16_t m_mtu;                                        //!< Mtu attribute (bytes)
    NetDevice::ReceiveCallback m_rxCallback;               //!< up the stack
    NetDevice::PromiscReceiveCallback m_promiscRxCallback; //!< promiscuous taps
    TracedCallback<> m_linkChanges;                        //!< link change callbacks
};

} // namespace ns3

#endif /* OFDMA_NET_DEVICE_H */
