# -*- Mode: python; py-indent-offset: 4; indent-tabs-mode: nil; coding: utf-8; -*-
# Build description for waf-based ns-3 (<= 3.35). CMakeLists.txt is the
# primary build; test/check-wscript-sync.py (a ctest test) fails when the
# file lists below drift from CMake's.


def configure(conf):
    conf.check_cxx(header_name='boost/math/special_functions/lambert_w.hpp',
                   uselib_store='BOOST_MATH', mandatory=True)
    conf.check_cxx(header_name='nlohmann/json.hpp',
                   uselib_store='NLOHMANN_JSON', mandatory=True)


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
    module.source = [
        'model/c2-allocation.cc',
        'model/c2-problem.cc',
        'model/c2-scenario.cc',
        'model/c2-scheduler.cc',
        'model/early-exit-profile.cc',
        'model/uplink-rate-model.cc',
    ]

    module_test = bld.create_ns3_module_test_library('edge-inference')
    module_test.source = [
        'test/early-exit-profile-test-suite.cc',
        'test/uplink-rate-model-test-suite.cc',
    ]

    headers = bld(features='ns3header')
    headers.module = 'edge-inference'
    headers.source = [
        'model/c2-allocation.h',
        'model/c2-problem.h',
        'model/c2-scenario.h',
        'model/c2-scheduler.h',
        'model/early-exit-profile.h',
        'model/edge-inference-error.h',
        'model/uplink-rate-model.h',
    ]

    if bld.env.ENABLE_EXAMPLES:
        bld.recurse('examples')
