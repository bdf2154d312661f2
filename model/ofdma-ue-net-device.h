/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef OFDMA_UE_NET_DEVICE_H
#define OFDMA_UE_NET_DEVICE_H

#include "ofdma-grant.h"
#include "ofdma-net-device.h"

#include "ns3/event-id.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

class OfdmaUePhy;
class OfdmaBsNetDevice;
class SpectrumChannel;

/**
 * @ingroup edge-inference
 * @brief Uplink-only OFDMA UE device: queues packets and sends them to its
 * serving BS inside the grants it receives.
 *
 * Works under ns-3's Internet stack (no ARP; every packet goes to the
 * serving BS whatever its destination address). Behaviour:
 * - Send() appends the packet to a FIFO queue (MaxQueuePackets; a full
 *   queue drops with Drop reason "queue full"; no serving BS drops with
 *   "no serving BS").
 * - Inside a grant the UE sends queued packets back to back. At the start
 *   of each packet the serving BS computes the rate from the SINR it knows
 *   then (ideal CSI, ideal control: OfdmaBsNetDevice::ComputeLinkAdaptation)
 *   and the packet occupies the air for size_bits / rate (rounded up to the
 *   time resolution). The whole packet (IP header included) counts; there
 *   is no MAC/RLC overhead.
 * - No fragmentation: a packet that would not end by the grant end stays at
 *   the head of the queue for the next grant, and the packets behind it
 *   wait too (FIFO). When a grant ends, the bytes and packets still queued
 *   are reported through the GrantEnd trace; the device drops nothing by
 *   itself. A user that knows the leftovers are stale discards them with
 *   FlushQueue() (InferenceClient does so when its task's grant ends).
 * - Several grants may be queued in advance; one UE's grants must not
 *   overlap in time (aborts otherwise), and the serving BS aborts on grants
 *   of different UEs that overlap in both time and blocks.
 */
class OfdmaUeNetDevice : public OfdmaNetDevice
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    OfdmaUeNetDevice();
    ~OfdmaUeNetDevice() override;

    /**
     * TracedCallback signature of TxStart.
     * @param packet the packet
     * @param grant the grant it is sent in
     * @param rateBps the rate chosen for it (bit/s)
     */
    typedef void (*TxStartTracedCallback)(Ptr<const Packet> packet,
                                          const OfdmaGrant& grant,
                                          double rateBps);
    /**
     * TracedCallback signature of GrantEnd.
     * @param grant the grant that ended
     * @param bytesLeft bytes still queued
     * @param packetsLeft packets still queued
     */
    typedef void (*GrantEndTracedCallback)(const OfdmaGrant& grant,
                                           uint32_t bytesLeft,
                                           uint32_t packetsLeft);
    /**
     * TracedCallback signature of Retransmit.
     * @param packet the packet sent again
     * @param retransmission which retransmission it is (1 = the first)
     */
    typedef void (*RetransmitTracedCallback)(Ptr<const Packet> packet, uint32_t retransmission);
    /**
     * TracedCallback signature of Drop.
     * @param packet the packet
     * @param reason why it was dropped
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet, const std::string& reason);

    /**
     * @brief Adds an uplink grant.
     *
     * Aborts (with the reason) when the UE has no serving BS, the grant is
     * empty or ends at or before its start or now, its blocks exceed the
     * carrier, it overlaps in time another grant of this UE, or it overlaps
     * a grant of another UE of the same BS (see OfdmaBsNetDevice::CheckGrant).
     * A grant that started in the past is used from now on.
     *
     * @param grant the grant
     */
    void SetGrant(const OfdmaGrant& grant);

    /**
     * @brief ARQ feedback from the serving BS on a packet this UE sent
     * (OfdmaBsNetDevice calls it as it decodes or loses the packet).
     *
     * A lost packet goes back to the head of the queue (Retransmit trace)
     * if it has been sent again fewer than MaxRetransmissions times and the
     * grant it was sent in is still in force; otherwise it is dropped (Drop
     * trace, reason "retransmission limit" or "grant ended"). Feedback on a
     * packet the UE is not waiting for is ignored.
     *
     * @param packetUid the packet's uid (Packet::GetUid)
     * @param decoded whether the BS decoded it
     */
    void ReceiveArqFeedback(uint64_t packetUid, bool decoded);

    /**
     * @brief Drops every queued packet (not a packet on the air), firing
     * the Drop trace with reason "flushed" for each, in queue order.
     *
     * The device calls it at each grant's end when FlushAtGrantEnd is set
     * (EdgeInferenceHelper sets it, so that data left over by a failed
     * prediction is not sent in the UE's next grant ahead of the next
     * task's data); otherwise grants and the queue are independent.
     *
     * @return the number of packets dropped
     */
    uint32_t FlushQueue();

    /// @return bytes queued, not counting a packet on the air
    uint32_t GetQueuedBytes() const;
    /// @return packets queued, not counting a packet on the air
    uint32_t GetQueuedPackets() const;
    /// @return true while a packet is on the air
    bool IsTransmitting() const;

    /// @return the PHY
    Ptr<OfdmaUePhy> GetPhy() const;
    /// @param phy the PHY (set by OfdmaUplinkHelper)
    void SetPhy(Ptr<OfdmaUePhy> phy);

    /// @return the serving BS (null if none)
    Ptr<OfdmaBsNetDevice> GetServingBs() const;
    /**
     * @brief Attaches the UE to a BS (leaves the previous one, if any).
     * Grants from the previous BS are cancelled.
     * @param bs the serving BS
     */
    void SetServingBs(Ptr<OfdmaBsNetDevice> bs);

    /// @return total transmit power (W), the TxPower attribute (dBm) converted
    double GetTxPowerW() const;

    // NetDevice

    /**
     * @brief Gets the channel of the PHY.
     * @return the PHY's SpectrumChannel (null while there is no PHY)
     */
    Ptr<Channel> GetChannel() const override;

    /**
     * @brief Whether the link is up.
     * @return true while the UE has a serving BS
     */
    bool IsLinkUp() const override;

    /**
     * @brief Queues a packet for the serving BS, whatever dest is, then
     * starts the head of the queue if a grant is active, the UE is idle
     * and the packet fits before the grant end.
     *
     * Drops it (Drop trace) with reason "no serving BS" or "queue full"
     * (MaxQueuePackets packets already queued).
     *
     * @param packet the packet (its whole size counts on the air)
     * @param dest the destination address (ignored: the serving BS receives)
     * @param protocolNumber the protocol number handed to the BS's stack
     * @return true if queued, false if dropped
     */
    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;

  private:
    /// Cancels the pending grant events and the end-of-transmission event,
    /// empties the queue, disposes the PHY, then calls
    /// OfdmaNetDevice::DoDispose().
    void DoDispose() override;

    /// A queued packet.
    struct Item
    {
        Ptr<Packet> packet;          //!< the packet
        uint16_t protocol;           //!< its protocol number
        uint32_t retransmissions{0}; //!< times it has been sent again
    };

    /// A packet sent and not yet acknowledged, with the grant it was sent in.
    struct Unacknowledged
    {
        Item item;        //!< the packet
        OfdmaGrant grant; //!< the grant it was sent in
    };

    /// @param grant the grant that starts now: becomes the active grant, and
    ///        the head packet is tried
    void StartGrant(OfdmaGrant grant);
    /// @param grant the grant that ends now: stops being active (unless the
    ///        next grant already replaced it), fires GrantEnd
    void EndGrant(OfdmaGrant grant);
    /// Starts the head packet if a grant is active and it fits.
    void TryTransmit();
    /// Ends the packet on the air.
    void EndTx();
    /// Cancels all pending grants (e.g. when leaving a BS).
    void CancelGrants();

    Ptr<OfdmaUePhy> m_phy;                               //!< PHY
    Ptr<OfdmaBsNetDevice> m_bs;                          //!< serving BS
    double m_txPowerDbm;                                 //!< TxPower attribute (dBm)
    uint32_t m_maxQueuePackets;                          //!< MaxQueuePackets attribute
    uint32_t m_maxRetransmissions;                       //!< MaxRetransmissions attribute
    bool m_flushAtGrantEnd;                              //!< FlushAtGrantEnd attribute
    std::map<uint64_t, Unacknowledged> m_unacknowledged; //!< sent, by packet uid
    std::deque<Item> m_queue;                            //!< packets waiting
    uint32_t m_queuedBytes;                              //!< bytes in m_queue

    /// A grant not yet ended, with its start and end events.
    struct PendingGrant
    {
        OfdmaGrant grant;   //!< the grant
        EventId startEvent; //!< its start
        EventId endEvent;   //!< its end
    };

    std::vector<PendingGrant> m_grants; //!< grants not yet ended
    bool m_hasActiveGrant;              //!< whether m_activeGrant is in force
    OfdmaGrant m_activeGrant;           //!< the grant in force
    bool m_transmitting;                //!< a packet is on the air
    Ptr<Packet> m_txPacket;             //!< the packet on the air
    EventId m_txEndEvent;               //!< end of the packet on the air

    TracedCallback<Ptr<const Packet>, const OfdmaGrant&, double> m_txStartTrace; //!< TxStart
    TracedCallback<Ptr<const Packet>> m_txEndTrace;                              //!< TxEnd
    TracedCallback<const OfdmaGrant&, uint32_t, uint32_t> m_grantEndTrace;       //!< GrantEnd
    TracedCallback<Ptr<const Packet>, const std::string&> m_dropTrace;           //!< Drop
    TracedCallback<Ptr<const Packet>, uint32_t> m_retransmitTrace;               //!< Retransmit
};

} // namespace ns3

#endif /* OFDMA_UE_NET_DEVICE_H */
