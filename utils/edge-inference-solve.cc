/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * edge-inference-solve: solve one frame's C2 allocation problem read from a
 * JSON file with a scheduler plugin chosen by TypeId, and print the
 * allocation as JSON.
 *
 *   edge-inference-solve --problem=FILE.json --scheduler=TYPEID
 *                        [--attribute=Name=Value ...]
 *   edge-inference-solve --list-schedulers
 *
 * Exit status: 0 success; 1 the scheduler returned an infeasible allocation
 * (a scheduler bug; the JSON is still printed) or an internal error; 2 bad
 * input (usage, file, field, scheduler TypeId, attribute or a problem the
 * scheduler refuses), with a one-line message on stderr.
 *
 * Arguments are parsed here rather than with ns3::CommandLine, which exits
 * with its own status on unknown options and would break the documented
 * exit codes.
 */

#include "ns3/c2-problem-json.h"
#include "ns3/c2-scheduler-spec.h"
#include "ns3/c2-scheduler.h"
#include "ns3/edge-inference-error.h"
#include "ns3/log.h"
#include "ns3/object-factory.h"
#include "ns3/string.h"

#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("EdgeInferenceSolve");

namespace
{

const int EXIT_BAD_INPUT = 2; //!< documented status for bad input

const char* USAGE = "usage: edge-inference-solve --problem=FILE.json --scheduler=TYPEID "
                    "[--attribute=Name=Value ...]\n"
                    "       edge-inference-solve --list-schedulers\n";

/// Thrown for bad command-line options; main maps it to EXIT_BAD_INPUT.
struct UsageError
{
    std::string message; //!< one line
};

/// Prints each scheduler's TypeId, then one line per attribute (its own and
/// those inherited below C2Scheduler): Name=initial value, then the help.
void
ListSchedulers()
{
    const TypeId base = C2Scheduler::GetTypeId();
    for (const TypeId& tid : GetRegisteredC2Schedulers())
    {
        std::cout << tid.GetName() << "\n";
        for (TypeId t = tid; t != base; t = t.GetParent())
        {
            for (std::size_t i = 0; i < t.GetAttributeN(); ++i)
            {
                const TypeId::AttributeInformation info = t.GetAttribute(i);
                std::cout << "    " << info.name << "="
                          << info.initialValue->SerializeToString(info.checker) << "  " << info.help
                          << "\n";
            }
        }
    }
}

/// @return the scheduler of the given TypeId with the given attributes
Ptr<C2Scheduler>
MakeScheduler(const std::string& name,
              const std::vector<std::pair<std::string, std::string>>& attributes)
{
    C2SchedulerSpec spec;
    spec.label = name;
    spec.typeId = name;
    spec.attributes = attributes;
    return MakeC2SchedulerFactory(spec).Create<C2Scheduler>();
}

/// Runs the tool; returns the exit status; throws UsageError and
/// EdgeInferenceError for bad input.
int
Run(const std::vector<std::string>& args)
{
    std::string problemPath;
    std::string schedulerName;
    std::vector<std::pair<std::string, std::string>> attributes;
    bool list = false;
    for (const std::string& arg : args)
    {
        auto value = [&](const std::string& option) -> std::optional<std::string> {
            if (arg.rfind(option + "=", 0) == 0)
            {
                return arg.substr(option.size() + 1);
            }
            return std::nullopt;
        };
        if (arg == "--help" || arg == "-h")
        {
            std::cout << USAGE;
            return 0;
        }
        else if (arg == "--list-schedulers")
        {
            list = true;
        }
        else if (auto v = value("--problem"))
        {
            problemPath = *v;
        }
        else if (auto v = value("--scheduler"))
        {
            schedulerName = *v;
        }
        else if (auto v = value("--attribute"))
        {
            const auto eq = v->find('=');
            if (eq == std::string::npos || eq == 0)
            {
                throw UsageError{"--attribute needs Name=Value, got \"" + *v + "\""};
            }
            attributes.emplace_back(v->substr(0, eq), v->substr(eq + 1));
        }
        else
        {
            throw UsageError{"unknown option \"" + arg + "\""};
        }
    }
    if (list)
    {
        ListSchedulers();
        return 0;
    }
    if (problemPath.empty() || schedulerName.empty())
    {
        throw UsageError{"--problem=FILE.json and --scheduler=TYPEID are required"};
    }
    // Create the scheduler first: a typo in its name is reported even when
    // the problem file is fine.
    Ptr<C2Scheduler> scheduler = MakeScheduler(schedulerName, attributes);
    const C2Problem problem = ReadC2ProblemJson(problemPath);
    const C2Allocation allocation = scheduler->Allocate(problem);
    std::cout << C2AllocationToJson(problem, allocation);
    if (!allocation.feasible)
    {
        std::cerr << "edge-inference-solve: " << schedulerName
                  << " returned an infeasible allocation: "
                  << (allocation.violations.empty() ? "" : allocation.violations.front()) << "\n";
        return 1;
    }
    return 0;
}

} // namespace

int
main(int argc, char* argv[])
{
    try
    {
        return Run(std::vector<std::string>(argv + 1, argv + argc));
    }
    catch (const UsageError& e)
    {
        std::cerr << "edge-inference-solve: " << e.message << " (see --help)\n";
        return EXIT_BAD_INPUT;
    }
    catch (const EdgeInferenceError& e)
    {
        std::cerr << "edge-inference-solve: " << e.what() << "\n";
        return EXIT_BAD_INPUT;
    }
    catch (const std::exception& e)
    {
        std::cerr << "edge-inference-solve: internal error: " << e.what() << "\n";
        return 1;
    }
}
