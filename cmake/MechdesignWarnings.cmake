# Compile options for mechdesign's own test and example targets (never for the INTERFACE library,
# whose users choose their own flags). Not installed.
#
#   mechdesign_target_options(<target>)
#
# Always: -Wall -Wextra -Wpedantic. MECHDESIGN_WERROR adds -Werror. MECHDESIGN_SANITIZE adds
# AddressSanitizer + UndefinedBehaviorSanitizer to compile and link, and makes every UBSan
# finding fatal. MECHDESIGN_TEST_ENGINE (automatic, glpk or clp) sets the default LP engine of
# every lp::solver_options in these targets (MECHDESIGN_DEFAULT_ENGINE), so that the whole suite
# can run on one engine.
include_guard(GLOBAL)

set(MECHDESIGN_TEST_ENGINE
    "automatic"
    CACHE STRING "Default LP engine of the tests and examples: automatic, glpk or clp")
set_property(CACHE MECHDESIGN_TEST_ENGINE PROPERTY STRINGS automatic glpk clp)
if(NOT MECHDESIGN_TEST_ENGINE MATCHES "^(automatic|glpk|clp)$")
  message(FATAL_ERROR "MECHDESIGN_TEST_ENGINE must be automatic, glpk or clp, not "
                      "'${MECHDESIGN_TEST_ENGINE}'")
endif()

function(mechdesign_target_options target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4 /permissive-)
    if(MECHDESIGN_WERROR)
      target_compile_options(${target} PRIVATE /WX)
    endif()
  else()
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(MECHDESIGN_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()

  if(NOT MECHDESIGN_TEST_ENGINE STREQUAL "automatic")
    target_compile_definitions(${target} PRIVATE MECHDESIGN_DEFAULT_ENGINE=${MECHDESIGN_TEST_ENGINE})
  endif()

  if(MECHDESIGN_SANITIZE)
    if(MSVC)
      message(FATAL_ERROR "MECHDESIGN_SANITIZE is only supported with GCC and Clang")
    endif()
    set(_mechdesign_sanitize_flags -fsanitize=address,undefined -fno-omit-frame-pointer
                                   -fno-sanitize-recover=all)
    target_compile_options(${target} PRIVATE ${_mechdesign_sanitize_flags})
    target_link_options(${target} PRIVATE ${_mechdesign_sanitize_flags})
  endif()
endfunction()
