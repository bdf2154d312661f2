# Runs a program and checks its exit status and its stderr, for command-line
# tests that must fail in a documented way (ctest's WILL_FAIL accepts any
# non-zero status, and PASS_REGULAR_EXPRESSION ignores the status).
#
#   cmake -D PROGRAM=path -D ARGS="a;b" -D EXIT_CODE=2 -D STDERR_REGEX=re
#         -P check-exit-status.cmake

execute_process(
  COMMAND ${PROGRAM} ${ARGS}
  RESULT_VARIABLE status
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
)
if(NOT "${status}" STREQUAL "${EXIT_CODE}")
  message(FATAL_ERROR "expected exit status ${EXIT_CODE}, got ${status}\n"
                      "stdout: ${out}\nstderr: ${err}")
endif()
if(NOT err MATCHES "${STDERR_REGEX}")
  message(FATAL_ERROR "stderr does not match '${STDERR_REGEX}':\n${err}")
endif()
string(REGEX MATCHALL "\n" lines "${err}")
list(LENGTH lines nlines)
if(NOT nlines EQUAL 1)
  message(FATAL_ERROR "expected a one-line message on stderr, got ${nlines} lines:\n${err}")
endif()
message(STATUS "exit status ${status}, stderr: ${err}")
