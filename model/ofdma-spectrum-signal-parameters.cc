/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ofdma-spectrum-signal-parameters.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("OfdmaSpectrumSignalParameters");

OfdmaSpectrumSignalParameters::OfdmaSpectrumSignalParameters()
{
    NS_LOG_FUNCTION(this);
}

OfdmaSpectrumSignalParameters::OfdmaSpectrumSignalParameters(const OfdmaSpectrumSignalParameters& p)
    : edgeinference::CopyableSignalParameters<SpectrumSignalParameters>(p),
      packet(p.packet),
      protocol(p.protocol),
      firstRb(p.firstRb),
      nRbs(p.nRbs),
      rateBps(p.rateBps),
      mcs(p.mcs),
      ue(p.ue),
      bs(p.bs)
{
    NS_LOG_FUNCTION(this << &p);
}

Ptr<SpectrumSignalParameters>
OfdmaSpectrumSignalParameters::CopySignal() const
{
    NS_LOG_FUNCTION(this);
    // The base copy constructor deep-copies the PSD, which every receiver
    // scales by its own path gain; the packet is shared and never modified.
    return Create<OfdmaSpectrumSignalParameters>(*this);
}

} // namespace ns3
