/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Tests of the early-exit DNN profile (manual: *Early exits and accuracy*, *Computation time with
 * batching*): file round trip, rejection of bad files with file/line/problem, the relative-error
 * weighted affine fit and its constrained refits against hand-derived
 * coefficients, interpolation and extrapolation, RequiredExit, and the
 * shipped synthetic paper-default.csv.
 */

#include "edge-inference-test-helpers.h"
#include "sparse-temp-file.h"

#include "ns3/early-exit-profile.h"
#include "ns3/edge-inference-error.h"
#include "ns3/test.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <numeric>
#include <sstream>
#include <streambuf>
#include <string>
#include <unistd.h>
#include <vector>

using namespace ns3;

namespace
{

/// A latency triple with zero spread.
LatencyStats
Flat(double s)
{
    return {s, s, s};
}

/**
 * A one-block profile whose tau_1 at batchSizes[i] is tausMs[i] ms, all of
 * it in the block column but for a fixed 1e-9 s head (so the sum is what
 * matters, not the split).
 */
EarlyExitProfile
OneBlock(const std::vector<uint32_t>& batchSizes, const std::vector<double>& tausMs)
{
    std::vector<LatencyStats> block;
    std::vector<LatencyStats> head;
    for (double t : tausMs)
    {
        block.push_back(Flat(t * 1e-3 - 1e-9));
        head.push_back(Flat(1e-9));
    }
    EarlyExitProfile p;
    p.SetName("one-block");
    p.SetTable({0.5}, batchSizes, {block}, {head});
    return p;
}

using edgetest::ErrorOf;

/**
 * A stream buffer that serves a prefix once and then a pattern forever, as
 * a hostile pipe or /dev/zero would: a reader that does not bound what it
 * reads never returns.
 */
class EndlessStreamBuffer : public std::streambuf
{
  public:
    /**
     * @param prefix served once, first
     * @param pattern served again and again after it (not empty)
     */
    EndlessStreamBuffer(const std::string& prefix, const std::string& pattern)
        : m_prefix(prefix),
          m_pattern(pattern)
    {
        setg(m_prefix.data(), m_prefix.data(), m_prefix.data() + m_prefix.size());
    }

  protected:
    int_type underflow() override
    {
        setg(m_pattern.data(), m_pattern.data(), m_pattern.data() + m_pattern.size());
        return traits_type::to_int_type(m_pattern[0]);
    }

  private:
    std::string m_prefix;  //!< served once
    std::string m_pattern; //!< served forever
};

using inputtest::SparseTempFile;

/// @return a valid one-exit profile with the line extra as line 3
std::string
ProfileWithLine3(const std::string& extra)
{
    return "# edge-inference-profile 1\n# name: limits\n" + extra +
           "\nexit,accuracy\n1,0.5\n"
           "block,batch,block_median_s,block_p10_s,block_p90_s,head_median_s,head_p10_s,"
           "head_p90_s\n1,1,0.001,0.0009,0.0011,0.0001,0.00009,0.00011\n";
}

/// @return the message of the EdgeInferenceError Parse throws on text
std::string
ParseError(const std::string& text, const std::string& source)
{
    return ErrorOf([&text, &source]() {
        std::istringstream in(text);
        EarlyExitProfile::Parse(in, source);
    });
}

/// @return the message of the EdgeInferenceError Parse throws on an endless stream
std::string
EndlessParseError(const std::string& prefix, const std::string& pattern)
{
    return ErrorOf([&prefix, &pattern]() {
        EndlessStreamBuffer buffer(prefix, pattern);
        std::istream in(&buffer);
        EarlyExitProfile::Parse(in, "endless");
    });
}

/**
 * Write then parse a profile with awkward values (thirds, tiny and large
 * exponents, a split head column) and several provenance entries: every
 * value must come back bit for bit, and a second write must give the same
 * text.
 */
class ProfileRoundTripTestCase : public TestCase
{
  public:
    ProfileRoundTripTestCase()
        : TestCase("Write and parse round trip is exact")
    {
    }

  private:
    void DoRun() override
    {
        const std::vector<double> acc{1.0 / 3, 0.7000000000000001, 0.7000000000000001};
        const std::vector<uint32_t> grid{1, 2, 7, 100};
        std::vector<std::vector<LatencyStats>> block(3);
        std::vector<std::vector<LatencyStats>> head(3);
        for (int n = 0; n < 3; ++n)
        {
            for (size_t i = 0; i < grid.size(); ++i)
            {
                double m = (n + 1) * (i + 1) / 3.0 * 1e-3;
                block[n].push_back({m, m * (1 - 1e-16 * 3), m * 3.14159 / 3});
                head[n].push_back({std::sqrt(2.0) * 1e-7, 1e-7, 3e-7 / 3 * std::sqrt(2.0) * 1.5});
            }
        }
        EarlyExitProfile p;
        p.SetName("round trip");
        p.SetProvenance("device", "CPU x: 2 cores, 3.1 GHz");
        p.SetProvenance("synthetic", "no");
        p.SetProvenance("empty", "");
        p.SetTable(acc, grid, block, head);

        std::ostringstream out1;
        p.Write(out1);
        std::istringstream in(out1.str());
        EarlyExitProfile q = EarlyExitProfile::Parse(in, "round-trip");

        NS_TEST_ASSERT_MSG_EQ(q.GetName(), "round trip", "name");
        NS_TEST_ASSERT_MSG_EQ((q.GetProvenance() == p.GetProvenance()), true, "provenance");
        NS_TEST_ASSERT_MSG_EQ(q.GetProvenance().size(), 3, "three provenance entries");
        NS_TEST_ASSERT_MSG_EQ(q.GetNExits(), 3, "exits");
        NS_TEST_ASSERT_MSG_EQ((q.GetBatchSizes() == grid), true, "grid");
        for (uint32_t n = 1; n <= 3; ++n)
        {
            NS_TEST_ASSERT_MSG_EQ(q.GetExitAccuracy(n), acc[n - 1], "accuracy exact");
            for (uint32_t i = 0; i < grid.size(); ++i)
            {
                const LatencyStats& b = block[n - 1][i];
                const LatencyStats& h = head[n - 1][i];
                const LatencyStats qb = q.GetMeasuredBlockOnly(n, i);
                const LatencyStats qh = q.GetMeasuredHeadOnly(n, i);
                NS_TEST_ASSERT_MSG_EQ(qb.medianS, b.medianS, "block median exact");
                NS_TEST_ASSERT_MSG_EQ(qb.p10S, b.p10S, "block p10 exact");
                NS_TEST_ASSERT_MSG_EQ(qb.p90S, b.p90S, "block p90 exact");
                NS_TEST_ASSERT_MSG_EQ(qh.medianS, h.medianS, "head median exact");
                NS_TEST_ASSERT_MSG_EQ(qh.p10S, h.p10S, "head p10 exact");
                NS_TEST_ASSERT_MSG_EQ(qh.p90S, h.p90S, "head p90 exact");
            }
            NS_TEST_ASSERT_MSG_EQ(q.GetAffineFit(n).alphaS, p.GetAffineFit(n).alphaS, "same fit");
            NS_TEST_ASSERT_MSG_EQ(q.GetAffineFit(n).betaS, p.GetAffineFit(n).betaS, "same fit");
        }
        std::ostringstream out2;
        q.Write(out2);
        NS_TEST_ASSERT_MSG_EQ(out2.str(), out1.str(), "second write is identical");
    }
};

/**
 * Each malformed file is rejected with an EdgeInferenceError whose message
 * holds the source name, the line number and the problem. The bad files are
 * one-line edits of a valid two-exit file (line numbers in the comments).
 */
class ProfileBadFileTestCase : public TestCase
{
  public:
    ProfileBadFileTestCase()
        : TestCase("Bad files are rejected naming file, line and problem")
    {
    }

  private:
    /// One malformed file.
    struct BadCase
    {
        std::string what;                                    //!< description
        std::function<void(std::vector<std::string>&)> edit; //!< applied to the good lines
        std::string problem;                                 //!< expected substring
        uint32_t line;                                       //!< expected line number
    };

    void DoRun() override
    {
        const std::string row = ",0.001,0.0009,0.0011,0.0001,0.00009,0.00011";
        const std::vector<std::string> good{
            "# edge-inference-profile 1", // 1
            "# name: t",                  // 2
            "# device: test",             // 3
            "exit,accuracy",              // 4
            "1,0.5",                      // 5
            "2,0.8",                      // 6
            "block,batch,block_median_s,block_p10_s,block_p90_s,head_median_s,head_p10_s,"
            "head_p90_s", // 7
            "1,1" + row,  // 8
            "1,2" + row,  // 9
            "2,1" + row,  // 10
            "2,2" + row,  // 11
        };
        // The unmodified file parses: the failures below come from the edits.
        {
            std::string text;
            for (const auto& l : good)
            {
                text += l + "\n";
            }
            std::istringstream in(text);
            EarlyExitProfile p = EarlyExitProfile::Parse(in, "good");
            NS_TEST_ASSERT_MSG_EQ(p.GetNExits(), 2, "the base file is valid");
        }
        auto set = [](uint32_t line, std::string text) {
            return [line, text](std::vector<std::string>& l) { l[line - 1] = text; };
        };
        auto erase = [](uint32_t first, uint32_t last) {
            return [first, last](std::vector<std::string>& l) {
                l.erase(l.begin() + first - 1, l.begin() + last);
            };
        };
        auto append = [](std::string text) {
            return [text](std::vector<std::string>& l) { l.push_back(text); };
        };
        const std::vector<BadCase> cases{
            {"wrong version", set(1, "# edge-inference-profile 2"), "unknown format line", 1},
            {"no format line", erase(1, 1), "missing or unknown format line", 1},
            {"empty file", erase(1, 11), "missing or unknown format line", 1},
            {"header without colon", set(3, "# device test"), "unknown header line", 3},
            {"empty key", set(3, "# : x"), "unknown header line", 3},
            {"duplicate key", set(2, "# device: again"), "duplicate header key 'device'", 3},
            {"no name", erase(2, 2), "missing header line '# name", 3},
            {"unknown table header", set(4, "exit,acc"), "unknown table header", 4},
            {"row before any table", erase(4, 4), "data row before any table header", 4},
            {"exit row with 3 columns", set(5, "1,0.5,7"), "wrong column count: expected 2", 5},
            {"exit row with 1 column", set(5, "1"), "wrong column count: expected 2", 5},
            {"block row with 7 columns",
             set(9, "1,2,0.001,0.0009,0.0011,0.0001,0.00009"),
             "wrong column count: expected 8",
             9},
            {"trailing garbage", set(5, "1,0.5x"), "not a number '0.5x'", 5},
            {"empty accuracy", set(6, "2,"), "not a number ''", 6},
            {"nan time",
             set(10, "2,1,nan,0.0009,0.0011,0.0001,0.00009,0.00011"),
             "not a number 'nan'",
             10},
            {"garbage time",
             set(8, "1,1,0.001,0.0009,0.0011,1e-4s,0.00009,0.00011"),
             "not a number '1e-4s' in column head_median_s",
             8},
            {"fractional exit",
             set(5, "1.5,0.5"),
             "exit number '1.5' is not a positive integer",
             5},
            {"fractional batch",
             set(9, "1,2.5" + row),
             "batch size '2.5' is not a positive integer",
             9},
            {"batch zero", set(8, "1,0" + row), "batch size '0' is not a positive integer", 8},
            {"negative time",
             set(9, "1,2,-0.001,-0.002,0.0011,0.0001,0.00009,0.00011"),
             "time must be positive",
             9},
            {"zero head time",
             set(11, "2,2,0.001,0.0009,0.0011,0,0,0"),
             "time must be positive",
             11},
            {"p10 above median",
             set(8, "1,1,0.001,0.0012,0.0013,0.0001,0.00009,0.00011"),
             "p10 > median",
             8},
            {"median above p90",
             set(10, "2,1,0.001,0.0009,0.0011,0.0001,0.00009,0.000099"),
             "median > p90",
             10},
            {"accuracy above 1", set(6, "2,1.2"), "accuracy 1.2 outside [0,1]", 6},
            {"accuracy below 0", set(5, "1,-0.1"), "accuracy -0.1 outside [0,1]", 5},
            {"accuracy decreasing", set(6, "2,0.4"), "accuracy decreases with depth", 6},
            {"exits start at 2", set(5, "2,0.5"), "exits not numbered 1..N", 5},
            {"exit number skipped", set(6, "3,0.8"), "exits not numbered 1..N", 6},
            {"block without exit", set(11, "3,2" + row), "block 3 has no exit", 11},
            {"exit without block", erase(10, 11), "blocks not matching exits", 6},
            {"gap in batch sizes",
             erase(11, 11),
             "gap in batch sizes: block 2 lacks batch size 2",
             10},
            {"grid not starting at 1",
             [row](std::vector<std::string>& l) {
                 l[7] = "1,2" + row;
                 l[8] = "1,3" + row;
                 l[9] = "2,2" + row;
                 l[10] = "2,3" + row;
             },
             "batch sizes must start at 1",
             8},
            {"batch sizes decreasing",
             [row](std::vector<std::string>& l) {
                 l[7] = "1,2" + row;
                 l[8] = "1,1" + row;
             },
             "batch sizes of block 1 not increasing",
             9},
            {"duplicate block row", set(9, "1,1" + row), "duplicate row for block 1 batch 1", 9},
            {"empty exit table", erase(5, 6), "empty exit table", 4},
            {"empty block table", erase(8, 11), "empty block table", 7},
            {"missing block table", erase(7, 11), "missing block table", 6},
            {"missing exit table", erase(4, 6), "block table before the exit table", 4},
            {"header line after tables", append("# late: x"), "header line after the tables", 12},
            {"unknown header in tables",
             set(7, "block,batch,median"),
             "not a number 'block' in column 1 (or unknown table header",
             7},
        };
        for (const BadCase& c : cases)
        {
            std::vector<std::string> lines = good;
            c.edit(lines);
            std::string text;
            for (const auto& l : lines)
            {
                text += l + "\n";
            }
            std::string msg = ErrorOf([&text]() {
                std::istringstream in(text);
                EarlyExitProfile::Parse(in, "bad.csv");
            });
            const std::string where = "bad.csv:" + std::to_string(c.line) + ":";
            NS_TEST_EXPECT_MSG_NE(msg, "", c.what << ": no error raised");
            NS_TEST_EXPECT_MSG_NE(msg.find(c.problem),
                                  std::string::npos,
                                  c.what << ": message '" << msg << "' lacks '" << c.problem
                                         << "'");
            NS_TEST_EXPECT_MSG_NE(msg.find(where),
                                  std::string::npos,
                                  c.what << ": message '" << msg << "' lacks '" << where << "'");
        }

        // An unreadable file: the message names the file.
        const std::string missing = "/nonexistent-dir/no-such-profile.csv";
        std::string msg = ErrorOf([&missing]() { EarlyExitProfile::ReadFile(missing); });
        NS_TEST_ASSERT_MSG_NE(msg.find(missing), std::string::npos, "names the file: " << msg);
        NS_TEST_ASSERT_MSG_NE(msg.find("cannot open profile file"), std::string::npos, msg);
    }
};

/**
 * The weighted fit against coefficients derived by hand (times in ms; the
 * fit minimises sum ((a x + c - y) / y)^2, normal equations with weights
 * w = 1/y^2: a = (S Sxy - Sx Sy) / (S Sxx - Sx^2), c = (Sy - a Sx) / S).
 */
class ProfileFitTestCase : public TestCase
{
  public:
    ProfileFitTestCase()
        : TestCase("Relative-error weighted affine fit and its refits")
    {
    }

  private:
    void DoRun() override
    {
        // Points on tau = 0.5 ms b + 2 ms: any least squares fit returns the
        // line itself, with zero error.
        {
            EarlyExitProfile p = OneBlock({1, 2, 4, 8, 64}, {2.5, 3, 4, 6, 34});
            const AffineBlockFit& f = p.GetAffineFit(1);
            NS_TEST_ASSERT_MSG_EQ_TOL(f.alphaS, 5e-4, 1e-12, "alpha of an exact line");
            NS_TEST_ASSERT_MSG_EQ_TOL(f.betaS, 2e-3, 1e-12, "beta of an exact line");
            NS_TEST_ASSERT_MSG_LT(f.maxRelativeError, 1e-9, "no error on an exact line");
            NS_TEST_ASSERT_MSG_EQ(f.firstBatch, 1, "fit range from 1");
            NS_TEST_ASSERT_MSG_EQ(f.lastBatch, 64, "fit range to 64");
        }
        // Two points (1, 3 ms) and (4, 6 ms): two parameters, so the fit
        // passes through both: a = 1 ms, c = 2 ms.
        {
            EarlyExitProfile p = OneBlock({1, 4}, {3, 6});
            NS_TEST_ASSERT_MSG_EQ_TOL(p.GetAffineFit(1).alphaS, 1e-3, 1e-12, "2-point alpha");
            NS_TEST_ASSERT_MSG_EQ_TOL(p.GetAffineFit(1).betaS, 2e-3, 1e-12, "2-point beta");
        }
        // (1, 1), (2, 2), (4, 2) ms, weights 1, 1/4, 1/4: S = 3/2, Sx = 5/2,
        // Sxx = 6, Sy = 2, Sxy = 4; det = 9 - 25/4 = 11/4; a = (6 - 5)/(11/4)
        // = 4/11 ms, c = (2 - 10/11) / (3/2) = 8/11 ms. Fitted values 12/11,
        // 16/11, 24/11: relative errors 1/11, 3/11, 1/11, so max 3/11 and
        // RMS sqrt(11/121/3) = sqrt(1/33). (Unweighted least squares would
        // give slope 2/7 instead.)
        {
            EarlyExitProfile p = OneBlock({1, 2, 4}, {1, 2, 2});
            const AffineBlockFit& f = p.GetAffineFit(1);
            NS_TEST_ASSERT_MSG_EQ_TOL(f.alphaS, 4.0 / 11 * 1e-3, 1e-12, "weighted alpha");
            NS_TEST_ASSERT_MSG_EQ_TOL(f.betaS, 8.0 / 11 * 1e-3, 1e-12, "weighted beta");
            NS_TEST_ASSERT_MSG_EQ_TOL(f.maxRelativeError, 3.0 / 11, 1e-9, "max rel error");
            NS_TEST_ASSERT_MSG_EQ_TOL(f.rmsRelativeError,
                                      std::sqrt(1.0 / 33),
                                      1e-9,
                                      "RMS rel error");

            // Fit range 2..4: the points (2, 2) and (4, 2) give the flat line
            // a = 0, c = 2 ms (either directly or by the alpha = 0 refit).
            p.SetFitRange(2, 4);
            NS_TEST_ASSERT_MSG_EQ_TOL(p.GetAffineFit(1).alphaS, 0, 1e-12, "range alpha");
            NS_TEST_ASSERT_MSG_EQ_TOL(p.GetAffineFit(1).betaS, 2e-3, 1e-12, "range beta");
            NS_TEST_ASSERT_MSG_EQ(p.GetAffineFit(1).firstBatch, 2, "range first");
            NS_TEST_ASSERT_MSG_EQ(p.GetAffineFit(1).lastBatch, 4, "range last");
            NS_TEST_ASSERT_MSG_GT(p.GetAffineFit(1).alphaS, -1e-300, "alpha never negative");
            // A range without any measured batch size is rejected.
            std::string msg = ErrorOf([&p]() { p.SetFitRange(5, 9); });
            NS_TEST_ASSERT_MSG_NE(msg.find("no measured batch size"), std::string::npos, msg);
            NS_TEST_ASSERT_MSG_EQ(p.GetAffineFit(1).lastBatch, 4, "failed SetFitRange: no change");
        }
        // beta < 0 refit. (1, 1), (2, 3) ms: the line through both has
        // c = -1 ms < 0, so refit with c = 0: a = sum(x/y) / sum(x^2/y^2)
        // = (1 + 2/3) / (1 + 4/9) = 15/13 ms. Fitted 15/13, 30/13: relative
        // errors 2/13 and 3/13.
        {
            EarlyExitProfile p = OneBlock({1, 2}, {1, 3});
            const AffineBlockFit& f = p.GetAffineFit(1);
            NS_TEST_ASSERT_MSG_EQ_TOL(f.alphaS, 15.0 / 13 * 1e-3, 1e-12, "beta=0 refit alpha");
            NS_TEST_ASSERT_MSG_EQ(f.betaS, 0, "beta=0 refit beta");
            NS_TEST_ASSERT_MSG_EQ_TOL(f.maxRelativeError, 3.0 / 13, 1e-9, "beta=0 refit max err");
            NS_TEST_ASSERT_MSG_EQ_TOL(f.rmsRelativeError,
                                      std::sqrt(1.0 / 26),
                                      1e-9,
                                      "beta=0 refit RMS err");
        }
        // alpha < 0 refit. (1, 2), (2, 1) ms: the line through both has
        // a = -1 ms, so refit with a = 0: c = sum(1/y) / sum(1/y^2)
        // = (1/2 + 1) / (1/4 + 1) = 6/5 ms.
        {
            EarlyExitProfile p = OneBlock({1, 2}, {2, 1});
            NS_TEST_ASSERT_MSG_EQ(p.GetAffineFit(1).alphaS, 0, "alpha=0 refit alpha");
            NS_TEST_ASSERT_MSG_EQ_TOL(p.GetAffineFit(1).betaS, 1.2e-3, 1e-12, "alpha=0 refit beta");
        }
        // A single batch size: the line through the origin and that point.
        {
            EarlyExitProfile p = OneBlock({1}, {3});
            NS_TEST_ASSERT_MSG_EQ_TOL(p.GetAffineFit(1).alphaS, 3e-3, 1e-12, "1-point alpha");
            NS_TEST_ASSERT_MSG_EQ(p.GetAffineFit(1).betaS, 0, "1-point beta");
        }
    }
};

/**
 * Block times between and beyond the measured batch sizes, and the other
 * accessors, on the table (1, 1 ms), (2, 2 ms), (4, 2 ms) whose fitted
 * alpha is 4/11 ms (see ProfileFitTestCase).
 */
class ProfileLookupTestCase : public TestCase
{
  public:
    ProfileLookupTestCase()
        : TestCase("Interpolation, extrapolation, RequiredExit and accessors")
    {
    }

  private:
    void DoRun() override
    {
        EarlyExitProfile p = OneBlock({1, 2, 4}, {1, 2, 2});
        NS_TEST_ASSERT_MSG_EQ(p.GetBlockTime(1, 0), 0, "tau(0) = 0");
        NS_TEST_ASSERT_MSG_EQ_TOL(p.GetBlockTime(1, 1), 1e-3, 1e-15, "measured tau(1)");
        NS_TEST_ASSERT_MSG_EQ_TOL(p.GetBlockTime(1, 2), 2e-3, 1e-15, "measured tau(2)");
        // Halfway between (2, 2 ms) and (4, 2 ms).
        NS_TEST_ASSERT_MSG_EQ_TOL(p.GetBlockTime(1, 3), 2e-3, 1e-15, "interpolated tau(3)");
        NS_TEST_ASSERT_MSG_EQ_TOL(p.GetBlockTime(1, 4), 2e-3, 1e-15, "measured tau(4)");
        // tau(4) + alpha (6 - 4) = 2 + 8/11 = 30/11 ms.
        NS_TEST_ASSERT_MSG_EQ_TOL(p.GetBlockTime(1, 6), 30.0 / 11 * 1e-3, 1e-12, "tau(6)");
        NS_TEST_ASSERT_MSG_EQ(p.GetMaxMeasuredBatch(), 4, "largest measured batch");

        // Interpolation on a sloped segment: (1, 1 ms), (4, 7 ms); tau(2) =
        // 1 + (1/3) 6 = 3 ms, tau(3) = 5 ms.
        EarlyExitProfile q = OneBlock({1, 4}, {1, 7});
        NS_TEST_ASSERT_MSG_EQ_TOL(q.GetBlockTime(1, 2), 3e-3, 1e-15, "interpolated tau(2)");
        NS_TEST_ASSERT_MSG_EQ_TOL(q.GetBlockTime(1, 3), 5e-3, 1e-15, "interpolated tau(3)");

        // Measured stats add block and head statistic by statistic.
        EarlyExitProfile r;
        r.SetName("stats");
        r.SetTable({0.6, 0.72, 0.81, 0.87, 0.9},
                   {1},
                   {{{4e-3, 3e-3, 6e-3}}, {{1, 1, 1}}, {{1, 1, 1}}, {{1, 1, 1}}, {{1, 1, 1}}},
                   {{{1e-3, 0.5e-3, 2e-3}}, {{1, 1, 1}}, {{1, 1, 1}}, {{1, 1, 1}}, {{1, 1, 1}}});
        const LatencyStats s = r.GetMeasuredStats(1, 0);
        NS_TEST_ASSERT_MSG_EQ_TOL(s.medianS, 5e-3, 1e-15, "median sum");
        NS_TEST_ASSERT_MSG_EQ_TOL(s.p10S, 3.5e-3, 1e-15, "p10 sum");
        NS_TEST_ASSERT_MSG_EQ_TOL(s.p90S, 8e-3, 1e-15, "p90 sum");
        NS_TEST_ASSERT_MSG_EQ_TOL(r.GetBlockTime(1, 1), 5e-3, 1e-15, "tau = block + head");

        // RequiredExit: smallest n with a_n >= A.
        NS_TEST_ASSERT_MSG_EQ(r.RequiredExit(0.0), 1, "A = 0");
        NS_TEST_ASSERT_MSG_EQ(r.RequiredExit(0.6), 1, "A = a_1");
        NS_TEST_ASSERT_MSG_EQ(r.RequiredExit(0.61), 2, "just above a_1");
        NS_TEST_ASSERT_MSG_EQ(r.RequiredExit(0.81), 3, "A = a_3");
        NS_TEST_ASSERT_MSG_EQ(r.RequiredExit(0.9), 5, "A = a_N");
        NS_TEST_ASSERT_MSG_EQ(r.RequiredExit(0.95), 0, "above a_N: unservable");

        // Out-of-range arguments and invalid tables throw, and a failed
        // SetTable leaves the profile unchanged.
        NS_TEST_ASSERT_MSG_NE(ErrorOf([&r]() { r.GetExitAccuracy(6); }), "", "exit 6 of 5");
        NS_TEST_ASSERT_MSG_NE(ErrorOf([&r]() { r.GetExitAccuracy(0); }), "", "exit 0");
        NS_TEST_ASSERT_MSG_NE(ErrorOf([&r]() { r.GetBlockTime(6, 1); }), "", "block 6 of 5");
        NS_TEST_ASSERT_MSG_NE(ErrorOf([&r]() { r.GetAffineFit(0); }), "", "block 0");
        NS_TEST_ASSERT_MSG_NE(ErrorOf([&r]() { r.GetMeasuredStats(1, 1); }), "", "index 1 of 1");
        NS_TEST_ASSERT_MSG_NE(ErrorOf([&r]() { r.RequiredExit(std::nan("")); }), "", "NaN");
        std::string msg =
            ErrorOf([&r]() { r.SetTable({0.5}, {1, 2}, {{{1, 1, 1}}}, {{{1, 1, 1}}}); });
        NS_TEST_ASSERT_MSG_NE(msg.find("gap in batch sizes"), std::string::npos, msg);
        msg = ErrorOf([&r]() { r.SetTable({0.5}, {2}, {{{1, 1, 1}}}, {{{1, 1, 1}}}); });
        NS_TEST_ASSERT_MSG_NE(msg.find("batch sizes must start at 1"), std::string::npos, msg);
        msg = ErrorOf([&r]() { r.SetTable({0.5, 0.6}, {1}, {{{1, 1, 1}}}, {{{1, 1, 1}}}); });
        NS_TEST_ASSERT_MSG_NE(msg.find("blocks not matching exits"), std::string::npos, msg);
        NS_TEST_ASSERT_MSG_EQ(r.GetNExits(), 5, "failed SetTable: unchanged");
        msg = ErrorOf([&r]() { r.SetProvenance("name", "x"); });
        NS_TEST_ASSERT_MSG_NE(msg.find("reserved"), std::string::npos, msg);
        msg = ErrorOf([&r]() { r.SetProvenance("a:b", "x"); });
        NS_TEST_ASSERT_MSG_NE(msg.find("key 'a:b'"), std::string::npos, msg);
        msg = ErrorOf([&r]() { r.SetProvenance("k", "two\nlines"); });
        NS_TEST_ASSERT_MSG_NE(msg.find("one line"), std::string::npos, msg);
    }
};

/**
 * The shipped synthetic profile holds the default values of the manual's
 * *Default scenario*: accuracies 0.60..0.90 and tau_n(b) = alpha_n b + beta_n with
 * (alpha, beta) = (0.20, 1.5), (0.18, 1.8), (0.15, 2.0), (0.12, 2.2),
 * (0.10, 2.5) ms, batch sizes 1..64, 10% of each time in the head column.
 */
class ProfilePaperDefaultTestCase : public TestCase
{
  public:
    ProfilePaperDefaultTestCase()
        : TestCase("Shipped paper-default.csv holds the default values")
    {
    }

  private:
    void DoRun() override
    {
        const std::string path =
            std::string(EDGE_INFERENCE_SOURCE_DIR) + "/data/profiles/paper-default.csv";
        EarlyExitProfile p = EarlyExitProfile::ReadFile(path);
        const double acc[] = {0.60, 0.72, 0.81, 0.87, 0.90};
        const double alphaMs[] = {0.20, 0.18, 0.15, 0.12, 0.10};
        const double betaMs[] = {1.5, 1.8, 2.0, 2.2, 2.5};
        NS_TEST_ASSERT_MSG_EQ(p.GetName(), "paper-default", "name");
        NS_TEST_ASSERT_MSG_EQ(p.GetNExits(), 5, "five exits");
        NS_TEST_ASSERT_MSG_EQ(p.GetBatchSizes().size(), 64, "batch sizes 1..64");
        NS_TEST_ASSERT_MSG_EQ(p.GetBatchSizes().front(), 1, "from 1");
        NS_TEST_ASSERT_MSG_EQ(p.GetMaxMeasuredBatch(), 64, "to 64");
        NS_TEST_ASSERT_MSG_EQ(p.GetProvenance().at("synthetic"), "yes", "labelled synthetic");
        NS_TEST_ASSERT_MSG_NE(p.GetProvenance().at("note").find("not measured"),
                              std::string::npos,
                              "note says not measured");
        // Hand values: tau_1(1) = 0.2 + 1.5 = 1.7 ms, tau_3(16) = 2.4 + 2 =
        // 4.4 ms, tau_5(64) = 6.4 + 2.5 = 8.9 ms, and beyond the table
        // tau_1(100) = 20 + 1.5 = 21.5 ms.
        NS_TEST_ASSERT_MSG_EQ_TOL(p.GetBlockTime(1, 1), 1.7e-3, 1e-15, "tau_1(1)");
        NS_TEST_ASSERT_MSG_EQ_TOL(p.GetBlockTime(3, 16), 4.4e-3, 1e-15, "tau_3(16)");
        NS_TEST_ASSERT_MSG_EQ_TOL(p.GetBlockTime(5, 64), 8.9e-3, 1e-15, "tau_5(64)");
        NS_TEST_ASSERT_MSG_EQ_TOL(p.GetBlockTime(1, 100), 21.5e-3, 1e-12, "tau_1(100)");
        for (uint32_t n = 1; n <= 5; ++n)
        {
            NS_TEST_ASSERT_MSG_EQ_TOL(p.GetExitAccuracy(n), acc[n - 1], 1e-15, "accuracy");
            // Data on an exact line: the fit returns it.
            NS_TEST_ASSERT_MSG_EQ_TOL(p.GetAffineFit(n).alphaS,
                                      alphaMs[n - 1] * 1e-3,
                                      1e-12,
                                      "alpha");
            NS_TEST_ASSERT_MSG_EQ_TOL(p.GetAffineFit(n).betaS, betaMs[n - 1] * 1e-3, 1e-12, "beta");
            NS_TEST_ASSERT_MSG_LT(p.GetAffineFit(n).maxRelativeError, 1e-12, "exact fit");
            for (uint32_t i = 0; i < 64; ++i)
            {
                const double b = i + 1;
                const double tau = (alphaMs[n - 1] * b + betaMs[n - 1]) * 1e-3;
                NS_TEST_ASSERT_MSG_EQ_TOL(p.GetMeasuredStats(n, i).medianS, tau, 1e-15, "tau_n(b)");
                NS_TEST_ASSERT_MSG_EQ_TOL(p.GetMeasuredHeadOnly(n, i).medianS,
                                          0.1 * tau,
                                          1e-15,
                                          "head is 10%");
                NS_TEST_ASSERT_MSG_EQ(p.GetMeasuredStats(n, i).p10S,
                                      p.GetMeasuredStats(n, i).p90S,
                                      "zero spread");
            }
        }
    }
};

/**
 * Synthetic(): block + head is alpha b + beta exactly (same floating-point
 * expression), and invalid arguments are rejected.
 */
class ProfileSyntheticTestCase : public TestCase
{
  public:
    ProfileSyntheticTestCase()
        : TestCase("Synthetic profiles are exact and validated")
    {
    }

  private:
    void DoRun() override
    {
        const std::vector<double> alpha{0.2e-3, 0.18e-3, 1.0 / 3 * 1e-3};
        const std::vector<double> beta{1.5e-3, 0, 0.7e-3};
        for (double share : {0.1, 0.37, 0.5})
        {
            EarlyExitProfile p =
                EarlyExitProfile::Synthetic("s", {0.1, 0.2, 0.3}, alpha, beta, 40, share);
            NS_TEST_ASSERT_MSG_EQ(p.GetProvenance().at("synthetic"), "yes", "labelled");
            for (uint32_t n = 1; n <= 3; ++n)
            {
                for (uint32_t b = 1; b <= 40; ++b)
                {
                    NS_TEST_ASSERT_MSG_EQ(p.GetMeasuredBlockOnly(n, b - 1).medianS +
                                              p.GetMeasuredHeadOnly(n, b - 1).medianS,
                                          alpha[n - 1] * b + beta[n - 1],
                                          "block + head is exactly alpha b + beta");
                }
            }
        }
        NS_TEST_ASSERT_MSG_NE(
            ErrorOf([]() { EarlyExitProfile::Synthetic("s", {0.5}, {1e-3}, {}, 8); }),
            "",
            "beta missing");
        NS_TEST_ASSERT_MSG_NE(
            ErrorOf([]() { EarlyExitProfile::Synthetic("s", {0.5}, {-1e-3}, {1e-3}, 8); }),
            "",
            "negative alpha");
        NS_TEST_ASSERT_MSG_NE(
            ErrorOf([]() { EarlyExitProfile::Synthetic("s", {0.5}, {1e-3}, {1e-3}, 0); }),
            "",
            "no batch sizes");
        NS_TEST_ASSERT_MSG_NE(
            ErrorOf([]() { EarlyExitProfile::Synthetic("s", {0.5}, {1e-3}, {1e-3}, 8, 0.0); }),
            "",
            "head share 0");
        NS_TEST_ASSERT_MSG_NE(
            ErrorOf([]() { EarlyExitProfile::Synthetic("s", {1.5}, {1e-3}, {1e-3}, 8); }),
            "",
            "accuracy above 1");
    }
};

/**
 * Lines longer than EarlyExitProfile::MAX_LINE_LENGTH (65536 characters)
 * are refused at their line number, an endless line too (bounded read);
 * a line of exactly the limit is read, and a header line that would exceed
 * it once written (Write puts "# key: value") is refused, as are names and
 * provenance entries that SetName and SetProvenance would write too long.
 */
class ProfileLineLimitTestCase : public TestCase
{
  public:
    ProfileLineLimitTestCase()
        : TestCase("Lines longer than 65536 characters are refused, endless ones too")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_ASSERT_MSG_EQ(EarlyExitProfile::MAX_LINE_LENGTH, 65536, "the documented limit");
        // "# k: " and 65531 characters: exactly the limit, with LF or CR LF.
        const std::string longest = "# k: " + std::string(65531, 'v');
        for (const std::string& line : {longest, longest + "\r"})
        {
            std::istringstream in(ProfileWithLine3(line));
            const EarlyExitProfile p = EarlyExitProfile::Parse(in, "limits");
            NS_TEST_ASSERT_MSG_EQ(p.GetProvenance().at("k").size(), 65531, "longest line read");
            std::ostringstream out;
            p.Write(out);
            std::istringstream back(out.str());
            NS_TEST_ASSERT_MSG_EQ(EarlyExitProfile::Parse(back, "back").GetProvenance().at("k"),
                                  p.GetProvenance().at("k"),
                                  "the written longest line reads back");
        }
        NS_TEST_ASSERT_MSG_EQ(ParseError(ProfileWithLine3(longest + "v"), "limits"),
                              "limits:3: line longer than the limit of 65536 characters",
                              "one character over the limit");
        NS_TEST_ASSERT_MSG_EQ(
            ParseError(ProfileWithLine3(longest + std::string(200000, 'v')), "limits"),
            "limits:3: line longer than the limit of 65536 characters",
            "far over the limit");
        // 65536 characters, but Write would add a blank on each side of ':'.
        NS_TEST_ASSERT_MSG_EQ(
            ParseError(ProfileWithLine3("#k:" + std::string(65533, 'v')), "limits"),
            "limits:3: header line longer than the limit of 65536 characters "
            "once written as '# key: value'",
            "header line too long once written");
        NS_TEST_ASSERT_MSG_EQ(EndlessParseError("", std::string(4096, 'x')),
                              "endless:1: line longer than the limit of 65536 characters",
                              "an endless line stops at the limit");

        EarlyExitProfile p;
        p.SetName(std::string(65528, 'n')); // "# name: " + 65528 = 65536
        p.SetProvenance("k", std::string(65531, 'v'));
        NS_TEST_ASSERT_MSG_EQ(ErrorOf([&p]() { p.SetName(std::string(65529, 'n')); }),
                              "EarlyExitProfile::SetName: a name of 65529 characters makes the "
                              "line '# name: ...' longer than the limit of 65536 characters",
                              "name too long for one line");
        NS_TEST_ASSERT_MSG_EQ(ErrorOf([&p]() { p.SetProvenance("k", std::string(65532, 'v')); }),
                              "EarlyExitProfile::SetProvenance: the line '# k: ...' would be "
                              "longer than the limit of 65536 characters",
                              "provenance too long for one line");
    }
};

/**
 * Input over EarlyExitProfile::MAX_FILE_BYTES (16 MiB) is refused while it
 * is read, an endless stream too, and so is a table row beyond
 * EarlyExitProfile::MAX_TABLE_ROWS (100000, exit and block rows together);
 * a profile of exactly that many rows is read.
 */
class ProfileSizeLimitTestCase : public TestCase
{
  public:
    ProfileSizeLimitTestCase()
        : TestCase("Input over 16 MiB and more than 100000 table rows are refused")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_ASSERT_MSG_EQ(EarlyExitProfile::MAX_FILE_BYTES, 16 * 1024 * 1024, "documented");
        NS_TEST_ASSERT_MSG_EQ(EarlyExitProfile::MAX_TABLE_ROWS, 100000, "documented");
        // Endless blank lines of 1024 bytes after the 27-byte format line:
        // line 16385 brings the count to 27 + 16384 * 1024 > 16 MiB.
        NS_TEST_ASSERT_MSG_EQ(
            EndlessParseError("# edge-inference-profile 1\n", std::string(1023, ' ') + "\n"),
            "endless:16385: file is larger than the limit of 16 MiB",
            "an endless stream stops at the size limit");

        // One exit row and 99999 block rows (batch sizes 1..99999): the limit.
        std::string text = "# edge-inference-profile 1\n# name: rows\nexit,accuracy\n1,0.5\n"
                           "block,batch,block_median_s,block_p10_s,block_p90_s,head_median_s,"
                           "head_p10_s,head_p90_s\n";
        for (uint32_t b = 1; b <= 99999; ++b)
        {
            text += "1," + std::to_string(b) + ",0.001,0.001,0.001,0.0001,0.0001,0.0001\n";
        }
        std::istringstream in(text);
        NS_TEST_ASSERT_MSG_EQ(EarlyExitProfile::Parse(in, "rows.csv").GetBatchSizes().size(),
                              99999,
                              "100000 table rows are read");
        // Row 100001 is on line 100005 (block rows start on line 6).
        text += "1,100000,0.001,0.001,0.001,0.0001,0.0001,0.0001\n";
        NS_TEST_ASSERT_MSG_EQ(ParseError(text, "rows.csv"),
                              "rows.csv:100005: more than the limit of 100000 table rows",
                              "one row over the limit");

        // SetTable keeps the same limit: 1 exit with 99999 batch sizes is
        // 1 + 99999 rows; with 100000 it is 100001.
        std::vector<uint32_t> batchSizes(99999);
        std::iota(batchSizes.begin(), batchSizes.end(), 1);
        const LatencyStats ms{0.001, 0.001, 0.001};
        EarlyExitProfile profile;
        profile.SetTable({0.5},
                         batchSizes,
                         {std::vector<LatencyStats>(99999, ms)},
                         {std::vector<LatencyStats>(99999, ms)});
        NS_TEST_ASSERT_MSG_EQ(profile.GetBatchSizes().size(), 99999, "100000 rows are set");
        batchSizes.push_back(100000);
        std::string error;
        try
        {
            profile.SetTable({0.5},
                             batchSizes,
                             {std::vector<LatencyStats>(100000, ms)},
                             {std::vector<LatencyStats>(100000, ms)});
        }
        catch (const EdgeInferenceError& e)
        {
            error = e.what();
        }
        NS_TEST_ASSERT_MSG_EQ(error,
                              "EarlyExitProfile::SetTable: 100001 table rows (1 exits x (1 + "
                              "100000 batch sizes)), more than the limit of 100000",
                              "SetTable refuses one row over the limit");
        NS_TEST_ASSERT_MSG_EQ(profile.GetBatchSizes().size(),
                              99999,
                              "the refused table left the profile unchanged");
    }
};

/**
 * ReadFile refuses, before reading, a path that is not a regular file (a
 * folder, /dev/zero) and a file over 16 MiB (a sparse file); a file of
 * exactly 16 MiB is read, and its first line (NULs) is refused as too long.
 */
class ProfileReadFileLimitTestCase : public TestCase
{
  public:
    ProfileReadFileLimitTestCase()
        : TestCase("ReadFile refuses non-regular and oversized files before reading")
    {
    }

  private:
    void DoRun() override
    {
        const std::string folder = std::filesystem::temp_directory_path().string();
        NS_TEST_ASSERT_MSG_EQ(ErrorOf([&folder]() { EarlyExitProfile::ReadFile(folder); }),
                              folder + ":0: not a regular file (a profile must be a file)",
                              "a folder");
        if (std::filesystem::exists("/dev/zero"))
        {
            NS_TEST_ASSERT_MSG_EQ(ErrorOf([]() { EarlyExitProfile::ReadFile("/dev/zero"); }),
                                  "/dev/zero:0: not a regular file (a profile must be a file)",
                                  "an endless device");
        }
        {
            const SparseTempFile big("profile-17MiB.csv", 17 * 1024 * 1024);
            NS_TEST_ASSERT_MSG_EQ(ErrorOf([&big]() { EarlyExitProfile::ReadFile(big.Path()); }),
                                  big.Path() + ":0: file is larger than the limit of 16 MiB",
                                  "a file over the limit");
        }
        const SparseTempFile limit("profile-16MiB.csv", 16 * 1024 * 1024);
        NS_TEST_ASSERT_MSG_EQ(ErrorOf([&limit]() { EarlyExitProfile::ReadFile(limit.Path()); }),
                              limit.Path() + ":1: line longer than the limit of 65536 characters",
                              "a file of exactly the limit is read (line by line)");
    }
};

/// The profile TestSuite.
class EarlyExitProfileTestSuite : public TestSuite
{
  public:
    EarlyExitProfileTestSuite()
        : TestSuite("edge-inference-profile", Type::UNIT)
    {
        AddTestCase(new ProfileRoundTripTestCase);
        AddTestCase(new ProfileBadFileTestCase);
        AddTestCase(new ProfileFitTestCase);
        AddTestCase(new ProfileLookupTestCase);
        AddTestCase(new ProfilePaperDefaultTestCase);
        AddTestCase(new ProfileSyntheticTestCase);
        AddTestCase(new ProfileLineLimitTestCase);
        AddTestCase(new ProfileSizeLimitTestCase);
        AddTestCase(new ProfileReadFileLimitTestCase);
    }
};

/// Static instance registering the suite.
EarlyExitProfileTestSuite g_earlyExitProfileTestSuite;

} // namespace
