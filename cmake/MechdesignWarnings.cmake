# Compile options for mechdesign's own test and example targets (never for the INTERFACE library,
# whose users choose their own flags). Not installed.
#
#   mechdesign_target_options(<target>)
#
# Always: -Wall -Wextra -Wpedantic. MECHDESIGN_WERROR adds -Werror. MECHDESIGN_SANITIZE adds
# AddressSanitizer + UndefinedBehaviorSanitizer to compile and link, and makes every UBSan
# finding fatal.
include_guard(GLOBAL)

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
