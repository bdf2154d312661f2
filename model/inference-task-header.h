/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef INFERENCE_TASK_HEADER_H
#define INFERENCE_TASK_HEADER_H

#include "ns3/header.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup edge-inference
 * \brief Application header of every packet that carries task data from an
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
    InferenceTaskHeader();

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    void Print(std::ostream& os) const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;

    /// \param id task identifier
    void SetTaskId(uint64_t id);
    /// \return task identifier
    uint64_t GetTaskId() const;
    /// \param user user index
    void SetUser(uint32_t user);
    /// \return user index
    uint32_t GetUser() const;
    /// \param bytes total payload of the task (bytes)
    void SetTaskBytes(uint32_t bytes);
    /// \return total payload of the task (bytes)
    uint32_t GetTaskBytes() const;
    /// \param index segment index, 0-based
    /// \param count number of segments of the task
    void SetSegment(uint16_t index, uint16_t count);
    /// \return segment index
    uint16_t GetSegmentIndex() const;
    /// \return number of segments of the task
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
