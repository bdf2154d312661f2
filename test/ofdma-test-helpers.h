/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef OFDMA_TEST_HELPERS_H
#define OFDMA_TEST_HELPERS_H

// Values and small fixtures shared by the OFDMA TestSuites. The constants and
// the path gain are written out here, independently of the model code, so
// that the suites compare the model against them.

#include "ns3/constant-position-mobility-model.h"
#include "ns3/node.h"
#include "ns3/vector.h"

#include <cmath>
#include <cstdint>

namespace ns3
{
namespace ofdmatest
{

const double kRbWidth = 10e3;                      //!< default block width (Hz)
const double kPowerW = 1e-3 * std::pow(10.0, 2.3); //!< 23 dBm, the UE default (W)
const double kN0 = 1e-3 * std::pow(10.0, -17.4);   //!< -174 dBm/Hz, the BS default (W/Hz)

/**
 * Path gain of the manual's *Default scenario*: 128.1 + 37.6 log10(d / km) dB.
 * @param d distance (m)
 * @return linear gain
 */
inline double
PathGain(double d)
{
    return std::pow(10.0, -(128.1 + 37.6 * std::log10(d / 1000.0)) / 10.0);
}

/**
 * The transmit power that gives a UE an SNR on n blocks at distance d,
 * fading off: P = SNR N0 n W / g.
 * @param snrDb the SNR wanted (dB)
 * @param n number of blocks
 * @param d distance (m)
 * @return the power (dBm)
 */
inline double
PowerDbmForSnr(double snrDb, uint32_t n, double d)
{
    return snrDb + 10 * std::log10(kN0 * n * kRbWidth / PathGain(d)) + 30;
}

/**
 * @param x position on the x axis (m)
 * @param y position on the y axis (m)
 * @return a node with a constant-position mobility model there
 */
inline Ptr<Node>
NodeAt(double x, double y = 0)
{
    Ptr<Node> n = CreateObject<Node>();
    Ptr<ConstantPositionMobilityModel> m = CreateObject<ConstantPositionMobilityModel>();
    m->SetPosition(Vector(x, y, 0));
    n->AggregateObject(m);
    return n;
}

} // namespace ofdmatest
} // namespace ns3

#endif /* OFDMA_TEST_HELPERS_H */
