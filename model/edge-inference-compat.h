/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_INFERENCE_COMPAT_H
#define EDGE_INFERENCE_COMPAT_H

/**
 * @file
 * @ingroup edge-inference
 * The few places where the ns-3 releases this module supports (3.35, 3.37
 * and 3.48) differ in an API the module uses. Each difference is resolved by
 * what compiles (overload resolution, or detection of a member), never by a
 * version number, so that a release in between picks the right form by
 * itself.
 */

#include "ns3/antenna-model.h"
#include "ns3/enum.h"
#include "ns3/simulator.h"
#include "ns3/spectrum-phy.h"
#include "ns3/spectrum-signal-parameters.h"

#include <functional>
#include <type_traits>
#include <utility>

namespace ns3
{
namespace edgeinference
{
namespace compat
{

/**
 * @brief The accessor form of ns-3 >= 3.41: the enum type is a template
 *        argument, MakeEnumAccessor<E>(member).
 * @tparam E the enum type
 * @tparam M the member (or getter/setter) pointer type
 * @param member the member pointer
 * @return the accessor
 */
template <typename E, typename M>
auto
MakeEnumAccessorImpl(M member, int /* preferred: int beats long */)
    -> decltype(ns3::MakeEnumAccessor<E, M>(member))
{
    return ns3::MakeEnumAccessor<E, M>(member);
}

/**
 * @brief The accessor form of ns-3 <= 3.40: the enum type is deduced from the
 *        member, MakeEnumAccessor(member).
 * @tparam E the enum type (unused by these releases)
 * @tparam M the member (or getter/setter) pointer type
 * @param member the member pointer
 * @return the accessor
 */
template <typename E, typename M>
auto
MakeEnumAccessorImpl(M member, long /* fallback */) -> decltype(ns3::MakeEnumAccessor(member))
{
    return ns3::MakeEnumAccessor(member);
}

/**
 * @brief Whether a SpectrumPhy type has GetAntenna() (ns-3.37 and 3.48;
 *        ns-3.35's channel calls GetRxAntenna()).
 * @tparam Phy the SpectrumPhy type
 */
template <typename Phy, typename = void>
struct HasGetAntenna : std::false_type
{
};

/// @copydoc HasGetAntenna
template <typename Phy>
struct HasGetAntenna<Phy, std::void_t<decltype(std::declval<const Phy&>().GetAntenna())>>
    : std::true_type
{
};

/**
 * @brief Whether SpectrumSignalParameters::Copy() is const (ns-3.37 and 3.48;
 *        non-const in ns-3.35).
 * @tparam P the SpectrumSignalParameters type
 */
template <typename P, typename = void>
struct HasConstCopy : std::false_type
{
};

/// @copydoc HasConstCopy
template <typename P>
struct HasConstCopy<P, std::void_t<decltype(std::declval<const P&>().Copy())>> : std::true_type
{
};

/**
 * @brief Runs a closure; the event function of ScheduleClosure().
 * @param closure the closure
 */
inline void
RunClosure(std::function<void()> closure)
{
    closure();
}

} // namespace compat

/**
 * @ingroup edge-inference
 * @brief A SpectrumPhy base that hands the channel its antenna on every
 *        supported release.
 *
 * ns-3.37 and 3.48 ask a SpectrumPhy for GetAntenna() (an Object); ns-3.35 asks
 * for GetRxAntenna() (an AntennaModel). The class overrides whichever of the
 * two the base declares, and both return GetAntennaModel().
 *
 * @tparam Base the SpectrumPhy base class
 * @tparam ObjectAntenna whether Base has GetAntenna() (deduced)
 */
template <typename Base, bool ObjectAntenna = compat::HasGetAntenna<Base>::value>
class SpectrumPhyWithAntenna : public Base
{
  public:
    /**
     * @brief The antenna, for the channel's antenna gains.
     * @return GetAntennaModel()
     */
    Ptr<Object> GetAntenna() const override
    {
        return GetAntennaModel();
    }

    /**
     * @brief The antenna with its own type.
     * @return the antenna (null: isotropic, 0 dBi)
     */
    virtual Ptr<AntennaModel> GetAntennaModel() const = 0;
};

/// @copydoc SpectrumPhyWithAntenna
template <typename Base>
class SpectrumPhyWithAntenna<Base, false> : public Base
{
  public:
    /**
     * @brief The antenna, for the channel's antenna gains (ns-3.35).
     * @return GetAntennaModel()
     */
    Ptr<AntennaModel> GetRxAntenna() const override
    {
        return GetAntennaModel();
    }

    /**
     * @brief The antenna with its own type.
     * @return the antenna (null: isotropic, 0 dBi)
     */
    virtual Ptr<AntennaModel> GetAntennaModel() const = 0;
};

/**
 * @ingroup edge-inference
 * @brief A SpectrumSignalParameters base whose Copy() overrides the base's
 *        on every supported release (const in ns-3.37 and 3.48, non-const in 3.35);
 *        both call CopySignal().
 *
 * @tparam Base the SpectrumSignalParameters base class
 * @tparam ConstCopy whether Base's Copy() is const (deduced)
 */
template <typename Base, bool ConstCopy = compat::HasConstCopy<Base>::value>
struct CopyableSignalParameters : public Base
{
    /**
     * @brief Copies the signal for one receiver.
     * @return CopySignal()
     */
    Ptr<SpectrumSignalParameters> Copy() const override
    {
        return CopySignal();
    }

    /**
     * @brief Copies the signal for one receiver.
     * @return the copy
     */
    virtual Ptr<SpectrumSignalParameters> CopySignal() const = 0;
};

/// @copydoc CopyableSignalParameters
template <typename Base>
struct CopyableSignalParameters<Base, false> : public Base
{
    /**
     * @brief Copies the signal for one receiver (ns-3.35).
     * @return CopySignal()
     */
    Ptr<SpectrumSignalParameters> Copy() override
    {
        return CopySignal();
    }

    /**
     * @brief Copies the signal for one receiver.
     * @return the copy
     */
    virtual Ptr<SpectrumSignalParameters> CopySignal() const = 0;
};

/**
 * @ingroup edge-inference
 * @brief Schedules a closure (e.g. a lambda) on every supported release:
 *        ns-3.35's Simulator::Schedule takes function and member pointers
 *        only.
 * @tparam F the closure type, callable with no argument
 * @param delay the delay from now
 * @param closure the closure
 * @return the event
 */
template <typename F>
EventId
ScheduleClosure(Time delay, F closure)
{
    return Simulator::Schedule(delay,
                               &compat::RunClosure,
                               std::function<void()>(std::move(closure)));
}

/**
 * @ingroup edge-inference
 * @brief MakeEnumAccessor<E>(member) on every supported ns-3 release.
 *
 * ns-3.41 made the enum type a template argument of MakeEnumAccessor; older
 * releases deduce it and reject the explicit form. Exactly one of the two
 * overloads above compiles on a given release.
 *
 * @tparam E the enum type of the attribute
 * @tparam M the member (or getter/setter) pointer type, deduced
 * @param member the member pointer
 * @return the accessor
 */
template <typename E, typename M>
Ptr<const AttributeAccessor>
MakeEnumAccessor(M member)
{
    return compat::MakeEnumAccessorImpl<E, M>(member, 0);
}

} // namespace edgeinference
} // namespace ns3

#endif /* EDGE_INFERENCE_COMPAT_H */
