/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Test runner for the standalone build: ns-3's own TestRunner, with the
 * module's TestSuites compiled into this executable. It accepts the same
 * options as ns-3's test-runner (--suite=NAME, --list, --verbose,
 * --fullness=QUICK|EXTENSIVE|TAKES_FOREVER, ...).
 */

#include "ns3/test.h"

int
main(int argc, char** argv)
{
    return ns3::TestRunner::Run(argc, argv);
}
