/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_INFERENCE_ERROR_H
#define EDGE_INFERENCE_ERROR_H

#include <stdexcept>
#include <string>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Error raised for bad input: a malformed file, an invalid problem
 * or an invalid parameter value.
 *
 * The message names the problem and where it is (file and line, JSON field,
 * attribute). Parsers and validators throw it so that tools can print it and
 * exit with a non-zero status, and tests can check it; code running inside a
 * simulation turns it into NS_FATAL_ERROR with the same message.
 */
class EdgeInferenceError : public std::runtime_error
{
  public:
    /**
     * @brief Create the error.
     * @param message what is wrong and where; returned by what()
     */
    explicit EdgeInferenceError(const std::string& message)
        : std::runtime_error(message)
    {
    }
};

} // namespace ns3

#endif /* EDGE_INFERENCE_ERROR_H */
