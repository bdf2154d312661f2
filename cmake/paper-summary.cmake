# Reading edge-inference-paper's summary.csv in cmake -P test scripts
# (utils/check-paper-typeid.cmake, user-plugin/check-paper-plugin.cmake);
# installed with the package.
#
#   paper_completed_per_frame(SUMMARY_FILE LABEL_REGEX KEY OUT)
#
# sets OUT to the completed tasks per frame (fifth column) of the row whose
# label matches LABEL_REGEX and whose users,runs,frames columns are KEY
# (e.g. "20,2,5"); fails the script, showing the file, if there is none.
# The whole file is matched: CMake lists would not split rows holding
# brackets.
function(paper_completed_per_frame file label_regex key out)
  file(READ ${file} summary)
  if(NOT summary MATCHES "\n${label_regex},${key},([0-9.]+),")
    message(FATAL_ERROR "${file} has no row for ${label_regex},${key}:\n${summary}")
  endif()
  set(${out} ${CMAKE_MATCH_1} PARENT_SCOPE)
endfunction()
