/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ofdma-bs-net-device.h"

#include "edge-inference-compat.h"
#include "edge-inference-tolerance.h"
#include "ofdma-bs-phy.h"
#include "ofdma-spectrum-model.h"
#include "ofdma-ue-net-device.h"
#include "ofdma-ue-phy.h"
#include "uplink-rate-model.h"

#include "ns3/abort.h"
#include "ns3/angles.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/propagation-loss-model.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("OfdmaBsNetDevice");

NS_OBJECT_ENSURE_REGISTERED(OfdmaBsNetDevice);

TypeId
OfdmaBsNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::OfdmaBsNetDevice")
            .SetParent<OfdmaNetDevice>()
            .SetGroupName("EdgeInference")
            .AddConstructor<OfdmaBsNetDevice>()
            .AddAttribute("Bandwidth",
                          "Total uplink bandwidth B (Hz, > 0, a whole number of resource "
                          "blocks). Fixed once the device is installed.",
                          DoubleValue(1e6),
                          MakeDoubleAccessor(&OfdmaBsNetDevice::SetBandwidth,
                                             &OfdmaBsNetDevice::GetBandwidth),
                          MakeDoubleChecker<double>())
            .AddAttribute("ResourceBlockWidth",
                          "Width W of one resource block (Hz, > 0). The default 10 kHz makes "
                          "the uplink close to continuous bandwidth; 180e3 gives LTE-like "
                          "blocks. Fixed once the device is installed.",
                          DoubleValue(10e3),
                          MakeDoubleAccessor(&OfdmaBsNetDevice::SetResourceBlockWidth,
                                             &OfdmaBsNetDevice::GetResourceBlockWidth),
                          MakeDoubleChecker<double>())
            .AddAttribute("CarrierFrequency",
                          "Carrier (centre) frequency (Hz). Fixed once the device is "
                          "installed.",
                          DoubleValue(2e9),
                          MakeDoubleAccessor(&OfdmaBsNetDevice::SetCarrierFrequency,
                                             &OfdmaBsNetDevice::GetCarrierFrequency),
                          MakeDoubleChecker<double>())
            .AddAttribute("ThermalNoisePsd",
                          "Thermal noise PSD (dBm/Hz); -174 is the usual rounding of kT at "
                          "290 K (-173.98) and matches the manual's default.",
                          DoubleValue(-174.0),
                          MakeDoubleAccessor(&OfdmaBsNetDevice::SetThermalNoisePsd,
                                             &OfdmaBsNetDevice::GetThermalNoisePsd),
                          MakeDoubleChecker<double>(-300.0, 0.0))
            .AddAttribute("NoiseFigure",
                          "Receiver noise figure (dB, >= 0). The default 0 makes N0 exactly "
                          "-174 dBm/Hz, the manual's default.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&OfdmaBsNetDevice::SetNoiseFigure,
                                             &OfdmaBsNetDevice::GetNoiseFigure),
                          MakeDoubleChecker<double>(0.0, 100.0))
            .AddAttribute("RateMapping",
                          "How the rate is chosen from the SINR: \"Shannon\" (sum over blocks "
                          "of W log2(1 + SINR / gap), no block errors) or \"McsTable\" (LTE-"
                          "like MCS table with a BLER curve).",
                          EnumValue(OfdmaRateMapping::SHANNON),
                          edgeinference::MakeEnumAccessor<OfdmaRateMapping::Mode>(
                              &OfdmaBsNetDevice::m_rateMapping),
                          MakeEnumChecker(OfdmaRateMapping::SHANNON,
                                          "Shannon",
                                          OfdmaRateMapping::MCS_TABLE,
                                          "McsTable"))
            .AddAttribute("SnrGap",
                          "SNR gap of the Shannon mapping (dB, >= 0; 0 = capacity).",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&OfdmaBsNetDevice::m_snrGapDb),
                          MakeDoubleChecker<double>(0.0, 100.0))
            .AddAttribute("BlerSlope",
                          "Slope of the logistic BLER curve of the McsTable mapping (dB, > 0): "
                          "BLER = 1 / (1 + 9 exp((SINR - threshold) / slope)).",
                          DoubleValue(0.5),
                          MakeDoubleAccessor(&OfdmaBsNetDevice::m_blerSlopeDb),
                          MakeDoubleChecker<double>(1e-6, 100.0))
            .AddAttribute("BlockErrors",
                          "If false, the McsTable mapping decodes every packet: an ideal, "
                          "loss-free link at MCS-quantised rates (no effect in Shannon mode).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&OfdmaBsNetDevice::m_blockErrors),
                          MakeBooleanChecker())
            .AddAttribute("TargetBler",
                          "Block error rate the McsTable link adaptation aims at (in [1e-6, "
                          "0.5]): the highest MCS whose BLER at the effective SINR is at most "
                          "this is chosen, for transmissions and in the planned rates alike. "
                          "The default 0.1 is the MCS thresholds' own BLER; lower values back "
                          "off by BlerSlope * ln((1 - T) / (9 T)) dB.",
                          DoubleValue(0.1),
                          MakeDoubleAccessor(&OfdmaBsNetDevice::m_targetBler),
                          MakeDoubleChecker<double>(1e-6, 0.5))
            .AddAttribute("AirtimeMargin",
                          "Extra airtime the planned rates leave for retransmissions (a "
                          "fraction, in [0, 10]): the link state reports rate / (1 + margin) "
                          "on every block count, so a served task's grant is that much longer "
                          "than its first transmission needs. 0 plans the delivered rate.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&OfdmaBsNetDevice::m_airtimeMargin),
                          MakeDoubleChecker<double>(0.0, 10.0))
            .AddAttribute("CsiPeriod",
                          "Sounding period of the channel state the BS plans and adapts "
                          "links with (s). 0 (default): ideal CSI, the channel now. Above 0 "
                          "the BS measures every UE's gain at each multiple of the period "
                          "and uses the latest measurement at least CsiDelay old (the "
                          "soundings run until the simulation stops: set a stop time).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&OfdmaBsNetDevice::m_csiPeriod),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("CsiDelay",
                          "Age at which a sounding becomes usable (s, >= 0; needs "
                          "CsiPeriod > 0).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&OfdmaBsNetDevice::m_csiDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("CsiErrorStd",
                          "Standard deviation of the Gaussian error, in dB, of each "
                          "sounding's gain (>= 0; needs CsiPeriod > 0).",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&OfdmaBsNetDevice::m_csiErrorDb),
                          MakeDoubleChecker<double>(0.0, 100.0))
            .AddAttribute("Phy",
                          "The PHY of the device.",
                          PointerValue(),
                          MakePointerAccessor(&OfdmaBsNetDevice::GetPhy),
                          MakePointerChecker<OfdmaBsPhy>())
            .AddTraceSource("Rx",
                            "A packet was received and passed up: packet, UE address, "
                            "effective SINR over its duration (dB), rate (bit/s).",
                            MakeTraceSourceAccessor(&OfdmaBsNetDevice::m_rxTrace),
                            "ns3::OfdmaBsNetDevice::RxTracedCallback")
            .AddTraceSource("RxDrop",
                            "A packet from a UE was lost: packet, reason (\"sinr\": the SINR "
                            "fell below what its rate needed; \"bler\": block error). The UE "
                            "is told at once (ARQ feedback) and may send it again.",
                            MakeTraceSourceAccessor(&OfdmaBsNetDevice::m_rxDropTrace),
                            "ns3::OfdmaBsNetDevice::RxDropTracedCallback");
    return tid;
}

OfdmaBsNetDevice::OfdmaBsNetDevice()
    : m_bandwidth(1e6),
      m_rbWidth(10e3),
      m_carrier(2e9),
      m_noiseFigureDb(0),
      m_thermalNoiseDbmHz(-174.0),
      m_rateMapping(OfdmaRateMapping::SHANNON),
      m_snrGapDb(0),
      m_blerSlopeDb(0.5),
      m_blockErrors(true),
      m_targetBler(0.1),
      m_airtimeMargin(0),
      m_csiPeriod(Seconds(0)),
      m_csiDelay(Seconds(0)),
      m_csiErrorDb(0),
      m_sounding(false),
      m_uplinkSapProvider(std::make_unique<MemberEdgeUplinkSapProvider<OfdmaBsNetDevice>>(this))
{
    NS_LOG_FUNCTION(this);
    m_blerRng = CreateObject<UniformRandomVariable>();
    m_csiErrorRng = CreateObject<NormalRandomVariable>();
}

OfdmaBsNetDevice::~OfdmaBsNetDevice()
{
    NS_LOG_FUNCTION(this);
}

void
OfdmaBsNetDevice::DoDispose()
{
    NS_LOG_FUNCTION(this);
    if (m_phy)
    {
        m_phy->Dispose();
    }
    m_phy = nullptr;
    m_ues.clear();
    m_book.clear();
    m_blerRng = nullptr;
    m_csiErrorRng = nullptr;
    m_soundEvent.Cancel();
    m_soundings.clear();
    OfdmaNetDevice::DoDispose();
}

// ---- carrier configuration ----

void
OfdmaBsNetDevice::CheckCarrierNotFrozen(const char* attribute) const
{
    NS_ABORT_MSG_IF(m_model,
                    "OfdmaBsNetDevice attribute " << attribute
                                                  << " cannot change once the device is in use");
}

void
OfdmaBsNetDevice::SetBandwidth(double v)
{
    CheckCarrierNotFrozen("Bandwidth");
    NS_ABORT_MSG_UNLESS(std::isfinite(v) && v > 0,
                        "OfdmaBsNetDevice attribute Bandwidth must be > 0 Hz, got " << v);
    m_bandwidth = v;
}

void
OfdmaBsNetDevice::SetResourceBlockWidth(double v)
{
    CheckCarrierNotFrozen("ResourceBlockWidth");
    NS_ABORT_MSG_UNLESS(std::isfinite(v) && v > 0,
                        "OfdmaBsNetDevice attribute ResourceBlockWidth must be > 0 Hz, got " << v);
    m_rbWidth = v;
}

void
OfdmaBsNetDevice::SetCarrierFrequency(double v)
{
    CheckCarrierNotFrozen("CarrierFrequency");
    NS_ABORT_MSG_UNLESS(std::isfinite(v) && v > 0,
                        "OfdmaBsNetDevice attribute CarrierFrequency must be > 0 Hz, got " << v);
    m_carrier = v;
}

void
OfdmaBsNetDevice::SetThermalNoisePsd(double dbmPerHz)
{
    m_thermalNoiseDbmHz = dbmPerHz;
    if (m_phy)
    {
        m_phy->SetNoisePsd(GetNoisePsd());
    }
}

double
OfdmaBsNetDevice::GetThermalNoisePsd() const
{
    return m_thermalNoiseDbmHz;
}

void
OfdmaBsNetDevice::SetNoiseFigure(double db)
{
    m_noiseFigureDb = db;
    if (m_phy)
    {
        m_phy->SetNoisePsd(GetNoisePsd());
    }
}

double
OfdmaBsNetDevice::GetNoiseFigure() const
{
    return m_noiseFigureDb;
}

Ptr<const SpectrumModel>
OfdmaBsNetDevice::GetSpectrumModel() const
{
    if (!m_model)
    {
        // Checks Bandwidth / ResourceBlockWidth together (order-independent).
        m_model = GetOfdmaSpectrumModel(m_carrier, m_bandwidth, m_rbWidth);
        m_book.resize(m_model->GetNumBands());
    }
    return m_model;
}

double
OfdmaBsNetDevice::GetNoisePsd() const
{
    return edgeinference::DbmPerHzToWPerHz(m_thermalNoiseDbmHz + m_noiseFigureDb);
}

uint32_t
OfdmaBsNetDevice::GetNResourceBlocks() const
{
    return GetSpectrumModel()->GetNumBands();
}

double
OfdmaBsNetDevice::GetResourceBlockWidth() const
{
    return m_rbWidth;
}

double
OfdmaBsNetDevice::GetBandwidth() const
{
    return m_bandwidth;
}

double
OfdmaBsNetDevice::GetCarrierFrequency() const
{
    return m_carrier;
}

OfdmaRateMapping::Mode
OfdmaBsNetDevice::GetRateMapping() const
{
    return m_rateMapping;
}

// ---- wiring ----

Ptr<OfdmaBsPhy>
OfdmaBsNetDevice::GetPhy() const
{
    return m_phy;
}

void
OfdmaBsNetDevice::SetPhy(Ptr<OfdmaBsPhy> phy)
{
    NS_LOG_FUNCTION(this << phy);
    m_phy = phy;
    m_phy->SetDevice(this);
    m_phy->Configure(GetSpectrumModel(), m_rbWidth, GetNoisePsd());
    m_phy->SetRxEndCallback(MakeCallback(&OfdmaBsNetDevice::PhyRxEnd, this));
}

void
OfdmaBsNetDevice::AddUe(Ptr<OfdmaUeNetDevice> ue)
{
    NS_LOG_FUNCTION(this << ue);
    if (std::find(m_ues.begin(), m_ues.end(), ue) == m_ues.end())
    {
        m_ues.push_back(ue);
    }
}

void
OfdmaBsNetDevice::RemoveUe(Ptr<OfdmaUeNetDevice> ue)
{
    NS_LOG_FUNCTION(this << ue);
    ForgetGrants(ue);
    m_ues.erase(std::remove(m_ues.begin(), m_ues.end(), ue), m_ues.end());
}

std::vector<Ptr<OfdmaUeNetDevice>>
OfdmaBsNetDevice::GetUes() const
{
    return m_ues;
}

int64_t
OfdmaBsNetDevice::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_blerRng->SetStream(stream);
    m_csiErrorRng->SetStream(stream + 1);
    return 2;
}

// ---- channel state and link adaptation ----

double
OfdmaBsNetDevice::GetChannelGain(Ptr<const OfdmaUeNetDevice> ue) const
{
    NS_ABORT_MSG_UNLESS(m_phy && ue->GetPhy(),
                        "OfdmaBsNetDevice::GetChannelGain: devices without PHY");
    Ptr<MobilityModel> ueMob = ue->GetPhy()->GetMobility();
    Ptr<MobilityModel> bsMob = m_phy->GetMobility();
    NS_ABORT_MSG_UNLESS(ueMob && bsMob,
                        "OfdmaBsNetDevice::GetChannelGain: UE and BS need a MobilityModel");
    // Same steps, in the same order, as SingleModelSpectrumChannel::StartTx,
    // so that the value equals the gain applied to a signal sent now.
    double pathLossDb = 0;
    Ptr<AntennaModel> txAntenna = ue->GetPhy()->GetAntennaModel();
    if (txAntenna)
    {
        pathLossDb -= txAntenna->GetGainDb(Angles(bsMob->GetPosition(), ueMob->GetPosition()));
    }
    Ptr<AntennaModel> rxAntenna = m_phy->GetAntennaModel();
    if (rxAntenna)
    {
        pathLossDb -= rxAntenna->GetGainDb(Angles(ueMob->GetPosition(), bsMob->GetPosition()));
    }
    Ptr<PropagationLossModel> loss = m_phy->GetChannel()->GetPropagationLossModel();
    if (loss)
    {
        pathLossDb -= loss->CalcRxPower(0, ueMob, bsMob);
    }
    return std::pow(10.0, (-pathLossDb) / 10.0);
}

OfdmaLinkAdaptation
OfdmaBsNetDevice::ComputeLinkAdaptation(Ptr<const OfdmaUeNetDevice> ue,
                                        uint32_t firstRb,
                                        uint32_t nRbs) const
{
    NS_LOG_FUNCTION(this << ue << firstRb << nRbs);
    NS_ABORT_MSG_UNLESS(nRbs >= 1 && firstRb + static_cast<uint64_t>(nRbs) <= GetNResourceBlocks(),
                        "OfdmaBsNetDevice::ComputeLinkAdaptation: blocks out of range");
    // The received power per block as the PHY will see it: PSD P / (n W)
    // times the channel gain, integrated over W.
    const double psd = ue->GetTxPowerW() / (nRbs * m_rbWidth);
    const double signalW = psd * GetEstimatedGain(ue) * m_rbWidth;
    const double noiseW = m_phy->GetNoisePowerPerRb();
    std::vector<double> sinr(nRbs);
    for (uint32_t i = 0; i < nRbs; ++i)
    {
        sinr[i] = signalW / (noiseW + m_phy->GetInterferencePower(firstRb + i));
    }
    return AdaptTo(sinr);
}

OfdmaLinkAdaptation
OfdmaBsNetDevice::AdaptTo(const std::vector<double>& sinr) const
{
    OfdmaLinkAdaptation la;
    const double eff = OfdmaRateMapping::EffectiveSinr(sinr);
    la.sinrDb = 10.0 * std::log10(eff);
    if (m_rateMapping == OfdmaRateMapping::SHANNON)
    {
        la.rateBps =
            OfdmaRateMapping::ShannonRate(sinr, m_rbWidth, std::pow(10.0, m_snrGapDb / 10.0));
        la.mcs = -1;
    }
    else
    {
        la.mcs = OfdmaRateMapping::SelectMcs(la.sinrDb, McsMarginDb());
        la.rateBps = OfdmaRateMapping::McsRate(la.mcs, sinr.size(), m_rbWidth);
    }
    return la;
}

OfdmaLinkAdaptation
OfdmaBsNetDevice::AdaptToFlat(double sinr, uint32_t nRbs) const
{
    // AdaptTo on nRbs equal SINRs with each logarithm taken once: the sums
    // repeat the same additions in the same order, so the result is the
    // same to the bit (EffectiveSinr and ShannonRate add one term per block).
    const double perBlock = std::log2(1.0 + sinr);
    double sum = 0;
    for (uint32_t i = 0; i < nRbs; ++i)
    {
        sum += perBlock;
    }
    OfdmaLinkAdaptation la;
    la.sinrDb = 10.0 * std::log10(std::exp2(sum / nRbs) - 1.0);
    if (m_rateMapping == OfdmaRateMapping::SHANNON)
    {
        const double perBlockBps =
            m_rbWidth * std::log2(1.0 + sinr / std::pow(10.0, m_snrGapDb / 10.0));
        la.rateBps = 0;
        for (uint32_t i = 0; i < nRbs; ++i)
        {
            la.rateBps += perBlockBps;
        }
        la.mcs = -1;
    }
    else
    {
        la.mcs = OfdmaRateMapping::SelectMcs(la.sinrDb, McsMarginDb());
        la.rateBps = OfdmaRateMapping::McsRate(la.mcs, nRbs, m_rbWidth);
    }
    return la;
}

double
OfdmaBsNetDevice::GetEstimatedGain(Ptr<const OfdmaUeNetDevice> ue) const
{
    if (m_csiPeriod.IsZero())
    {
        NS_ABORT_MSG_IF(m_csiDelay.IsStrictlyPositive() || m_csiErrorDb > 0,
                        "OfdmaBsNetDevice: attributes CsiDelay ("
                            << m_csiDelay.As(Time::MS) << ") and CsiErrorStd (" << m_csiErrorDb
                            << " dB) need soundings: set CsiPeriod > 0");
        return GetChannelGain(ue);
    }
    if (!m_sounding)
    {
        m_sounding = true;
        // The first use starts the soundings, at the multiples of the period.
        const int64_t p = m_csiPeriod.GetTimeStep();
        const Time next = TimeStep((Simulator::Now().GetTimeStep() / p + 1) * p);
        m_soundEvent = Simulator::Schedule(next - Simulator::Now(), &OfdmaBsNetDevice::Sound, this);
    }
    auto& reports = m_soundings[PeekPointer(ue)];
    if (reports.empty())
    {
        reports.emplace_back(Simulator::Now(), MeasureGain(ue)); // first sight: usable at once
    }
    DropStaleReports(reports);
    return reports.front().second;
}

double
OfdmaBsNetDevice::MeasureGain(Ptr<const OfdmaUeNetDevice> ue) const
{
    const double g = GetChannelGain(ue);
    return m_csiErrorDb > 0
               ? g * std::pow(10.0, m_csiErrorRng->GetValue(0, m_csiErrorDb * m_csiErrorDb) / 10)
               : g;
}

void
OfdmaBsNetDevice::DropStaleReports(std::deque<std::pair<Time, double>>& reports) const
{
    // Keep the latest report that is at least CsiDelay old (or the oldest).
    const Time usable = Simulator::Now() - m_csiDelay;
    while (reports.size() > 1 && reports[1].first <= usable)
    {
        reports.pop_front();
    }
}

void
OfdmaBsNetDevice::Sound() const
{
    for (const Ptr<OfdmaUeNetDevice>& ue : m_ues)
    {
        auto& reports = m_soundings[PeekPointer(ue)];
        reports.emplace_back(Simulator::Now(), MeasureGain(ue));
        DropStaleReports(reports);
    }
    m_soundEvent = Simulator::Schedule(m_csiPeriod, &OfdmaBsNetDevice::Sound, this);
}

double
OfdmaBsNetDevice::McsMarginDb() const
{
    return OfdmaRateMapping::BlerTargetMarginDb(m_targetBler, m_blerSlopeDb);
}

EdgeUplinkLinkState
OfdmaBsNetDevice::PlanLinkState(Ptr<const OfdmaUeNetDevice> ue) const
{
    NS_LOG_FUNCTION(this << ue);
    EdgeUplinkLinkState state;
    state.txPowerW = ue->GetTxPowerW();
    state.gain = GetEstimatedGain(ue);
    // The SINR ComputeLinkAdaptation will see on n blocks, less the
    // interference: P / (n W) g W over N0 W, in the same operations.
    const double noiseW = m_phy->GetNoisePowerPerRb();
    const double mcs0Db = OfdmaRateMapping::GetMcsTable().front().thresholdDb + McsMarginDb();
    for (uint32_t n = 1; n <= GetNResourceBlocks(); ++n)
    {
        const double signalW = state.txPowerW / (n * m_rbWidth) * state.gain * m_rbWidth;
        const OfdmaLinkAdaptation la = AdaptToFlat(signalW / (noiseW + 0.0), n);
        const bool decodable = la.mcs < 0 || la.sinrDb >= mcs0Db;
        state.rateBps.push_back(decodable ? la.rateBps / (1.0 + m_airtimeMargin) : 0.0);
    }
    // The closed form is the delivered Shannon rate: only without a margin.
    if (m_rateMapping == OfdmaRateMapping::SHANNON && m_airtimeMargin == 0)
    {
        state.shannonNoisePsdWHz = GetNoisePsd() * std::pow(10.0, m_snrGapDb / 10.0);
    }
    return state;
}

EdgeUplinkSapProvider*
OfdmaBsNetDevice::GetEdgeUplinkSapProvider()
{
    return m_uplinkSapProvider.get();
}

uint32_t
OfdmaBsNetDevice::DoGetNResourceBlocks() const
{
    return GetNResourceBlocks();
}

double
OfdmaBsNetDevice::DoGetResourceBlockWidth() const
{
    return GetResourceBlockWidth();
}

Time
OfdmaBsNetDevice::DoGetTransmissionDelay() const
{
    return Time(0);
}

Ptr<OfdmaUeNetDevice>
OfdmaBsNetDevice::FindUe(const Address& address) const
{
    for (const Ptr<OfdmaUeNetDevice>& ue : m_ues)
    {
        if (ue->GetAddress() == address)
        {
            return ue;
        }
    }
    NS_ABORT_MSG("OfdmaBsNetDevice: no UE with address " << address << " is served by this BS");
    return nullptr;
}

EdgeUplinkLinkState
OfdmaBsNetDevice::DoGetLinkState(const Address& ue) const
{
    return PlanLinkState(FindUe(ue));
}

void
OfdmaBsNetDevice::DoGrant(const Address& ue, const OfdmaGrant& grant)
{
    FindUe(ue)->SetGrant(grant);
}

void
OfdmaBsNetDevice::PhyRxEnd(Ptr<const OfdmaSpectrumSignalParameters> params,
                           const std::vector<double>& minSinr)
{
    NS_LOG_FUNCTION(this << params);
    const double sinrDb = 10.0 * std::log10(OfdmaRateMapping::EffectiveSinr(minSinr));
    const std::string lossReason = DecodeFailure(*params, minSinr, sinrDb);
    // ARQ feedback: the UE learns the outcome as the BS decodes (an ideal,
    // immediate ACK/NACK; the UE decides whether to send it again).
    Ptr<OfdmaUeNetDevice> ue = DynamicCast<OfdmaUeNetDevice>(params->ue);
    if (!lossReason.empty())
    {
        m_rxDropTrace(params->packet, lossReason);
        if (ue)
        {
            ue->ReceiveArqFeedback(params->packet->GetUid(), false);
        }
        return;
    }
    if (ue)
    {
        ue->ReceiveArqFeedback(params->packet->GetUid(), true);
    }
    const Address from = params->ue->GetAddress();
    m_rxTrace(params->packet, from, sinrDb, params->rateBps);
    ForwardUp(params->packet->Copy(), params->protocol, from);
}

std::string
OfdmaBsNetDevice::DecodeFailure(const OfdmaSpectrumSignalParameters& params,
                                const std::vector<double>& minSinr,
                                double sinrDb) const
{
    if (params.mcs < 0)
    {
        // Shannon: the rate was chosen for the SINR known at its start;
        // the relative tolerance absorbs rounding, not real SINR drops.
        const double achievable =
            OfdmaRateMapping::ShannonRate(minSinr, m_rbWidth, std::pow(10.0, m_snrGapDb / 10.0));
        if (achievable < params.rateBps * (1 - edgeinference::kRelativeTolerance))
        {
            NS_LOG_LOGIC("drop: rate " << params.rateBps << " > achievable " << achievable);
            return "sinr";
        }
        return "";
    }
    const double bler = OfdmaRateMapping::Bler(params.mcs, sinrDb, m_blerSlopeDb);
    if (m_blockErrors && m_blerRng->GetValue() < bler)
    {
        NS_LOG_LOGIC("drop: block error (MCS " << params.mcs << ", SINR " << sinrDb << " dB, BLER "
                                               << bler << ")");
        return "bler";
    }
    return "";
}

// ---- grants ----

std::string
OfdmaBsNetDevice::CheckGrant(Ptr<const OfdmaUeNetDevice> ue, const OfdmaGrant& grant) const
{
    std::ostringstream why;
    const uint32_t n = GetNResourceBlocks();
    if (grant.nRbs == 0)
    {
        why << "the grant has no resource block (nRbs = 0)";
    }
    else if (grant.firstRb + static_cast<uint64_t>(grant.nRbs) > n)
    {
        why << "resource blocks [" << grant.firstRb << ", "
            << grant.firstRb + static_cast<uint64_t>(grant.nRbs) << ") exceed the carrier's " << n
            << " blocks";
    }
    else if (!(grant.start < grant.end))
    {
        why << "the grant window is empty (end <= start)";
    }
    else if (grant.end <= Simulator::Now())
    {
        why << "the grant ends in the past";
    }
    else if (ue->GetServingBs() != this)
    {
        why << "the UE is not served by this BS";
    }
    if (!why.str().empty())
    {
        return why.str();
    }
    for (uint32_t rb = grant.firstRb; rb < grant.firstRb + grant.nRbs; ++rb)
    {
        // Registered grants on one block are disjoint, so only the last one
        // starting before this grant's end can overlap it.
        const auto& m = m_book[rb];
        auto it = m.lower_bound(grant.end);
        if (it == m.begin())
        {
            continue;
        }
        --it;
        if (it->second.end > grant.start && it->second.ue != PeekPointer(ue))
        {
            why << "it overlaps, on resource block " << rb << ", a grant of UE "
                << it->second.ue->GetAddress() << " over [" << it->first.As(Time::MS) << ", "
                << it->second.end.As(Time::MS) << ")";
            return why.str();
        }
    }
    return "";
}

void
OfdmaBsNetDevice::RegisterGrant(Ptr<const OfdmaUeNetDevice> ue, const OfdmaGrant& grant)
{
    NS_LOG_FUNCTION(this << ue << grant);
    const std::string why = CheckGrant(ue, grant);
    NS_ABORT_MSG_UNLESS(why.empty(),
                        "OfdmaUeNetDevice::SetGrant: invalid grant "
                            << grant << " for UE " << ue->GetAddress() << ": " << why);
    const Time now = Simulator::Now();
    for (uint32_t rb = grant.firstRb; rb < grant.firstRb + grant.nRbs; ++rb)
    {
        auto& m = m_book[rb];
        while (!m.empty() && m.begin()->second.end <= now)
        {
            m.erase(m.begin()); // ended grants cannot conflict any more
        }
        m.emplace(grant.start, BookedGrant{grant.end, PeekPointer(ue)});
    }
}

void
OfdmaBsNetDevice::ForgetGrants(Ptr<const OfdmaUeNetDevice> ue)
{
    NS_LOG_FUNCTION(this << ue);
    for (auto& m : m_book)
    {
        for (auto it = m.begin(); it != m.end();)
        {
            it = it->second.ue == PeekPointer(ue) ? m.erase(it) : std::next(it);
        }
    }
}

// ---- NetDevice ----

bool
OfdmaBsNetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << dest << protocolNumber);
    NS_LOG_WARN("OfdmaBsNetDevice has no downlink: packet to " << dest << " not sent");
    return false;
}

Ptr<Channel>
OfdmaBsNetDevice::GetChannel() const
{
    return m_phy ? m_phy->GetChannel() : nullptr;
}

bool
OfdmaBsNetDevice::IsLinkUp() const
{
    return m_phy != nullptr;
}

} // namespace ns3
