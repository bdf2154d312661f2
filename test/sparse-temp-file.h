/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef SPARSE_TEMP_FILE_H
#define SPARSE_TEMP_FILE_H

// A temporary file of a given size for the readers' size-limit tests
// (edge-inference-profile, edge-inference-c2-json).

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace ns3
{
namespace inputtest
{

/**
 * A sparse file of a given size in the temporary folder (std::filesystem::
 * resize_file: no disk blocks written), removed when it goes out of scope.
 */
class SparseTempFile
{
  public:
    /**
     * @param name file name, made unique with the process id
     * @param size file size in bytes
     */
    SparseTempFile(const std::string& name, std::uintmax_t size)
        : m_path((std::filesystem::temp_directory_path() /
                  ("edge-inference-" + std::to_string(getpid()) + "-" + name))
                     .string())
    {
        std::ofstream(m_path).close();
        std::filesystem::resize_file(m_path, size);
    }

    ~SparseTempFile()
    {
        std::error_code ec;
        std::filesystem::remove(m_path, ec);
    }

    SparseTempFile(const SparseTempFile&) = delete;
    SparseTempFile& operator=(const SparseTempFile&) = delete;

    /// @return the file's path
    const std::string& Path() const
    {
        return m_path;
    }

  private:
    std::string m_path; //!< the file
};

} // namespace inputtest
} // namespace ns3

#endif /* SPARSE_TEMP_FILE_H */
