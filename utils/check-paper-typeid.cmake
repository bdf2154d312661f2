# The paper experiment with schedulers named by TypeId and attributes: runs
# TreeSearch, ns3::ExhaustiveC2Scheduler[EarlyExit=true,MaxUsers=20] (two
# attributes: the list splits only outside brackets, and the label is a
# quoted CSV field) and ns3::ExhaustiveC2Scheduler[EarlyExit=false] on the
# same seeded drops.
# Exhaustive search with early exit is the optimum, and TreeSearch is exact
# on it, so both must complete the same number of tasks; without early exit
# the optimum is lower on these drops, which shows that the attribute was
# applied (EarlyExit is false by default).
#
#   cmake -D PROGRAM=path -D OUTPUT=folder -P check-paper-typeid.cmake

set(_ee "ns3::ExhaustiveC2Scheduler[EarlyExit=true,MaxUsers=20]")
set(_no_ee "ns3::ExhaustiveC2Scheduler[EarlyExit=false]")
execute_process(
  COMMAND ${PROGRAM} --users=16 --frames=10 --runs=1 --RngRun=5
          "--schedulers=TreeSearch,${_ee},${_no_ee}" --output=${OUTPUT}
  RESULT_VARIABLE status
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "exit status ${status}\n${out}\n${err}")
endif()
include(${CMAKE_CURRENT_LIST_DIR}/../cmake/paper-summary.cmake)
paper_completed_per_frame(${OUTPUT}/summary.csv "TreeSearch" "16,1,10" tree)
paper_completed_per_frame(${OUTPUT}/summary.csv
  "\"ns3::ExhaustiveC2Scheduler\\[EarlyExit=true,MaxUsers=20\\]\"" "16,1,10" ee)
paper_completed_per_frame(${OUTPUT}/summary.csv "ns3::ExhaustiveC2Scheduler\\[EarlyExit=false\\]"
  "16,1,10" no_ee)
if(NOT tree STREQUAL ee)
  message(FATAL_ERROR "TreeSearch completed ${tree} per frame, ${_ee} ${ee}")
endif()
if(NOT no_ee LESS ee)
  message(FATAL_ERROR "${_no_ee} completed ${no_ee} per frame, not fewer than ${_ee} (${ee}):"
                      " the attribute did not take effect")
endif()
message(STATUS "TreeSearch and ${_ee}: ${tree} completed tasks per frame; ${_no_ee}: ${no_ee}")
