/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "edge-controller.h"

#include "c2-scheduler.h"
#include "edge-control-channel.h"
#include "edge-inference-compat.h"
#include "edge-inference-error.h"
#include "edge-server.h"
#include "edge-uplink-sap.h"
#include "inference-client.h"
#include "ofdma-grant.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EdgeController");

NS_OBJECT_ENSURE_REGISTERED(EdgeController);

TypeId
EdgeController::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::EdgeController")
            .SetParent<Application>()
            .SetGroupName("EdgeInference")
            .AddConstructor<EdgeController>()
            .AddAttribute("FramePeriod",
                          "Length of a frame (s); one allocation per frame. Must be > 0.",
                          TimeValue(MilliSeconds(100)),
                          MakeTimeAccessor(&EdgeController::m_framePeriod),
                          MakeTimeChecker(NanoSeconds(1)))
            .AddAttribute("TimingGuard",
                          "Margin (s) taken off every deadline and added to every grant, for "
                          "what the plan does not model: propagation delay and the rounding "
                          "of durations to the time resolution.",
                          TimeValue(MicroSeconds(10)),
                          MakeTimeAccessor(&EdgeController::m_timingGuard),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("MaxFrames",
                          "Number of frames to run; 0 for no limit (until the application "
                          "stops). Tasks still waiting after the last frame, or arriving "
                          "then, end as not-scheduled.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&EdgeController::m_maxFrames),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("ServerBusyAware",
                          "If true, a frame whose uploads start while the edge server is "
                          "predicted to be still busy plans with the server's free time (the "
                          "batch starts no earlier; uploads may use that time), so its "
                          "predictions hold; if false, it plans as if the server were free "
                          "(the paper's one-frame model) and tasks may miss their deadlines.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&EdgeController::m_serverBusyAware),
                          MakeBooleanChecker())
            .AddAttribute("QueueUnserved",
                          "If true, a task the scheduler does not serve waits for the next "
                          "frame and is planned again with its remaining time budget until it "
                          "is served or no frame can meet its deadline (outcome expired); if "
                          "false (the paper's one-shot frames), it ends as not-scheduled.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&EdgeController::m_queueUnserved),
                          MakeBooleanChecker())
            .AddAttribute("BlockTimes",
                          "Block latencies the plans use: \"AffineFit\" (the profile's fit "
                          "tau_n(b) = alpha_n b + beta_n, the paper's model) or "
                          "\"MeasuredEnvelope\" (the profile's measured table made "
                          "non-decreasing in b: E_n(b) = max over b' <= b of tau_n(b'); a "
                          "server running the profile's times then never takes longer than "
                          "planned).",
                          EnumValue(EdgeController::AFFINE_FIT),
                          edgeinference::MakeEnumAccessor<EdgeController::BlockTimeModel>(
                              &EdgeController::m_blockTimes),
                          MakeEnumChecker(EdgeController::AFFINE_FIT,
                                          "AffineFit",
                                          EdgeController::MEASURED_ENVELOPE,
                                          "MeasuredEnvelope"))
            .AddAttribute("Scheduler",
                          "The C2 scheduler plugin (EdgeInferenceHelper::SetSchedulerType "
                          "creates it).",
                          PointerValue(),
                          MakePointerAccessor(&EdgeController::m_scheduler),
                          MakePointerChecker<C2Scheduler>())
            .AddTraceSource("FrameScheduled",
                            "A frame was decided (summary).",
                            MakeTraceSourceAccessor(&EdgeController::m_frameTrace),
                            "ns3::EdgeController::FrameTracedCallback")
            .AddTraceSource("Allocation",
                            "The problem of a frame and the scheduler's allocation.",
                            MakeTraceSourceAccessor(&EdgeController::m_allocationTrace),
                            "ns3::EdgeController::AllocationTracedCallback");
    return tid;
}

EdgeController::EdgeController()
    : m_maxFrames(0),
      m_hasProfile(false),
      m_uplink(nullptr),
      m_frame(0),
      m_decided(0),
      m_serverBusyAware(true),
      m_queueUnserved(false),
      m_blockTimes(AFFINE_FIT)
{
    NS_LOG_FUNCTION(this);
}

EdgeController::~EdgeController()
{
    NS_LOG_FUNCTION(this);
}

void
EdgeController::SetScheduler(Ptr<C2Scheduler> scheduler)
{
    m_scheduler = scheduler;
}

Ptr<C2Scheduler>
EdgeController::GetScheduler() const
{
    return m_scheduler;
}

void
EdgeController::SetProfile(const EarlyExitProfile& profile)
{
    m_profile = profile;
    m_hasProfile = true;
}

void
EdgeController::SetServer(Ptr<EdgeServer> server)
{
    m_server = server;
}

Ptr<EdgeServer>
EdgeController::GetServer() const
{
    return m_server;
}

void
EdgeController::SetUplinkSapProvider(EdgeUplinkSapProvider* provider)
{
    m_uplink = provider;
}

void
EdgeController::SetControlChannel(Ptr<EdgeControlChannel> channel)
{
    m_control = channel;
}

Ptr<EdgeControlChannel>
EdgeController::GetControlChannel() const
{
    return m_control;
}

uint32_t
EdgeController::GetFramesDecided() const
{
    return m_decided;
}

void
EdgeController::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_scheduler = nullptr;
    m_server = nullptr;
    m_uplink = nullptr;
    m_control = nullptr;
    m_pending.clear();
    Application::DoDispose();
}

void
EdgeController::StartApplication()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_hasProfile,
                    "EdgeController: no DNN profile; use EdgeInferenceHelper::SetProfile");
    NS_ABORT_MSG_IF(!m_scheduler,
                    "EdgeController: attribute Scheduler is not set; use "
                    "EdgeInferenceHelper::SetSchedulerType");
    NS_ABORT_MSG_IF(!m_server, "EdgeController: no EdgeServer; use EdgeInferenceHelper::Install");
    NS_ABORT_MSG_IF(!m_control,
                    "EdgeController: no EdgeControlChannel; use EdgeInferenceHelper::Install");
    NS_ABORT_MSG_IF(m_framePeriod <= Time(0),
                    "EdgeController: attribute FramePeriod must be > 0, got " << m_framePeriod);
    NS_ABORT_MSG_IF(!m_uplink,
                    "EdgeController (node "
                        << GetNode()->GetId()
                        << "): no uplink interface; use EdgeInferenceHelper::Install, or "
                           "SetUplinkSapProvider(bsDevice->GetEdgeUplinkSapProvider())");
    m_frame = 0;
    m_serverBusyUntil = Time(0);
    StartFrame();
}

void
EdgeController::StopApplication()
{
    NS_LOG_FUNCTION(this);
    Simulator::Cancel(m_frameEvent);
}

void
EdgeController::ReceiveRequest(const InferenceTaskRecord& record, Ptr<InferenceClient> client)
{
    NS_LOG_FUNCTION(this << record.taskId);
    Request r{record, client, client->GetUplinkAddress()};
    NS_ABORT_MSG_IF(r.ue.IsInvalid(),
                    "EdgeController: the client of user " << record.user
                                                          << " has no uplink device");
    if (m_maxFrames > 0 && m_frame > m_maxFrames)
    {
        Reject(r, InferenceTaskOutcome::NOT_SCHEDULED); // no frame is left
        return;
    }
    m_pending.push_back(r);
}

void
EdgeController::StartFrame()
{
    const uint32_t f = m_frame++;
    if (m_maxFrames > 0 && f >= m_maxFrames)
    {
        // No frame is left for the tasks still waiting: every task ends.
        std::vector<Request> waiting;
        std::swap(waiting, m_pending);
        for (Request& r : waiting)
        {
            r.record.frame = f; // the frame that does not happen
            Reject(r, InferenceTaskOutcome::NOT_SCHEDULED);
        }
        return;
    }
    m_frameEvent = Simulator::Schedule(m_framePeriod, &EdgeController::StartFrame, this);
    // A request sent at the frame start arrives RequestDelay later (within
    // the sending call when that is 0, see EdgeControlChannel).
    Simulator::Schedule(m_control->GetDelay(EdgeControlMessage::REQUEST),
                        &EdgeController::DecisionPoint,
                        this,
                        f);
}

void
EdgeController::DecisionPoint(uint32_t frame)
{
    // Events at the same instant run in the order they were scheduled; this
    // second hop puts the decision after every request already on its way
    // for this instant, whatever the order of the applications.
    Simulator::ScheduleNow(&EdgeController::Decide, this, frame);
}

void
EdgeController::Reject(Request request, InferenceTaskOutcome outcome)
{
    request.record.outcome = outcome;
    NS_LOG_INFO("frame " << request.record.frame << ": task " << request.record.taskId
                         << " rejected: " << ToString(outcome));
    m_control->SendRejection(request.record, request.client);
}

void
EdgeController::Decide(uint32_t frame)
{
    NS_LOG_FUNCTION(this << frame);
    const Time uploadStart = Simulator::Now() + m_control->GetDelay(EdgeControlMessage::GRANT) +
                             m_uplink->GetTransmissionDelay();
    EdgeFrameRecord fr;
    fr.frame = frame;
    fr.decision = Simulator::Now();
    fr.uploadStart = uploadStart;
    fr.scheduler = m_scheduler->GetInstanceTypeId().GetName();
    // A server still busy with earlier batches when the uploads start: the
    // problem carries its free time, and every scheduler starts the batch
    // no earlier (the uploads may use that time).
    fr.serverBusyS = m_serverBusyAware && m_serverBusyUntil > uploadStart
                         ? (m_serverBusyUntil - uploadStart).GetSeconds()
                         : 0.0;

    // The exits first: admission needs the alone times, the problem all of
    // them (a table long enough for every pending task).
    C2Problem problem;
    SetExits(problem, std::max<size_t>(1, m_pending.size()));
    const Candidates candidates = AdmitRequests(fr, problem);
    fr.candidates = candidates.requests.size();
    BuildProblem(candidates, problem);
    const C2Allocation alloc = RunScheduler(frame, problem, fr);
    if (!alloc.feasible)
    {
        NS_LOG_ERROR("frame " << frame << ": " << fr.scheduler
                              << " returned an infeasible allocation ("
                              << (alloc.violations.empty() ? "" : alloc.violations.front())
                              << "); none of its tasks is executed");
        for (const Request& r : candidates.requests)
        {
            Reject(r, InferenceTaskOutcome::INFEASIBLE_ALLOCATION);
        }
    }
    else
    {
        Dispatch(alloc, candidates, fr);
    }
    NS_LOG_INFO("frame " << frame << ": " << fr.requests << " requests, " << fr.candidates
                         << " candidates, " << fr.predicted << " served by " << fr.scheduler);
    m_frameTrace(fr);
}

EdgeController::Candidates
EdgeController::AdmitRequests(EdgeFrameRecord& fr, const C2Problem& exits)
{
    const Time resultDelay = m_control->GetDelay(EdgeControlMessage::RESULT);
    // Deterministic order, independent of the order of arrival events.
    std::vector<Request> pending;
    std::swap(pending, m_pending);
    std::stable_sort(pending.begin(), pending.end(), [](const Request& a, const Request& b) {
        return a.record.taskId < b.record.taskId;
    });
    // Earliest deadline first per UE, so at most one task per UE enters.
    std::stable_sort(pending.begin(), pending.end(), [](const Request& a, const Request& b) {
        return a.record.deadline < b.record.deadline;
    });
    Candidates admitted;
    for (Request& r : pending)
    {
        r.record.frame = fr.frame;
        r.record.scheduler = fr.scheduler;
        fr.requests++;
        // A task that waited may be past its deadline: never convert a
        // negative Time (ns-3's conversion shifts it left, undefined).
        const Time budget = r.record.deadline - fr.uploadStart - resultDelay - m_timingGuard;
        const double t = budget.IsStrictlyPositive() ? budget.GetSeconds() : 0.0;
        if (!(t > 0))
        {
            fr.expired++;
            Reject(r, InferenceTaskOutcome::EXPIRED);
            continue;
        }
        r.record.requiredExit = m_profile.RequiredExit(r.record.requiredAccuracy);
        if (r.record.requiredExit == 0)
        {
            fr.rejectedAccuracy++;
            Reject(r, InferenceTaskOutcome::ACCURACY);
            continue;
        }
        if (m_queueUnserved && !(t > exits.AloneTime(r.record.requiredExit)))
        {
            // Not even alone, with an instant upload: no frame can serve it.
            fr.expired++;
            Reject(r, InferenceTaskOutcome::EXPIRED);
            continue;
        }
        const bool ueTaken = std::any_of(admitted.requests.begin(),
                                         admitted.requests.end(),
                                         [&r](const Request& c) { return c.ue == r.ue; });
        if (ueTaken)
        {
            m_pending.push_back(r); // a later frame
            fr.carried++;
            continue;
        }
        if (!(t - fr.serverBusyS > 0))
        {
            Reject(r, InferenceTaskOutcome::NOT_SCHEDULED); // the server is busy past it
            continue;
        }
        admitted.requests.push_back(r);
        admitted.deadlineS.push_back(t);
    }
    admitted.serverFreeS = fr.serverBusyS;
    return SortByTaskId(admitted);
}

EdgeController::Candidates
EdgeController::SortByTaskId(const Candidates& candidates)
{
    // Problem users in task-id order (user index, then sequence).
    std::vector<size_t> order(candidates.requests.size());
    for (size_t i = 0; i < order.size(); ++i)
    {
        order[i] = i;
    }
    std::sort(order.begin(), order.end(), [&candidates](size_t a, size_t b) {
        return candidates.requests[a].record.taskId < candidates.requests[b].record.taskId;
    });
    Candidates sorted;
    sorted.serverFreeS = candidates.serverFreeS;
    for (size_t i : order)
    {
        sorted.requests.push_back(candidates.requests[i]);
        sorted.deadlineS.push_back(candidates.deadlineS[i]);
    }
    return sorted;
}

void
EdgeController::SetExits(C2Problem& problem, uint32_t maxBatch) const
{
    problem.SetExitsFromProfile(m_profile);
    if (m_blockTimes == MEASURED_ENVELOPE)
    {
        problem.SetBlockTimesFromProfileEnvelope(m_profile, maxBatch);
    }
}

void
EdgeController::BuildProblem(const Candidates& candidates, C2Problem& problem)
{
    const double rbHz = m_uplink->GetResourceBlockWidth();
    problem.SetBandwidth(m_uplink->GetNResourceBlocks() * rbHz);
    problem.SetResourceBlockWidth(rbHz);
    problem.SetServerFreeS(candidates.serverFreeS);
    std::vector<EdgeUplinkLinkState> links;
    bool closedForm = true;
    for (const Request& r : candidates.requests)
    {
        links.push_back(m_uplink->GetLinkState(r.ue));
        closedForm = closedForm && links.back().shannonNoisePsdWHz > 0 &&
                     links.back().shannonNoisePsdWHz == links.front().shannonNoisePsdWHz;
    }
    if (closedForm && !links.empty())
    {
        problem.SetRateModel(UplinkRateModel::FixedPower(links.front().shannonNoisePsdWHz));
    }
    // Uploads must end before the next frame's grants start. Capping T_k at
    // (frame - guard) + C_{m_k}(1), the least compute time task k can have,
    // guarantees it: its upload ends by T_k - Phi_k <= frame - guard. In the
    // default scenario (T <= frame) the cap never binds.
    const double uploadLimitS = (m_framePeriod - m_timingGuard).GetSeconds();
    for (size_t i = 0; i < candidates.requests.size(); ++i)
    {
        const Request& r = candidates.requests[i];
        const double leastComputeS = problem.AloneTime(r.record.requiredExit);
        C2User u;
        u.id = r.record.user;
        u.bits = r.record.onAirBits;
        u.powerW = links[i].txPowerW;
        u.gain = std::max(links[i].gain, 1e-300);
        u.deadlineS = std::min(candidates.deadlineS[i], uploadLimitS + leastComputeS);
        u.accuracy = r.record.requiredAccuracy;
        problem.AddUser(u);
        if (!closedForm)
        {
            problem.SetRateTable(i, links[i].rateBps);
        }
    }
}

C2Allocation
EdgeController::RunScheduler(uint32_t frame, const C2Problem& problem, EdgeFrameRecord& fr)
{
    C2Allocation alloc;
    std::string error;
    try
    {
        alloc = m_scheduler->Allocate(problem);
    }
    catch (const EdgeInferenceError& e)
    {
        error = e.what();
    }
    // Outside the handler, so the abort does not report an active exception.
    NS_ABORT_MSG_IF(!error.empty(),
                    "EdgeController: frame " << frame << ", scheduler " << fr.scheduler << ": "
                                             << error);
    ++m_decided;
    fr.feasible = alloc.feasible;
    fr.uploadDeadlineS = alloc.uploadDeadlineS;
    fr.runtimeUs = alloc.stats.runtimeUs;
    fr.searchNodes = alloc.stats.nodes;
    m_allocationTrace(frame, problem, alloc);
    return alloc;
}

void
EdgeController::Dispatch(const C2Allocation& alloc,
                         const Candidates& candidates,
                         EdgeFrameRecord& fr)
{
    std::vector<EdgeBatchPlan> plans;
    std::vector<std::pair<Request, OfdmaGrant>> uploads;
    std::vector<std::pair<size_t, size_t>> planned; // per upload: its plan and place there
    std::vector<bool> served(candidates.requests.size(), false);
    uint32_t nextRb = 0;
    for (const C2ServedTask& st : alloc.served)
    {
        Request r = candidates.requests[st.user];
        served[st.user] = true;
        r.record.exit = st.exit;
        r.record.accuracy = m_profile.GetExitAccuracy(st.exit);
        r.record.bandwidthHz = st.bandwidthHz;
        r.record.firstRb = nextRb;
        r.record.nRbs = st.resourceBlocks;
        nextRb += st.resourceBlocks;
        r.record.uploadStart = fr.uploadStart;
        r.record.predictedUploadEnd = fr.uploadStart + Seconds(st.uploadEndS);
        r.record.predictedCompletion = fr.uploadStart + Seconds(st.completionS);
        if (st.batch >= plans.size())
        {
            plans.resize(st.batch + 1);
            plans[st.batch].plannedStart = Time::Max();
        }
        EdgeBatchPlan& plan = plans[st.batch];
        plan.plannedStart = std::min(plan.plannedStart, fr.uploadStart + Seconds(st.computeStartS));
        planned.emplace_back(st.batch, plan.tasks.size());
        plan.tasks.push_back({r.record, r.client});
        uploads.emplace_back(r, MakeGrant(r.record, alloc.uploadDeadlineS, st.uploadEndS));
    }
    for (size_t i = 0; i < candidates.requests.size(); ++i)
    {
        if (served[i])
        {
            continue;
        }
        if (m_queueUnserved)
        {
            m_pending.push_back(candidates.requests[i]);
            fr.carried++;
        }
        else
        {
            Reject(candidates.requests[i], InferenceTaskOutcome::NOT_SCHEDULED);
        }
    }
    fr.predicted = alloc.served.size();
    fr.batches = plans.size();
    for (size_t j = 0; j < plans.size(); ++j)
    {
        plans[j].frame = fr.frame;
        plans[j].execution = alloc.execution;
        if (j < alloc.batchReleaseS.size())
        {
            plans[j].releaseTime = fr.uploadStart + Seconds(alloc.batchReleaseS[j]);
        }
        SubmitBatch(plans[j]);
    }
    if (!plans.empty())
    {
        fr.plannedBatchStart = plans.front().plannedStart;
    }
    // The UEs' copies carry the same predictions as the server's.
    for (size_t i = 0; i < uploads.size(); ++i)
    {
        uploads[i].first.record = plans[planned[i].first].tasks[planned[i].second].record;
    }
    SendGrants(uploads);
}

void
EdgeController::SubmitBatch(EdgeBatchPlan& plan)
{
    // A server the plan did not know busy (ServerBusyAware false) delays
    // the batch and every prediction in it by the same wait.
    const Time computeStart = plan.plannedStart;
    plan.plannedStart = std::max(computeStart, m_serverBusyUntil);
    const Time wait = plan.plannedStart - computeStart;
    for (EdgePlannedTask& t : plan.tasks)
    {
        t.record.predictedCompletion += wait;
        m_serverBusyUntil = std::max(m_serverBusyUntil, t.record.predictedCompletion);
    }
    plan.latestStart = plan.plannedStart + m_timingGuard;
    m_server->SubmitPlan(plan);
}

OfdmaGrant
EdgeController::MakeGrant(const InferenceTaskRecord& record,
                          double uploadDeadlineS,
                          double uploadEndS) const
{
    // Open until the later of the shared upload deadline and the task's own
    // predicted upload end, plus the guard, and never into the next frame.
    OfdmaGrant g;
    g.firstRb = record.firstRb;
    g.nRbs = record.nRbs;
    g.start = record.uploadStart;
    g.end = std::min(record.uploadStart + Seconds(std::max(uploadDeadlineS, uploadEndS)) +
                         m_timingGuard,
                     record.uploadStart + m_framePeriod);
    return g;
}

void
EdgeController::SendGrants(const std::vector<std::pair<Request, OfdmaGrant>>& uploads)
{
    // The radio books the blocks now for a window that opens GrantDelay
    // later, when the grant message reaches the UE: a lost message leaves
    // the window unused.
    for (const auto& [r, g] : uploads)
    {
        NS_LOG_LOGIC("user " << r.record.user << ": " << g);
        m_uplink->Grant(r.ue, g);
        m_control->SendGrant(r.record, r.client);
    }
}

} // namespace ns3
