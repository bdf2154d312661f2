/*
 * Copyright (c) 2026 The edge-inference module authors
 *
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
 * @ingroup edge-inference
 * @brief Base class of the OFDMA uplink devices (OfdmaUeNetDevice,
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
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    OfdmaNetDevice();
    ~OfdmaNetDevice() override;

    // NetDevice

    /**
     * @brief Stores the interface index (Node::AddDevice sets it).
     * @param index the device's index on its node
     */
    void SetIfIndex(const uint32_t index) override;

    /**
     * @brief Gets the interface index.
     * @return the device's index on its node (0 until set)
     */
    uint32_t GetIfIndex() const override;

    /**
     * @brief Sets the device's MAC address.
     * @param address a Mac48Address (converted with Mac48Address::ConvertFrom)
     */
    void SetAddress(Address address) override;

    /**
     * @brief Gets the device's MAC address.
     * @return the Mac48Address, as an Address
     */
    Address GetAddress() const override;

    /**
     * @brief Sets the MTU announced to the upper layers (the Mtu attribute).
     *
     * The value is only announced: the device itself never checks a packet
     * against it.
     *
     * @param mtu the MTU (bytes)
     * @return true (always accepted)
     */
    bool SetMtu(const uint16_t mtu) override;

    /**
     * @brief Gets the MTU announced to the upper layers.
     * @return the MTU (bytes; 1500 by default)
     */
    uint16_t GetMtu() const override;

    /**
     * @brief Adds a callback invoked whenever the link state may have
     * changed (see NotifyLinkChange()).
     * @param callback the callback to add
     */
    void AddLinkChangeCallback(Callback<void> callback) override;

    /**
     * @brief Whether the device announces broadcast support.
     * @return true (the stack may use broadcast addresses; the device still
     *         sends uplink only)
     */
    bool IsBroadcast() const override;

    /**
     * @brief Gets the broadcast address.
     * @return the Mac48Address broadcast address ff:ff:ff:ff:ff:ff
     */
    Address GetBroadcast() const override;

    /**
     * @brief Whether the device announces multicast support.
     * @return true (the stack may use multicast addresses; the device still
     *         sends uplink only)
     */
    bool IsMulticast() const override;

    /**
     * @brief Maps an IPv4 multicast group to a MAC address.
     * @param multicastGroup the IPv4 multicast group
     * @return the Mac48Address multicast address of the group
     */
    Address GetMulticast(Ipv4Address multicastGroup) const override;

    /**
     * @brief Maps an IPv6 multicast address to a MAC address.
     * @param addr the IPv6 multicast address
     * @return the Mac48Address multicast address of addr
     */
    Address GetMulticast(Ipv6Address addr) const override;

    /**
     * @brief Whether the device is a bridge.
     * @return false
     */
    bool IsBridge() const override;

    /**
     * @brief Whether the device is a point-to-point link.
     * @return false (one BS serves many UEs)
     */
    bool IsPointToPoint() const override;

    /**
     * @brief Not supported (SupportsSendFrom() is false): logs a warning
     * and sends nothing.
     * @param packet the packet (not sent)
     * @param source the source address (ignored)
     * @param dest the destination address (only logged)
     * @param protocolNumber the protocol number (ignored)
     * @return false
     */
    bool SendFrom(Ptr<Packet> packet,
                  const Address& source,
                  const Address& dest,
                  uint16_t protocolNumber) override;

    /**
     * @brief Gets the node the device is installed on.
     * @return the node (null until set)
     */
    Ptr<Node> GetNode() const override;

    /**
     * @brief Sets the node the device is installed on.
     * @param node the node
     */
    void SetNode(Ptr<Node> node) override;

    /**
     * @brief Whether the device needs ARP.
     * @return false: a UE sends every packet to its serving BS, whatever the
     *         destination address
     */
    bool NeedsArp() const override;

    /**
     * @brief Sets the callback that passes received packets up the stack.
     * @param cb the callback (called by ForwardUp())
     */
    void SetReceiveCallback(NetDevice::ReceiveCallback cb) override;

    /**
     * @brief Sets the promiscuous receive callback (packet taps).
     * @param cb the callback (called by ForwardUp(), with PACKET_HOST)
     */
    void SetPromiscReceiveCallback(PromiscReceiveCallback cb) override;

    /**
     * @brief Whether SendFrom() is supported.
     * @return false
     */
    bool SupportsSendFrom() const override;

  protected:
    /// Releases the node and the receive callbacks, then calls NetDevice::DoDispose().
    void DoDispose() override;

    /// Calls the callbacks added by AddLinkChangeCallback() (the UE calls it
    /// when its serving BS changes).
    void NotifyLinkChange();

    /**
     * @brief Passes a received packet up: to the promiscuous receive
     * callback (as PACKET_HOST, to this device's address), then to the
     * receive callback, each if set.
     * @param packet the packet
     * @param protocol its protocol number (e.g. 0x0800 for IPv4)
     * @param from the sender's (UE's) MAC address
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
