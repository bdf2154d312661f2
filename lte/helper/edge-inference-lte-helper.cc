/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "edge-inference-lte-helper.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/data-rate.h"
#include "ns3/double.h"
#include "ns3/edge-inference-cell-helper.h"
#include "ns3/enum.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/lte-edge-uplink.h"
#include "ns3/lte-enb-net-device.h"
#include "ns3/lte-enb-phy.h"
#include "ns3/lte-enb-rrc.h"
#include "ns3/lte-helper.h"
#include "ns3/lte-ue-net-device.h"
#include "ns3/lte-ue-phy.h"
#include "ns3/point-to-point-epc-helper.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace ns3
{

namespace
{
/// ns-3's SRS periodicities (ms); a cell sounds at most this many UEs.
constexpr std::array<uint32_t, 8> kSrsPeriodicities{2, 5, 10, 20, 40, 80, 160, 320};
/// LTE's bandwidths in resource blocks.
constexpr std::array<uint32_t, 6> kLteBandwidthsRbs{6, 15, 25, 50, 75, 100};
/// MTU of the wired links (S1-U, PGW to server): a UE's largest packet
/// (its device MTU, 30000 bytes) plus GTP-U/UDP/IP encapsulation, unfragmented.
constexpr uint32_t kWiredMtuBytes = 30100;
/// The thermal noise PSD LTE's PHY assumes (dBm/Hz).
constexpr double kLteThermalNoiseDbmHz = -174.0;
} // namespace

EdgeInferenceLteHelper::EdgeInferenceLteHelper() = default;

EdgeInferenceLteHelper::~EdgeInferenceLteHelper() = default;

void
EdgeInferenceLteHelper::ConfigureLteHelper(Ptr<LteHelper> lte)
{
    NS_ABORT_MSG_IF(!lte, "EdgeInferenceLteHelper: null LteHelper");
    lte->SetSchedulerType("ns3::EdgeInferenceFfMacScheduler");
    Config::SetDefault("ns3::LteEnbRrc::EpsBearerToRlcMapping",
                       EnumValue(LteEnbRrc::RLC_UM_ALWAYS));
    Config::SetDefault("ns3::LteRlcUm::MaxTxBufferSize", UintegerValue(1 << 20));
}

uint32_t
EdgeInferenceLteHelper::SrsPeriodicityFor(uint32_t ues)
{
    for (uint32_t p : kSrsPeriodicities)
    {
        if (p >= 2 * ues)
        {
            return p;
        }
    }
    NS_ABORT_MSG("EdgeInferenceLteHelper: " << ues << " UEs; this LTE cell supports at most "
                                            << kSrsPeriodicities.back() / 2);
    return 0;
}

Time
EdgeInferenceLteHelper::AttachTime(uint32_t ues)
{
    // Random access and RRC set-up take tens of ms; the first sounding
    // follows within one SRS period.
    return MilliSeconds(100 + 2 * SrsPeriodicityFor(ues));
}

Ptr<LteEdgeUplink>
EdgeInferenceLteHelper::InstallUplink(Ptr<NetDevice> enbDevice, NetDeviceContainer ueDevices)
{
    Ptr<LteEnbNetDevice> enb = DynamicCast<LteEnbNetDevice>(enbDevice);
    NS_ABORT_MSG_IF(!enb, "EdgeInferenceLteHelper::InstallUplink: not an LteEnbNetDevice");
    enb->GetRrc()->SetAttribute("SrsPeriodicity",
                                UintegerValue(SrsPeriodicityFor(ueDevices.GetN())));
    Ptr<LteEdgeUplink> uplink = CreateObject<LteEdgeUplink>();
    uplink->SetEnbDevice(enb);
    for (uint32_t i = 0; i < ueDevices.GetN(); ++i)
    {
        Ptr<LteUeNetDevice> ue = DynamicCast<LteUeNetDevice>(ueDevices.Get(i));
        NS_ABORT_MSG_IF(!ue,
                        "EdgeInferenceLteHelper::InstallUplink: UE device " << i
                                                                            << " is not an "
                                                                               "LteUeNetDevice");
        ue->GetPhy()->SetAttribute("EnableUplinkPowerControl", BooleanValue(false));
        uplink->AddUe(ue);
    }
    return uplink;
}

void
EdgeInferenceLteHelper::PrepareScenario(EdgeInferenceScenario& s)
{
    s.controlAttributes.emplace_back("GrantDelay", "3ms");
    s.controllerAttributes.emplace_back("TimingGuard", "2ms");
    // One packet per task where it fits the UE device's MTU (30000 bytes,
    // 48 of them headers): the UE's MAC then counts the RLC's bytes
    // exactly (see the manual, LTE back end).
    s.clientAttributes.emplace_back("SegmentSize", "29952");
}

namespace
{

/**
 * @brief The scenario checks of the LTE back end (see Build).
 * @param s the scenario
 * @return the uplink bandwidth in resource blocks
 */
uint32_t
CheckLteScenario(const EdgeInferenceScenario& s)
{
    NS_ABORT_MSG_IF(s.framePeriod.GetNanoSeconds() % 1000000 != 0,
                    "EdgeInferenceLteHelper: frame period " << s.framePeriod.As(Time::MS)
                                                            << " is not a whole number of 1 ms "
                                                               "TTIs");
    NS_ABORT_MSG_IF(std::abs(s.resourceBlockHz - LteEdgeUplink::kResourceBlockHz) > 1e-6,
                    "EdgeInferenceLteHelper: resource-block width " << s.resourceBlockHz
                                                                    << " Hz; LTE's is 180 kHz");
    const double rbs = s.bandwidthHz / LteEdgeUplink::kResourceBlockHz;
    const uint32_t n = static_cast<uint32_t>(std::lround(rbs));
    bool valid = std::abs(rbs - n) < 1e-6;
    valid = valid && std::find(kLteBandwidthsRbs.begin(), kLteBandwidthsRbs.end(), n) !=
                         kLteBandwidthsRbs.end();
    NS_ABORT_MSG_IF(!valid,
                    "EdgeInferenceLteHelper: bandwidth " << s.bandwidthHz
                                                         << " Hz is not 6, 15, 25, 50, 75 or "
                                                            "100 LTE blocks of 180 kHz");
    NS_ABORT_MSG_IF(s.noisePsdDbmHz < kLteThermalNoiseDbmHz,
                    "EdgeInferenceLteHelper: noise PSD " << s.noisePsdDbmHz
                                                         << " dBm/Hz is below LTE's thermal "
                                                            "noise, -174 dBm/Hz");
    NS_ABORT_MSG_IF(s.fading || s.ueSpeedMps > 0,
                    "EdgeInferenceLteHelper: the LTE back end runs static channels; set fading "
                    "off and the UE speed to 0");
    EdgeInferenceLteHelper::SrsPeriodicityFor(s.users); // aborts above the cell's limit
    return n;
}

} // namespace

EdgeInferenceNetwork
EdgeInferenceLteHelper::Build(const EdgeInferenceScenario& s)
{
    const uint32_t rbs = CheckLteScenario(s);
    EdgeInferenceCellHelper cellHelper;
    cellHelper.SetCellRadius(s.cellRadiusM);
    cellHelper.SetMinDistance(s.minDistanceM);
    const EdgeInferenceCell cell = cellHelper.Drop(s.users, kEdgeInferenceDropStream);

    m_lte = CreateObject<LteHelper>();
    m_epc = CreateObject<PointToPointEpcHelper>();
    m_epc->SetAttribute("S1uLinkMtu", UintegerValue(kWiredMtuBytes));
    m_lte->SetEpcHelper(m_epc);
    ConfigureLteHelper(m_lte);
    // The OFDMA back end's path loss (3GPP macro, 128.1 + 37.6 log10 d[km]).
    m_lte->SetAttribute("PathlossModel", StringValue("ns3::LogDistancePropagationLossModel"));
    m_lte->SetPathlossModelAttribute("Exponent", DoubleValue(3.76));
    m_lte->SetPathlossModelAttribute("ReferenceLoss", DoubleValue(128.1 - 37.6 * 3));
    m_lte->SetEnbDeviceAttribute("UlBandwidth", UintegerValue(rbs));
    m_lte->SetEnbDeviceAttribute("DlBandwidth", UintegerValue(rbs));
    NetDeviceContainer enbDevs = m_lte->InstallEnbDevice(NodeContainer(cell.bs));
    NetDeviceContainer ueDevs = m_lte->InstallUeDevice(cell.ues);
    Ptr<LteEnbNetDevice> enb = DynamicCast<LteEnbNetDevice>(enbDevs.Get(0));
    enb->GetPhy()->SetAttribute("NoiseFigure",
                                DoubleValue(s.noisePsdDbmHz - kLteThermalNoiseDbmHz));
    for (uint32_t i = 0; i < ueDevs.GetN(); ++i)
    {
        DynamicCast<LteUeNetDevice>(ueDevs.Get(i))
            ->GetPhy()
            ->SetAttribute("TxPower", DoubleValue(s.powerDbm));
    }
    m_uplink = InstallUplink(enb, ueDevs);

    // The edge server on a remote host behind the PGW.
    Ptr<Node> server = CreateObject<Node>();
    InternetStackHelper internet;
    internet.Install(server);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", DataRateValue(DataRate("100Gb/s")));
    p2p.SetDeviceAttribute("Mtu", UintegerValue(kWiredMtuBytes));
    p2p.SetChannelAttribute("Delay", TimeValue(Seconds(0)));
    NetDeviceContainer wired = p2p.Install(m_epc->GetPgwNode(), server);
    Ipv4AddressHelper ip("1.0.0.0", "255.0.0.0");
    ip.Assign(wired);
    Ipv4StaticRoutingHelper routing;
    routing.GetStaticRouting(server->GetObject<Ipv4>())
        ->AddNetworkRouteTo(Ipv4Address("7.0.0.0"), Ipv4Mask("255.0.0.0"), 1);
    internet.Install(cell.ues);
    m_epc->AssignUeIpv4Address(ueDevs);
    for (uint32_t i = 0; i < cell.ues.GetN(); ++i)
    {
        routing.GetStaticRouting(cell.ues.Get(i)->GetObject<Ipv4>())
            ->SetDefaultRoute(m_epc->GetUeDefaultGatewayAddress(), 1);
    }
    m_lte->Attach(ueDevs, enb);

    EdgeInferenceNetwork n;
    n.controllerNode = cell.bs;
    n.serverNode = server;
    n.ues = cell.ues;
    n.ueDevices = ueDevs;
    n.uplink = m_uplink->GetEdgeUplinkSapProvider();
    n.start = AttachTime(s.users);
    return n;
}

} // namespace ns3
