/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_INFERENCE_TEST_HELPERS_H
#define EDGE_INFERENCE_TEST_HELPERS_H

// Helpers shared by the module's TestSuites.

#include "ns3/edge-inference-error.h"

#include <functional>
#include <string>

namespace ns3
{
namespace edgetest
{

/**
 * @param f code expected to throw
 * @return the message of the EdgeInferenceError f throws, "" if none
 */
inline std::string
ErrorOf(const std::function<void()>& f)
{
    try
    {
        f();
    }
    catch (const EdgeInferenceError& e)
    {
        return e.what();
    }
    return "";
}

} // namespace edgetest
} // namespace ns3

#endif /* EDGE_INFERENCE_TEST_HELPERS_H */
