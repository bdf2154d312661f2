/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef OFDMA_GRANT_H
#define OFDMA_GRANT_H

#include "ns3/nstime.h"

#include <cstdint>
#include <ostream>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief An uplink grant: a contiguous range of resource blocks
 * [firstRb, firstRb + nRbs) that one UE may use during [start, end).
 *
 * Grants are delivered to the UE by OfdmaUeNetDevice::SetGrant over an
 * ideal control channel (no delay, no loss). Grants of different UEs served
 * by one BS must not overlap in both time and resource blocks; grants of one
 * UE must not overlap in time. Both are checked when the grant is set.
 */
struct OfdmaGrant
{
    uint32_t firstRb{0}; //!< index of the first granted resource block
    uint32_t nRbs{0};    //!< number of granted resource blocks (>= 1)
    Time start;          //!< first instant the UE may transmit
    Time end;            //!< no transmission may last beyond this instant

    /**
     * @param other another grant
     * @return true when both grants are the same range and window
     */
    bool operator==(const OfdmaGrant& other) const
    {
        return firstRb == other.firstRb && nRbs == other.nRbs && start == other.start &&
               end == other.end;
    }
};

/**
 * @brief Prints a grant as "RBs [a, b) x [start, end)".
 * @param os output stream
 * @param g grant
 * @return os
 */
inline std::ostream&
operator<<(std::ostream& os, const OfdmaGrant& g)
{
    os << "RBs [" << g.firstRb << ", " << g.firstRb + g.nRbs << ") x [" << g.start.As(Time::MS)
       << ", " << g.end.As(Time::MS) << ")";
    return os;
}

} // namespace ns3

#endif /* OFDMA_GRANT_H */
