/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * End-to-end test of the OFDMA uplink under ns-3's Internet stack: UDP
 * sockets on two UEs send to a UDP socket on the BS node; every datagram
 * arrives intact, from the right source, at the time the uplink rate
 * implies (IPv4 and UDP headers, 28 bytes, travel on the air too).
 */

#include "ofdma-test-helpers.h"

#include "ns3/constant-position-mobility-model.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/node.h"
#include "ns3/ofdma-bs-net-device.h"
#include "ns3/ofdma-ue-net-device.h"
#include "ns3/ofdma-uplink-helper.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"

#include <cmath>
#include <map>
#include <vector>

using namespace ns3;

namespace
{

using ofdmatest::kN0;
using ofdmatest::kPowerW;
using ofdmatest::kRbWidth;
using ofdmatest::NodeAt;
using ofdmatest::PathGain;

/// UDP datagrams from two UEs reach a socket on the BS node.
class UdpEndToEndTestCase : public TestCase
{
  public:
    UdpEndToEndTestCase()
        : TestCase("UDP sockets end to end over the OFDMA uplink")
    {
    }

  private:
    /// Receive callback of the BS socket. \param socket the socket
    void Receive(Ptr<Socket> socket)
    {
        Address from;
        while (Ptr<Packet> p = socket->RecvFrom(from))
        {
            const Ipv4Address src = InetSocketAddress::ConvertFrom(from).GetIpv4();
            m_bytes[src] += p->GetSize();
            m_count[src] += 1;
            m_sizesOk = m_sizesOk && p->GetSize() == kPayload;
            m_last[src] = Simulator::Now();
        }
    }

    /// Also after a failed assertion, which returns from DoRun early.
    void DoTeardown() override
    {
        Simulator::Destroy();
    }

    void DoRun() override
    {
        NodeContainer bsNode(NodeAt(0));
        NodeContainer ueNodes(NodeAt(60), NodeAt(120));
        OfdmaUplinkHelper helper;
        helper.EnableFading(false);
        NetDeviceContainer bsDev = helper.InstallBs(bsNode);
        NetDeviceContainer ueDevs = helper.InstallUe(ueNodes, bsDev.Get(0));

        InternetStackHelper internet;
        internet.Install(bsNode);
        internet.Install(ueNodes);
        Ipv4AddressHelper ipv4("10.1.0.0", "255.255.255.0");
        NetDeviceContainer all(bsDev, ueDevs);
        Ipv4InterfaceContainer ifaces = ipv4.Assign(all);
        const Ipv4Address bsAddr = ifaces.GetAddress(0);

        Ptr<Socket> sink = Socket::CreateSocket(bsNode.Get(0), UdpSocketFactory::GetTypeId());
        sink->Bind(InetSocketAddress(Ipv4Address::GetAny(), 9));
        sink->SetRecvCallback(MakeCallback(&UdpEndToEndTestCase::Receive, this));

        // UE i gets 40 blocks, [50 i, 50 i + 40), for the whole second.
        const uint32_t n = 40;
        const uint32_t count = 10;
        std::vector<Ptr<Socket>> sources;
        for (uint32_t i = 0; i < 2; ++i)
        {
            Ptr<Socket> s = Socket::CreateSocket(ueNodes.Get(i), UdpSocketFactory::GetTypeId());
            s->Connect(InetSocketAddress(bsAddr, 9));
            for (uint32_t k = 0; k < count; ++k)
            {
                s->Send(Create<Packet>(kPayload));
            }
            sources.push_back(s);
            DynamicCast<OfdmaUeNetDevice>(ueDevs.Get(i))
                ->SetGrant({50 * i, n, Seconds(0), Seconds(1)});
        }
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(m_sizesOk, true, "payload sizes intact");
        const double distance[] = {60, 120};
        for (uint32_t i = 0; i < 2; ++i)
        {
            const Ipv4Address src = ifaces.GetAddress(i + 1);
            NS_TEST_ASSERT_MSG_EQ(m_count[src], count, "all datagrams of UE " << i);
            NS_TEST_ASSERT_MSG_EQ(m_bytes[src], count * kPayload, "bytes of UE " << i);
            // On the air: payload + 8 (UDP) + 20 (IPv4) bytes per datagram.
            const double b = n * kRbWidth;
            const double r = b * std::log2(1 + kPowerW * PathGain(distance[i]) / (kN0 * b));
            const double bits = 8.0 * count * (kPayload + 28);
            NS_TEST_ASSERT_MSG_EQ_TOL(m_last[src].GetSeconds(),
                                      bits / r,
                                      8.0 * (kPayload + 28) / r,
                                      "last datagram of UE " << i << " at D / r");
        }
        Simulator::Destroy();
    }

    static constexpr uint32_t kPayload = 972; //!< UDP payload (1000-byte IP packets)
    std::map<Ipv4Address, uint32_t> m_bytes;  //!< bytes by source
    std::map<Ipv4Address, uint32_t> m_count;  //!< datagrams by source
    std::map<Ipv4Address, Time> m_last;       //!< last arrival by source
    bool m_sizesOk{true};                     //!< every payload had kPayload bytes
};

/// The OFDMA UDP TestSuite.
class OfdmaUdpTestSuite : public TestSuite
{
  public:
    OfdmaUdpTestSuite()
        : TestSuite("edge-inference-ofdma-udp", Type::SYSTEM)
    {
        AddTestCase(new UdpEndToEndTestCase);
    }
};

/// Static instance.
static OfdmaUdpTestSuite g_ofdmaUdpTestSuite;

} // namespace
