/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * Speed and memory of the OFDMA uplink model alone: K UEs upload
 * continuously (saturated queues) to one BS of the manual's *Default scenario*
 * (cell of 10..200 m, path loss, Rayleigh block fading, 1 MHz of 10 kHz
 * blocks). Grants are renewed every frame: with R blocks and K UEs, each
 * frame serves min(K, R) UEs in round-robin order with max(1, R / K)
 * blocks each. Packets are handed to the UE devices directly (no IP stack:
 * this measures the radio model); each UE keeps --queue packets queued by
 * sending a new one at every TxEnd.
 *
 * Prints one line: UEs, simulated s, wall s, events, events per wall
 * second, simulated seconds per wall second, packets received, uplink
 * throughput and peak memory (getrusage ru_maxrss; run one K per process).
 *
 * Run: ofdma-uplink-benchmark --ues=100 [--simTime=10] [--frame=10]
 *      [--packetSize=200] [--queue=2]
 */

#include "ns3/core-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"
#include "ns3/ofdma-bs-net-device.h"
#include "ns3/ofdma-ue-net-device.h"
#include "ns3/ofdma-uplink-helper.h"

#include <chrono>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <sys/resource.h>

using namespace ns3;

namespace
{

uint64_t g_rxPackets = 0;    //!< packets received by the BS
uint64_t g_rxBytes = 0;      //!< bytes received by the BS
uint32_t g_packetSize = 200; //!< bytes per packet

/// BS Rx sink.
void
OnRx(Ptr<const Packet> p, const Address&, double, double)
{
    ++g_rxPackets;
    g_rxBytes += p->GetSize();
}

/// Keeps a UE saturated: one new packet for each one sent. \param ue the UE
/// (a plain pointer: the callback sits on the UE's own TxEnd trace, and a
/// Ptr there would keep the UE alive forever, a leak LeakSanitizer reports)
void
Refill(OfdmaUeNetDevice* ue, Ptr<const Packet>)
{
    ue->Send(Create<Packet>(g_packetSize), ue->GetBroadcast(), 0x0800);
}

/// Round-robin grants for one frame, then the next frame.
void
GrantFrame(std::vector<Ptr<OfdmaUeNetDevice>>* ues,
           uint32_t nRbs,
           Time frame,
           Time stop,
           uint32_t next)
{
    const uint32_t k = ues->size();
    const uint32_t perUe = std::max<uint32_t>(1, nRbs / k);
    const uint32_t served = std::min(k, nRbs / perUe);
    const Time now = Simulator::Now();
    for (uint32_t i = 0; i < served; ++i)
    {
        (*ues)[(next + i) % k]->SetGrant({i * perUe, perUe, now, now + frame});
    }
    if (now + frame < stop)
    {
        Simulator::Schedule(frame, &GrantFrame, ues, nRbs, frame, stop, (next + served) % k);
    }
}

/// @return peak resident set size of this process (MiB)
double
PeakRssMiB()
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024.0; // KiB on Linux
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t nUes = 100;
    double simTime = 10;
    double frameMs = 10;
    uint32_t queue = 2;
    CommandLine cmd(__FILE__);
    cmd.AddValue("ues", "Number of UEs", nUes);
    cmd.AddValue("simTime", "Simulated time (s)", simTime);
    cmd.AddValue("frame", "Frame length (ms): grants are renewed every frame", frameMs);
    cmd.AddValue("packetSize", "Packet size (bytes)", g_packetSize);
    cmd.AddValue("queue", "Packets kept queued at each UE", queue);
    cmd.Parse(argc, argv);

    NodeContainer bsNode(1);
    NodeContainer ueNodes(nUes);
    MobilityHelper bsMobility;
    bsMobility.Install(bsNode); // constant position at the origin
    // Uniform over the annulus 10..200 m, as in the manual's *Default scenario*.
    Ptr<UniformRandomVariable> u = CreateObject<UniformRandomVariable>();
    u->SetStream(1);
    Ptr<ListPositionAllocator> positions = CreateObject<ListPositionAllocator>();
    for (uint32_t i = 0; i < nUes; ++i)
    {
        const double r = std::sqrt(10.0 * 10 + (200.0 * 200 - 10.0 * 10) * u->GetValue());
        const double a = 2 * M_PI * u->GetValue();
        positions->Add(Vector(r * std::cos(a), r * std::sin(a), 0));
    }
    MobilityHelper ueMobility;
    ueMobility.SetPositionAllocator(positions);
    ueMobility.Install(ueNodes);

    OfdmaUplinkHelper uplink;
    NetDeviceContainer bsDev = uplink.InstallBs(bsNode);
    NetDeviceContainer ueDevs = uplink.InstallUe(ueNodes, bsDev.Get(0));
    uplink.AssignStreams(bsDev, 2);
    Ptr<OfdmaBsNetDevice> bs = DynamicCast<OfdmaBsNetDevice>(bsDev.Get(0));
    bs->TraceConnectWithoutContext("Rx", MakeCallback(&OnRx));

    std::vector<Ptr<OfdmaUeNetDevice>> ues;
    for (uint32_t i = 0; i < nUes; ++i)
    {
        Ptr<OfdmaUeNetDevice> ue = DynamicCast<OfdmaUeNetDevice>(ueDevs.Get(i));
        ue->TraceConnectWithoutContext("TxEnd", MakeBoundCallback(&Refill, PeekPointer(ue)));
        for (uint32_t q = 0; q < queue; ++q)
        {
            Refill(PeekPointer(ue), nullptr);
        }
        ues.push_back(ue);
    }
    Simulator::Schedule(Seconds(0),
                        &GrantFrame,
                        &ues,
                        bs->GetNResourceBlocks(),
                        MilliSeconds(frameMs),
                        Seconds(simTime),
                        0);
    Simulator::Stop(Seconds(simTime));

    const auto t0 = std::chrono::steady_clock::now();
    Simulator::Run();
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const uint64_t events = Simulator::GetEventCount();

    std::cout << std::fixed << std::setprecision(3) << "ues " << nUes << " sim_s " << simTime
              << " wall_s " << wall << " events " << events << " events_per_wall_s "
              << std::setprecision(0) << events / wall << " sim_s_per_wall_s "
              << std::setprecision(2) << simTime / wall << " rx_packets " << g_rxPackets
              << " uplink_mbps " << std::setprecision(3) << 8.0 * g_rxBytes / simTime / 1e6
              << " peak_rss_mib " << std::setprecision(1) << PeakRssMiB() << std::endl;
    Simulator::Destroy();
    return 0;
}
