/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * A small edge-inference scenario to copy: one BS with an edge server, a few
 * walking UEs, one scheduler, and every task's story printed.
 *
 *   UEs (random walk) --OFDMA uplink--> BS + EdgeController + EdgeServer
 *
 * Each frame (100 ms) every UE creates a task (24,576 bit, accuracy and
 * latency requirements drawn at random); the BS asks the scheduler who to
 * serve, with how many resource blocks and at which exit; the served UEs
 * upload in their grants; the server runs the batch block by block and
 * returns the results.
 *
 * Run: edge-inference-simple [--users=4] [--frames=5] [--scheduler=...]
 *      [--fading=1] [--RngRun=1]
 */

#include "ns3/core-module.h"
#include "ns3/edge-controller.h"
#include "ns3/edge-inference-helper.h"
#include "ns3/edge-inference-stats.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"
#include "ns3/ofdma-uplink-helper.h"

#include <iomanip>
#include <iostream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("EdgeInferenceSimple");

namespace
{

/// Prints one line per frame decision.
void
PrintFrame(const EdgeFrameRecord& f)
{
    std::cout << std::fixed << std::setprecision(3) << f.decision.GetSeconds() << " s  frame "
              << f.frame << ": " << f.candidates << " tasks, " << f.predicted << " served ("
              << f.rejectedAccuracy << " need more accuracy than any exit), upload deadline "
              << f.uploadDeadlineS * 1e3 << " ms\n";
}

/// Prints one line per task when it ends.
void
PrintTask(const InferenceTaskRecord& r)
{
    std::cout << std::fixed << std::setprecision(3) << "    user " << r.user << " task "
              << (r.taskId & 0xffffffff) << ": A=" << r.requiredAccuracy
              << " T=" << r.latencyRequirementS * 1e3 << " ms -> " << ToString(r.outcome);
    if (r.exit > 0)
    {
        std::cout << ", " << r.nRbs << " RBs, uploaded by "
                  << (r.uploadEnd - r.created).GetSeconds() * 1e3 << " ms, exit " << r.exit
                  << " in a batch of " << r.batchSize << ", result at "
                  << (r.resultReceived - r.created).GetSeconds() * 1e3 << " ms";
    }
    std::cout << "\n";
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t users = 4;
    uint32_t frames = 5;
    std::string scheduler = "ns3::TreeSearchC2Scheduler";
    bool fading = true;
    std::string profile = EDGE_INFERENCE_SOURCE_DIR "/data/profiles/paper-default.csv";

    CommandLine cmd(__FILE__);
    cmd.AddValue("users", "Number of UEs", users);
    cmd.AddValue("frames", "Number of 100 ms frames", frames);
    cmd.AddValue("scheduler", "C2 scheduler TypeId", scheduler);
    cmd.AddValue("fading", "Rayleigh block fading on top of path loss", fading);
    cmd.AddValue("profile", "DNN profile file", profile);
    cmd.Parse(argc, argv);
    NS_ABORT_MSG_IF(users == 0, "--users must be > 0");
    NS_ABORT_MSG_IF(frames == 0, "--frames must be > 0");

    // 1. Nodes and mobility: the BS at the origin, UEs walking at 1.5 m/s
    //    inside a 400 m x 400 m square, starting uniformly in a 150 m disc.
    NodeContainer bs;
    bs.Create(1);
    NodeContainer ues;
    ues.Create(users);
    MobilityHelper mobility;
    mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    mobility.Install(bs);
    mobility.SetPositionAllocator("ns3::UniformDiscPositionAllocator",
                                  "rho",
                                  DoubleValue(150),
                                  "X",
                                  DoubleValue(0),
                                  "Y",
                                  DoubleValue(0));
    mobility.SetMobilityModel("ns3::RandomWalk2dMobilityModel",
                              "Bounds",
                              RectangleValue(Rectangle(-200, 200, -200, 200)),
                              "Speed",
                              StringValue("ns3::ConstantRandomVariable[Constant=1.5]"));
    mobility.Install(ues);

    // 2. The OFDMA uplink (defaults: 1 MHz of 10 kHz blocks, 23 dBm,
    //    -174 dBm/Hz, path loss 128.1 + 37.6 log10(d/km), Rayleigh fading).
    OfdmaUplinkHelper uplink;
    uplink.EnableFading(fading);
    NetDeviceContainer bsDev = uplink.InstallBs(bs);
    NetDeviceContainer ueDevs = uplink.InstallUe(ues, bsDev.Get(0));
    int64_t stream = 1;
    stream += uplink.AssignStreams(NetDeviceContainer(bsDev, ueDevs), stream);
    stream += mobility.AssignStreams(ues, stream);

    // 3. IP: every UE packet goes to the BS, where the server listens.
    InternetStackHelper internet;
    internet.Install(bs);
    internet.Install(ues);
    Ipv4AddressHelper ip("7.0.0.0", "255.0.0.0");
    ip.Assign(NetDeviceContainer(bsDev, ueDevs));

    // 4. The applications: scheduler host and server on the BS, one client
    //    per UE.
    EdgeInferenceHelper edge;
    edge.SetProfile(profile);
    edge.SetSchedulerType(scheduler);
    edge.SetControllerAttribute("MaxFrames", UintegerValue(frames));
    edge.SetClientAttribute("MaxTasks", UintegerValue(frames));
    EdgeInferenceApplications apps = edge.Install(bs.Get(0), bs.Get(0), ues);
    edge.AssignStreams(apps, stream);
    apps.GetAll().Start(Seconds(0));

    // 5. Traces.
    Ptr<EdgeInferenceStats> stats = Create<EdgeInferenceStats>();
    stats->Connect(apps);
    apps.GetController()->TraceConnectWithoutContext("FrameScheduled", MakeCallback(&PrintFrame));
    for (auto it = apps.clients.Begin(); it != apps.clients.End(); ++it)
    {
        (*it)->TraceConnectWithoutContext("TaskRecord", MakeCallback(&PrintTask));
    }

    Simulator::Stop(MilliSeconds(100) * (frames + 1));
    Simulator::Run();
    std::cout << stats->GetCompleted() << " of " << stats->GetTasksEnded()
              << " tasks completed; the scheduler predicted " << stats->GetPredicted() << "\n";
    Simulator::Destroy();
    return 0;
}
