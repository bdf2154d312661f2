# Standalone build support for the edge-inference module.
#
# Inside an ns-3 source tree (checked: 3.48), ns-3's own build system provides
# build_lib() and build_lib_example(). Outside it, this file provides the
# same two functions on top of the installed ns-3 CMake package (Debian's
# libns3-dev 3.37), so that one CMakeLists.txt serves both modes.
#
# What the shim does in standalone mode:
#  - finds ns-3 and maps the variables ns-3 modules use for their
#    dependencies (libcore, libnetwork, ...) to the imported targets;
#  - builds the module as a shared library;
#  - builds a test runner (ns-3's TestRunner with the module's TestSuites
#    compiled in) and registers one ctest test per TestSuite, discovered
#    from the runner's --list output after each build
#    (edge-inference-test-runner.cmake);
#  - builds examples (and tools declared with build_lib_example).

include(GNUInstallDirs)
include(${CMAKE_CURRENT_LIST_DIR}/edge-inference-test-runner.cmake)

set(CMAKE_CXX_STANDARD 17)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE Release CACHE STRING "Build type" FORCE)
endif()

find_package(ns3 3.37 REQUIRED)

# Debian's ns-3 targets carry no compile definitions: enable logging and
# asserts (the installed libraries are a release build with logging in).
add_compile_definitions(NS3_LOG_ENABLE NS3_ASSERT_ENABLE)

# Every module the installed package offers becomes ${lib<name>}.
foreach(
  _ns3mod
  antenna
  applications
  buildings
  config-store
  core
  csma
  flow-monitor
  internet
  internet-apps
  lte
  mobility
  network
  point-to-point
  propagation
  spectrum
  stats
  traffic-control
  wifi
)
  if(TARGET ns3::lib${_ns3mod})
    set(lib${_ns3mod} ns3::lib${_ns3mod})
  endif()
endforeach()

# The module's own code builds warning-free, as in ns-3's debug profile:
# -Wall -Wextra -Wpedantic, and warnings are errors unless
# EDGE_INFERENCE_WARNINGS_AS_ERRORS=OFF. ns-3's and LibTorch's headers are
# system headers here, so only the module's code is judged.
add_compile_options(-Wall -Wextra -Wpedantic)
option(EDGE_INFERENCE_WARNINGS_AS_ERRORS "Treat compiler warnings as errors" ON)
if(EDGE_INFERENCE_WARNINGS_AS_ERRORS)
  add_compile_options(-Werror)
endif()

# Sanitizer build (CI job and hardening): AddressSanitizer and
# UndefinedBehaviorSanitizer on the module's own code; any UB report is fatal.
option(EDGE_INFERENCE_SANITIZE "Build with -fsanitize=address,undefined" OFF)
if(EDGE_INFERENCE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer -g)
  add_link_options(-fsanitize=address,undefined)
endif()

set(ENABLE_EXAMPLES ON CACHE BOOL "Build the module's examples")
set(ENABLE_TESTS ON CACHE BOOL "Build the module's test runner")

# build_lib(LIBNAME name SOURCE_FILES ... HEADER_FILES ... LIBRARIES_TO_LINK
# ... TEST_SOURCES ...): the subset of ns-3's build_lib this module uses.
function(build_lib)
  cmake_parse_arguments(
    BLIB "IGNORE_PCH" "LIBNAME"
    "SOURCE_FILES;HEADER_FILES;LIBRARIES_TO_LINK;TEST_SOURCES;DEPRECATED_HEADER_FILES;MODULE_ENABLED_FEATURES"
    ${ARGN}
  )
  set(_lib ${BLIB_LIBNAME})
  add_library(${_lib} SHARED ${BLIB_SOURCE_FILES})
  target_link_libraries(${_lib} PUBLIC ${BLIB_LIBRARIES_TO_LINK})

  # ns-3 code includes module headers as "ns3/<header>.h": stage the
  # module's headers in the build tree under that prefix.
  set(_inc ${CMAKE_BINARY_DIR}/include)
  foreach(_h ${BLIB_HEADER_FILES})
    get_filename_component(_name ${_h} NAME)
    configure_file(${_h} ${_inc}/ns3/${_name} COPYONLY)
  endforeach()
  target_include_directories(
    ${_lib} PUBLIC $<BUILD_INTERFACE:${_inc}> $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>
  )
  # Programs built against the installed package (find_package) get the
  # same logging and asserts as the module's own code.
  target_compile_definitions(${_lib} INTERFACE NS3_LOG_ENABLE NS3_ASSERT_ENABLE)
  # Installed as ns3::lib<module>, the names of ns-3's own CMake package.
  set_target_properties(${_lib} PROPERTIES OUTPUT_NAME ns3-${_lib} EXPORT_NAME lib${_lib})
  # As in ns-3, ${lib<module>} names the module's library target.
  set(lib${_lib} ${_lib})
  set(lib${_lib} ${_lib} PARENT_SCOPE)

  if(ENABLE_TESTS AND BLIB_TEST_SOURCES)
    edge_inference_add_test_runner(
      NAME ${_lib}-test-runner SOURCES ${BLIB_TEST_SOURCES} LIBRARIES ${_lib}
    )
  endif()

  if(ENABLE_EXAMPLES AND EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/examples)
    add_subdirectory(examples)
  endif()
endfunction()

# build_lib_example(NAME name SOURCE_FILES ... LIBRARIES_TO_LINK ...)
function(build_lib_example)
  cmake_parse_arguments(
    BLIB_EXAMPLE "IGNORE_PCH" "NAME" "SOURCE_FILES;HEADER_FILES;LIBRARIES_TO_LINK"
    ${ARGN}
  )
  add_executable(${BLIB_EXAMPLE_NAME} ${BLIB_EXAMPLE_SOURCE_FILES})
  target_link_libraries(
    ${BLIB_EXAMPLE_NAME} PRIVATE ${BLIB_EXAMPLE_LIBRARIES_TO_LINK}
  )
endfunction()
