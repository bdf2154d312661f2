/*
 * Copyright (c) 2026 The edge-inference module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * @defgroup edge-inference Edge inference with batching and early exiting
 *
 * Multiuser edge inference: UEs upload inference tasks over an OFDMA uplink
 * to a base station; each frame a scheduler plugin (ns3::C2Scheduler)
 * chooses who is served, each user's bandwidth and each task's exit; an edge
 * server runs the served tasks as one batch through a deep network with
 * early exits. The model, its validation and its limits are in the module's
 * manual, doc/edge-inference.rst.
 */

/**
 * @ingroup edge-inference
 * @defgroup edge-inference-tests Tests of the edge-inference module
 *
 * The module's TestSuites: each checks values derived independently of the
 * code under test (by hand, by formula or by exhaustive search).
 */
