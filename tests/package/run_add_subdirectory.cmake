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

set(TEST_NAME package.add_subdirectory)
include("${CMAKE_CURRENT_LIST_DIR}/common.cmake")


# 1. Configure.
list(APPEND configure_args "-DMECHDESIGN_SOURCE_DIR=${MECHDESIGN_SOURCE_DIR}")
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
