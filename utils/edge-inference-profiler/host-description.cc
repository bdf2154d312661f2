/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "host-description.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

namespace ns3
{
namespace profiler
{

namespace
{

/// s without leading and trailing blanks
std::string
Trim(const std::string& s)
{
    const size_t first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
    {
        return "";
    }
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

} // namespace

std::string
DescribeCpu()
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    std::string model = "unknown processor";
    while (std::getline(in, line))
    {
        if (line.rfind("model name", 0) == 0 && line.find(':') != std::string::npos)
        {
            model = Trim(line.substr(line.find(':') + 1));
            break;
        }
    }
    std::ostringstream os;
    os << model << ", " << std::thread::hardware_concurrency() << " logical cores";
    return os.str();
}

std::string
DescribeLoadedBlas()
{
    std::ifstream in("/proc/self/maps");
    std::string line;
    std::set<std::string> libraries;
    while (std::getline(in, line))
    {
        const size_t slash = line.find('/');
        if (slash == std::string::npos)
        {
            continue;
        }
        const std::string path = line.substr(slash);
        const std::string file = path.substr(path.rfind('/') + 1);
        if (file.find("blas") != std::string::npos || file.find("lapack") != std::string::npos ||
            file.find("mkl") != std::string::npos)
        {
            libraries.insert(path);
        }
    }
    if (libraries.empty())
    {
        return "no BLAS library mapped (statically linked or not loaded)";
    }
    std::string out;
    for (const auto& lib : libraries)
    {
        out += (out.empty() ? "" : "; ") + lib;
    }
    return out;
}

std::string
DescribeLoadAverage()
{
    std::ifstream in("/proc/loadavg");
    double one = 0;
    double five = 0;
    double fifteen = 0;
    if (!(in >> one >> five >> fifteen))
    {
        return "unknown";
    }
    std::ostringstream os;
    os << one << " " << five << " " << fifteen;
    return os.str();
}

std::string
UtcTimestamp()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

std::string
DescribeCudaDevice(int index)
{
    const std::string command = "nvidia-smi --query-gpu=name,driver_version --format=csv,noheader"
                                " -i " +
                                std::to_string(index) + " 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr)
    {
        return "unknown";
    }
    char buffer[256];
    std::string out;
    while (std::fgets(buffer, sizeof(buffer), pipe) != nullptr)
    {
        out += buffer;
    }
    pclose(pipe);
    out = Trim(out.substr(0, out.find('\n')));
    const size_t comma = out.rfind(',');
    if (out.empty())
    {
        return "unknown";
    }
    return comma == std::string::npos
               ? out
               : Trim(out.substr(0, comma)) + ", driver " + Trim(out.substr(comma + 1));
}

} // namespace profiler
} // namespace ns3
