/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef OFDMA_PHY_H
#define OFDMA_PHY_H

#include "ns3/antenna-model.h"
#include "ns3/mobility-model.h"
#include "ns3/net-device.h"
#include "ns3/spectrum-channel.h"
#include "ns3/spectrum-model.h"
#include "ns3/spectrum-phy.h"

namespace ns3
{

/**
 * \ingroup edge-inference
 * \brief Base class of the OFDMA uplink PHYs (OfdmaUePhy, OfdmaBsPhy): the
 * SpectrumPhy wiring the two share.
 *
 * Holds the owning device, the mobility model, the channel, the antenna
 * (null: isotropic, 0 dBi) and the carrier's spectrum model (one band per
 * resource block, set by the subclass). The subclasses provide StartRx()
 * and their transmit or receive logic.
 */
class OfdmaPhy : public SpectrumPhy
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    OfdmaPhy();
    ~OfdmaPhy() override;

    // SpectrumPhy
    void SetDevice(Ptr<NetDevice> d) override;
    Ptr<NetDevice> GetDevice() const override;
    void SetMobility(Ptr<MobilityModel> m) override;
    Ptr<MobilityModel> GetMobility() const override;
    void SetChannel(Ptr<SpectrumChannel> c) override;
    /// \return the carrier's spectrum model (null until set)
    Ptr<const SpectrumModel> GetRxSpectrumModel() const override;
    Ptr<Object> GetAntenna() const override;

    /// \return the channel the PHY is attached to
    Ptr<SpectrumChannel> GetChannel() const;

    /**
     * \param antenna the antenna (null: isotropic, 0 dBi)
     */
    void SetAntenna(Ptr<AntennaModel> antenna);

  protected:
    void DoDispose() override;

    /// \param model the carrier's spectrum model (one band per resource block)
    void SetCarrierModel(Ptr<const SpectrumModel> model);

    /// \return the antenna (may be null)
    Ptr<AntennaModel> GetAntennaModel() const;

  private:
    Ptr<NetDevice> m_device;          //!< owning device
    Ptr<MobilityModel> m_mobility;    //!< position
    Ptr<SpectrumChannel> m_channel;   //!< channel
    Ptr<AntennaModel> m_antenna;      //!< antenna (may be null)
    Ptr<const SpectrumModel> m_model; //!< carrier spectrum model
};

} // namespace ns3

#endif /* OFDMA_PHY_H */
