/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ofdma-bs-phy.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/spectrum-value.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("OfdmaBsPhy");

NS_OBJECT_ENSURE_REGISTERED(OfdmaBsPhy);

TypeId
OfdmaBsPhy::GetTypeId()
{
    static TypeId tid = TypeId("ns3::OfdmaBsPhy")
                            .SetParent<OfdmaPhy>()
                            .SetGroupName("EdgeInference")
                            .AddConstructor<OfdmaBsPhy>();
    return tid;
}

OfdmaBsPhy::OfdmaBsPhy()
    : m_rbWidth(0),
      m_noisePerRb(0)
{
    NS_LOG_FUNCTION(this);
}

OfdmaBsPhy::~OfdmaBsPhy()
{
    NS_LOG_FUNCTION(this);
}

void
OfdmaBsPhy::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_receptions.clear();
    m_rxEndCallback = MakeNullCallback<void,
                                       Ptr<const OfdmaSpectrumSignalParameters>,
                                       const std::vector<double>&>();
    OfdmaPhy::DoDispose();
}

void
OfdmaBsPhy::Configure(Ptr<const SpectrumModel> model, double rbWidthHz, double noisePsdWPerHz)
{
    NS_LOG_FUNCTION(this << model << rbWidthHz << noisePsdWPerHz);
    NS_ABORT_MSG_UNLESS(noisePsdWPerHz > 0, "OfdmaBsPhy: noise PSD must be > 0 W/Hz");
    SetCarrierModel(model);
    m_rbWidth = rbWidthHz;
    m_noisePerRb = noisePsdWPerHz * rbWidthHz;
    m_interference.assign(model->GetNumBands(), 0.0);
    m_nInterferers.assign(model->GetNumBands(), 0);
}

void
OfdmaBsPhy::SetNoisePsd(double noisePsdWPerHz)
{
    NS_LOG_FUNCTION(this << noisePsdWPerHz);
    NS_ABORT_MSG_UNLESS(noisePsdWPerHz > 0, "OfdmaBsPhy: noise PSD must be > 0 W/Hz");
    m_noisePerRb = noisePsdWPerHz * m_rbWidth;
}

void
OfdmaBsPhy::SetRxEndCallback(RxEndCallback cb)
{
    m_rxEndCallback = cb;
}

double
OfdmaBsPhy::GetInterferencePower(uint32_t rb) const
{
    return m_interference.at(rb);
}

double
OfdmaBsPhy::GetNoisePowerPerRb() const
{
    return m_noisePerRb;
}

uint32_t
OfdmaBsPhy::GetNActiveReceptions() const
{
    return m_receptions.size();
}

void
OfdmaBsPhy::StartRx(Ptr<SpectrumSignalParameters> params)
{
    NS_LOG_FUNCTION(this << params);
    NS_ABORT_MSG_UNLESS(GetRxSpectrumModel(),
                        "OfdmaBsPhy: not configured (install with OfdmaUplinkHelper)");
    const uint32_t nBands = m_interference.size();
    NS_ABORT_MSG_UNLESS(params->psd->GetValuesN() == nBands,
                        "OfdmaBsPhy: signal with a different spectrum model on the channel");
    Ptr<OfdmaSpectrumSignalParameters> ofdma = DynamicCast<OfdmaSpectrumSignalParameters>(params);
    const SpectrumValue& psd = *params->psd;

    if (ofdma && ofdma->bs == GetDevice())
    {
        // Desired signal: its SINR per block now starts the running minimum.
        Reception r;
        r.params = ofdma;
        r.signalW.resize(ofdma->nRbs);
        r.minSinr.resize(ofdma->nRbs);
        for (uint32_t i = 0; i < ofdma->nRbs; ++i)
        {
            const uint32_t rb = ofdma->firstRb + i;
            r.signalW[i] = psd[rb] * m_rbWidth;
            r.minSinr[i] = r.signalW[i] / (m_noisePerRb + m_interference[rb]);
        }
        auto it = m_receptions.insert(m_receptions.end(), std::move(r));
        Simulator::Schedule(params->duration, &OfdmaBsPhy::EndRx, this, it);
        return;
    }

    // Interference: OFDMA signals only on their blocks, others everywhere.
    const uint32_t first = ofdma ? ofdma->firstRb : 0;
    const uint32_t n = ofdma ? ofdma->nRbs : nBands;
    for (uint32_t rb = first; rb < first + n; ++rb)
    {
        m_interference[rb] += psd[rb] * m_rbWidth;
        ++m_nInterferers[rb];
    }
    // Interference only grows here, so only now can a reception's minimum
    // SINR fall.
    for (auto& r : m_receptions)
    {
        const uint32_t lo = std::max(first, r.params->firstRb);
        const uint32_t hi = std::min(first + n, r.params->firstRb + r.params->nRbs);
        for (uint32_t rb = lo; rb < hi; ++rb)
        {
            const uint32_t i = rb - r.params->firstRb;
            r.minSinr[i] =
                std::min(r.minSinr[i], r.signalW[i] / (m_noisePerRb + m_interference[rb]));
        }
    }
    Simulator::Schedule(params->duration, &OfdmaBsPhy::EndInterference, this, params, first, n);
}

void
OfdmaBsPhy::EndInterference(Ptr<SpectrumSignalParameters> params, uint32_t first, uint32_t n)
{
    NS_LOG_FUNCTION(this << params);
    const SpectrumValue& psd = *params->psd;
    for (uint32_t rb = first; rb < first + n; ++rb)
    {
        // Reset exactly when the block is free, so rounding cannot accumulate.
        m_interference[rb] =
            --m_nInterferers[rb] == 0 ? 0.0 : m_interference[rb] - psd[rb] * m_rbWidth;
    }
}

void
OfdmaBsPhy::EndRx(std::list<Reception>::iterator it)
{
    NS_LOG_FUNCTION(this);
    Reception r = std::move(*it);
    m_receptions.erase(it);
    if (!m_rxEndCallback.IsNull())
    {
        m_rxEndCallback(r.params, r.minSinr);
    }
}

} // namespace ns3
