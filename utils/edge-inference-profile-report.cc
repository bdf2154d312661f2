/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Summarises early-exit DNN profiles, and writes the synthetic default
 * profile data/profiles/paper-default.csv.
 *
 *   edge-inference-profile-report [--profile=PATH]...
 *       prints, per profile and block, tau_n(1), tau_n(16)/16, tau_n(64)/64,
 *       the affine fit (alpha, beta, max/RMS relative error) and the per-task
 *       batching gain tau(1) / (tau(64)/64); default: every
 *       data/profiles/<name>.csv file of the module.
 *   edge-inference-profile-report --write-paper-default=PATH
 *       writes the synthetic profile of the default scenario to PATH.
 */

#include "ns3/command-line.h"
#include "ns3/early-exit-profile.h"
#include "ns3/edge-inference-error.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// Profile files named with --profile, in command-line order.
std::vector<std::string> g_profiles;

/// CommandLine callback of --profile (repeatable).
bool
AddProfile(std::string path)
{
    g_profiles.push_back(path);
    return true;
}

/**
 * The synthetic 5-exit profile of the default scenario (manual: *Default scenario*).
 * The values are ours, chosen to be plausible for a small CNN on an edge
 * accelerator; they are not measured and not the paper's.
 */
EarlyExitProfile
PaperDefault()
{
    const std::vector<double> accuracy{0.60, 0.72, 0.81, 0.87, 0.90};
    // Per block: alpha (per task) and beta (per batch), in milliseconds.
    const std::vector<double> alphaMs{0.20, 0.18, 0.15, 0.12, 0.10};
    const std::vector<double> betaMs{1.5, 1.8, 2.0, 2.2, 2.5};
    std::vector<double> alphaS;
    std::vector<double> betaS;
    for (size_t n = 0; n < alphaMs.size(); ++n)
    {
        alphaS.push_back(alphaMs[n] * 1e-3);
        betaS.push_back(betaMs[n] * 1e-3);
    }
    // 10% of each tau_n(b) goes to the head column (times must be positive).
    EarlyExitProfile p =
        EarlyExitProfile::Synthetic("paper-default", accuracy, alphaS, betaS, 64, 0.1);
    p.SetProvenance("note",
                    "values are ours, chosen to be plausible, not measured and not the "
                    "paper's (its numbers could not be read)");
    p.SetProvenance("parameters",
                    "accuracy 0.60 0.72 0.81 0.87 0.90; alpha_ms 0.20 0.18 0.15 0.12 0.10; "
                    "beta_ms 1.5 1.8 2.0 2.2 2.5");
    p.SetProvenance("generator", "edge-inference-profile-report --write-paper-default=PATH");
    return p;
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string writePaperDefault;
    CommandLine cmd(__FILE__);
    cmd.AddValue("profile",
                 "profile file to summarise (repeatable; default: data/profiles/*.csv)",
                 MakeCallback(&AddProfile));
    cmd.AddValue("write-paper-default",
                 "write the synthetic default profile to this path and exit",
                 writePaperDefault);
    cmd.Parse(argc, argv);

    try
    {
        if (!writePaperDefault.empty())
        {
            PaperDefault().WriteFile(writePaperDefault);
            std::cout << "wrote " << writePaperDefault << "\n";
            return 0;
        }
        if (g_profiles.empty())
        {
            const std::filesystem::path dir =
                std::filesystem::path(EDGE_INFERENCE_SOURCE_DIR) / "data" / "profiles";
            for (const auto& entry : std::filesystem::directory_iterator(dir))
            {
                if (entry.is_regular_file() && entry.path().extension() == ".csv")
                {
                    g_profiles.push_back(entry.path().string());
                }
            }
            std::sort(g_profiles.begin(), g_profiles.end());
            if (g_profiles.empty())
            {
                std::cerr << "no profile files in " << dir << "\n";
                return 1;
            }
        }
        for (const std::string& path : g_profiles)
        {
            std::cout << path << "\n";
            EarlyExitProfile::ReadFile(path).PrintSummary(std::cout);
            std::cout << "\n";
        }
    }
    catch (const EdgeInferenceError& e)
    {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    catch (const std::filesystem::filesystem_error& e)
    {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
