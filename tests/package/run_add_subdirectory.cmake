# CTest test package.add_subdirectory: configure, build and run a consumer that does
# add_subdirectory(<mechdesign source> mechdesign), and check that mechdesign, not being the
# top-level project there, added none of its tests, examples or install rules.
#
#   cmake -DMECHDESIGN_SOURCE_DIR=<mechdesign source> -DCONSUMER_SOURCE_DIR=<consumer>
#         -DWORK_DIR=<scratch dir, wiped> [-DCMAKE_GENERATOR=...] [-DCMAKE_MAKE_PROGRAM=...]
#         [-DCMAKE_CXX_COMPILER=...] [-DCONFIG=<build type>] -P run_add_subdirectory.cmake
cmake_minimum_required(VERSION 3.21)

foreach(var IN ITEMS MECHDESIGN_SOURCE_DIR CONSUMER_SOURCE_DIR WORK_DIR)
  if("${${var}}" STREQUAL "")
    message(FATAL_ERROR "run_add_subdirectory.cmake: -D${var}=... is required")
  endif()
endforeach()

function(run_step what)
  message(STATUS "[package.add_subdirectory] ${what}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "[package.add_subdirectory] ${what} failed (${result}):\n  ${ARGN}")
  endif()
endfunction()

set(build "${WORK_DIR}/build")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

set(config_args)
if(NOT "${CONFIG}" STREQUAL "")
  set(config_args --config "${CONFIG}")
endif()

# 1. Configure.
set(configure_args -S "${CONSUMER_SOURCE_DIR}" -B "${build}"
                   "-DMECHDESIGN_SOURCE_DIR=${MECHDESIGN_SOURCE_DIR}")
if(NOT "${CMAKE_GENERATOR}" STREQUAL "")
  list(APPEND configure_args -G "${CMAKE_GENERATOR}")
endif()
if(NOT "${CMAKE_MAKE_PROGRAM}" STREQUAL "")
  list(APPEND configure_args "-DCMAKE_MAKE_PROGRAM=${CMAKE_MAKE_PROGRAM}")
endif()
if(NOT "${CMAKE_CXX_COMPILER}" STREQUAL "")
  list(APPEND configure_args "-DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}")
endif()
if(NOT "${CONFIG}" STREQUAL "")
  list(APPEND configure_args "-DCMAKE_BUILD_TYPE=${CONFIG}")
endif()
run_step("configure consumer" "${CMAKE_COMMAND}" ${configure_args})

# 2. Build.
run_step("build consumer" "${CMAKE_COMMAND}" --build "${build}" ${config_args})

# 3. mechdesign is not top level here: nothing of its tests, examples or packaging may appear.
file(GLOB_RECURSE leaked LIST_DIRECTORIES true "${build}/*")
list(FILTER leaked INCLUDE REGEX
     "/[^/]*(mechdesign_tests|mechdesign_header_check|mechdesignConfig)[^/]*$")
foreach(dir IN ITEMS tests examples)
  if(EXISTS "${build}/mechdesign/${dir}")
    list(APPEND leaked "${build}/mechdesign/${dir}")
  endif()
endforeach()
if(leaked)
  list(JOIN leaked "\n  " leaked)
  message(FATAL_ERROR "[package.add_subdirectory] mechdesign built its own tests/examples/package "
                      "files although it is not the top-level project:\n  ${leaked}")
endif()

# 4. Run.
file(STRINGS "${build}/consumer_path-${CONFIG}.txt" consumer)
run_step("run consumer" "${consumer}")
message(STATUS "[package.add_subdirectory] OK")
