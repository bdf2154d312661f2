# -*- Mode: python; py-indent-offset: 4; indent-tabs-mode: nil; coding: utf-8; -*-
# Build description for waf-based ns-3 (checked with ns-3.35:
# scripts/check-in-tree.sh 3.35). CMakeLists.txt is the primary build;
# test/check-wscript-sync.py (a ctest test) fails when the file lists below
# drift from CMake's.


def configure(conf):
    conf.check_cxx(header_name='boost/math/special_functions/lambert_w.hpp',
                   uselib_store='BOOST_MATH', mandatory=True)
    conf.check_cxx(header_name='nlohmann/json.hpp',
                   uselib_store='NLOHMANN_JSON', mandatory=True)
    # Tests and examples find the shipped data (profiles, problems) here, as
    # CMakeLists.txt's add_compile_definitions does in the CMake builds; a
    # uselib variable keeps the definition to this module and its users.
    conf.env['DEFINES_EDGE_INFERENCE_DATA'] = [
        'EDGE_INFERENCE_SOURCE_DIR="%s"' % conf.path.abspath()]


def build(bld):
    module = bld.create_ns3_module('edge-inference', [
        'core',
        'network',
        'internet',
        'mobility',
        'propagation',
        'spectrum',
        'antenna',
        'applications',
        'stats',
    ])
    module.use.append('EDGE_INFERENCE_DATA')
    module.source = [
        'helper/c2-comparison-result.cc',
        'helper/c2-scheduler-comparison.cc',
        'helper/c2-scheduler-spec.cc',
        'helper/edge-inference-cell-helper.cc',
        'helper/edge-inference-helper.cc',
        'helper/edge-inference-load-sweep.cc',
        'helper/edge-inference-scenario-runner.cc',
        'helper/edge-inference-stats.cc',
        'helper/edge-inference-user-sweep.cc',
        'helper/ofdma-uplink-helper.cc',
        'helper/task-record-csv-writer.cc',
        'model/affine-block-fit.cc',
        'model/c2-allocation.cc',
        'model/c2-problem.cc',
        'model/c2-scenario.cc',
        'model/c2-scheduler.cc',
        'model/c2-shelf-selector.cc',
        'model/clarke-fading-loss-model.cc',
        'model/early-exit-profile-csv.cc',
        'model/early-exit-profile.cc',
        'model/edge-inference-csv.cc',
        'model/edge-control-channel.cc',
        'model/edge-controller.cc',
        'model/edge-server.cc',
        'model/equal-bandwidth-c2-scheduler.cc',
        'model/exhaustive-c2-scheduler.cc',
        'model/greedy-early-exit-c2-scheduler.cc',
        'model/inference-client.cc',
        'model/inference-task-header.cc',
        'model/inference-task-record.cc',
        'model/ofdma-bs-net-device.cc',
        'model/ofdma-bs-phy.cc',
        'model/ofdma-net-device.cc',
        'model/ofdma-phy.cc',
        'model/ofdma-rate-mapping.cc',
        'model/ofdma-spectrum-model.cc',
        'model/ofdma-spectrum-signal-parameters.cc',
        'model/ofdma-ue-net-device.cc',
        'model/ofdma-ue-phy.cc',
        'model/pair-fading-loss-model.cc',
        'model/rayleigh-block-fading-loss-model.cc',
        'model/sequential-c2-scheduler.cc',
        'model/serving-c2-scheduler.cc',
        'model/shelf-packing-c2-scheduler.cc',
        'model/task-arrival-process.cc',
        'model/multi-batch-c2-scheduler.cc',
        'model/tree-search-c2-scheduler.cc',
        'model/uplink-rate-model.cc',
    ]

    module_test = bld.create_ns3_module_test_library('edge-inference')
    module_test.use.append('EDGE_INFERENCE_DATA')
    module_test.source = [
        'model/c2-problem-json.cc',
        'test/bad-input-matrix-test-suite.cc',
        'test/c2-baseline-scheduler-test-suite.cc',
        'test/c2-early-exit-scheduler-test-suite.cc',
        'test/c2-multi-batch-test-suite.cc',
        'test/c2-problem-json-test-suite.cc',
        'test/c2-scheduler-comparison-test-suite.cc',
        'test/csi-test-suite.cc',
        'test/early-exit-profile-test-suite.cc',
        'test/edge-control-channel-test-suite.cc',
        'test/edge-inference-system-test-suite.cc',
        'test/edge-server-test-suite.cc',
        'test/fuzz-regressions-test-suite.cc',
        'test/ofdma-arq-test-suite.cc',
        'test/ofdma-channel-test-suite.cc',
        'test/ofdma-interference-test-suite.cc',
        'test/ofdma-rate-mapping-test-suite.cc',
        'test/ofdma-udp-test-suite.cc',
        'test/ofdma-uplink-test-suite.cc',
        'test/serving-c2-scheduler-test-suite.cc',
        'test/task-arrival-test-suite.cc',
        'test/uplink-rate-model-test-suite.cc',
    ]

    headers = bld(features='ns3header')
    headers.module = 'edge-inference'
    headers.source = [
        'helper/c2-comparison-result.h',
        'helper/c2-scheduler-comparison.h',
        'helper/c2-scheduler-spec.h',
        'helper/edge-inference-cell-helper.h',
        'helper/edge-inference-helper.h',
        'helper/edge-inference-load-sweep.h',
        'helper/edge-inference-scenario-runner.h',
        'helper/edge-inference-stats.h',
        'helper/edge-inference-user-sweep.h',
        'helper/ofdma-uplink-helper.h',
        'helper/task-record-csv-writer.h',
        'model/affine-block-fit.h',
        'model/c2-allocation.h',
        'model/c2-problem-json.h',
        'model/c2-problem.h',
        'model/c2-scenario.h',
        'model/c2-scheduler.h',
        'model/c2-shelf-selector.h',
        'model/clarke-fading-loss-model.h',
        'model/early-exit-profile.h',
        'model/edge-control-channel.h',
        'model/edge-controller.h',
        'model/edge-inference-compat.h',
        'model/edge-inference-csv.h',
        'model/edge-inference-error.h',
        'model/edge-inference-tolerance.h',
        'model/edge-server.h',
        'model/edge-uplink-sap.h',
        'model/equal-bandwidth-c2-scheduler.h',
        'model/exhaustive-c2-scheduler.h',
        'model/greedy-early-exit-c2-scheduler.h',
        'model/inference-client.h',
        'model/inference-task-header.h',
        'model/inference-task-record.h',
        'model/ofdma-bs-net-device.h',
        'model/ofdma-bs-phy.h',
        'model/ofdma-grant.h',
        'model/ofdma-net-device.h',
        'model/ofdma-phy.h',
        'model/ofdma-rate-mapping.h',
        'model/ofdma-spectrum-model.h',
        'model/ofdma-spectrum-signal-parameters.h',
        'model/ofdma-ue-net-device.h',
        'model/ofdma-ue-phy.h',
        'model/pair-fading-loss-model.h',
        'model/rayleigh-block-fading-loss-model.h',
        'model/sequential-c2-scheduler.h',
        'model/serving-c2-scheduler.h',
        'model/shelf-packing-c2-scheduler.h',
        'model/task-arrival-process.h',
        'model/multi-batch-c2-scheduler.h',
        'model/tree-search-c2-scheduler.h',
        'model/uplink-rate-model.h',
    ]

    if bld.env.ENABLE_EXAMPLES:
        bld.recurse('examples')
