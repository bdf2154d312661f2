# CMake functions for tests, used by the module's standalone build and
# provided by the installed package (find_package(edge-inference)).
#
# edge_inference_add_test_runner(): a test runner for ns-3 TestSuites, with
# one ctest test per suite.
#
#   edge_inference_add_test_runner(NAME <runner> SOURCES <files...>
#                                  [LIBRARIES <targets...>])
#
# builds the executable <runner> from ns-3's TestRunner (a one-line main) and
# the given TestSuite sources, linked to LIBRARIES. TestSuites register
# themselves through static objects, so their sources are compiled into the
# runner itself, where the linker cannot drop them. After every build the
# runner is asked for its suites (--list) and one ctest test per suite is
# written, run with --verbose so that a failing check's message shows under
# ctest --output-on-failure.
#
#   edge_inference_expect_output(NAME <test> TARGET <program> REGEX <re>
#                                [ARGS <args...>])
#   edge_inference_expect_failure(NAME <test> TARGET <program> STATUS <n>
#                                 REGEX <re> [ARGS <args...>])
#
# add a ctest test that runs the program with the arguments and checks its
# exit status exactly (0, or STATUS) and its stdout (REGEX), or its one-line
# error message on stderr (REGEX), with check-exit-status.cmake: unlike
# ctest's WILL_FAIL and PASS_REGULAR_EXPRESSION, a crash never passes.

set(EDGE_INFERENCE_TEST_RUNNER_DIR ${CMAKE_CURRENT_LIST_DIR})

function(edge_inference_add_test_runner)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT ARG_NAME OR NOT ARG_SOURCES)
    message(FATAL_ERROR "edge_inference_add_test_runner: NAME and SOURCES are required")
  endif()
  add_executable(${ARG_NAME} ${EDGE_INFERENCE_TEST_RUNNER_DIR}/test-runner-main.cc ${ARG_SOURCES})
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_LIBRARIES})
  set(_suites ${CMAKE_CURRENT_BINARY_DIR}/${ARG_NAME}-suites.cmake)
  add_custom_command(
    TARGET ${ARG_NAME}
    POST_BUILD
    COMMAND ${CMAKE_COMMAND} -D RUNNER=$<TARGET_FILE:${ARG_NAME}> -D OUTPUT=${_suites} -P
            ${EDGE_INFERENCE_TEST_RUNNER_DIR}/discover-test-suites.cmake
    VERBATIM
  )
  # Until the runner has been built, ctest reports one failing test rather
  # than silently running none.
  if(NOT EXISTS ${_suites})
    file(WRITE ${_suites} "add_test(${ARG_NAME}-not-built ${CMAKE_COMMAND} -E false)\n")
  endif()
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${_suites})
endfunction()

# _edge_inference_status_test(NAME TARGET STATUS STREAM REGEX ARGS...)
function(_edge_inference_status_test name target status stream regex)
  add_test(NAME ${name}
           COMMAND ${CMAKE_COMMAND} -D PROGRAM=$<TARGET_FILE:${target}> "-DARGS=${ARGN}"
                   -D EXIT_CODE=${status} "-D${stream}_REGEX=${regex}"
                   -P ${EDGE_INFERENCE_TEST_RUNNER_DIR}/check-exit-status.cmake)
endfunction()

function(edge_inference_expect_output)
  cmake_parse_arguments(ARG "" "NAME;TARGET;REGEX" "ARGS" ${ARGN})
  _edge_inference_status_test(${ARG_NAME} ${ARG_TARGET} 0 STDOUT "${ARG_REGEX}" ${ARG_ARGS})
endfunction()

function(edge_inference_expect_failure)
  cmake_parse_arguments(ARG "" "NAME;TARGET;STATUS;REGEX" "ARGS" ${ARGN})
  _edge_inference_status_test(${ARG_NAME} ${ARG_TARGET} ${ARG_STATUS} STDERR "${ARG_REGEX}"
                              ${ARG_ARGS})
endfunction()
