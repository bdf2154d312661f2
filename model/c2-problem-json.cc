/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "c2-problem-json.h"

#include "early-exit-profile.h"
#include "edge-inference-error.h"

#include "ns3/log.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <system_error>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("C2ProblemJson");

namespace
{

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

/// Where a value sits: the source (file) name and the JSON field path.
class Field
{
  public:
    /// @param source file name for messages @param path JSON field path
    Field(const std::string& source, const std::string& path)
        : m_source(source),
          m_path(path)
    {
    }

    /// @param key member name \return e.g. "users[3].bits"
    Field Member(const std::string& key) const
    {
        return Field(m_source, m_path.empty() ? key : m_path + "." + key);
    }

    /// @param i index \return e.g. "users[3]"
    Field Element(size_t i) const
    {
        return Field(m_source, m_path + "[" + std::to_string(i) + "]");
    }

    /// Throws "<source>: <path> <what>" (no path at the top level).
    [[noreturn]] void Fail(const std::string& what) const
    {
        throw EdgeInferenceError(m_source + ": " + (m_path.empty() ? "" : m_path + " ") + what);
    }

    /// @return the path, empty at the top level
    const std::string& Path() const
    {
        return m_path;
    }

    /// @return the source name
    const std::string& Source() const
    {
        return m_source;
    }

  private:
    std::string m_source; //!< file name for messages
    std::string m_path;   //!< JSON field path, empty for the top level
};

/// @return the number as C++ streams print it by default ("-1", "1e-21")
std::string
Num(double value)
{
    std::ostringstream os;
    os << value;
    return os.str();
}

/// @return a short rendering of a JSON value for messages: type and text
std::string
Describe(const json& value)
{
    std::string text = value.dump();
    if (text.size() > 40)
    {
        text = text.substr(0, 37) + "...";
    }
    return std::string(value.type_name()) + " " + text;
}

/// Rejects keys outside 'allowed', so that a misspelt optional field is an
/// error instead of a silent default.
void
CheckKeys(const json& object, const Field& where, const std::vector<std::string>& allowed)
{
    for (auto it = object.begin(); it != object.end(); ++it)
    {
        bool known = false;
        for (const auto& a : allowed)
        {
            known = known || it.key() == a;
        }
        if (!known)
        {
            std::string list;
            for (const auto& a : allowed)
            {
                list += (list.empty() ? "" : ", ") + a;
            }
            const std::string in = where.Path().empty() ? "" : " in " + where.Path();
            throw EdgeInferenceError(where.Source() + ": unknown key \"" + it.key() + "\"" + in +
                                     " (allowed: " + list + ")");
        }
    }
}

/// @return the member, failing with "<path> is missing" when absent
const json&
Required(const json& object, const Field& where, const std::string& key)
{
    const auto it = object.find(key);
    if (it == object.end())
    {
        where.Member(key).Fail("is missing (required)");
    }
    return *it;
}

/// @return the value as a number, failing when it is of another JSON type
double
AsNumber(const json& value, const Field& where)
{
    // JSON has no NaN or infinity, and nlohmann rejects literals beyond
    // double range; the finiteness check is a second line of defence.
    if (!value.is_number() || !std::isfinite(value.get<double>()))
    {
        where.Fail("must be a finite number, got " + Describe(value));
    }
    return value.get<double>();
}

/// @return the member as a number, or def when absent
double
OptionalNumber(const json& object, const Field& where, const std::string& key, double def)
{
    const auto it = object.find(key);
    return it == object.end() ? def : AsNumber(*it, where.Member(key));
}

/// @return the value as a string, failing when it is of another JSON type
std::string
AsString(const json& value, const Field& where)
{
    if (!value.is_string())
    {
        where.Fail("must be a string, got " + Describe(value));
    }
    return value.get<std::string>();
}

/// @return the value as an array, failing when it is of another JSON type
const json&
AsArray(const json& value, const Field& where)
{
    if (!value.is_array())
    {
        where.Fail("must be an array, got " + Describe(value));
    }
    return value;
}

/// @return the value as an object, failing when it is of another JSON type
const json&
AsObject(const json& value, const Field& where)
{
    if (!value.is_object())
    {
        where.Fail("must be an object, got " + Describe(value));
    }
    return value;
}

/// @return the noise PSD N0 (W/Hz) from noise_psd_dbm_hz or noise_psd_w_hz
double
ReadNoisePsd(const json& root, const Field& top)
{
    const bool dbm = root.contains("noise_psd_dbm_hz");
    const bool watt = root.contains("noise_psd_w_hz");
    if (dbm && watt)
    {
        top.Fail("gives both noise_psd_dbm_hz and noise_psd_w_hz; give one");
    }
    if (watt)
    {
        const Field f = top.Member("noise_psd_w_hz");
        const double n0 = AsNumber(root["noise_psd_w_hz"], f);
        if (n0 <= 0)
        {
            f.Fail("must be a positive number of W/Hz, got " + Num(n0));
        }
        return n0;
    }
    const Field f = top.Member("noise_psd_dbm_hz");
    const double value = OptionalNumber(root, top, "noise_psd_dbm_hz", -174.0);
    const double n0 = edgeinference::DbmPerHzToWPerHz(value);
    if (!(n0 > 0) || !std::isfinite(n0))
    {
        f.Fail("gives no positive finite noise PSD, got " + Num(value));
    }
    return n0;
}

/// @return the array at where as numbers (each element must be a number)
std::vector<double>
AsNumbers(const json& value, const Field& where)
{
    std::vector<double> numbers;
    const json& array = AsArray(value, where);
    for (size_t i = 0; i < array.size(); ++i)
    {
        numbers.push_back(AsNumber(array[i], where.Element(i)));
    }
    return numbers;
}

/**
 * @brief Give the problem the exits listed in the "exits" array, with each
 * exit's optional "block_times_s" table (whose length and values are
 * C2Problem::Validate()'s to check).
 * @param value the array
 * @param where its field
 * @param problem the problem to fill
 */
void
ReadExits(const json& value, const Field& where, C2Problem& problem)
{
    std::vector<C2Exit> exits;
    std::vector<std::vector<double>> tables;
    const json& array = AsArray(value, where);
    for (size_t n = 0; n < array.size(); ++n)
    {
        const Field f = where.Element(n);
        const json& e = AsObject(array[n], f);
        CheckKeys(e, f, {"accuracy", "alpha_s", "beta_s", "block_times_s"});
        C2Exit exit;
        exit.accuracy = AsNumber(Required(e, f, "accuracy"), f.Member("accuracy"));
        exit.alphaS = AsNumber(Required(e, f, "alpha_s"), f.Member("alpha_s"));
        exit.betaS = AsNumber(Required(e, f, "beta_s"), f.Member("beta_s"));
        exits.push_back(exit);
        const auto table = e.find("block_times_s");
        tables.push_back(table == e.end() ? std::vector<double>{}
                                          : AsNumbers(*table, f.Member("block_times_s")));
    }
    problem.SetExits(exits);
    for (uint32_t n = 1; n <= tables.size(); ++n)
    {
        problem.SetBlockTimes(n, tables[n - 1]);
    }
}

/// @return the exits from the affine fit of the profile file named at where
std::vector<C2Exit>
ReadProfileExits(const json& value, const Field& where)
{
    const std::string name = AsString(value, where);
    if (name.empty())
    {
        where.Fail("must name a profile file, got an empty string");
    }
    // A relative path is relative to the problem file, so that a problem and
    // its profile can be moved together.
    std::filesystem::path path(name);
    if (path.is_relative())
    {
        path = std::filesystem::path(where.Source()).parent_path() / path;
    }
    C2Problem scratch;
    try
    {
        scratch.SetExitsFromProfile(EarlyExitProfile::ReadFile(path.string()));
    }
    catch (const std::exception& e)
    {
        where.Fail("\"" + name + "\" cannot be used: " + e.what());
    }
    return scratch.GetExits();
}

/// @return the user at where
C2User
ReadUser(const json& value, const Field& where)
{
    const json& u = AsObject(value, where);
    CheckKeys(u, where, {"id", "bits", "power_w", "gain", "deadline_s", "accuracy", "rate_bps"});
    C2User user;
    const Field idField = where.Member("id");
    const json& id = Required(u, where, "id");
    // Ids are reported back in allocations; a float or negative id is
    // almost surely a mistake, so only exact non-negative integers pass.
    bool idOk = false;
    if (id.is_number_unsigned())
    {
        idOk = id.get<uint64_t>() <= std::numeric_limits<uint32_t>::max();
    }
    else if (id.is_number_integer())
    {
        const int64_t v = id.get<int64_t>();
        idOk = v >= 0 && v <= int64_t{std::numeric_limits<uint32_t>::max()};
    }
    if (!idOk)
    {
        idField.Fail("must be a non-negative integer below 2^32, got " + Describe(id));
    }
    user.id = id.get<uint32_t>();
    user.bits = AsNumber(Required(u, where, "bits"), where.Member("bits"));
    user.powerW = AsNumber(Required(u, where, "power_w"), where.Member("power_w"));
    user.gain = AsNumber(Required(u, where, "gain"), where.Member("gain"));
    user.deadlineS = AsNumber(Required(u, where, "deadline_s"), where.Member("deadline_s"));
    user.accuracy = AsNumber(Required(u, where, "accuracy"), where.Member("accuracy"));
    return user;
}

/// @return the user's optional "rate_bps" array (empty when absent); its
/// length and values are C2Problem::Validate()'s to check
std::vector<double>
ReadRateTable(const json& user, const Field& where)
{
    const auto table = user.find("rate_bps");
    return table == user.end() ? std::vector<double>{}
                               : AsNumbers(*table, where.Member("rate_bps"));
}

/**
 * @brief The message of the file size limit.
 * @param source the file (source) name
 * @return "<source>: file is larger than the limit of 16 MiB"
 */
std::string
FileSizeLimitMessage(const std::string& source)
{
    return source + ": file is larger than the limit of " +
           std::to_string(C2ProblemJsonLimits::MAX_FILE_BYTES / (1024 * 1024)) + " MiB";
}

/**
 * @brief Refuse arrays and objects nested deeper than the limit; called by
 * the parser callback, so parsing stops at the first one.
 * @param depth the callback's depth: arrays and objects around the event
 * @param event the parser event
 * @param sourceName the file name for the message
 * @throws EdgeInferenceError when an array or object starts too deep
 */
void
CheckNesting(int depth, json::parse_event_t event, const std::string& sourceName)
{
    // depth counts the arrays and objects around the one that starts.
    if ((event == json::parse_event_t::object_start || event == json::parse_event_t::array_start) &&
        depth >= static_cast<int>(C2ProblemJsonLimits::MAX_NESTING))
    {
        throw EdgeInferenceError(sourceName + ": JSON nesting deeper than the limit of " +
                                 std::to_string(C2ProblemJsonLimits::MAX_NESTING) + " levels");
    }
}

/// Parses text; duplicate keys are errors (nlohmann keeps the last one
/// silently, which would hide a copy-and-paste mistake), and so is nesting
/// deeper than the limit.
json
ParseText(const std::string& text, const std::string& sourceName)
{
    std::vector<std::set<std::string>> keys; // one set per open object
    std::string duplicate;
    const json::parser_callback_t callback =
        [&](int depth, json::parse_event_t event, json& parsed) {
            CheckNesting(depth, event, sourceName);
            switch (event)
            {
            case json::parse_event_t::object_start:
                keys.emplace_back();
                break;
            case json::parse_event_t::object_end:
                keys.pop_back();
                break;
            case json::parse_event_t::key:
                if (!keys.back().insert(parsed.get<std::string>()).second && duplicate.empty())
                {
                    duplicate = parsed.get<std::string>();
                }
                break;
            default:
                break;
            }
            return true;
        };
    json root;
    try
    {
        root = json::parse(text, callback);
    }
    catch (const json::exception& e)
    {
        // Drop nlohmann's "[json.exception.parse_error.101] " prefix; the
        // rest names the line and column.
        std::string what = e.what();
        const auto close = what.find("] ");
        if (what.rfind("[json.exception", 0) == 0 && close != std::string::npos)
        {
            what = what.substr(close + 2);
        }
        throw EdgeInferenceError(sourceName + ": invalid JSON: " + what);
    }
    if (!duplicate.empty())
    {
        throw EdgeInferenceError(sourceName + ": duplicate key \"" + duplicate + "\"");
    }
    return root;
}

/**
 * @brief Read the rate model and its noise PSD.
 * @param root the top-level object
 * @param top its field (the file)
 * @param bandwidth the problem's bandwidth_hz
 * @return the model named by rate_model (default "fixed-power") with the
 *         file's noise PSD
 */
UplinkRateModel
ReadRateModel(const json& root, const Field& top, double bandwidth)
{
    const double n0 = ReadNoisePsd(root, top);
    std::string rateModel = "fixed-power";
    if (root.contains("rate_model"))
    {
        rateModel = AsString(root["rate_model"], top.Member("rate_model"));
    }
    if (rateModel == "fixed-power")
    {
        return UplinkRateModel::FixedPower(n0);
    }
    if (rateModel != "fixed-psd")
    {
        top.Member("rate_model")
            .Fail("must be \"fixed-power\" or \"fixed-psd\", got \"" + rateModel + "\"");
    }
    // The SNR spreads the power over the whole band (manual: *Uplink rate model*).
    // FixedPsd aborts on a reference bandwidth that is not positive, and
    // Validate() would come too late: report the field here (found by
    // fuzzing, test/data/fuzz-regressions/c2-problem-json/).
    if (!(bandwidth > 0))
    {
        top.Member("bandwidth_hz").Fail("must be a positive number of Hz, got " + Num(bandwidth));
    }
    return UplinkRateModel::FixedPsd(n0, bandwidth);
}

/**
 * @brief Read the "users" array into the problem: at most the limit of
 * users, each with an id of its own.
 * @param root the top-level object
 * @param top its field (the file)
 * @param problem the problem the users are added to
 */
void
ReadUsers(const json& root, const Field& top, C2Problem& problem)
{
    const Field usersField = top.Member("users");
    const json& users = AsArray(Required(root, top, "users"), usersField);
    if (users.size() > C2ProblemJsonLimits::MAX_USERS)
    {
        usersField.Fail("has " + std::to_string(users.size()) +
                        " entries, more than the limit of " +
                        std::to_string(C2ProblemJsonLimits::MAX_USERS) + " users");
    }
    std::map<uint32_t, size_t> seen; // id -> index
    for (size_t k = 0; k < users.size(); ++k)
    {
        const C2User user = ReadUser(users[k], usersField.Element(k));
        const auto [it, fresh] = seen.emplace(user.id, k);
        if (!fresh)
        {
            usersField.Element(k).Member("id").Fail("duplicates users[" +
                                                    std::to_string(it->second) +
                                                    "].id: " + std::to_string(user.id));
        }
        problem.AddUser(user);
        problem.SetRateTable(k, ReadRateTable(users[k], usersField.Element(k)));
    }
}

/**
 * @brief Refuse a problem path that must not be read: a folder, another
 * file that is not a regular file (a device, a FIFO), or a file larger than
 * the limit.
 *
 * A path that does not exist or cannot be examined passes: opening it then
 * fails with the usual message.
 * @param path the file name
 * @throws EdgeInferenceError naming the file and the problem
 */
void
CheckProblemPath(const std::string& path)
{
    std::error_code ec;
    const std::filesystem::file_status status = std::filesystem::status(path, ec);
    if (std::filesystem::is_directory(status))
    {
        throw EdgeInferenceError(path + ": is a folder, not a problem file");
    }
    if (!std::filesystem::exists(status))
    {
        return;
    }
    if (!std::filesystem::is_regular_file(status))
    {
        throw EdgeInferenceError(path + ": not a regular file (a problem must be a file)");
    }
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec && size > C2ProblemJsonLimits::MAX_FILE_BYTES)
    {
        throw EdgeInferenceError(FileSizeLimitMessage(path));
    }
}

/**
 * @brief Read a whole problem file, at most the limit (it may have grown
 * since its size was checked).
 * @param in the open file
 * @param path its name, for messages
 * @return the file's text
 * @throws EdgeInferenceError beyond the limit or on a read error
 */
std::string
ReadBounded(std::istream& in, const std::string& path)
{
    std::string text;
    std::vector<char> chunk(64 * 1024);
    while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0)
    {
        text.append(chunk.data(), static_cast<size_t>(in.gcount()));
        if (text.size() > C2ProblemJsonLimits::MAX_FILE_BYTES)
        {
            throw EdgeInferenceError(FileSizeLimitMessage(path));
        }
    }
    if (in.bad())
    {
        throw EdgeInferenceError(path + ": cannot read the problem file");
    }
    return text;
}

} // namespace

C2Problem
ParseC2ProblemJson(const std::string& text, const std::string& sourceName)
{
    NS_LOG_FUNCTION(sourceName);
    if (text.size() > C2ProblemJsonLimits::MAX_FILE_BYTES)
    {
        throw EdgeInferenceError(FileSizeLimitMessage(sourceName));
    }
    const json root = ParseText(text, sourceName);
    const Field top(sourceName, "");
    if (!root.is_object())
    {
        top.Fail("must hold a JSON object at the top level, got " + Describe(root));
    }
    CheckKeys(root,
              top,
              {"bandwidth_hz",
               "noise_psd_dbm_hz",
               "noise_psd_w_hz",
               "rate_model",
               "resource_block_hz",
               "server_free_s",
               "exits",
               "profile",
               "users"});

    C2Problem problem;
    const double bandwidth =
        AsNumber(Required(root, top, "bandwidth_hz"), top.Member("bandwidth_hz"));
    problem.SetBandwidth(bandwidth);
    problem.SetResourceBlockWidth(OptionalNumber(root, top, "resource_block_hz", 0.0));
    problem.SetServerFreeS(OptionalNumber(root, top, "server_free_s", 0.0));

    problem.SetRateModel(ReadRateModel(root, top, bandwidth));

    const bool hasExits = root.contains("exits");
    const bool hasProfile = root.contains("profile");
    if (hasExits && hasProfile)
    {
        top.Fail("gives both exits and profile; give one");
    }
    if (!hasExits && !hasProfile)
    {
        top.Fail("gives neither exits nor profile; give one");
    }
    if (hasExits)
    {
        ReadExits(root["exits"], top.Member("exits"), problem);
    }
    else
    {
        problem.SetExits(ReadProfileExits(root["profile"], top.Member("profile")));
    }

    ReadUsers(root, top, problem);

    try
    {
        problem.Validate();
    }
    catch (const EdgeInferenceError& e)
    {
        // Validate() names the field (users[3].deadline_s); add the file.
        std::string what = e.what();
        const std::string prefix = "C2Problem: ";
        if (what.rfind(prefix, 0) == 0)
        {
            what = what.substr(prefix.size());
        }
        throw EdgeInferenceError(sourceName + ": " + what);
    }
    NS_LOG_INFO(sourceName << ": " << problem.GetNUsers() << " users, " << problem.GetNExits()
                           << " exits");
    return problem;
}

C2Problem
ReadC2ProblemJson(const std::string& path)
{
    NS_LOG_FUNCTION(path);
    CheckProblemPath(path);
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        throw EdgeInferenceError(path + ": cannot open the problem file");
    }
    return ParseC2ProblemJson(ReadBounded(in, path), path);
}

std::string
C2ProblemToJson(const C2Problem& problem)
{
    NS_LOG_FUNCTION_NOARGS();
    ordered_json root;
    root["bandwidth_hz"] = problem.GetBandwidth();
    const UplinkRateModel& model = problem.GetRateModel();
    // dBm is easier to read, but only W/Hz is exact in every case: use dBm
    // when it converts back to the same double.
    const double n0 = model.GetNoisePsd();
    const double dbm = 10.0 * std::log10(n0) + 30.0;
    if (edgeinference::DbmPerHzToWPerHz(dbm) == n0)
    {
        root["noise_psd_dbm_hz"] = dbm;
    }
    else
    {
        root["noise_psd_w_hz"] = n0;
    }
    if (model.GetKind() == UplinkRateModel::FIXED_PSD)
    {
        if (model.GetReferenceBandwidth() != problem.GetBandwidth())
        {
            throw EdgeInferenceError(
                "C2ProblemToJson: the file format's fixed-psd model spreads the power over "
                "bandwidth_hz, but this problem's reference bandwidth is " +
                Num(model.GetReferenceBandwidth()) + " Hz");
        }
        root["rate_model"] = "fixed-psd";
    }
    else
    {
        root["rate_model"] = "fixed-power";
    }
    root["resource_block_hz"] = problem.GetResourceBlockWidth();
    if (problem.GetServerFreeS() != 0)
    {
        root["server_free_s"] = problem.GetServerFreeS();
    }
    root["exits"] = ordered_json::array();
    for (uint32_t n = 1; n <= problem.GetNExits(); ++n)
    {
        const C2Exit& e = problem.GetExits()[n - 1];
        ordered_json exit{{"accuracy", e.accuracy}, {"alpha_s", e.alphaS}, {"beta_s", e.betaS}};
        if (!problem.GetBlockTimes(n).empty())
        {
            exit["block_times_s"] = problem.GetBlockTimes(n);
        }
        root["exits"].push_back(exit);
    }
    root["users"] = ordered_json::array();
    for (uint32_t k = 0; k < problem.GetNUsers(); ++k)
    {
        const C2User& u = problem.GetUsers()[k];
        ordered_json user{{"id", u.id},
                          {"bits", u.bits},
                          {"power_w", u.powerW},
                          {"gain", u.gain},
                          {"deadline_s", u.deadlineS},
                          {"accuracy", u.accuracy}};
        if (problem.HasRateTable(k))
        {
            user["rate_bps"] = problem.GetRateTable(k);
        }
        root["users"].push_back(user);
    }
    return root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::string
C2AllocationToJson(const C2Problem& problem, const C2Allocation& allocation)
{
    NS_LOG_FUNCTION_NOARGS();
    ordered_json root;
    root["scheduler"] = allocation.scheduler;
    root["execution"] = allocation.execution == C2Allocation::BATCH ? "batch" : "sequential";
    root["served_count"] = allocation.GetServedCount();
    root["upload_deadline_s"] = allocation.uploadDeadlineS;
    if (!allocation.batchReleaseS.empty())
    {
        root["batch_release_s"] = allocation.batchReleaseS;
    }
    root["feasible"] = allocation.feasible;
    root["served"] = ordered_json::array();
    for (const C2ServedTask& task : allocation.served)
    {
        if (task.user >= problem.GetNUsers())
        {
            throw EdgeInferenceError("C2AllocationToJson: served user index " +
                                     std::to_string(task.user) +
                                     " is not below K = " + std::to_string(problem.GetNUsers()));
        }
        // Report the user's id from the file, not its index.
        root["served"].push_back(ordered_json{{"id", problem.GetUsers()[task.user].id},
                                              {"exit", task.exit},
                                              {"batch", task.batch},
                                              {"bandwidth_hz", task.bandwidthHz},
                                              {"resource_blocks", task.resourceBlocks},
                                              {"upload_end_s", task.uploadEndS},
                                              {"compute_start_s", task.computeStartS},
                                              {"completion_s", task.completionS}});
    }
    root["nodes"] = allocation.stats.nodes;
    root["candidates"] = allocation.stats.candidates;
    root["runtime_us"] = allocation.stats.runtimeUs;
    if (!allocation.feasible)
    {
        root["violations"] = allocation.violations;
    }
    return root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

} // namespace ns3
