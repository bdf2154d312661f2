/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_INFERENCE_CSV_H
#define EDGE_INFERENCE_CSV_H

#include <cstdint>
#include <string>
#include <vector>

/**
 * @file
 * @ingroup edge-inference
 * The field rules shared by the module's CSV readers (profiles, task
 * traces): fields are comma-separated, blanks around them are ignored, and
 * a number field must be entirely one finite decimal number.
 */

namespace ns3
{
namespace edgeinference
{

/**
 * @brief Remove the blanks the formats ignore around fields and values.
 * @param s the text
 * @return s without leading and trailing blanks (space, tab, CR)
 */
std::string Trim(const std::string& s);

/**
 * @brief Split a table line into its fields.
 * @param line the line
 * @return the comma-separated fields of the line, each trimmed (a trailing
 *         comma gives a last, empty field)
 */
std::vector<std::string> SplitCsv(const std::string& line);

/**
 * @brief Read a number field.
 * @param field the field
 * @param value set to the number on success
 * @return true if the whole field is a finite decimal number ("1.2x", "",
 *         "nan" and out-of-range values are not)
 */
bool ParseDouble(const std::string& field, double& value);

/**
 * @brief Read an unsigned integer field (at most 9 digits).
 * @param field the field
 * @param value set to the integer on success
 * @return true if the whole field is a decimal unsigned integer
 */
bool ParseUint(const std::string& field, uint32_t& value);

} // namespace edgeinference
} // namespace ns3

#endif /* EDGE_INFERENCE_CSV_H */
