# Runs a program and checks its exit status and what it printed, for
# command-line tests (ctest's WILL_FAIL accepts any non-zero status, a crash
# included, and PASS_REGULAR_EXPRESSION ignores the status).
#
#   cmake -D PROGRAM=path -D ARGS="a;b" -D EXIT_CODE=N
#         [-D STDOUT_REGEX=re] [-D STDERR_REGEX=re]
#         [-D STDERR_FIRST_LINE_REGEX=re] -P check-exit-status.cmake
#
# EXIT_CODE must match exactly (ABORT: the program aborted, e.g. through
# NS_ABORT_MSG); STDOUT_REGEX, if given, must match stdout;
# STDERR_REGEX, if given, must match stderr, which must then be one line
# (the programs' error messages are one line naming the problem).
# STDERR_FIRST_LINE_REGEX, if given, must match stderr's first line, which
# may be followed by more (ns-3's CommandLine prints its usage after an
# invalid argument).

execute_process(
  COMMAND ${PROGRAM} ${ARGS}
  RESULT_VARIABLE status
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
)
# EXIT_CODE=ABORT: the program aborted (CMake words this by version:
# "Child aborted", "Subprocess aborted").
if("${EXIT_CODE}" STREQUAL "ABORT" AND "${status}" MATCHES "aborted$")
  set(status ABORT)
endif()
if(NOT "${status}" STREQUAL "${EXIT_CODE}")
  message(FATAL_ERROR "expected exit status ${EXIT_CODE}, got ${status}\n"
                      "stdout: ${out}\nstderr: ${err}")
endif()
if(DEFINED STDOUT_REGEX AND NOT out MATCHES "${STDOUT_REGEX}")
  message(FATAL_ERROR "stdout does not match '${STDOUT_REGEX}':\n${out}")
endif()
if(DEFINED STDERR_REGEX)
  if(NOT err MATCHES "${STDERR_REGEX}")
    message(FATAL_ERROR "stderr does not match '${STDERR_REGEX}':\n${err}")
  endif()
  string(REGEX MATCHALL "\n" lines "${err}")
  list(LENGTH lines nlines)
  if(NOT nlines EQUAL 1)
    message(FATAL_ERROR "expected a one-line message on stderr, got ${nlines} lines:\n${err}")
  endif()
endif()
if(DEFINED STDERR_FIRST_LINE_REGEX)
  string(REGEX REPLACE "\n.*" "" first "${err}")
  if(NOT first MATCHES "${STDERR_FIRST_LINE_REGEX}")
    message(FATAL_ERROR "stderr's first line does not match '${STDERR_FIRST_LINE_REGEX}':\n${err}")
  endif()
endif()
message(STATUS "exit status ${status}")
