/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Prints the uplink rate model of the edge-inference module for a user at a
 * range of distances from the base station: the rate over the whole band and
 * the minimum bandwidth needed to upload one task within a deadline, for the
 * default scenario (path loss 128.1 + 37.6 log10(d / km) dB, 23 dBm,
 * -174 dBm/Hz, 24,576-bit task).
 *
 *   edge-inference-rate-example --bandwidth=1e6 --bits=24576 --deadline=0.02
 */

#include "ns3/command-line.h"
#include "ns3/uplink-rate-model.h"

#include <cmath>
#include <iomanip>
#include <iostream>

using namespace ns3;

int
main(int argc, char* argv[])
{
    double bandwidthHz = 1e6;
    double bits = 24576;
    double deadlineS = 0.02;
    double powerDbm = 23;
    double noiseDbmHz = -174;

    CommandLine cmd(__FILE__);
    cmd.AddValue("bandwidth", "Total uplink bandwidth (Hz)", bandwidthHz);
    cmd.AddValue("bits", "Task size (bit)", bits);
    cmd.AddValue("deadline", "Upload time available (s)", deadlineS);
    cmd.AddValue("power", "Transmit power (dBm)", powerDbm);
    cmd.AddValue("noise", "Noise PSD (dBm/Hz)", noiseDbmHz);
    cmd.Parse(argc, argv);

    const auto model = UplinkRateModel::FixedPower(edgeinference::DbmPerHzToWPerHz(noiseDbmHz));
    const double powerW = edgeinference::DbmToW(powerDbm);

    std::cout << "distance_m  gain_db  rate_full_band_Mbps  min_bandwidth_kHz  share_of_band\n";
    for (double d : {10.0, 25.0, 50.0, 100.0, 150.0, 200.0, 300.0, 500.0})
    {
        const double lossDb = 128.1 + 37.6 * std::log10(d / 1000.0);
        const double gain = std::pow(10.0, -lossDb / 10.0);
        const double rate = model.Rate(bandwidthHz, powerW, gain);
        const double w = model.MinBandwidth(bits, deadlineS, powerW, gain);
        std::cout << std::setw(10) << d << std::setw(9) << std::fixed << std::setprecision(1)
                  << -lossDb << std::setw(21) << std::setprecision(3) << rate / 1e6;
        if (std::isinf(w))
        {
            std::cout << std::setw(19) << "infeasible" << std::setw(15) << "-"
                      << "\n";
        }
        else
        {
            std::cout << std::setw(19) << std::setprecision(1) << w / 1e3 << std::setw(15)
                      << std::setprecision(3) << w / bandwidthHz << "\n";
        }
    }
    return 0;
}
