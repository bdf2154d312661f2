/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ofdma-ue-phy.h"

#include "ns3/abort.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("OfdmaUePhy");

NS_OBJECT_ENSURE_REGISTERED(OfdmaUePhy);

TypeId
OfdmaUePhy::GetTypeId()
{
    static TypeId tid = TypeId("ns3::OfdmaUePhy")
                            .SetParent<OfdmaPhy>()
                            .SetGroupName("EdgeInference")
                            .AddConstructor<OfdmaUePhy>();
    return tid;
}

OfdmaUePhy::OfdmaUePhy()
    : m_rbWidth(0),
      m_psdFirstRb(0),
      m_psdNRbs(0),
      m_psdPowerW(0)
{
    NS_LOG_FUNCTION(this);
}

OfdmaUePhy::~OfdmaUePhy()
{
    NS_LOG_FUNCTION(this);
}

void
OfdmaUePhy::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_psdCache = nullptr;
    OfdmaPhy::DoDispose();
}

void
OfdmaUePhy::StartRx(Ptr<SpectrumSignalParameters> params)
{
    NS_LOG_FUNCTION(this << params);
    NS_LOG_LOGIC("uplink-only UE PHY ignores a received signal");
}

void
OfdmaUePhy::SetSpectrumModel(Ptr<const SpectrumModel> model, double rbWidthHz)
{
    NS_LOG_FUNCTION(this << model << rbWidthHz);
    SetCarrierModel(model);
    m_rbWidth = rbWidthHz;
    m_psdCache = nullptr;
}

void
OfdmaUePhy::StartTx(Ptr<OfdmaSpectrumSignalParameters> params, Time duration, double powerW)
{
    NS_LOG_FUNCTION(this << params << duration << powerW);
    Ptr<SpectrumChannel> channel = GetChannel();
    Ptr<const SpectrumModel> model = GetRxSpectrumModel();
    NS_ABORT_MSG_UNLESS(channel, "OfdmaUePhy: no channel (install with OfdmaUplinkHelper)");
    NS_ABORT_MSG_UNLESS(model, "OfdmaUePhy: no spectrum model (no serving BS)");
    NS_ABORT_MSG_UNLESS(params->nRbs >= 1 && params->firstRb + params->nRbs <= model->GetNumBands(),
                        "OfdmaUePhy: resource blocks out of range");
    // Consecutive packets of a grant have the same PSD: build it once. The
    // channel never modifies the transmitted PSD (each receiver gets a copy).
    if (!m_psdCache || m_psdFirstRb != params->firstRb || m_psdNRbs != params->nRbs ||
        m_psdPowerW != powerW)
    {
        m_psdCache = Create<SpectrumValue>(model);
        const double psd = powerW / (params->nRbs * m_rbWidth); // W/Hz on each granted block
        for (uint32_t rb = params->firstRb; rb < params->firstRb + params->nRbs; ++rb)
        {
            (*m_psdCache)[rb] = psd;
        }
        m_psdFirstRb = params->firstRb;
        m_psdNRbs = params->nRbs;
        m_psdPowerW = powerW;
    }
    params->psd = m_psdCache;
    params->duration = duration;
    params->txPhy = this;
    params->txAntenna = GetAntennaModel();
    channel->StartTx(params);
}

} // namespace ns3
