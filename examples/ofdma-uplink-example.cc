/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * A first OFDMA uplink scenario, to read from top to bottom.
 *
 * One base station (BS) at the origin and a few users (UEs) walking around
 * it. Each UE runs a UDP client that sends 1000-byte datagrams to a UDP
 * server on the BS node. The uplink is OFDMA: every frame (10 ms by
 * default) the script gives each UE a grant, an equal share of the resource
 * blocks for the duration of the frame, and the UE sends its queued packets
 * back to back inside it, at the rate the BS picks from the SINR at the
 * start of each packet. At the end the script prints each UE's uplink
 * throughput, its mean SINR and what is still queued.
 *
 * Run (standalone build):
 *   build/examples/ofdma-uplink-example --nUes=4 --simTime=5
 * Options: --nUes, --simTime (s), --frame (ms), --interval (ms between
 * datagrams of one UE), --fading (Rayleigh block fading on/off),
 * --bandwidth (Hz, 1e6), --rbWidth (Hz; 10e3 by default; LTE-like blocks:
 * --bandwidth=1.08e6 --rbWidth=180e3), --verbose.
 */

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"
#include "ns3/ofdma-bs-net-device.h"
#include "ns3/ofdma-ue-net-device.h"
#include "ns3/ofdma-uplink-helper.h"

#include <iomanip>
#include <iostream>
#include <map>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("OfdmaUplinkExample");

namespace
{

/// What the BS received from one UE.
struct UeStats
{
    uint64_t bytes{0};   //!< bytes received (IP packets)
    uint32_t packets{0}; //!< packets received
    double sinrDbSum{0}; //!< sum of the packets' SINRs (dB)
};

std::map<Mac48Address, UeStats> g_stats; //!< per UE, by MAC address

/// Trace sink of the BS's Rx source: one packet arrived from a UE (its rate is not used).
void
OnBsRx(Ptr<const Packet> packet, const Address& ue, double sinrDb, double /* rateBps */)
{
    UeStats& s = g_stats[Mac48Address::ConvertFrom(ue)];
    s.bytes += packet->GetSize();
    s.packets += 1;
    s.sinrDbSum += sinrDb;
}

/**
 * Gives every UE a grant for the frame that starts now and schedules the
 * next frame. The split is explicit and equal: with R blocks and K UEs,
 * UE k gets blocks [k floor(R/K), (k+1) floor(R/K)) (the remainder is left
 * unused). A scheduler plugin would decide this instead.
 */
void
GrantFrame(NetDeviceContainer ues, Ptr<OfdmaBsNetDevice> bs, Time frame, Time stop)
{
    const uint32_t perUe = bs->GetNResourceBlocks() / ues.GetN();
    const Time now = Simulator::Now();
    for (uint32_t k = 0; k < ues.GetN(); ++k)
    {
        OfdmaGrant g;
        g.firstRb = k * perUe;
        g.nRbs = perUe;
        g.start = now;
        g.end = now + frame;
        DynamicCast<OfdmaUeNetDevice>(ues.Get(k))->SetGrant(g);
    }
    if (now + frame < stop)
    {
        Simulator::Schedule(frame, &GrantFrame, ues, bs, frame, stop);
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t nUes = 4;
    double simTime = 5.0;
    double frameMs = 10.0;
    double intervalMs = 2.0;
    bool fading = true;
    double bandwidth = 1e6;
    double rbWidth = 10e3;
    bool verbose = false;

    CommandLine cmd(__FILE__);
    cmd.AddValue("nUes", "Number of UEs", nUes);
    cmd.AddValue("simTime", "Simulated time (s)", simTime);
    cmd.AddValue("frame", "Frame length: grants are renewed every frame (ms)", frameMs);
    cmd.AddValue("interval", "Time between two datagrams of one UE (ms)", intervalMs);
    cmd.AddValue("fading", "Rayleigh block fading on the uplink", fading);
    cmd.AddValue("bandwidth", "Uplink bandwidth (Hz), a whole number of blocks", bandwidth);
    cmd.AddValue("rbWidth", "Resource block width (Hz)", rbWidth);
    cmd.AddValue("verbose", "Enable the OFDMA log components", verbose);
    cmd.Parse(argc, argv);

    // 1. Nodes: one BS, nUes UEs.
    NodeContainer bsNode;
    bsNode.Create(1);
    NodeContainer ueNodes;
    ueNodes.Create(nUes);

    // 2. Mobility: the BS stands at the origin; the UEs start uniformly in a
    //    400 m x 400 m square around it and walk randomly at 1.5 m/s,
    //    changing direction every 2 s. The uplink reads the positions at the
    //    start of every packet.
    MobilityHelper bsMobility;
    bsMobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    bsMobility.Install(bsNode);
    MobilityHelper ueMobility;
    ueMobility.SetPositionAllocator("ns3::RandomRectanglePositionAllocator",
                                    "X",
                                    StringValue("ns3::UniformRandomVariable[Min=-200|Max=200]"),
                                    "Y",
                                    StringValue("ns3::UniformRandomVariable[Min=-200|Max=200]"));
    ueMobility.SetMobilityModel("ns3::RandomWalk2dMobilityModel",
                                "Bounds",
                                RectangleValue(Rectangle(-200, 200, -200, 200)),
                                "Mode",
                                StringValue("Time"),
                                "Time",
                                TimeValue(Seconds(2)),
                                "Speed",
                                StringValue("ns3::ConstantRandomVariable[Constant=1.5]"));
    ueMobility.Install(ueNodes);

    // 3. The OFDMA uplink. The helper's defaults are the manual's *Default scenario*:
    //    path loss 128.1 + 37.6 log10(d/km), Rayleigh block fading, 23 dBm,
    //    -174 dBm/Hz, 1 MHz. Here we only pick the carrier and fading.
    OfdmaUplinkHelper uplink;
    uplink.EnableFading(fading);
    uplink.SetBsDeviceAttribute("Bandwidth", DoubleValue(bandwidth));
    uplink.SetBsDeviceAttribute("ResourceBlockWidth", DoubleValue(rbWidth));
    if (verbose)
    {
        uplink.EnableLogComponents();
    }
    NetDeviceContainer bsDevs = uplink.InstallBs(bsNode);
    NetDeviceContainer ueDevs = uplink.InstallUe(ueNodes, bsDevs.Get(0));
    Ptr<OfdmaBsNetDevice> bs = DynamicCast<OfdmaBsNetDevice>(bsDevs.Get(0));
    // Fixed random streams make the run reproducible; vary --RngRun for others.
    int64_t stream = 1;
    stream += uplink.AssignStreams(bsDevs, stream);
    stream += ueMobility.AssignStreams(ueNodes, stream);

    // 4. IP on top. Every UE packet goes to the BS whatever its destination,
    //    so one subnet and the BS's address are all the clients need.
    InternetStackHelper internet;
    internet.Install(bsNode);
    internet.Install(ueNodes);
    Ipv4AddressHelper ipv4("10.1.0.0", "255.255.0.0");
    Ipv4InterfaceContainer ifaces = ipv4.Assign(NetDeviceContainer(bsDevs, ueDevs));
    const Ipv4Address bsAddress = ifaces.GetAddress(0);

    // 5. Applications: a UDP server on the BS node (where an edge server
    //    would run) and a UDP client on each UE.
    const uint16_t port = 9;
    UdpServerHelper server(port);
    ApplicationContainer serverApp = server.Install(bsNode);
    UdpClientHelper client(bsAddress, port);
    client.SetAttribute("MaxPackets", UintegerValue(UINT32_MAX)); // (0 is not "unlimited" in 3.37)
    client.SetAttribute("Interval", TimeValue(MilliSeconds(intervalMs)));
    client.SetAttribute("PacketSize", UintegerValue(1000 - 28)); // 1000-byte IP packets
    ApplicationContainer clientApps = client.Install(ueNodes);
    clientApps.Start(Seconds(0.001));
    clientApps.Stop(Seconds(simTime));

    // 6. Grants: a new equal split at the start of every frame.
    Simulator::Schedule(Seconds(0),
                        &GrantFrame,
                        ueDevs,
                        bs,
                        MilliSeconds(frameMs),
                        Seconds(simTime));

    // 7. Measurements: the BS's Rx trace gives every packet with its SINR.
    bs->TraceConnectWithoutContext("Rx", MakeCallback(&OnBsRx));

    Simulator::Stop(Seconds(simTime));
    Simulator::Run();

    // 8. Results.
    std::cout << "OFDMA uplink: " << nUes << " UEs, " << bs->GetNResourceBlocks() << " blocks of "
              << rbWidth / 1e3 << " kHz, frame " << frameMs << " ms, fading "
              << (fading ? "on" : "off") << ", " << simTime << " s\n";
    std::cout << "UE  distance(m)  blocks  offered(Mbit/s)  throughput(Mbit/s)  meanSINR(dB)  "
                 "queued(B)\n";
    const double offered = 8.0 * 1000 / (intervalMs * 1e-3) / 1e6;
    double total = 0;
    for (uint32_t k = 0; k < nUes; ++k)
    {
        Ptr<OfdmaUeNetDevice> ue = DynamicCast<OfdmaUeNetDevice>(ueDevs.Get(k));
        const UeStats& s = g_stats[Mac48Address::ConvertFrom(ue->GetAddress())];
        const double mbps = 8.0 * s.bytes / simTime / 1e6;
        total += mbps;
        const double d = ueNodes.Get(k)->GetObject<MobilityModel>()->GetDistanceFrom(
            bsNode.Get(0)->GetObject<MobilityModel>());
        std::cout << std::setw(2) << k << std::fixed << std::setprecision(1) << std::setw(13) << d
                  << std::setw(8) << bs->GetNResourceBlocks() / nUes << std::setprecision(3)
                  << std::setw(17) << offered << std::setw(20) << mbps << std::setprecision(1)
                  << std::setw(14) << (s.packets ? s.sinrDbSum / s.packets : 0.0) << std::setw(11)
                  << ue->GetQueuedBytes() << "\n";
    }
    std::cout << "total uplink throughput " << std::setprecision(3) << total << " Mbit/s; UDP "
              << "server received " << DynamicCast<UdpServer>(serverApp.Get(0))->GetReceived()
              << " datagrams\n";
    Simulator::Destroy();
    return 0;
}
