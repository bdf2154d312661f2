# The main experiment runs the plugin by TypeId, loaded at run time:
# edge-inference-paper --plugins=<the plugin library>
#   --schedulers=ns3::LargestSnrC2Scheduler[EarlyExit=true],TreeSearch
# must exit with status 0, say that it loaded the plugin's TypeId, and write
# a summary row for each scheduler. TreeSearch is the optimum of each frame
# (exact at the allocation level, where the plugin's rule is one candidate
# among those it searches), and the simulation completes what the plan
# predicts, so the plugin may not complete more than TreeSearch.
#
#   cmake -D PROGRAM=edge-inference-paper -D PLUGIN=lib.so -D OUTPUT=folder
#         -D HELPERS=<folder of paper-summary.cmake> -P check-paper-plugin.cmake

set(_plugin "ns3::LargestSnrC2Scheduler[EarlyExit=true]")
execute_process(
  COMMAND ${PROGRAM} --plugins=${PLUGIN} "--schedulers=${_plugin},TreeSearch" --users=20
          --frames=5 --runs=2 --RngRun=3 --output=${OUTPUT}
  RESULT_VARIABLE status
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "exit status ${status}\n${out}\n${err}")
endif()
if(NOT out MATCHES "Loaded scheduler plugin ns3::LargestSnrC2Scheduler\n")
  message(FATAL_ERROR "no line 'Loaded scheduler plugin ns3::LargestSnrC2Scheduler':\n${out}")
endif()
include(${HELPERS}/paper-summary.cmake)
paper_completed_per_frame(${OUTPUT}/summary.csv "ns3::LargestSnrC2Scheduler\\[EarlyExit=true\\]"
                          "20,2,5" plugin)
paper_completed_per_frame(${OUTPUT}/summary.csv "TreeSearch" "20,2,5" tree)
if(NOT plugin GREATER 0 OR plugin GREATER tree)
  message(FATAL_ERROR "${_plugin} completed ${plugin} per frame, TreeSearch ${tree}:"
                      " expected 0 < plugin <= TreeSearch")
endif()
message(STATUS "${_plugin}: ${plugin} completed tasks per frame; TreeSearch: ${tree}")
