/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Tests of the C2 problem file format (model/c2-problem-json.h): every
 * field is read, the writer round-trips bit for bit, every class of bad
 * input is an error that names the file and the field, and allocations are
 * written with the users' ids.
 */

#include "sparse-temp-file.h"

#include "ns3/boolean.h"
#include "ns3/c2-problem-json.h"
#include "ns3/edge-inference-error.h"
#include "ns3/exhaustive-c2-scheduler.h"
#include "ns3/test.h"
#include "ns3/uplink-rate-model.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <unistd.h>
#include <vector>

using namespace ns3;

namespace
{

/// The shipped example problems.
const std::string PROBLEMS = std::string(EDGE_INFERENCE_SOURCE_DIR) + "/data/problems/";

/// A valid problem with every optional field given; values are arbitrary
/// but distinct so that a field read into the wrong member shows.
const char* FULL_PROBLEM = R"({
  "bandwidth_hz": 2e6, "noise_psd_dbm_hz": -170, "rate_model": "fixed-psd",
  "resource_block_hz": 180000,
  "exits": [{"accuracy": 0.55, "alpha_s": 4e-4, "beta_s": 2e-3},
            {"accuracy": 0.75, "alpha_s": 5e-4, "beta_s": 3e-3}],
  "users": [{"id": 7, "bits": 24576, "power_w": 0.2, "gain": 1.1e-12,
             "deadline_s": 0.05, "accuracy": 0.6},
            {"id": 3, "bits": 8000, "power_w": 0.1, "gain": 2e-13,
             "deadline_s": 0.08, "accuracy": 0.5}]})";

/// Every field of FULL_PROBLEM, and the defaults of the optional fields.
class ParseValidTestCase : public TestCase
{
  public:
    ParseValidTestCase()
        : TestCase("A valid problem is read field by field; optional fields default")
    {
    }

  private:
    void DoRun() override
    {
        const C2Problem p = ParseC2ProblemJson(FULL_PROBLEM, "full.json");
        NS_TEST_ASSERT_MSG_EQ(p.GetBandwidth(), 2e6, "bandwidth_hz");
        NS_TEST_ASSERT_MSG_EQ(p.GetResourceBlockWidth(), 180000.0, "resource_block_hz");
        NS_TEST_ASSERT_MSG_EQ(p.GetRateModel().GetKind(), UplinkRateModel::FIXED_PSD, "fixed-psd");
        // -170 dBm/Hz = 1e-17 mW/Hz = 1e-20 W/Hz.
        NS_TEST_ASSERT_MSG_EQ_TOL(p.GetRateModel().GetNoisePsd() / 1e-20, 1.0, 1e-12, "N0");
        NS_TEST_ASSERT_MSG_EQ(p.GetRateModel().GetReferenceBandwidth(),
                              2e6,
                              "fixed-psd SNR is over bandwidth_hz");
        NS_TEST_ASSERT_MSG_EQ(p.GetNExits(), 2, "two exits");
        NS_TEST_ASSERT_MSG_EQ(p.GetExits()[0].accuracy, 0.55, "exits[0].accuracy");
        NS_TEST_ASSERT_MSG_EQ(p.GetExits()[0].alphaS, 4e-4, "exits[0].alpha_s");
        NS_TEST_ASSERT_MSG_EQ(p.GetExits()[0].betaS, 2e-3, "exits[0].beta_s");
        NS_TEST_ASSERT_MSG_EQ(p.GetExits()[1].accuracy, 0.75, "exits[1].accuracy");
        NS_TEST_ASSERT_MSG_EQ(p.GetExits()[1].alphaS, 5e-4, "exits[1].alpha_s");
        NS_TEST_ASSERT_MSG_EQ(p.GetExits()[1].betaS, 3e-3, "exits[1].beta_s");
        NS_TEST_ASSERT_MSG_EQ(p.GetNUsers(), 2, "two users");
        const C2User& u = p.GetUsers()[0];
        NS_TEST_ASSERT_MSG_EQ(u.id, 7, "users[0].id (ids kept, not renumbered)");
        NS_TEST_ASSERT_MSG_EQ(u.bits, 24576.0, "users[0].bits");
        NS_TEST_ASSERT_MSG_EQ(u.powerW, 0.2, "users[0].power_w");
        NS_TEST_ASSERT_MSG_EQ(u.gain, 1.1e-12, "users[0].gain");
        NS_TEST_ASSERT_MSG_EQ(u.deadlineS, 0.05, "users[0].deadline_s");
        NS_TEST_ASSERT_MSG_EQ(u.accuracy, 0.6, "users[0].accuracy");
        NS_TEST_ASSERT_MSG_EQ(p.GetUsers()[1].id, 3, "users[1].id");
        NS_TEST_ASSERT_MSG_EQ(p.GetUsers()[1].bits, 8000.0, "users[1].bits");

        // Optional fields left out: fixed power, -174 dBm/Hz, continuous.
        const C2Problem d = ParseC2ProblemJson(
            R"({"bandwidth_hz": 1e6, "exits": [{"accuracy": 0.5, "alpha_s": 0, "beta_s": 1e-3}],
                "users": []})",
            "defaults.json");
        NS_TEST_ASSERT_MSG_EQ(d.GetRateModel().GetKind(),
                              UplinkRateModel::FIXED_POWER,
                              "default rate model");
        // -174 dBm/Hz = 10^(-20.4) W/Hz = 3.98107e-21 W/Hz.
        NS_TEST_ASSERT_MSG_EQ_TOL(d.GetRateModel().GetNoisePsd() / std::pow(10.0, -20.4),
                                  1.0,
                                  1e-12,
                                  "default N0");
        NS_TEST_ASSERT_MSG_EQ(d.GetResourceBlockWidth(), 0.0, "default: continuous");
        NS_TEST_ASSERT_MSG_EQ(d.GetNUsers(), 0, "an empty user list is valid");
    }
};

/// The shipped example files: the hand-made one and the one with a profile.
class ExampleFilesTestCase : public TestCase
{
  public:
    ExampleFilesTestCase()
        : TestCase("The shipped example problem files are read")
    {
    }

  private:
    void DoRun() override
    {
        const C2Problem s = ReadC2ProblemJson(PROBLEMS + "small-4-users.json");
        NS_TEST_ASSERT_MSG_EQ(s.GetNUsers(), 4, "small: 4 users");
        NS_TEST_ASSERT_MSG_EQ(s.GetUsers()[3].id, 13, "small: ids 10..13");
        // data/problems/README.md: SNR = P g / (N0 B) = 0.1 * 1.35e-12 /
        // (1e-20 * 9e5) = 15 for the good users.
        NS_TEST_ASSERT_MSG_EQ_TOL(s.GetRateModel().Snr(0.1, 1.35e-12), 15.0, 1e-9, "SNR 15");
        NS_TEST_ASSERT_MSG_EQ_TOL(s.GetRateModel().Snr(0.1, 2.7e-13), 3.0, 1e-9, "SNR 3");

        // The profile is named relative to the problem file's folder. Its
        // header says alpha_ms 0.20 ... 0.10, beta_ms 1.5 ... 2.5 and
        // accuracy 0.60 ... 0.90, reproduced exactly by the (synthetic) table.
        const C2Problem p = ReadC2ProblemJson(PROBLEMS + "paper-default-24-users.json");
        NS_TEST_ASSERT_MSG_EQ(p.GetNUsers(), 24, "24 users");
        NS_TEST_ASSERT_MSG_EQ(p.GetNExits(), 5, "5 exits from the profile");
        const double acc[] = {0.60, 0.72, 0.81, 0.87, 0.90};
        const double alphaMs[] = {0.20, 0.18, 0.15, 0.12, 0.10};
        const double betaMs[] = {1.5, 1.8, 2.0, 2.2, 2.5};
        for (uint32_t n = 0; n < 5; ++n)
        {
            NS_TEST_ASSERT_MSG_EQ_TOL(p.GetExits()[n].accuracy, acc[n], 1e-12, "accuracy");
            NS_TEST_ASSERT_MSG_EQ_TOL(p.GetExits()[n].alphaS, alphaMs[n] * 1e-3, 1e-9, "alpha");
            NS_TEST_ASSERT_MSG_EQ_TOL(p.GetExits()[n].betaS, betaMs[n] * 1e-3, 1e-9, "beta");
        }
    }
};

/// @return true if every value of the two problems is the same double
bool
SameProblem(const C2Problem& a, const C2Problem& b)
{
    bool same =
        a.GetBandwidth() == b.GetBandwidth() &&
        a.GetResourceBlockWidth() == b.GetResourceBlockWidth() &&
        a.GetRateModel().GetKind() == b.GetRateModel().GetKind() &&
        a.GetRateModel().GetNoisePsd() == b.GetRateModel().GetNoisePsd() &&
        a.GetRateModel().GetReferenceBandwidth() == b.GetRateModel().GetReferenceBandwidth() &&
        a.GetServerFreeS() == b.GetServerFreeS() && a.GetNExits() == b.GetNExits() &&
        a.GetNUsers() == b.GetNUsers();
    for (uint32_t n = 0; same && n < a.GetNExits(); ++n)
    {
        const C2Exit& x = a.GetExits()[n];
        const C2Exit& y = b.GetExits()[n];
        same = x.accuracy == y.accuracy && x.alphaS == y.alphaS && x.betaS == y.betaS &&
               a.GetBlockTimes(n + 1) == b.GetBlockTimes(n + 1);
    }
    for (uint32_t k = 0; same && k < a.GetNUsers(); ++k)
    {
        const C2User& x = a.GetUsers()[k];
        const C2User& y = b.GetUsers()[k];
        same = x.id == y.id && x.bits == y.bits && x.powerW == y.powerW && x.gain == y.gain &&
               x.deadlineS == y.deadlineS && x.accuracy == y.accuracy &&
               a.GetRateTable(k) == b.GetRateTable(k);
    }
    return same;
}

/// C2ProblemToJson then ParseC2ProblemJson gives the same doubles, also for
/// values with no short decimal form and a noise PSD given in W/Hz.
class RoundTripTestCase : public TestCase
{
  public:
    RoundTripTestCase()
        : TestCase("C2ProblemToJson -> ParseC2ProblemJson is exact")
    {
    }

  private:
    void DoRun() override
    {
        C2Problem p;
        p.SetBandwidth(1e6 / 3.0);
        p.SetResourceBlockWidth(0.1 + 0.2);
        p.SetExits({{0.1 + 0.2, 1.0 / 7.0 * 1e-3, 2e-3 / 3.0}, {0.9, 1e-3 / 3.0, 0.0}});
        p.SetUsers({{4294967295u, 24576, 0.2, 1.234567890123457e-13, 0.05 / 3.0, 1.0 / 3.0},
                    {0, 1e5 / 7.0, 0.199526231496888, 9.87654321e-11, 0.1, 0.0}});
        for (const double n0 : {edgeinference::DbmPerHzToWPerHz(-174.0), 1.2345678901234567e-21})
        {
            for (const bool psd : {false, true})
            {
                p.SetRateModel(psd ? UplinkRateModel::FixedPsd(n0, p.GetBandwidth())
                                   : UplinkRateModel::FixedPower(n0));
                const std::string text = C2ProblemToJson(p);
                const C2Problem q = ParseC2ProblemJson(text, "roundtrip.json");
                NS_TEST_ASSERT_MSG_EQ(SameProblem(p, q), true, "round trip of\n" << text);
            }
        }
        // Rate tables (rate_bps), with values that have no short decimal
        // form; the user without one keeps none.
        C2Problem t = p;
        t.SetBandwidth(40e3);
        t.SetResourceBlockWidth(10e3);
        t.SetRateModel(UplinkRateModel::FixedPower(1e-20));
        t.SetRateTable(0, {1000.5 / 3, 0, 2e3 / 7, 3000});
        const std::string tableText = C2ProblemToJson(t);
        const C2Problem u = ParseC2ProblemJson(tableText, "tables.json");
        NS_TEST_ASSERT_MSG_EQ(SameProblem(t, u), true, "round trip of\n" << tableText);
        NS_TEST_ASSERT_MSG_EQ(u.HasRateTable(1), false, "user 1 has no table");
        // Block latency tables (block_times_s) on exit 2 only.
        C2Problem m = p;
        m.SetBlockTimes(2, {1e-3 / 3, 1e-3 / 3, 1e-3 / 3 + 2e-3 / 7});
        const std::string blockText = C2ProblemToJson(m);
        const C2Problem v = ParseC2ProblemJson(blockText, "blocks.json");
        NS_TEST_ASSERT_MSG_EQ(SameProblem(m, v), true, "round trip of\n" << blockText);
        NS_TEST_ASSERT_MSG_EQ(v.GetBlockTimes(1).empty(), true, "exit 1 keeps its affine fit");
        NS_TEST_ASSERT_MSG_EQ(SameProblem(m, p), false, "the table is compared");
        // A busy server (server_free_s), written only when not 0.
        C2Problem busy = p;
        busy.SetServerFreeS(2e-3 / 3);
        const std::string busyText = C2ProblemToJson(busy);
        NS_TEST_ASSERT_MSG_EQ(SameProblem(busy, ParseC2ProblemJson(busyText, "busy.json")),
                              true,
                              "round trip of\n"
                                  << busyText);
        NS_TEST_ASSERT_MSG_EQ(C2ProblemToJson(p).find("server_free_s"),
                              std::string::npos,
                              "0 is not written");
        // The shipped example, parsed, written and parsed again.
        const C2Problem s = ReadC2ProblemJson(PROBLEMS + "paper-default-24-users.json");
        NS_TEST_ASSERT_MSG_EQ(SameProblem(s, ParseC2ProblemJson(C2ProblemToJson(s), "again.json")),
                              true,
                              "round trip of the profile example");
        // A fixed-PSD model over another bandwidth cannot be written.
        p.SetRateModel(UplinkRateModel::FixedPsd(1e-20, 5e6));
        bool threw = false;
        try
        {
            C2ProblemToJson(p);
        }
        catch (const EdgeInferenceError&)
        {
            threw = true;
        }
        NS_TEST_ASSERT_MSG_EQ(threw, true, "unrepresentable reference bandwidth");
    }
};

/// One bad input and a piece of the message it must give.
struct BadCase
{
    const char* what;     //!< description
    std::string text;     //!< the file content
    const char* expected; //!< must occur in the message
};

/// A valid exits array and user, spliced into the bad cases.
const std::string EXITS = R"("exits": [{"accuracy": 0.5, "alpha_s": 1e-4, "beta_s": 1e-3},
                                       {"accuracy": 0.8, "alpha_s": 1e-4, "beta_s": 1e-3}])";
const std::string USER = R"({"id": 0, "bits": 1000, "power_w": 0.2, "gain": 1e-12,
                             "deadline_s": 0.05, "accuracy": 0.6})";

/// @return a problem with the given users array text
std::string
WithUsers(const std::string& users)
{
    return R"({"bandwidth_hz": 1e6, )" + EXITS + R"(, "users": [)" + users + "]}";
}

/// @return a valid problem with one top-level member added
std::string
WithTop(const std::string& member)
{
    return R"({"bandwidth_hz": 1e6, )" + member + ", " + EXITS + R"(, "users": [)" + USER + "]}";
}

/// @return a valid problem with two users whose exit 2 has one more member
std::string
WithExits(const std::string& member)
{
    return R"({"bandwidth_hz": 1e6, "exits": [{"accuracy": 0.5, "alpha_s": 1e-4, "beta_s": 1e-3},
              {"accuracy": 0.8, "alpha_s": 1e-4, "beta_s": 1e-3, )" +
           member + R"(}], "users": [)" + USER + R"(, {"id": 1, "bits": 1000, "power_w": 0.2,
           "gain": 1e-12, "deadline_s": 0.05, "accuracy": 0.6}]})";
}

/// Every class of bad input is an EdgeInferenceError naming the file and
/// the field (and nothing is silently defaulted).
class BadInputTestCase : public TestCase
{
  public:
    BadInputTestCase()
        : TestCase("Each class of bad input names the file and the field")
    {
    }

  private:
    void DoRun() override
    {
        const std::string profile = std::string(R"("profile": ")") + EDGE_INFERENCE_SOURCE_DIR +
                                    "/data/profiles/paper-default.csv\"";
        const std::vector<BadCase> cases = {
            {"missing field",
             R"({)" + EXITS + R"(, "users": []})",
             "bad.json: bandwidth_hz is missing"},
            {"missing user field",
             WithUsers(R"({"id": 0, "bits": 1000, "power_w": 0.2, "gain": 1e-12,
                           "accuracy": 0.6})"),
             "bad.json: users[0].deadline_s is missing"},
            {"negative value (Validate)",
             WithUsers(USER + R"(, {"id": 1, "bits": 1000, "power_w": 0.2, "gain": 1e-12,
                                    "deadline_s": -1, "accuracy": 0.6})"),
             "bad.json: users[1].deadline_s must be a positive number of s, got -1"},
            {"negative bandwidth",
             R"({"bandwidth_hz": -5, )" + EXITS + R"(, "users": []})",
             "bad.json: bandwidth_hz must be"},
            {"string for a number",
             WithUsers(R"({"id": 0, "bits": "1000", "power_w": 0.2, "gain": 1e-12,
                           "deadline_s": 0.05, "accuracy": 0.6})"),
             "bad.json: users[0].bits must be a finite number, got string \"1000\""},
            {"boolean for a number",
             R"({"bandwidth_hz": true, )" + EXITS + R"(, "users": []})",
             "bandwidth_hz must be a finite number, got boolean"},
            {"string in a rate table",
             WithUsers(R"({"id": 0, "bits": 1000, "power_w": 0.2, "gain": 1e-12,
                           "deadline_s": 0.05, "accuracy": 0.6, "rate_bps": [1, "2"]})"),
             "bad.json: users[0].rate_bps[1] must be a finite number, got string \"2\""},
            {"rate table without resource blocks (Validate)",
             WithUsers(R"({"id": 0, "bits": 1000, "power_w": 0.2, "gain": 1e-12,
                           "deadline_s": 0.05, "accuracy": 0.6, "rate_bps": [1, 2]})"),
             "bad.json: resource_block_hz must be > 0 when a user has a rate table (rate_bps), "
             "got 0"},
            {"number beyond double range",
             WithTop(R"("resource_block_hz": 1e400)"),
             "bad.json: invalid JSON: number overflow"},
            {"unknown rate model",
             WithTop(R"("rate_model": "fixed-snr")"),
             "rate_model must be \"fixed-power\" or \"fixed-psd\", got \"fixed-snr\""},
            {"rate model not a string",
             WithTop(R"("rate_model": 1)"),
             "rate_model must be a string"},
            {"unknown top-level key (typo)",
             WithTop(R"("bandwith_hz": 2e6)"),
             "unknown key \"bandwith_hz\""},
            {"unknown user key",
             WithUsers(R"({"id": 0, "bits": 1000, "power_w": 0.2, "gain": 1e-12,
                           "deadline_s": 0.05, "accuracy": 0.6, "dedline_s": 1})"),
             "unknown key \"dedline_s\" in users[0]"},
            {"unknown exit key",
             R"({"bandwidth_hz": 1e6, "exits": [{"accuracy": 0.5, "alpha_s": 0,
                 "beta_s": 1e-3, "beta": 1}], "users": []})",
             "unknown key \"beta\" in exits[0]"},
            {"string in a block latency table",
             WithExits(R"("block_times_s": [1e-3, "2e-3"])"),
             "bad.json: exits[1].block_times_s[1] must be a finite number, got string \"2e-3\""},
            {"block latency table that falls (Validate)",
             WithExits(R"("block_times_s": [2e-3, 1e-3])"),
             "bad.json: exits[1].block_times_s[1] must be at least the previous entry (a larger "
             "batch is never faster), got 0.001"},
            {"block latency table with a zero (Validate)",
             WithExits(R"("block_times_s": [0, 1e-3])"),
             "bad.json: exits[1].block_times_s[0] must be a positive number of s, got 0"},
            {"block latency table shorter than the users (Validate)",
             WithExits(R"("block_times_s": [1e-3])"),
             "bad.json: exits[1].block_times_s length must be at least the number of users (2), "
             "got 1"},
            {"block latency table not an array",
             WithExits(R"("block_times_s": 1e-3)"),
             "bad.json: exits[1].block_times_s must be an array"},
            {"negative server free time (Validate)",
             WithTop(R"("server_free_s": -1)"),
             "bad.json: server_free_s must be a non-negative number of s, got -1"},
            {"server free time not a number",
             WithTop(R"("server_free_s": "soon")"),
             "bad.json: server_free_s must be a finite number, got string \"soon\""},
            {"both exits and profile", WithTop(profile), "both exits and profile"},
            {"neither exits nor profile",
             R"({"bandwidth_hz": 1e6, "users": []})",
             "neither exits nor profile"},
            {"bad profile path",
             R"({"bandwidth_hz": 1e6, "profile": "no-such-profile.csv", "users": []})",
             "bad.json: profile \"no-such-profile.csv\" cannot be used"},
            {"duplicate id",
             WithUsers(USER + ", " + USER),
             "bad.json: users[1].id duplicates users[0].id"},
            {"negative id",
             WithUsers(R"({"id": -1, "bits": 1000, "power_w": 0.2, "gain": 1e-12,
                           "deadline_s": 0.05, "accuracy": 0.6})"),
             "users[0].id must be a non-negative integer"},
            {"fractional id",
             WithUsers(R"({"id": 1.5, "bits": 1000, "power_w": 0.2, "gain": 1e-12,
                           "deadline_s": 0.05, "accuracy": 0.6})"),
             "users[0].id must be a non-negative integer"},
            {"id beyond 32 bits",
             WithUsers(R"({"id": 4294967296, "bits": 1000, "power_w": 0.2, "gain": 1e-12,
                           "deadline_s": 0.05, "accuracy": 0.6})"),
             "users[0].id must be a non-negative integer"},
            {"duplicate key",
             WithUsers(R"({"id": 0, "bits": 1000, "bits": 2000, "power_w": 0.2,
                           "gain": 1e-12, "deadline_s": 0.05, "accuracy": 0.6})"),
             "bad.json: duplicate key \"bits\""},
            {"malformed JSON", R"({"bandwidth_hz": 1e6,,})", "bad.json: invalid JSON"},
            {"top level not an object", "[1, 2]", "must hold a JSON object"},
            {"users not an array",
             R"({"bandwidth_hz": 1e6, )" + EXITS + R"(, "users": {}})",
             "users must be an array"},
            {"user not an object", WithUsers("3"), "users[0] must be an object"},
            {"no exits",
             R"({"bandwidth_hz": 1e6, "exits": [], "users": []})",
             "exits must list at least one exit"},
            {"decreasing accuracy",
             R"({"bandwidth_hz": 1e6, "exits": [{"accuracy": 0.8, "alpha_s": 0,
                 "beta_s": 1e-3}, {"accuracy": 0.7, "alpha_s": 0, "beta_s": 1e-3}],
                 "users": []})",
             "exits[1].accuracy must be at least the previous exit's accuracy"},
            {"two noise fields",
             WithTop(R"("noise_psd_dbm_hz": -174, "noise_psd_w_hz": 4e-21)"),
             "both noise_psd_dbm_hz and noise_psd_w_hz"},
            {"non-positive noise in W",
             WithTop(R"("noise_psd_w_hz": 0)"),
             "noise_psd_w_hz must be a positive number"},
            {"resource block wider than the band",
             WithTop(R"("resource_block_hz": 2e6)"),
             "resource_block_hz must be at most bandwidth_hz"},
        };
        for (const BadCase& c : cases)
        {
            std::string message = "(no error)";
            try
            {
                ParseC2ProblemJson(c.text, "bad.json");
            }
            catch (const EdgeInferenceError& e)
            {
                message = e.what();
            }
            NS_TEST_EXPECT_MSG_NE(message.find(c.expected),
                                  std::string::npos,
                                  c.what << ": expected \"" << c.expected << "\" in \"" << message
                                         << "\"");
        }

        // A missing file names the file.
        std::string message;
        try
        {
            ReadC2ProblemJson("/nonexistent/problem.json");
        }
        catch (const EdgeInferenceError& e)
        {
            message = e.what();
        }
        NS_TEST_EXPECT_MSG_EQ(message,
                              "/nonexistent/problem.json: cannot open the problem file",
                              "missing file");
        message.clear();
        try
        {
            ReadC2ProblemJson(PROBLEMS);
        }
        catch (const EdgeInferenceError& e)
        {
            message = e.what();
        }
        NS_TEST_EXPECT_MSG_EQ(message, PROBLEMS + ": is a folder, not a problem file", "folder");
    }
};

using inputtest::SparseTempFile;

/// @return the message of the EdgeInferenceError that f throws, or "(no error)"
template <typename F>
std::string
ErrorOf(F f)
{
    try
    {
        f();
    }
    catch (const EdgeInferenceError& e)
    {
        return e.what();
    }
    return "(no error)";
}

/// @return the message of the EdgeInferenceError ParseC2ProblemJson throws
std::string
ParseError(const std::string& text, const std::string& source)
{
    return ErrorOf([&text, &source]() { ParseC2ProblemJson(text, source); });
}

/**
 * ReadC2ProblemJson refuses, before reading, a path that is not a regular
 * file (/dev/zero; a folder keeps its own message) and a file over
 * C2ProblemJsonLimits::MAX_FILE_BYTES (16 MiB, a sparse file); a file of
 * exactly 16 MiB is read (and is not JSON); ParseC2ProblemJson refuses
 * text over the limit.
 */
class FileLimitTestCase : public TestCase
{
  public:
    FileLimitTestCase()
        : TestCase("Non-regular files and files over 16 MiB are refused before reading")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_ASSERT_MSG_EQ(C2ProblemJsonLimits::MAX_FILE_BYTES, 16 * 1024 * 1024, "documented");
        if (std::filesystem::exists("/dev/zero"))
        {
            NS_TEST_ASSERT_MSG_EQ(ErrorOf([]() { ReadC2ProblemJson("/dev/zero"); }),
                                  "/dev/zero: not a regular file (a problem must be a file)",
                                  "an endless device");
        }
        const std::string folder = std::filesystem::temp_directory_path().string();
        NS_TEST_ASSERT_MSG_EQ(ErrorOf([&folder]() { ReadC2ProblemJson(folder); }),
                              folder + ": is a folder, not a problem file",
                              "a folder keeps its message");
        {
            const SparseTempFile big("problem-17MiB.json", 17 * 1024 * 1024);
            NS_TEST_ASSERT_MSG_EQ(ErrorOf([&big]() { ReadC2ProblemJson(big.Path()); }),
                                  big.Path() + ": file is larger than the limit of 16 MiB",
                                  "a file over the limit");
        }
        const SparseTempFile limit("problem-16MiB.json", 16 * 1024 * 1024);
        const std::string message = ErrorOf([&limit]() { ReadC2ProblemJson(limit.Path()); });
        NS_TEST_ASSERT_MSG_EQ(message.rfind(limit.Path() + ": invalid JSON: ", 0),
                              0,
                              "a file of exactly the limit is read: " << message);
        NS_TEST_ASSERT_MSG_EQ(ParseError(std::string(16 * 1024 * 1024 + 1, ' '), "big.json"),
                              "big.json: file is larger than the limit of 16 MiB",
                              "text over the limit");
    }
};

/**
 * Arrays and objects nested deeper than C2ProblemJsonLimits::MAX_NESTING
 * (64) are refused while parsing, an unterminated nesting of a million
 * brackets too; 64 levels are parsed.
 */
class NestingLimitTestCase : public TestCase
{
  public:
    NestingLimitTestCase()
        : TestCase("JSON nested deeper than 64 levels is refused")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_ASSERT_MSG_EQ(C2ProblemJsonLimits::MAX_NESTING, 64, "documented");
        const std::string refused = "deep.json: JSON nesting deeper than the limit of 64 levels";
        auto arrays = [](size_t n) { return std::string(n, '[') + std::string(n, ']'); };
        NS_TEST_ASSERT_MSG_EQ(ParseError(arrays(64), "deep.json")
                                  .rfind("deep.json: must hold a JSON object at the top level", 0),
                              0,
                              "64 levels are parsed");
        NS_TEST_ASSERT_MSG_EQ(ParseError(arrays(65), "deep.json"), refused, "65 arrays");
        NS_TEST_ASSERT_MSG_EQ(ParseError(std::string(1000000, '['), "deep.json"),
                              refused,
                              "a million unterminated brackets");
        // Objects count as levels too: the problem object holds 64 more.
        std::string objects = "1";
        for (int level = 0; level < 64; ++level)
        {
            objects = R"({"a": )" + objects + "}";
        }
        NS_TEST_ASSERT_MSG_EQ(ParseError(WithTop(R"("x": )" + objects), "deep.json"),
                              refused,
                              "65 objects");
    }
};

/// More than C2ProblemJsonLimits::MAX_USERS (100000) users are refused
/// before any user is read; 100000 pass that check.
class UserLimitTestCase : public TestCase
{
  public:
    UserLimitTestCase()
        : TestCase("More than 100000 users are refused")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_ASSERT_MSG_EQ(C2ProblemJsonLimits::MAX_USERS, 100000, "documented");
        std::string users = "0";
        for (int k = 1; k < 100000; ++k)
        {
            users += ",0";
        }
        NS_TEST_ASSERT_MSG_EQ(ParseError(WithUsers(users), "many.json"),
                              "many.json: users[0] must be an object, got number 0",
                              "100000 users pass the limit (and fail on their content)");
        NS_TEST_ASSERT_MSG_EQ(
            ParseError(WithUsers(users + ",0"), "many.json"),
            "many.json: users has 100001 entries, more than the limit of 100000 users",
            "one user over the limit");
    }
};

/// Allocation JSON: ids (not indices), exits 1..N, violations when
/// infeasible; an empty frame gives 0 served.
class AllocationJsonTestCase : public TestCase
{
  public:
    AllocationJsonTestCase()
        : TestCase("Allocations are written with the users' ids and exits")
    {
    }

  private:
    void DoRun() override
    {
        using json = nlohmann::json;
        const C2Problem p = ParseC2ProblemJson(FULL_PROBLEM, "full.json");
        C2Allocation a;
        a.scheduler = "ns3::HandMade";
        a.uploadDeadlineS = 0.01;
        a.served.push_back({1, 1, 360000, 2, 0.009, 0.01, 0.012}); // index 1 = id 3
        a.served.push_back({0, 2, 540000, 3, 0.01, 0.01, 0.015});  // index 0 = id 7
        a.stats.nodes = 42;
        const json j = json::parse(C2AllocationToJson(p, a));
        NS_TEST_ASSERT_MSG_EQ(j["served_count"].get<int>(), 2, "served_count");
        NS_TEST_ASSERT_MSG_EQ(j["served"][0]["id"].get<int>(), 3, "index 1 is id 3");
        NS_TEST_ASSERT_MSG_EQ(j["served"][0]["exit"].get<int>(), 1, "exit 1");
        NS_TEST_ASSERT_MSG_EQ(j["served"][1]["id"].get<int>(), 7, "index 0 is id 7");
        NS_TEST_ASSERT_MSG_EQ(j["served"][1]["exit"].get<int>(), 2, "exit 2");
        NS_TEST_ASSERT_MSG_EQ(j["served"][1]["resource_blocks"].get<int>(), 3, "blocks");
        NS_TEST_ASSERT_MSG_EQ(j["served"][1]["completion_s"].get<double>(), 0.015, "completion");
        NS_TEST_ASSERT_MSG_EQ(j["nodes"].get<int>(), 42, "nodes");
        NS_TEST_ASSERT_MSG_EQ(j["feasible"].get<bool>(), true, "feasible");
        NS_TEST_ASSERT_MSG_EQ(j.contains("violations"), false, "no violations when feasible");
        a.feasible = false;
        a.violations = {"too much bandwidth"};
        const json bad = json::parse(C2AllocationToJson(p, a));
        NS_TEST_ASSERT_MSG_EQ(bad["violations"][0].get<std::string>(),
                              "too much bandwidth",
                              "violations when infeasible");

        // The optimum of data/problems/small-4-users.json with early exits,
        // derived by hand in data/problems/README.md: ids 10 and 11 at exit
        // 1, id 12 at exit 2, upload deadline 18 ms.
        const C2Problem s = ReadC2ProblemJson(PROBLEMS + "small-4-users.json");
        Ptr<C2Scheduler> exhaustive = CreateObject<ExhaustiveC2Scheduler>();
        exhaustive->SetAttribute("EarlyExit", BooleanValue(true));
        const json opt = json::parse(C2AllocationToJson(s, exhaustive->Allocate(s)));
        NS_TEST_ASSERT_MSG_EQ(opt["served_count"].get<int>(), 3, "3 served with early exits");
        NS_TEST_ASSERT_MSG_EQ_TOL(opt["upload_deadline_s"].get<double>(), 0.018, 1e-12, "t*");
        std::vector<std::pair<int, int>> idExit;
        for (const auto& t : opt["served"])
        {
            idExit.emplace_back(t["id"].get<int>(), t["exit"].get<int>());
        }
        std::sort(idExit.begin(), idExit.end());
        const std::vector<std::pair<int, int>> expected = {{10, 1}, {11, 1}, {12, 2}};
        NS_TEST_ASSERT_MSG_EQ((idExit == expected), true, "ids 10, 11 at exit 1, 12 at exit 2");

        // An empty user list is valid and gives an empty allocation.
        const C2Problem empty = ParseC2ProblemJson(
            R"({"bandwidth_hz": 1e6, "exits": [{"accuracy": 0.5, "alpha_s": 0, "beta_s": 1e-3}],
                "users": []})",
            "empty.json");
        const json none = json::parse(C2AllocationToJson(empty, exhaustive->Allocate(empty)));
        NS_TEST_ASSERT_MSG_EQ(none["served_count"].get<int>(), 0, "nothing to serve");
        NS_TEST_ASSERT_MSG_EQ(none["served"].size(), 0, "empty served list");
    }
};

/// The problem-file TestSuite.
class C2ProblemJsonTestSuite : public TestSuite
{
  public:
    C2ProblemJsonTestSuite()
        : TestSuite("edge-inference-c2-json", Type::UNIT)
    {
        AddTestCase(new ParseValidTestCase);
        AddTestCase(new ExampleFilesTestCase);
        AddTestCase(new RoundTripTestCase);
        AddTestCase(new BadInputTestCase);
        AddTestCase(new AllocationJsonTestCase);
        AddTestCase(new FileLimitTestCase);
        AddTestCase(new NestingLimitTestCase);
        AddTestCase(new UserLimitTestCase);
    }
};

/// Registers the suite.
static C2ProblemJsonTestSuite g_c2ProblemJsonTestSuite;

} // namespace
