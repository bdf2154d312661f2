/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef INFERENCE_TASK_HEADER_H
#define INFERENCE_TASK_HEADER_H

#include "ns3/header.h"

#include <cstdint>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief Application header of every packet that carries task data from an
 * InferenceClient to the EdgeServer.
 *
 * A task's data is split into segments that fit the link MTU; each segment
 * carries this header so the server can reassemble the task, notice missing
 * segments and map the data to its plan. Serialized size: 20 bytes
 * (task id 8, user 4, task bytes 4, segment 2, segment count 2).
 */
class InferenceTaskHeader : public Header
{
  public:
    /// Create a header with all fields 0 except the segment count, 1.
    InferenceTaskHeader();

    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();
    /**
     * @brief Get the most derived TypeId of this object.
     * @return GetTypeId()
     */
    TypeId GetInstanceTypeId() const override;
    /**
     * @brief Print the fields as "task=... user=... bytes=... segment=i/n".
     * @param os the output stream
     */
    void Print(std::ostream& os) const override;
    /**
     * @brief Get the size of the header on the wire.
     * @return 20 (bytes)
     */
    uint32_t GetSerializedSize() const override;
    /**
     * @brief Write the fields in network byte order, in the order of the
     * class description.
     * @param start where the header is written in the packet buffer
     */
    void Serialize(Buffer::Iterator start) const override;
    /**
     * @brief Read the fields written by Serialize.
     * @param start where the header starts in the packet buffer
     * @return the number of bytes read (20)
     */
    uint32_t Deserialize(Buffer::Iterator start) override;

    /**
     * @brief Set the task identifier.
     * @param id task identifier (InferenceClient uses (user << 32) | sequence)
     */
    void SetTaskId(uint64_t id);
    /**
     * @brief Get the task identifier.
     * @return task identifier
     */
    uint64_t GetTaskId() const;
    /**
     * @brief Set the user index.
     * @param user user index
     */
    void SetUser(uint32_t user);
    /**
     * @brief Get the user index.
     * @return user index
     */
    uint32_t GetUser() const;
    /**
     * @brief Set the size of the task's whole payload.
     * @param bytes total payload of the task (bytes), over all segments
     */
    void SetTaskBytes(uint32_t bytes);
    /**
     * @brief Get the size of the task's whole payload.
     * @return total payload of the task (bytes), over all segments
     */
    uint32_t GetTaskBytes() const;
    /**
     * @brief Set which segment of the task this packet carries.
     * @param index segment index, 0-based, < count
     * @param count number of segments of the task
     */
    void SetSegment(uint16_t index, uint16_t count);
    /**
     * @brief Get the segment index.
     * @return segment index, 0-based
     */
    uint16_t GetSegmentIndex() const;
    /**
     * @brief Get the number of segments.
     * @return number of segments of the task
     */
    uint16_t GetSegmentCount() const;

  private:
    uint64_t m_taskId{0};       //!< task identifier
    uint32_t m_user{0};         //!< user index
    uint32_t m_taskBytes{0};    //!< task payload (bytes)
    uint16_t m_segment{0};      //!< segment index
    uint16_t m_segmentCount{1}; //!< number of segments
};

} // namespace ns3

#endif /* INFERENCE_TASK_HEADER_H */
