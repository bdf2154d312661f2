/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "early-exit-profile.h"
#include "edge-inference-csv.h"
#include "edge-inference-error.h"

#include "ns3/log.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <system_error>

/**
 * @file
 * @ingroup edge-inference
 * The profile file format of EarlyExitProfile (see its class description):
 * ReadFile and Parse (EarlyExitProfile::CsvReader reads the lines), Write
 * and WriteFile, and the rules the format sets for names and provenance
 * (SetName, SetProvenance).
 */

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EarlyExitProfileCsv");

namespace
{

/// First line of every profile file; the number is the format version.
const std::string kMagic = "# edge-inference-profile 1";
/// Header line of the exit table.
const std::string kExitHeader = "exit,accuracy";
/// Header line of the block table.
const std::string kBlockHeader = "block,batch,block_median_s,block_p10_s,block_p90_s,"
                                 "head_median_s,head_p10_s,head_p90_s";
/// Provenance key reserved for the profile name.
const std::string kNameKey = "name";
/// Column names of the block table, for messages.
const char* const kBlockColumns[] = {"block",
                                     "batch",
                                     "block_median_s",
                                     "block_p10_s",
                                     "block_p90_s",
                                     "head_median_s",
                                     "head_p10_s",
                                     "head_p90_s"};

using edgeinference::ParseDouble;
using edgeinference::ParseUint;
using edgeinference::SplitCsv;
using edgeinference::Trim;

/**
 * @brief Start an error message.
 * @param source the file (source) name
 * @param line the line number (0: the file as a whole)
 * @return the "source:line: " prefix of an error message
 */
std::string
At(const std::string& source, uint32_t line)
{
    return source + ":" + std::to_string(line) + ": ";
}

/**
 * @brief Length of a header line as Write writes it.
 * @param key the key ("name" for the profile name)
 * @param value the value
 * @return the length of "# <key>: <value>"
 */
uint64_t
HeaderLineLength(const std::string& key, const std::string& value)
{
    return 4 + uint64_t{key.size()} + value.size();
}

/**
 * @brief Describe the file size limit.
 * @return "file is larger than the limit of 16 MiB"
 */
std::string
FileSizeLimitText()
{
    return "file is larger than the limit of " +
           std::to_string(EarlyExitProfile::MAX_FILE_BYTES / (1024 * 1024)) + " MiB";
}

/**
 * @brief Describe the line length limit.
 * @return "line longer than the limit of 65536 characters"
 */
std::string
LineLengthLimitText()
{
    return "line longer than the limit of " + std::to_string(EarlyExitProfile::MAX_LINE_LENGTH) +
           " characters";
}

/**
 * @brief Refuse a profile path that must not be read: not a regular file
 * (a folder, a device, a FIFO), or larger than the limit.
 *
 * A path that does not exist or cannot be examined passes: opening it then
 * fails with the usual message.
 * @param path the file name
 * @throws EdgeInferenceError "<path>:0: ..." naming the problem
 */
void
CheckProfilePath(const std::string& path)
{
    std::error_code ec;
    const std::filesystem::file_status status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status))
    {
        return;
    }
    if (!std::filesystem::is_regular_file(status))
    {
        throw EdgeInferenceError(At(path, 0) + "not a regular file (a profile must be a file)");
    }
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec && size > EarlyExitProfile::MAX_FILE_BYTES)
    {
        throw EdgeInferenceError(At(path, 0) + FileSizeLimitText());
    }
}

} // namespace

/**
 * @brief The reader behind EarlyExitProfile::Parse.
 *
 * Reads the stream one bounded line at a time, hands each line to the
 * handler of its kind (header line, table header, exit row, block row) and,
 * at the end of the input, checks that the tables are complete and builds
 * the profile. Every message starts with "<source>:<line>: ".
 */
class EarlyExitProfile::CsvReader
{
  public:
    /**
     * @brief Create a reader of one stream.
     * @param in the stream
     * @param source name used in messages (usually the file name)
     */
    CsvReader(std::istream& in, const std::string& source);

    /**
     * @brief Read the whole stream.
     * @return the profile
     * @throws EdgeInferenceError naming the source, the line and the problem
     */
    EarlyExitProfile Read();

  private:
    /// The part of the file being read.
    enum class Section
    {
        HEADER, //!< format line and "# key: value" lines
        EXITS,  //!< exit table
        BLOCKS  //!< block table
    };

    /// One parsed row of the block table.
    struct BlockRow
    {
        uint32_t line;      //!< line number
        LatencyStats block; //!< block part
        LatencyStats head;  //!< head part
    };

    /**
     * @brief Read the next line, at most MAX_LINE_LENGTH characters.
     * @param line set to the line, without its end (LF or CR LF)
     * @return false at the end of the input (or on a read error)
     * @throws EdgeInferenceError if the line or the input is too long
     */
    bool NextLine(std::string& line);
    /**
     * @brief Handle one line: the format line, a blank line, a header line,
     * a table header or a table row.
     * @param raw the line, without its end
     */
    void ReadLine(const std::string& raw);
    /**
     * @brief Handle a header line "# key: value" (the name or provenance).
     * @param line the trimmed line, starting with '#'
     */
    void ReadHeaderLine(const std::string& line);
    /**
     * @brief Handle a line whose first field is not a number: the header
     * of the exit or block table, or an error.
     * @param line the trimmed line
     * @param firstField its first field, for the message
     */
    void ReadTableHeader(const std::string& line, const std::string& firstField);
    /**
     * @brief Handle a row of the exit table: "exit,accuracy".
     * @param fields the row's trimmed fields
     */
    void ReadExitRow(const std::vector<std::string>& fields);
    /**
     * @brief Handle a row of the block table: block, batch and six times.
     * @param fields the row's trimmed fields
     */
    void ReadBlockRow(const std::vector<std::string>& fields);
    /**
     * @brief Store a parsed block row after checking its place in the table.
     * @param block block number (>= 1)
     * @param batch batch size (>= 1)
     * @param row the row
     */
    void StoreBlockRow(uint32_t block, uint32_t batch, const BlockRow& row);
    /**
     * @brief End-of-file checks: format line, name and both tables present,
     * and every exit with block rows.
     */
    void CheckComplete() const;
    /**
     * @brief Check that every block has every batch size and that the
     * grid starts at 1.
     * @return the grid of batch sizes, increasing
     */
    std::vector<uint32_t> BuildGrid() const;
    /**
     * @brief End-of-file checks, then build the table.
     * @return the profile
     */
    EarlyExitProfile Finish();
    /**
     * @brief Throw an error at the current line.
     * @param problem the problem
     */
    [[noreturn]] void Fail(const std::string& problem) const;
    /**
     * @brief Throw an error at a given line.
     * @param line the line number
     * @param problem the problem
     */
    [[noreturn]] void FailAt(uint32_t line, const std::string& problem) const;

    std::istream& m_in;                    //!< the input
    std::string m_source;                  //!< name used in messages
    std::vector<char> m_buffer;            //!< line buffer (bounded)
    uint64_t m_bytes{0};                   //!< bytes read so far
    uint32_t m_lineNo{0};                  //!< number of the current line
    uint32_t m_tableRows{0};               //!< data rows of both tables so far
    Section m_section{Section::HEADER};    //!< part being read
    EarlyExitProfile m_profile;            //!< name and provenance read so far
    bool m_haveName{false};                //!< "# name:" seen
    bool m_haveExitTable{false};           //!< exit table header seen
    bool m_haveBlockTable{false};          //!< block table header seen
    uint32_t m_exitHeaderLine{0};          //!< line of the exit table header
    uint32_t m_blockHeaderLine{0};         //!< line of the block table header
    uint32_t m_firstTableLine{0};          //!< first line after the header lines
    std::vector<double> m_accuracies;      //!< a_1..a_n so far
    std::vector<uint32_t> m_accuracyLines; //!< line of each exit row
    /// block -> batch -> row; rows may come in any block order, but within
    /// a block the batch sizes must increase.
    std::map<uint32_t, std::map<uint32_t, BlockRow>> m_rows;
    std::map<uint32_t, uint32_t> m_lastBatchOfBlock; //!< block -> last batch size read
};

EarlyExitProfile::CsvReader::CsvReader(std::istream& in, const std::string& source)
    : m_in(in),
      m_source(source),
      // A longest line, a CR before its LF, and the NUL getline stores.
      m_buffer(EarlyExitProfile::MAX_LINE_LENGTH + 2)
{
}

EarlyExitProfile
EarlyExitProfile::CsvReader::Read()
{
    std::string line;
    while (NextLine(line))
    {
        ReadLine(line);
    }
    if (m_in.bad())
    {
        Fail("read error");
    }
    return Finish();
}

bool
EarlyExitProfile::CsvReader::NextLine(std::string& line)
{
    // Unlike std::getline, istream::getline stores at most size - 1
    // characters, so a huge or endless line costs no memory.
    m_in.getline(m_buffer.data(), m_buffer.size());
    const std::streamsize count = m_in.gcount(); // with the LF, if extracted
    if (count == 0 || m_in.bad())
    {
        return false; // end of input (or read error, see Read)
    }
    ++m_lineNo;
    if (m_in.fail() && !m_in.eof())
    {
        Fail(LineLengthLimitText()); // the buffer filled up before the LF
    }
    m_bytes += count;
    if (m_bytes > EarlyExitProfile::MAX_FILE_BYTES)
    {
        Fail(FileSizeLimitText());
    }
    // Without eofbit, getline stopped at the LF, which it counts but does
    // not store.
    line.assign(m_buffer.data(), m_in.eof() ? count : count - 1);
    if (!line.empty() && line.back() == '\r')
    {
        line.pop_back(); // tolerate CRLF files
    }
    if (line.size() > EarlyExitProfile::MAX_LINE_LENGTH)
    {
        Fail(LineLengthLimitText());
    }
    return true;
}

void
EarlyExitProfile::CsvReader::ReadLine(const std::string& raw)
{
    if (m_lineNo == 1)
    {
        if (raw != kMagic)
        {
            Fail("missing or unknown format line '" + raw + "' (expected '" + kMagic + "')");
        }
        return;
    }
    const std::string line = Trim(raw);
    if (line.empty())
    {
        return;
    }
    if (line[0] == '#')
    {
        ReadHeaderLine(line);
        return;
    }
    if (m_firstTableLine == 0)
    {
        m_firstTableLine = m_lineNo;
    }
    const std::vector<std::string> fields = SplitCsv(line);
    // A line whose first field is not a number is a table header.
    double dummy;
    if (!ParseDouble(fields[0], dummy))
    {
        ReadTableHeader(line, fields[0]);
        return;
    }
    if (m_section == Section::HEADER)
    {
        Fail("data row before any table header");
    }
    if (m_tableRows == EarlyExitProfile::MAX_TABLE_ROWS)
    {
        Fail("more than the limit of " + std::to_string(EarlyExitProfile::MAX_TABLE_ROWS) +
             " table rows");
    }
    ++m_tableRows;
    if (m_section == Section::EXITS)
    {
        ReadExitRow(fields);
    }
    else
    {
        ReadBlockRow(fields);
    }
}

void
EarlyExitProfile::CsvReader::ReadHeaderLine(const std::string& line)
{
    if (m_section != Section::HEADER)
    {
        Fail("header line after the tables started");
    }
    const std::string body = line.substr(1);
    const size_t colon = body.find(':');
    if (colon == std::string::npos)
    {
        Fail("unknown header line '" + line + "' (expected '# key: value')");
    }
    const std::string key = Trim(body.substr(0, colon));
    const std::string value = Trim(body.substr(colon + 1));
    if (key.empty())
    {
        Fail("unknown header line '" + line + "' (empty key)");
    }
    const bool isName = key == kNameKey;
    if (isName ? m_haveName : m_profile.m_provenance.count(key) != 0)
    {
        Fail("duplicate header key '" + key + "'");
    }
    if (isName && value.empty())
    {
        Fail("empty profile name");
    }
    // Write puts exactly one blank around the colon: what is read must be
    // readable again once written.
    if (HeaderLineLength(key, value) > EarlyExitProfile::MAX_LINE_LENGTH)
    {
        Fail("header line longer than the limit of " +
             std::to_string(EarlyExitProfile::MAX_LINE_LENGTH) +
             " characters once written as '# key: value'");
    }
    if (isName)
    {
        m_profile.m_name = value;
        m_haveName = true;
    }
    else
    {
        m_profile.m_provenance[key] = value;
    }
}

void
EarlyExitProfile::CsvReader::ReadTableHeader(const std::string& line, const std::string& firstField)
{
    if (line == kExitHeader)
    {
        if (m_haveExitTable)
        {
            Fail("duplicate exit table");
        }
        if (m_haveBlockTable)
        {
            Fail("exit table must come before the block table");
        }
        m_haveExitTable = true;
        m_exitHeaderLine = m_lineNo;
        m_section = Section::EXITS;
        return;
    }
    if (line == kBlockHeader)
    {
        if (m_haveBlockTable)
        {
            Fail("duplicate block table");
        }
        if (!m_haveExitTable)
        {
            Fail("block table before the exit table");
        }
        if (m_accuracies.empty())
        {
            FailAt(m_exitHeaderLine, "empty exit table");
        }
        m_haveBlockTable = true;
        m_blockHeaderLine = m_lineNo;
        m_section = Section::BLOCKS;
        return;
    }
    if (m_section == Section::HEADER)
    {
        Fail("unknown table header '" + line + "' (expected '" + kExitHeader + "')");
    }
    Fail("not a number '" + firstField + "' in column 1 (or unknown table header; expected '" +
         kExitHeader + "' or '" + kBlockHeader + "')");
}

void
EarlyExitProfile::CsvReader::ReadExitRow(const std::vector<std::string>& fields)
{
    if (fields.size() != 2)
    {
        Fail("wrong column count: expected 2 (" + kExitHeader + "), got " +
             std::to_string(fields.size()));
    }
    uint32_t exit;
    double acc;
    if (!ParseUint(fields[0], exit))
    {
        Fail("exit number '" + fields[0] + "' is not a positive integer");
    }
    if (!ParseDouble(fields[1], acc))
    {
        Fail("not a number '" + fields[1] + "' in column accuracy");
    }
    if (exit != m_accuracies.size() + 1)
    {
        Fail("exits not numbered 1..N in order: expected exit " +
             std::to_string(m_accuracies.size() + 1) + ", got " + std::to_string(exit));
    }
    if (acc < 0 || acc > 1)
    {
        Fail("exit " + std::to_string(exit) + ": accuracy " + fields[1] + " outside [0,1]");
    }
    if (!m_accuracies.empty() && acc < m_accuracies.back())
    {
        Fail("exit " + std::to_string(exit) + ": accuracy decreases with depth (" + fields[1] +
             " < " + FormatDouble(m_accuracies.back()) + " of exit " + std::to_string(exit - 1) +
             ")");
    }
    m_accuracies.push_back(acc);
    m_accuracyLines.push_back(m_lineNo);
}

void
EarlyExitProfile::CsvReader::ReadBlockRow(const std::vector<std::string>& fields)
{
    if (fields.size() != 8)
    {
        Fail("wrong column count: expected 8 (" + kBlockHeader + "), got " +
             std::to_string(fields.size()));
    }
    uint32_t block;
    uint32_t batch;
    if (!ParseUint(fields[0], block) || block == 0)
    {
        Fail("block number '" + fields[0] + "' is not a positive integer");
    }
    if (!ParseUint(fields[1], batch) || batch == 0)
    {
        Fail("batch size '" + fields[1] + "' is not a positive integer");
    }
    double v[6];
    for (int c = 0; c < 6; ++c)
    {
        if (!ParseDouble(fields[2 + c], v[c]))
        {
            Fail("not a number '" + fields[2 + c] + "' in column " + kBlockColumns[2 + c]);
        }
    }
    const BlockRow row{m_lineNo, {v[0], v[1], v[2]}, {v[3], v[4], v[5]}};
    const std::string where = "block " + std::to_string(block) + " batch " + std::to_string(batch);
    std::string problem = CheckStats(row.block, where + " block");
    if (problem.empty())
    {
        problem = CheckStats(row.head, where + " head");
    }
    if (!problem.empty())
    {
        Fail(problem);
    }
    StoreBlockRow(block, batch, row);
}

void
EarlyExitProfile::CsvReader::StoreBlockRow(uint32_t block, uint32_t batch, const BlockRow& row)
{
    if (block > m_accuracies.size())
    {
        Fail("block " + std::to_string(block) + " has no exit (blocks not matching exits 1.." +
             std::to_string(m_accuracies.size()) + ")");
    }
    auto& blockRows = m_rows[block];
    const auto dup = blockRows.find(batch);
    if (dup != blockRows.end())
    {
        Fail("duplicate row for block " + std::to_string(block) + " batch " +
             std::to_string(batch) + " (first on line " + std::to_string(dup->second.line) + ")");
    }
    const auto last = m_lastBatchOfBlock.find(block);
    if (last != m_lastBatchOfBlock.end() && batch < last->second)
    {
        Fail("batch sizes of block " + std::to_string(block) + " not increasing (" +
             std::to_string(batch) + " after " + std::to_string(last->second) + ")");
    }
    m_lastBatchOfBlock[block] = batch;
    blockRows[batch] = row;
}

void
EarlyExitProfile::CsvReader::CheckComplete() const
{
    if (m_lineNo == 0)
    {
        FailAt(1, "missing or unknown format line (empty file; expected '" + kMagic + "')");
    }
    if (!m_haveName)
    {
        FailAt(m_firstTableLine == 0 ? m_lineNo : m_firstTableLine,
               "missing header line '# name: ...'");
    }
    if (!m_haveExitTable)
    {
        Fail("missing exit table ('" + kExitHeader + "')");
    }
    if (m_accuracies.empty())
    {
        FailAt(m_exitHeaderLine, "empty exit table");
    }
    if (!m_haveBlockTable)
    {
        Fail("missing block table ('" + kBlockHeader + "')");
    }
    if (m_rows.empty())
    {
        FailAt(m_blockHeaderLine, "empty block table");
    }
    for (uint32_t n = 1; n <= m_accuracies.size(); ++n)
    {
        if (!m_rows.count(n))
        {
            FailAt(m_accuracyLines[n - 1],
                   "exit " + std::to_string(n) + " has no block " + std::to_string(n) +
                       " rows (blocks not matching exits)");
        }
    }
}

std::vector<uint32_t>
EarlyExitProfile::CsvReader::BuildGrid() const
{
    // The grid is the union of all batch sizes; every block must have all.
    std::set<uint32_t> grid;
    for (const auto& b : m_rows)
    {
        for (const auto& r : b.second)
        {
            grid.insert(r.first);
        }
    }
    for (const auto& b : m_rows)
    {
        for (uint32_t batch : grid)
        {
            if (!b.second.count(batch))
            {
                FailAt(b.second.begin()->second.line,
                       "gap in batch sizes: block " + std::to_string(b.first) +
                           " lacks batch size " + std::to_string(batch) +
                           " that other blocks have");
            }
        }
    }
    if (*grid.begin() != 1)
    {
        FailAt(m_rows.begin()->second.begin()->second.line,
               "batch sizes must start at 1 (smallest is " + std::to_string(*grid.begin()) + ")");
    }
    return std::vector<uint32_t>(grid.begin(), grid.end());
}

EarlyExitProfile
EarlyExitProfile::CsvReader::Finish()
{
    CheckComplete();
    const std::vector<uint32_t> batchSizes = BuildGrid();
    const size_t nExits = m_accuracies.size();
    std::vector<std::vector<LatencyStats>> block(nExits);
    std::vector<std::vector<LatencyStats>> head(nExits);
    for (size_t n = 0; n < nExits; ++n)
    {
        for (uint32_t batch : batchSizes)
        {
            const BlockRow& r = m_rows.at(n + 1).at(batch);
            block[n].push_back(r.block);
            head[n].push_back(r.head);
        }
    }
    // All line-level checks passed; SetTable re-validates the whole.
    try
    {
        m_profile.SetTable(m_accuracies, batchSizes, block, head);
    }
    catch (const EdgeInferenceError& e)
    {
        Fail(e.what()); // at the last line
    }
    return m_profile;
}

void
EarlyExitProfile::CsvReader::Fail(const std::string& problem) const
{
    FailAt(m_lineNo, problem);
}

void
EarlyExitProfile::CsvReader::FailAt(uint32_t line, const std::string& problem) const
{
    throw EdgeInferenceError(At(m_source, line) + problem);
}

EarlyExitProfile
EarlyExitProfile::ReadFile(const std::string& path)
{
    NS_LOG_FUNCTION(path);
    CheckProfilePath(path);
    std::ifstream in(path);
    if (!in)
    {
        throw EdgeInferenceError(path + ":0: cannot open profile file for reading");
    }
    return Parse(in, path);
}

EarlyExitProfile
EarlyExitProfile::Parse(std::istream& in, const std::string& sourceName)
{
    NS_LOG_FUNCTION(sourceName);
    CsvReader reader(in, sourceName);
    return reader.Read();
}

void
EarlyExitProfile::WriteFile(const std::string& path) const
{
    NS_LOG_FUNCTION(this << path);
    std::ofstream out(path);
    if (!out)
    {
        throw EdgeInferenceError(path + ": cannot open profile file for writing");
    }
    Write(out);
    out.close();
    if (!out)
    {
        throw EdgeInferenceError(path + ": error while writing profile file");
    }
}

void
EarlyExitProfile::Write(std::ostream& out) const
{
    NS_LOG_FUNCTION(this);
    if (m_name.empty())
    {
        throw EdgeInferenceError("EarlyExitProfile::Write: profile has no name (call SetName)");
    }
    if (m_accuracy.empty())
    {
        throw EdgeInferenceError("EarlyExitProfile::Write: profile '" + m_name +
                                 "' has no table (call SetTable)");
    }
    out << kMagic << "\n";
    out << "# " << kNameKey << ": " << m_name << "\n";
    for (const auto& kv : m_provenance)
    {
        out << "# " << kv.first << ": " << kv.second << "\n";
    }
    out << kExitHeader << "\n";
    for (size_t n = 0; n < m_accuracy.size(); ++n)
    {
        out << n + 1 << "," << FormatDouble(m_accuracy[n]) << "\n";
    }
    out << kBlockHeader << "\n";
    for (size_t n = 0; n < m_block.size(); ++n)
    {
        for (size_t i = 0; i < m_batchSizes.size(); ++i)
        {
            const LatencyStats& b = m_block[n][i];
            const LatencyStats& h = m_head[n][i];
            out << n + 1 << "," << m_batchSizes[i] << "," << FormatDouble(b.medianS) << ","
                << FormatDouble(b.p10S) << "," << FormatDouble(b.p90S) << ","
                << FormatDouble(h.medianS) << "," << FormatDouble(h.p10S) << ","
                << FormatDouble(h.p90S) << "\n";
        }
    }
}

void
EarlyExitProfile::SetName(const std::string& name)
{
    NS_LOG_FUNCTION(this << name);
    if (Trim(name).empty() || Trim(name) != name || name.find('\n') != std::string::npos)
    {
        throw EdgeInferenceError("EarlyExitProfile::SetName: name '" + name +
                                 "' must be non-empty, one line, without surrounding blanks");
    }
    if (HeaderLineLength(kNameKey, name) > MAX_LINE_LENGTH)
    {
        throw EdgeInferenceError("EarlyExitProfile::SetName: a name of " +
                                 std::to_string(name.size()) + " characters makes the line '# " +
                                 kNameKey + ": ...' longer than the limit of " +
                                 std::to_string(MAX_LINE_LENGTH) + " characters");
    }
    m_name = name;
}

void
EarlyExitProfile::SetProvenance(const std::string& key, const std::string& value)
{
    NS_LOG_FUNCTION(this << key << value);
    const std::string where = "EarlyExitProfile::SetProvenance: ";
    if (key.empty() || Trim(key) != key || key.find(':') != std::string::npos ||
        key.find('\n') != std::string::npos || key.find('#') != std::string::npos)
    {
        throw EdgeInferenceError(where + "key '" + key +
                                 "' must be non-empty without ':', '#', newline or "
                                 "surrounding blanks");
    }
    if (key == kNameKey)
    {
        throw EdgeInferenceError(where + "key 'name' is reserved (use SetName)");
    }
    if (value.find('\n') != std::string::npos || value.find('\r') != std::string::npos ||
        Trim(value) != value)
    {
        throw EdgeInferenceError(where + "value of '" + key +
                                 "' must be one line without surrounding blanks");
    }
    if (HeaderLineLength(key, value) > MAX_LINE_LENGTH)
    {
        throw EdgeInferenceError(where + "the line '# " + key + ": ...' would be longer than the " +
                                 "limit of " + std::to_string(MAX_LINE_LENGTH) + " characters");
    }
    m_provenance[key] = value;
}

std::string
EarlyExitProfile::FormatDouble(double v)
{
    char buf[64];
    // 17 significant digits (max_digits10) always round-trip; fewer digits
    // give readable files when they suffice.
    for (int precision = 15; precision <= std::numeric_limits<double>::max_digits10; ++precision)
    {
        std::snprintf(buf, sizeof(buf), "%.*g", precision, v);
        if (std::strtod(buf, nullptr) == v)
        {
            break;
        }
    }
    return buf;
}

} // namespace ns3
