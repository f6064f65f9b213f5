# Shared by the packaging test drivers (run_find_package.cmake, run_add_subdirectory.cmake).
# Expects TEST_NAME, CONSUMER_SOURCE_DIR and WORK_DIR; optional CMAKE_GENERATOR,
# CMAKE_MAKE_PROGRAM, CMAKE_CXX_COMPILER and CONFIG are passed on to the consumer's build.

# Run a command; stop the test with its name and command line if it fails.
function(run_step what)
  message(STATUS "[${TEST_NAME}] ${what}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "[${TEST_NAME}] ${what} failed (${result}):\n  ${ARGN}")
  endif()
endfunction()

set(build "${WORK_DIR}/build")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

# --config for multi-config generators
set(config_args)
if(NOT "${CONFIG}" STREQUAL "")
  set(config_args --config "${CONFIG}")
endif()

# The consumer is configured with the same generator, make program, compiler and build type.
set(configure_args -S "${CONSUMER_SOURCE_DIR}" -B "${build}")
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
