/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "c2-scheduler-spec.h"

#include "ns3/c2-scheduler.h"
#include "ns3/edge-inference-error.h"
#include "ns3/log.h"
#include "ns3/string.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <dlfcn.h>
#include <set>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("C2SchedulerSpec");

namespace
{

/**
 * @brief Whether a numeric attribute's text is entirely one number.
 *
 * ns-3 reads numeric attributes with operator>>, which accepts "1.5abc" as
 * 1.5 and wraps "-3" for an unsigned attribute.
 *
 * @param valueType the attribute's value type name, e.g. ns3::UintegerValue
 * @param text the value given
 * @return false if a numeric attribute's text is not entirely one number
 */
bool
IsWholeNumberText(const std::string& valueType, const std::string& text)
{
    const char* begin = text.c_str();
    char* end = nullptr;
    errno = 0;
    if (valueType == "ns3::UintegerValue")
    {
        // strtoull also accepts (and negates) a minus sign.
        if (text.find('-') != std::string::npos)
        {
            return false;
        }
        std::strtoull(begin, &end, 10);
    }
    else if (valueType == "ns3::IntegerValue")
    {
        std::strtoll(begin, &end, 10);
    }
    else if (valueType == "ns3::DoubleValue")
    {
        std::strtod(begin, &end);
    }
    else
    {
        return true; // other types: ns-3's own parser decides
    }
    return !text.empty() && end == begin + text.size() && errno != ERANGE;
}

/**
 * @brief Splits text at separators that are not inside brackets.
 * @param text the text
 * @param separators the separator characters
 * @return the pieces (empty ones kept)
 */
std::vector<std::string>
SplitOutsideBrackets(const std::string& text, const std::string& separators)
{
    std::vector<std::string> pieces(1);
    int depth = 0;
    for (char c : text)
    {
        depth += (c == '[') - (c == ']');
        if (depth == 0 && separators.find(c) != std::string::npos)
        {
            pieces.emplace_back();
        }
        else
        {
            pieces.back() += c;
        }
    }
    return pieces;
}

/**
 * @brief The registered schedulers' names, for error messages.
 * @return "ns3::A, ns3::B, ..."
 */
std::string
RegisteredNames()
{
    std::string names;
    for (const TypeId& tid : GetRegisteredC2Schedulers())
    {
        names += (names.empty() ? "" : ", ") + tid.GetName();
    }
    return names;
}

} // namespace

C2SchedulerSpec
ParseC2SchedulerSpec(const std::string& text)
{
    NS_LOG_FUNCTION(text);
    const std::string where = "scheduler \"" + text + "\": ";
    C2SchedulerSpec spec;
    spec.label = text;
    const std::size_t open = text.find('[');
    spec.typeId = text.substr(0, open);
    if (spec.typeId.empty())
    {
        throw EdgeInferenceError(where + "no TypeId");
    }
    if (open == std::string::npos)
    {
        if (text.find(']') != std::string::npos)
        {
            throw EdgeInferenceError(where + "\"]\" without \"[\"");
        }
        return spec;
    }
    if (text.back() != ']' || text.find('[', open + 1) != std::string::npos ||
        text.find(']') != text.size() - 1)
    {
        throw EdgeInferenceError(where +
                                 "expected TYPEID[NAME=VALUE,...] with one pair of brackets");
    }
    const std::string inside = text.substr(open + 1, text.size() - open - 2);
    for (const std::string& pair : SplitOutsideBrackets(inside, ",|"))
    {
        const std::size_t eq = pair.find('=');
        if (eq == std::string::npos || eq == 0)
        {
            throw EdgeInferenceError(where + "attribute \"" + pair + "\" is not NAME=VALUE");
        }
        spec.attributes.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
    }
    return spec;
}

std::vector<std::string>
SplitC2SchedulerList(const std::string& text)
{
    std::vector<std::string> items;
    for (const std::string& item : SplitOutsideBrackets(text, ","))
    {
        if (!item.empty())
        {
            items.push_back(item);
        }
    }
    return items;
}

std::vector<TypeId>
GetRegisteredC2Schedulers()
{
    const TypeId base = C2Scheduler::GetTypeId();
    std::vector<TypeId> found;
    for (uint32_t i = 0; i < TypeId::GetRegisteredN(); ++i)
    {
        const TypeId tid = TypeId::GetRegistered(i);
        if (tid != base && tid.IsChildOf(base) && tid.HasConstructor())
        {
            found.push_back(tid);
        }
    }
    std::sort(found.begin(), found.end(), [](const TypeId& a, const TypeId& b) {
        return a.GetName() < b.GetName();
    });
    return found;
}

ObjectFactory
MakeC2SchedulerFactory(const C2SchedulerSpec& spec)
{
    NS_LOG_FUNCTION(spec.label);
    const std::string& name = spec.typeId;
    TypeId tid;
    if (!TypeId::LookupByNameFailSafe(name, &tid))
    {
        throw EdgeInferenceError(
            "unknown scheduler TypeId \"" + name +
            "\" (is its library linked or loaded?); registered: " + RegisteredNames());
    }
    if (!tid.IsChildOf(C2Scheduler::GetTypeId()) || !tid.HasConstructor() ||
        tid == C2Scheduler::GetTypeId())
    {
        throw EdgeInferenceError(
            "TypeId \"" + name +
            "\" is not a C2Scheduler that can be created; registered: " + RegisteredNames());
    }
    ObjectFactory factory;
    factory.SetTypeId(tid);
    for (const auto& [attr, value] : spec.attributes)
    {
        // ObjectFactory::Set aborts on unknown names and bad values: check
        // both first so that they are ordinary input errors.
        TypeId::AttributeInformation info;
        if (!tid.LookupAttributeByName(attr, &info))
        {
            throw EdgeInferenceError("scheduler " + name + " has no attribute \"" + attr + "\"");
        }
        if (!(info.flags & TypeId::ATTR_CONSTRUCT))
        {
            throw EdgeInferenceError("attribute " + attr + " of " + name + " cannot be set");
        }
        if (!IsWholeNumberText(info.checker->GetValueTypeName(), value) ||
            !info.checker->CreateValidValue(StringValue(value)))
        {
            throw EdgeInferenceError("bad value \"" + value + "\" for attribute " + attr + " of " +
                                     name + " (expected " +
                                     info.checker->GetUnderlyingTypeInformation() + ")");
        }
        factory.Set(attr, StringValue(value));
    }
    return factory;
}

std::vector<TypeId>
LoadC2SchedulerPlugins(const std::string& paths)
{
    NS_LOG_FUNCTION(paths);
    std::vector<TypeId> loaded;
    for (const std::string& path : SplitOutsideBrackets(paths, ","))
    {
        if (path.empty())
        {
            continue;
        }
        // Loading a library twice registers nothing the second time.
        if (dlopen(path.c_str(), RTLD_NOW | RTLD_NOLOAD) != nullptr)
        {
            NS_LOG_INFO("plugin " << path << " is already loaded");
            continue;
        }
        const std::vector<TypeId> before = GetRegisteredC2Schedulers();
        if (dlopen(path.c_str(), RTLD_NOW | RTLD_GLOBAL) == nullptr)
        {
            const char* reason = dlerror();
            throw EdgeInferenceError("scheduler plugin \"" + path +
                                     "\" cannot be loaded: " + (reason ? reason : "unknown"));
        }
        std::set<std::string> old;
        for (const TypeId& tid : before)
        {
            old.insert(tid.GetName());
        }
        std::size_t found = 0;
        for (const TypeId& tid : GetRegisteredC2Schedulers())
        {
            if (old.count(tid.GetName()) == 0)
            {
                NS_LOG_INFO("plugin " << path << " registers " << tid.GetName());
                loaded.push_back(tid);
                ++found;
            }
        }
        if (found == 0)
        {
            throw EdgeInferenceError("scheduler plugin \"" + path +
                                     "\" registers no C2Scheduler subclass with a constructor");
        }
    }
    std::sort(loaded.begin(), loaded.end(), [](const TypeId& a, const TypeId& b) {
        return a.GetName() < b.GetName();
    });
    return loaded;
}

std::vector<std::pair<std::string, std::string>>
GetC2SchedulerShortNames()
{
    return {
        {"Sequential", "ns3::SequentialC2Scheduler[EarlyExit=false]"},
        {"SequentialEE", "ns3::SequentialC2Scheduler[EarlyExit=true]"},
        {"EqualBandwidth", "ns3::EqualBandwidthC2Scheduler"},
        {"ShelfPacking", "ns3::ShelfPackingC2Scheduler"},
        {"Greedy", "ns3::GreedyEarlyExitC2Scheduler"},
        {"TreeSearch", "ns3::TreeSearchC2Scheduler"},
        {"Exhaustive", "ns3::ExhaustiveC2Scheduler"},
        {"MultiBatch", "ns3::MultiBatchC2Scheduler"},
        {"Immediate", "ns3::ImmediateServingC2Scheduler"},
        {"TimeoutOrFull", "ns3::TimeoutOrFullServingC2Scheduler"},
        {"DynamicBatching", "ns3::DynamicBatchingServingC2Scheduler"},
    };
}

C2SchedulerSpec
ReadC2SchedulerChoice(const std::string& item)
{
    std::string text = item;
    std::string names;
    for (const auto& [name, spec] : GetC2SchedulerShortNames())
    {
        names += (names.empty() ? "" : ", ") + name;
        if (name == item)
        {
            text = spec;
        }
    }
    if (text == item && item.find("::") == std::string::npos)
    {
        throw EdgeInferenceError("unknown scheduler '" + item + "' (short names: " + names +
                                 "; or a TypeId such as "
                                 "ns3::TreeSearchC2Scheduler[NAME=VALUE,...])");
    }
    C2SchedulerSpec choice = ParseC2SchedulerSpec(text);
    choice.label = item;
    MakeC2SchedulerFactory(choice); // every check, before any simulation
    return choice;
}

std::vector<C2SchedulerSpec>
ReadC2SchedulerChoices(const std::string& list)
{
    std::vector<C2SchedulerSpec> schedulers;
    for (const std::string& item : SplitC2SchedulerList(list))
    {
        schedulers.push_back(ReadC2SchedulerChoice(item));
        // Create it once now: an attribute its setter refuses stops the
        // program before any run rather than in the middle of a sweep.
        MakeC2SchedulerFactory(schedulers.back()).Create<C2Scheduler>();
    }
    if (schedulers.empty())
    {
        throw EdgeInferenceError("give at least one scheduler");
    }
    return schedulers;
}

} // namespace ns3
