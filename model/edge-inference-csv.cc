/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "edge-inference-csv.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace ns3
{
namespace edgeinference
{

std::string
Trim(const std::string& s)
{
    const char* blanks = " \t\r";
    size_t first = s.find_first_not_of(blanks);
    if (first == std::string::npos)
    {
        return "";
    }
    size_t last = s.find_last_not_of(blanks);
    return s.substr(first, last - first + 1);
}

std::vector<std::string>
SplitCsv(const std::string& line)
{
    std::vector<std::string> fields;
    std::string field;
    std::istringstream in(line);
    while (std::getline(in, field, ','))
    {
        fields.push_back(Trim(field));
    }
    if (!line.empty() && line.back() == ',')
    {
        fields.emplace_back(); // getline drops a trailing empty field
    }
    return fields;
}

bool
ParseDouble(const std::string& field, double& value)
{
    if (field.empty())
    {
        return false;
    }
    const char* begin = field.c_str();
    char* end = nullptr;
    errno = 0;
    double v = std::strtod(begin, &end);
    // The whole field must be consumed: "1.2x" is not a number.
    if (end != begin + field.size() || errno == ERANGE || !std::isfinite(v))
    {
        return false;
    }
    value = v;
    return true;
}

bool
ParseUint(const std::string& field, uint32_t& value)
{
    if (field.empty() || field.size() > 9 ||
        !std::all_of(field.begin(), field.end(), [](char c) { return c >= '0' && c <= '9'; }))
    {
        return false;
    }
    value = static_cast<uint32_t>(std::stoul(field));
    return true;
}

} // namespace edgeinference
} // namespace ns3
