/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Replays the fuzzers' inputs in the normal build (issue 7): every file of
 * the seed corpora and of test/data/fuzz-regressions/<target>/ (inputs that
 * once crashed a fuzz target, kept after the fix) goes through the parser
 * the target fuzzes, with the same contract as the target (fuzz/fuzz-*.cc):
 *  - profile files: EarlyExitProfile::Parse gives a profile or throws
 *    EdgeInferenceError, nothing else; a profile that parses writes and
 *    reads back to the same text;
 *  - problem files: ParseC2ProblemJson gives a problem that passes
 *    Validate() or throws EdgeInferenceError; a parsed problem writes and
 *    reads back to the same JSON; a small one (K <= 8, N <= 6) gets a
 *    feasible allocation from every scheduler, and the optimal schedulers
 *    serve as many tasks as the exhaustive search.
 * A crash or an abort fails the whole runner, as it should.
 */

#include "ns3/boolean.h"
#include "ns3/c2-allocation.h"
#include "ns3/c2-problem-json.h"
#include "ns3/c2-scheduler.h"
#include "ns3/early-exit-profile.h"
#include "ns3/edge-inference-error.h"
#include "ns3/object-factory.h"
#include "ns3/test.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

const std::string kRoot = EDGE_INFERENCE_SOURCE_DIR; //!< module source folder

/**
 * @param folders folders relative to the module root
 * @param suffix file name suffix to keep ("" for all)
 * @return the regular files in them, sorted (README.md files excluded)
 */
std::vector<std::string>
FilesIn(const std::vector<std::string>& folders, const std::string& suffix)
{
    std::vector<std::string> files;
    for (const std::string& folder : folders)
    {
        const std::filesystem::path dir = kRoot + "/" + folder;
        if (!std::filesystem::is_directory(dir))
        {
            continue;
        }
        for (const auto& entry : std::filesystem::directory_iterator(dir))
        {
            const std::string name = entry.path().filename().string();
            if (entry.is_regular_file() && name != "README.md" &&
                (suffix.empty() ||
                 (name.size() >= suffix.size() &&
                  name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)))
            {
                files.push_back(entry.path().string());
            }
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

/// @return the whole file as bytes
std::string
ReadAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// The profile parser on its corpora.
class ProfileCorpusTestCase : public TestCase
{
  public:
    /**
     * @param what the corpus, for the test name (ns-3 forbids '/' there)
     * @param folders corpus folders
     * @param suffix file suffix ("" for all)
     * @param minParsed how many files must parse (shipped files do)
     */
    ProfileCorpusTestCase(const std::string& what,
                          const std::vector<std::string>& folders,
                          const std::string& suffix,
                          uint32_t minParsed)
        : TestCase("Profile parser on " + what),
          m_folders(folders),
          m_suffix(suffix),
          m_minParsed(minParsed)
    {
    }

  private:
    void DoRun() override
    {
        const std::vector<std::string> files = FilesIn(m_folders, m_suffix);
        NS_TEST_ASSERT_MSG_GT(files.size(), 0, "the corpus is not empty");
        uint32_t parsed = 0;
        for (const std::string& file : files)
        {
            std::istringstream in(ReadAll(file));
            try
            {
                const EarlyExitProfile p = EarlyExitProfile::Parse(in, file);
                ++parsed;
                std::ostringstream out;
                p.Write(out);
                std::istringstream back(out.str());
                std::ostringstream again;
                EarlyExitProfile::Parse(back, file + " (written)").Write(again);
                NS_TEST_EXPECT_MSG_EQ(again.str(), out.str(), file << ": write/read round trip");
            }
            catch (const EdgeInferenceError&)
            {
                // The documented rejection.
            }
            catch (const std::exception& e)
            {
                NS_TEST_EXPECT_MSG_EQ(std::string(e.what()),
                                      "",
                                      file << ": exception other than EdgeInferenceError");
            }
        }
        NS_TEST_EXPECT_MSG_GT_OR_EQ(parsed, m_minParsed, "valid files parse");
    }

    std::vector<std::string> m_folders; //!< corpus folders
    std::string m_suffix;               //!< file suffix
    uint32_t m_minParsed;               //!< files that must parse
};

/// @return the allocation of the named scheduler (EarlyExit set if >= 0)
C2Allocation
AllocateWith(const C2Problem& problem, const std::string& name, int earlyExit = -1)
{
    ObjectFactory factory(name);
    if (earlyExit >= 0)
    {
        factory.Set("EarlyExit", BooleanValue(earlyExit != 0));
    }
    return factory.Create<C2Scheduler>()->Allocate(problem);
}

/// The problem reader (and the schedulers behind it) on its corpora.
class ProblemCorpusTestCase : public TestCase
{
  public:
    /**
     * @param what the corpus, for the test name (ns-3 forbids '/' there)
     * @param folders corpus folders
     * @param minParsed files that must parse
     */
    ProblemCorpusTestCase(const std::string& what,
                          const std::vector<std::string>& folders,
                          uint32_t minParsed)
        : TestCase("Problem reader on " + what),
          m_folders(folders),
          m_minParsed(minParsed)
    {
    }

  private:
    void DoRun() override
    {
        // Problem files end in .json; test/data/c2-json/ holds only those.
        const std::vector<std::string> files = FilesIn(m_folders, ".json");
        NS_TEST_ASSERT_MSG_GT(files.size(), 0, "the corpus is not empty");
        uint32_t parsed = 0;
        for (const std::string& file : files)
        {
            // As in the fuzz target: a relative "profile" is looked up in
            // data/profiles/, so "paper-default.csv" resolves.
            const std::string source =
                kRoot + "/data/profiles/" + std::filesystem::path(file).filename().string();
            C2Problem problem;
            try
            {
                problem = ParseC2ProblemJson(ReadAll(file), source);
            }
            catch (const EdgeInferenceError&)
            {
                continue; // the documented rejection
            }
            catch (const std::exception& e)
            {
                NS_TEST_EXPECT_MSG_EQ(std::string(e.what()),
                                      "",
                                      file << ": exception other than EdgeInferenceError");
                continue;
            }
            ++parsed;
            CheckProblem(file, problem, source);
        }
        NS_TEST_EXPECT_MSG_GT_OR_EQ(parsed, m_minParsed, "valid files parse");
    }

    /// The checks of fuzz/fuzz-c2-problem-json.cc on a parsed problem.
    void CheckProblem(const std::string& file, const C2Problem& problem, const std::string& source)
    {
        const std::string written = C2ProblemToJson(problem);
        NS_TEST_EXPECT_MSG_EQ(C2ProblemToJson(ParseC2ProblemJson(written, source)),
                              written,
                              file << ": write/read round trip");
        if (problem.GetNUsers() > 8 || problem.GetNExits() > 6)
        {
            return;
        }
        uint32_t served[2] = {0, 0}; // exhaustive without / with early exit
        for (int early = 0; early < 2; ++early)
        {
            const C2Allocation a = AllocateWith(problem, "ns3::ExhaustiveC2Scheduler", early);
            NS_TEST_EXPECT_MSG_EQ(EvaluateC2Allocation(problem, a).feasible,
                                  true,
                                  file << ": exhaustive allocation feasible");
            served[early] = a.GetServedCount();
        }
        for (const char* name : {"ns3::EqualBandwidthC2Scheduler",
                                 "ns3::GreedyEarlyExitC2Scheduler",
                                 "ns3::SequentialC2Scheduler",
                                 "ns3::ShelfPackingC2Scheduler",
                                 "ns3::TreeSearchC2Scheduler"})
        {
            const C2Allocation a = AllocateWith(problem, name);
            NS_TEST_EXPECT_MSG_EQ(EvaluateC2Allocation(problem, a).feasible,
                                  true,
                                  file << ": " << name << " allocation feasible");
            // Shelf packing is optimal for batching only, the tree search
            // for batching with early exit (their class documentation).
            if (std::string(name) == "ns3::ShelfPackingC2Scheduler")
            {
                NS_TEST_EXPECT_MSG_EQ(a.GetServedCount(), served[0], file << ": shelf optimum");
            }
            if (std::string(name) == "ns3::TreeSearchC2Scheduler")
            {
                NS_TEST_EXPECT_MSG_EQ(a.GetServedCount(), served[1], file << ": tree optimum");
            }
        }
    }

    std::vector<std::string> m_folders; //!< corpus folders
    uint32_t m_minParsed;               //!< files that must parse
};

/// The fuzz regression TestSuite.
class FuzzRegressionsTestSuite : public TestSuite
{
  public:
    FuzzRegressionsTestSuite()
        : TestSuite("edge-inference-fuzz-regressions", Type::UNIT)
    {
        // Seeds: the shipped profiles all parse; fuzz/seeds/ has two valid
        // ones (tiny.csv, crlf-one-exit.csv). No profile input has crashed
        // the fuzz target so far: its regression folder may be empty.
        AddTestCase(
            new ProfileCorpusTestCase("the shipped profiles", {"data/profiles"}, ".csv", 1));
        AddTestCase(new ProfileCorpusTestCase(
            "the fuzz seeds and regressions",
            {"fuzz/seeds/profile-parser", "test/data/fuzz-regressions/profile-parser"},
            "",
            2));
        // The two shipped problems parse; typo-bandwidth.json must not; the
        // three fuzz seeds are valid.
        AddTestCase(new ProblemCorpusTestCase("the shipped and test problems",
                                              {"data/problems", "test/data/c2-json"},
                                              2));
        AddTestCase(new ProblemCorpusTestCase("the fuzz seeds", {"fuzz/seeds/c2-problem-json"}, 3));
        // Inputs that crashed the fuzz target (all invalid problems now
        // rejected with EdgeInferenceError).
        AddTestCase(new ProblemCorpusTestCase("the fuzz regressions",
                                              {"test/data/fuzz-regressions/c2-problem-json"},
                                              0));
    }
};

/// Static instance.
static FuzzRegressionsTestSuite g_fuzzRegressionsTestSuite;

} // namespace
