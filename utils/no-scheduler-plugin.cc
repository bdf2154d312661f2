/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * A shared library that loads but registers no C2Scheduler: the test
 * edge-inference-paper-plugin-without-scheduler checks that
 * edge-inference-paper --plugins=<this library> stops with a message
 * naming it.
 */

/// @return 0; the library needs one symbol to be a library at all
extern "C" int
EdgeInferenceNoSchedulerPlugin()
{
    return 0;
}
