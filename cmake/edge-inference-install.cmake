# "cmake --install" of the standalone build: the module's library and
# headers, a CMake package (find_package(edge-inference), imported target
# ns3::libedge-inference), the shipped profiles, and the two programs a user
# runs with plugins (edge-inference-paper, edge-inference-solve).
#
#   cmake --install build --prefix /opt/edge-inference
#   cmake -S my-project -B my-build -DCMAKE_PREFIX_PATH=/opt/edge-inference
#
# Layout under the prefix: lib/libns3-edge-inference.so, include/ns3/*.h,
# lib/cmake/edge-inference/, share/edge-inference/profiles/, bin/.

include(CMakePackageConfigHelpers)

set(_pkg_dir ${CMAKE_INSTALL_LIBDIR}/cmake/edge-inference)
set(EDGE_INFERENCE_INSTALL_DATADIR ${CMAKE_INSTALL_DATADIR}/edge-inference)

install(
  TARGETS edge-inference
  EXPORT edge-inference-targets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
)
# Not the problem-file reader's header: its code is in no installed library
# (edge-inference-solve reads problem files).
foreach(_h ${edge_inference_headers})
  if(NOT _h STREQUAL "model/c2-problem-json.h")
    install(FILES ${_h} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/ns3)
  endif()
endforeach()
install(
  EXPORT edge-inference-targets
  NAMESPACE ns3::
  DESTINATION ${_pkg_dir}
)

configure_package_config_file(
  ${CMAKE_CURRENT_SOURCE_DIR}/cmake/edge-inference-config.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/edge-inference-config.cmake
  INSTALL_DESTINATION ${_pkg_dir}
  PATH_VARS EDGE_INFERENCE_INSTALL_DATADIR
)
write_basic_package_version_file(
  ${CMAKE_CURRENT_BINARY_DIR}/edge-inference-config-version.cmake
  COMPATIBILITY SameMinorVersion
)
install(
  FILES ${CMAKE_CURRENT_BINARY_DIR}/edge-inference-config.cmake
        ${CMAKE_CURRENT_BINARY_DIR}/edge-inference-config-version.cmake
        ${CMAKE_CURRENT_SOURCE_DIR}/cmake/edge-inference-test-runner.cmake
        ${CMAKE_CURRENT_SOURCE_DIR}/cmake/discover-test-suites.cmake
        ${CMAKE_CURRENT_SOURCE_DIR}/cmake/check-exit-status.cmake
        ${CMAKE_CURRENT_SOURCE_DIR}/cmake/paper-summary.cmake
        ${CMAKE_CURRENT_SOURCE_DIR}/cmake/test-runner-main.cc
  DESTINATION ${_pkg_dir}
)
install(DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/data/profiles
        DESTINATION ${EDGE_INFERENCE_INSTALL_DATADIR})

# The programs find the installed library through their RPATH; they are
# imported targets too (ns3::edge-inference-paper), for projects' tests.
set(_programs edge-inference-paper edge-inference-solve)
foreach(_p ${_programs})
  if(TARGET ${_p})
    set_target_properties(${_p} PROPERTIES INSTALL_RPATH "$ORIGIN/../${CMAKE_INSTALL_LIBDIR}")
    install(TARGETS ${_p} EXPORT edge-inference-targets RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  endif()
endforeach()
