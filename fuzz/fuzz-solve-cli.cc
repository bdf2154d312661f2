/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * libFuzzer target: the command-line values of edge-inference-solve that
 * reach parsers (scheduler TypeId, --attribute=Name=Value and its value
 * checks, option syntax).
 *
 * The tool keeps its argument handling private to utils/edge-inference-
 * solve.cc (nothing reusable in the library), so this target compiles that
 * file unchanged with its main renamed (fuzz/CMakeLists.txt) and calls it
 * in-process with an argument vector made from the input: one argument per
 * line. The problem is fixed (data/problems/small-4-users.json): arguments
 * starting with --problem are dropped, so the fuzzer explores the options
 * and never the file system (the problem file has a target of its own).
 *
 * Contract under test (the tool's header comment): exit status 0 (success)
 * or 2 (bad input, one-line message). Status 1 means an infeasible
 * allocation or an internal error, both bugs; an abort (NS_FATAL_ERROR,
 * NS_ABORT in ns-3's attribute parsers), a crash, a hang or a sanitizer
 * report are bugs too.
 *
 * Seeds: fuzz/seeds/solve-cli/ (the option sets of the tool's ctest cases)
 * and test/data/fuzz-regressions/solve-cli/.
 */

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

/// The tool's main, renamed by the build (see fuzz/CMakeLists.txt).
int edge_inference_solve_main(int argc, char* argv[]);

namespace
{

/// Largest number of arguments passed (longer inputs are cut).
const size_t kMaxArgs = 16;

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> args = {"edge-inference-solve",
                                     "--problem=" EDGE_INFERENCE_SOURCE_DIR
                                     "/data/problems/small-4-users.json"};
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line) && args.size() < kMaxArgs)
    {
        // Arguments are C strings: an embedded NUL cannot reach the tool.
        if (line.find('\0') != std::string::npos || line.rfind("--problem", 0) == 0)
        {
            continue;
        }
        args.push_back(line);
    }
    std::vector<char*> argv;
    for (std::string& a : args)
    {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);

    // The tool prints the allocation (or the scheduler list) and messages:
    // keep them, and show them only when the contract is broken.
    std::ostringstream out;
    std::ostringstream err;
    std::streambuf* coutBuf = std::cout.rdbuf(out.rdbuf());
    std::streambuf* cerrBuf = std::cerr.rdbuf(err.rdbuf());
    const int status = edge_inference_solve_main(static_cast<int>(args.size()), argv.data());
    std::cout.rdbuf(coutBuf);
    std::cerr.rdbuf(cerrBuf);
    if (status != 0 && status != 2)
    {
        std::fprintf(stderr,
                     "edge-inference-fuzz-solve-cli: exit status %d (expected 0 or 2)\n%s\n",
                     status,
                     err.str().c_str());
        std::abort();
    }
    return 0;
}
