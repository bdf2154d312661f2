/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "inference-task-header.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(InferenceTaskHeader);

InferenceTaskHeader::InferenceTaskHeader()
{
}

TypeId
InferenceTaskHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::InferenceTaskHeader")
                            .SetParent<Header>()
                            .SetGroupName("EdgeInference")
                            .AddConstructor<InferenceTaskHeader>();
    return tid;
}

TypeId
InferenceTaskHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

void
InferenceTaskHeader::Print(std::ostream& os) const
{
    os << "task=" << m_taskId << " user=" << m_user << " bytes=" << m_taskBytes
       << " segment=" << m_segment << "/" << m_segmentCount;
}

uint32_t
InferenceTaskHeader::GetSerializedSize() const
{
    return 20;
}

void
InferenceTaskHeader::Serialize(Buffer::Iterator start) const
{
    start.WriteHtonU64(m_taskId);
    start.WriteHtonU32(m_user);
    start.WriteHtonU32(m_taskBytes);
    start.WriteHtonU16(m_segment);
    start.WriteHtonU16(m_segmentCount);
}

uint32_t
InferenceTaskHeader::Deserialize(Buffer::Iterator start)
{
    m_taskId = start.ReadNtohU64();
    m_user = start.ReadNtohU32();
    m_taskBytes = start.ReadNtohU32();
    m_segment = start.ReadNtohU16();
    m_segmentCount = start.ReadNtohU16();
    return GetSerializedSize();
}

void
InferenceTaskHeader::SetTaskId(uint64_t id)
{
    m_taskId = id;
}

uint64_t
InferenceTaskHeader::GetTaskId() const
{
    return m_taskId;
}

void
InferenceTaskHeader::SetUser(uint32_t user)
{
    m_user = user;
}

uint32_t
InferenceTaskHeader::GetUser() const
{
    return m_user;
}

void
InferenceTaskHeader::SetTaskBytes(uint32_t bytes)
{
    m_taskBytes = bytes;
}

uint32_t
InferenceTaskHeader::GetTaskBytes() const
{
    return m_taskBytes;
}

void
InferenceTaskHeader::SetSegment(uint16_t index, uint16_t count)
{
    m_segment = index;
    m_segmentCount = count;
}

uint16_t
InferenceTaskHeader::GetSegmentIndex() const
{
    return m_segment;
}

uint16_t
InferenceTaskHeader::GetSegmentCount() const
{
    return m_segmentCount;
}

} // namespace ns3
