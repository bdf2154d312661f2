/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "edge-inference-cell-helper.h"

#include "ns3/constant-position-mobility-model.h"
#include "ns3/constant-velocity-mobility-model.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/ofdma-bs-net-device.h"
#include "ns3/random-variable-stream.h"

#include <cmath>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EdgeInferenceCellHelper");

EdgeInferenceCellHelper::EdgeInferenceCellHelper()
    : m_radius(200),
      m_minDistance(10),
      m_ueSpeed(0)
{
}

void
EdgeInferenceCellHelper::SetUeSpeed(double mps)
{
    m_ueSpeed = mps;
}

void
EdgeInferenceCellHelper::SetCellRadius(double m)
{
    m_radius = m;
}

void
EdgeInferenceCellHelper::SetMinDistance(double m)
{
    m_minDistance = m;
}

OfdmaUplinkHelper&
EdgeInferenceCellHelper::GetUplinkHelper()
{
    return m_uplink;
}

EdgeInferenceCell
EdgeInferenceCellHelper::Drop(uint32_t users, int64_t stream) const
{
    NS_ABORT_MSG_IF(users == 0, "EdgeInferenceCellHelper: the number of users must be > 0");
    NS_ABORT_MSG_IF(!(m_minDistance > 0) || !(m_radius > m_minDistance),
                    "EdgeInferenceCellHelper: need 0 < MinDistance < CellRadius (m), got "
                        << m_minDistance << " and " << m_radius);
    NS_ABORT_MSG_IF(!(m_ueSpeed >= 0) || !std::isfinite(m_ueSpeed),
                    "EdgeInferenceCellHelper: UE speed must be >= 0 m/s, got " << m_ueSpeed);
    EdgeInferenceCell cell;
    cell.bs = CreateObject<Node>();
    cell.ues.Create(users);

    Ptr<ConstantPositionMobilityModel> bsPos = CreateObject<ConstantPositionMobilityModel>();
    bsPos->SetPosition(Vector(0, 0, 0));
    cell.bs->AggregateObject(bsPos);
    // Uniform over the annulus area: r^2 uniform in [r0^2, r1^2].
    Ptr<UniformRandomVariable> u = CreateObject<UniformRandomVariable>();
    u->SetStream(stream);
    const double r0 = m_minDistance * m_minDistance;
    const double r1 = m_radius * m_radius;
    std::vector<Vector> start;
    for (uint32_t i = 0; i < users; ++i)
    {
        const double r = std::sqrt(r0 + (r1 - r0) * u->GetValue());
        const double phi = 2 * M_PI * u->GetValue();
        start.emplace_back(r * std::cos(phi), r * std::sin(phi), 0);
    }
    for (uint32_t i = 0; i < users; ++i)
    {
        Ptr<MobilityModel> m;
        if (m_ueSpeed > 0)
        {
            const double heading = 2 * M_PI * u->GetValue();
            auto moving = CreateObject<ConstantVelocityMobilityModel>();
            moving->SetPosition(start[i]);
            moving->SetVelocity(
                Vector(m_ueSpeed * std::cos(heading), m_ueSpeed * std::sin(heading), 0));
            m = moving;
        }
        else
        {
            auto fixed = CreateObject<ConstantPositionMobilityModel>();
            fixed->SetPosition(start[i]);
            m = fixed;
        }
        cell.ues.Get(i)->AggregateObject(m);
    }
    return cell;
}

EdgeInferenceCell
EdgeInferenceCellHelper::Create(uint32_t users, int64_t stream)
{
    EdgeInferenceCell cell = Drop(users, stream);
    NetDeviceContainer bsDevs = m_uplink.InstallBs(NodeContainer(cell.bs));
    cell.bsDevice = DynamicCast<OfdmaBsNetDevice>(bsDevs.Get(0));
    cell.ueDevices = m_uplink.InstallUe(cell.ues, bsDevs.Get(0));
    NetDeviceContainer all(bsDevs, cell.ueDevices);
    cell.streamsUsed = 1 + m_uplink.AssignStreams(all, stream + 1);

    InternetStackHelper internet;
    internet.Install(cell.bs);
    internet.Install(cell.ues);
    Ipv4AddressHelper ip("7.0.0.0", "255.0.0.0");
    Ipv4InterfaceContainer ifs = ip.Assign(all);
    cell.bsAddress = ifs.GetAddress(0);
    return cell;
}

} // namespace ns3
