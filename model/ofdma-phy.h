/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef OFDMA_PHY_H
#define OFDMA_PHY_H

#include "edge-inference-compat.h"

#include "ns3/antenna-model.h"
#include "ns3/mobility-model.h"
#include "ns3/net-device.h"
#include "ns3/spectrum-channel.h"
#include "ns3/spectrum-model.h"
#include "ns3/spectrum-phy.h"

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Base class of the OFDMA uplink PHYs (OfdmaUePhy, OfdmaBsPhy): the
 * SpectrumPhy wiring the two share.
 *
 * Holds the owning device, the mobility model, the channel, the antenna
 * (null: isotropic, 0 dBi) and the carrier's spectrum model (one band per
 * resource block, set by the subclass). The subclasses provide StartRx()
 * and their transmit or receive logic. The channel reaches the antenna
 * through SpectrumPhyWithAntenna, whichever name the ns-3 release uses.
 */
class OfdmaPhy : public edgeinference::SpectrumPhyWithAntenna<SpectrumPhy>
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    OfdmaPhy();
    ~OfdmaPhy() override;

    // SpectrumPhy

    /**
     * @brief Sets the device that owns this PHY.
     * @param d the owning device (OfdmaBsNetDevice or OfdmaUeNetDevice)
     */
    void SetDevice(Ptr<NetDevice> d) override;

    /**
     * @brief Gets the device that owns this PHY. OfdmaBsPhy compares it
     * with a signal's intended BS to tell desired signals from interference.
     * @return the owning device (null until set)
     */
    Ptr<NetDevice> GetDevice() const override;

    /**
     * @brief Sets the mobility model giving the PHY's position.
     * @param m the mobility model (the node's)
     */
    void SetMobility(Ptr<MobilityModel> m) override;

    /**
     * @brief Gets the mobility model giving the PHY's position, used by the
     * channel for propagation loss and by OfdmaBsNetDevice::GetChannelGain.
     * @return the mobility model (null until set)
     */
    Ptr<MobilityModel> GetMobility() const override;

    /**
     * @brief Sets the channel the PHY transmits on (and, for a BS PHY that
     * the helper adds as a receiver, receives from). Only stores the
     * pointer: it does not call SpectrumChannel::AddRx.
     * @param c the channel
     */
    void SetChannel(Ptr<SpectrumChannel> c) override;

    /**
     * @brief Gets the spectrum model the PHY receives with.
     * @return the carrier's spectrum model, one band per resource block
     *         (null until set by the subclass)
     */
    Ptr<const SpectrumModel> GetRxSpectrumModel() const override;

    /**
     * @brief Gets the antenna, for the channel's and the BS's antenna gains.
     * @return the AntennaModel set with SetAntenna() (null: isotropic, 0 dBi)
     */
    Ptr<AntennaModel> GetAntennaModel() const override;

    /**
     * @brief Gets the channel set with SetChannel(); the devices return it
     * from NetDevice::GetChannel().
     * @return the channel the PHY is attached to (null until set)
     */
    Ptr<SpectrumChannel> GetChannel() const;

    /**
     * @brief Sets the antenna, used for the gains on every signal the PHY
     * sends or receives.
     * @param antenna the antenna (null: isotropic, 0 dBi)
     */
    void SetAntenna(Ptr<AntennaModel> antenna);

  protected:
    /// Releases the device, mobility, channel, antenna and spectrum model, then
    /// calls SpectrumPhy::DoDispose().
    void DoDispose() override;

    /**
     * @brief Sets the carrier's spectrum model (called by the subclass when
     * it learns its carrier).
     * @param model the carrier's spectrum model (one band per resource block)
     */
    void SetCarrierModel(Ptr<const SpectrumModel> model);

  private:
    Ptr<NetDevice> m_device;          //!< owning device
    Ptr<MobilityModel> m_mobility;    //!< position
    Ptr<SpectrumChannel> m_channel;   //!< channel
    Ptr<AntennaModel> m_antenna;      //!< antenna (may be null)
    Ptr<const SpectrumModel> m_model; //!< carrier spectrum model
};

} // namespace ns3

#endif /* OFDMA_PHY_H */
