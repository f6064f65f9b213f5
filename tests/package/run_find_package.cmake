# CTest test package.find_package: install this build tree's mechdesign into a fresh prefix, then
# configure, build and run a consumer that does find_package(mechdesign) against that prefix.
#
#   cmake -DMECHDESIGN_BINARY_DIR=<build dir of mechdesign> -DCONSUMER_SOURCE_DIR=<consumer>
#         -DWORK_DIR=<scratch dir, wiped> [-DCMAKE_GENERATOR=...] [-DCMAKE_MAKE_PROGRAM=...]
#         [-DCMAKE_CXX_COMPILER=...] [-DCONFIG=<build type>] -P run_find_package.cmake
cmake_minimum_required(VERSION 3.21)

foreach(var IN ITEMS MECHDESIGN_BINARY_DIR CONSUMER_SOURCE_DIR WORK_DIR)
  if("${${var}}" STREQUAL "")
    message(FATAL_ERROR "run_find_package.cmake: -D${var}=... is required")
  endif()
endforeach()

set(TEST_NAME package.find_package)
include("${CMAKE_CURRENT_LIST_DIR}/common.cmake")

set(prefix "${WORK_DIR}/prefix")

# 1. Install.
run_step("install into ${prefix}" "${CMAKE_COMMAND}" --install "${MECHDESIGN_BINARY_DIR}" --prefix
         "${prefix}" ${config_args})

file(GLOB_RECURSE package_configs "${prefix}/*/mechdesignConfig.cmake")
list(LENGTH package_configs n_configs)
if(NOT n_configs EQUAL 1)
  message(FATAL_ERROR "[package.find_package] expected one installed mechdesignConfig.cmake, "
                      "found ${n_configs}: ${package_configs}")
endif()
get_filename_component(package_dir "${package_configs}" DIRECTORY)
foreach(file IN ITEMS mechdesignConfigVersion.cmake mechdesignTargets.cmake FindGLPK.cmake)
  if(NOT EXISTS "${package_dir}/${file}")
    message(FATAL_ERROR "[package.find_package] ${file} not installed next to the config "
                        "(${package_dir})")
  endif()
endforeach()
if(NOT EXISTS "${prefix}/include/mechdesign/mechdesign.hpp")
  message(FATAL_ERROR "[package.find_package] headers not installed under ${prefix}/include")
endif()

# 2. Configure the consumer against the prefix only (no package registry, no build tree).
list(APPEND configure_args "-DCMAKE_PREFIX_PATH=${prefix}" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
run_step("configure consumer" "${CMAKE_COMMAND}" ${configure_args})

file(STRINGS "${build}/CMakeCache.txt" found_dir REGEX "^mechdesign_DIR:")
string(REGEX REPLACE "^[^=]*=" "" found_dir "${found_dir}")
if(NOT found_dir STREQUAL package_dir)
  message(FATAL_ERROR "[package.find_package] consumer found mechdesign in '${found_dir}', "
                      "expected the fresh install in '${package_dir}'")
endif()

# 3. Build and run.
run_step("build consumer" "${CMAKE_COMMAND}" --build "${build}" ${config_args})
file(STRINGS "${build}/consumer_path-${CONFIG}.txt" consumer)
run_step("run consumer" "${consumer}")
message(STATUS "[package.find_package] OK")
