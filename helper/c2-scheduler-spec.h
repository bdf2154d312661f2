/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef C2_SCHEDULER_SPEC_H
#define C2_SCHEDULER_SPEC_H

#include "ns3/object-factory.h"
#include "ns3/type-id.h"

#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * @ingroup edge-inference
 * @brief A scheduler plugin named on a command line: a TypeId and the
 * attributes to give it.
 *
 * Written as ns-3 writes an ObjectFactory: "ns3::TreeSearchC2Scheduler",
 * "ns3::ExhaustiveC2Scheduler[EarlyExit=true]", or with several attributes
 * "ns3::MyC2Scheduler[A=1,B=2]" (ns-3's own "|" separator works too:
 * "ns3::MyC2Scheduler[A=1|B=2]"). Any C2Scheduler subclass linked into the
 * program can be named, the module's own and a user's plugins alike.
 */
struct C2SchedulerSpec
{
    /// Display label: the text as given on a command line, or the label a
    /// C2SchedulerComparison was given (unique in a comparison).
    std::string label;
    std::string typeId; //!< TypeId name, e.g. "ns3::TreeSearchC2Scheduler"
    /// Attribute names and values, in the order given.
    std::vector<std::pair<std::string, std::string>> attributes;
};

/**
 * @brief Parses "TYPEID" or "TYPEID[NAME=VALUE,...]" (separators "," or "|").
 * @param text the specification
 * @return the parsed specification (not yet checked against the registered
 *         TypeIds: see MakeC2SchedulerFactory())
 * @throws EdgeInferenceError naming the text and what is wrong with it (empty,
 *         unbalanced brackets, an attribute without "=" or without a name)
 */
C2SchedulerSpec ParseC2SchedulerSpec(const std::string& text);

/**
 * @brief Splits a comma-separated list of specifications at the commas that
 * are not inside brackets: "Greedy,ns3::X[A=1,B=2]" gives "Greedy" and
 * "ns3::X[A=1,B=2]".
 * @param text the list
 * @return the items, empty ones dropped
 */
std::vector<std::string> SplitC2SchedulerList(const std::string& text);

/**
 * @brief The registered C2Scheduler subclasses that can be created.
 * @return their TypeIds, sorted by name
 */
std::vector<TypeId> GetRegisteredC2Schedulers();

/**
 * @brief Checks a specification against the TypeId system and makes the
 * factory that creates the scheduler.
 *
 * Every check is made here, so that a bad specification is an ordinary input
 * error instead of an abort inside ns-3: the TypeId must be a registered,
 * constructible C2Scheduler subclass; each attribute must exist, be settable
 * at construction, and its value must be valid (numbers must be entirely
 * numbers: ns-3 alone reads "1.5abc" as 1.5 and "-3" as 2^64 - 3 for an
 * unsigned attribute).
 *
 * @param spec the specification
 * @return a factory for the scheduler with its attributes set
 * @throws EdgeInferenceError for an unknown TypeId (the message lists the
 *         registered schedulers), an unknown or read-only attribute, or a bad
 *         value (the message names the attribute and the expected type)
 */
ObjectFactory MakeC2SchedulerFactory(const C2SchedulerSpec& spec);

/**
 * @brief The short names of the module's schedulers, as the paper
 * experiment and its sweep files use them (manual: *The paper experiment*).
 * @return (short name, specification) pairs, in the paper's table order:
 *         Sequential, SequentialEE, EqualBandwidth, ShelfPacking, Greedy,
 *         TreeSearch, Exhaustive; then our extensions: MultiBatch (several
 *         batches per frame) and the serving baselines Immediate,
 *         TimeoutOrFull and DynamicBatching
 */
std::vector<std::pair<std::string, std::string>> GetC2SchedulerShortNames();

/**
 * @brief Reads one scheduler choice: a short name of
 * GetC2SchedulerShortNames() or a specification "TYPEID[NAME=VALUE,...]",
 * checked with MakeC2SchedulerFactory().
 * @param item the choice
 * @return the specification, labelled with the item as given
 * @throws EdgeInferenceError for a word that is neither a short name nor a
 *         TypeId (the message lists the short names), or what
 *         MakeC2SchedulerFactory() throws
 */
C2SchedulerSpec ReadC2SchedulerChoice(const std::string& item);

/**
 * @brief Reads a comma-separated list of scheduler choices (a program's
 * --schedulers option), each with ReadC2SchedulerChoice(), and creates each
 * scheduler once, so that an attribute value its setter refuses stops the
 * program (NS_ABORT_MSG naming it) before any run.
 * @param list the list (SplitC2SchedulerList keeps brackets together)
 * @return the specifications, in list order
 * @throws EdgeInferenceError for an empty list or a bad choice
 */
std::vector<C2SchedulerSpec> ReadC2SchedulerChoices(const std::string& list);

/**
 * @brief Loads scheduler plugins built as shared libraries, so that a program
 * such as edge-inference-paper can name their TypeIds.
 *
 * A plugin registers its TypeIds when it is loaded (NS_OBJECT_ENSURE_REGISTERED
 * runs as a static initialiser), so loading it is all that is needed; nothing
 * is looked up by symbol. Each library is loaded once with dlopen(RTLD_NOW |
 * RTLD_GLOBAL) and stays loaded until the program ends. The library must be
 * built against the same edge-inference and ns-3 libraries as the program.
 *
 * @param paths comma-separated paths of shared libraries (a path without "/"
 *        is searched for by the dynamic loader's rules; give "./lib.so" for
 *        the current folder); empty items are ignored
 * @return the TypeIds of the C2Scheduler subclasses registered by loading
 *         them, sorted by name
 * @throws EdgeInferenceError naming the library and the loader's reason if a
 *         library cannot be loaded, or if it registers no C2Scheduler
 */
std::vector<TypeId> LoadC2SchedulerPlugins(const std::string& paths);

} // namespace ns3

#endif /* C2_SCHEDULER_SPEC_H */
