/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "fashion-mnist-data.h"

#include "ns3/edge-inference-error.h"

#include <cstdint>
#include <fstream>
#include <vector>
#include <zlib.h>

namespace ns3
{
namespace profiler
{

namespace
{

/// Whole content of a file; zlib reads gzip and plain files alike.
std::vector<uint8_t>
ReadMaybeGzipped(const std::string& dir, const std::string& name, std::string& used)
{
    std::string path = dir + "/" + name;
    if (!std::ifstream(path).good())
    {
        path += ".gz";
    }
    used = path;
    gzFile file = gzopen(path.c_str(), "rb");
    if (file == nullptr)
    {
        throw EdgeInferenceError("cannot open data file '" + dir + "/" + name +
                                 "[.gz]' (is dataset-fashion-mnist installed, or --data-dir "
                                 "right?)");
    }
    std::vector<uint8_t> data;
    uint8_t buffer[1 << 16];
    int got = 0;
    while ((got = gzread(file, buffer, sizeof(buffer))) > 0)
    {
        data.insert(data.end(), buffer, buffer + got);
    }
    const bool failed = got < 0;
    gzclose(file);
    if (failed)
    {
        throw EdgeInferenceError("cannot read data file '" + path + "' (corrupt gzip?)");
    }
    return data;
}

/// Big-endian 32-bit integer at offset (IDX headers are big-endian).
uint32_t
BigEndian32(const std::vector<uint8_t>& d, size_t offset)
{
    return (uint32_t(d[offset]) << 24) | (uint32_t(d[offset + 1]) << 16) |
           (uint32_t(d[offset + 2]) << 8) | uint32_t(d[offset + 3]);
}

} // namespace

ImageDataset
ReadMnistIdx(const std::string& dir, bool train)
{
    const std::string prefix = train ? "train" : "t10k";
    std::string imagePath;
    std::string labelPath;
    const auto images = ReadMaybeGzipped(dir, prefix + "-images-idx3-ubyte", imagePath);
    const auto labels = ReadMaybeGzipped(dir, prefix + "-labels-idx1-ubyte", labelPath);

    // IDX: magic 0x803 (ubyte, 3 dims) then count, rows, cols; labels 0x801.
    if (images.size() < 16 || BigEndian32(images, 0) != 0x803)
    {
        throw EdgeInferenceError("'" + imagePath + "' is not an IDX image file (bad magic)");
    }
    if (labels.size() < 8 || BigEndian32(labels, 0) != 0x801)
    {
        throw EdgeInferenceError("'" + labelPath + "' is not an IDX label file (bad magic)");
    }
    const uint32_t count = BigEndian32(images, 4);
    const uint32_t rows = BigEndian32(images, 8);
    const uint32_t cols = BigEndian32(images, 12);
    if (rows != 28 || cols != 28)
    {
        throw EdgeInferenceError("'" + imagePath + "': images are " + std::to_string(rows) + "x" +
                                 std::to_string(cols) + ", the profiler expects 28x28");
    }
    if (images.size() != 16 + size_t(count) * rows * cols)
    {
        throw EdgeInferenceError("'" + imagePath + "': size does not match its header");
    }
    if (BigEndian32(labels, 4) != count || labels.size() != 8 + size_t(count))
    {
        throw EdgeInferenceError("'" + labelPath + "': label count does not match " + imagePath);
    }

    ImageDataset out;
    out.images = torch::from_blob(const_cast<uint8_t*>(images.data() + 16),
                                  {int64_t(count), 1, 28, 28},
                                  torch::kUInt8)
                     .to(torch::kFloat32)
                     .div_(255.0)
                     .sub_(kFashionMnistMean)
                     .div_(kFashionMnistStd);
    out.labels =
        torch::from_blob(const_cast<uint8_t*>(labels.data() + 8), {int64_t(count)}, torch::kUInt8)
            .to(torch::kInt64);
    return out;
}

} // namespace profiler
} // namespace ns3
