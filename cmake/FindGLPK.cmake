#[=======================================================================[.rst:
FindGLPK
--------

Finds the GNU Linear Programming Kit (GLPK), which ships no CMake package or pkg-config file
(Debian: ``libglpk-dev``).

Imported target
^^^^^^^^^^^^^^^

``GLPK::GLPK``
  The GLPK library, with its include directory as a usage requirement.

Result variables
^^^^^^^^^^^^^^^^

``GLPK_FOUND``         true if glpk.h and the library were found (and the version fits)
``GLPK_INCLUDE_DIRS``  directory containing ``glpk.h``
``GLPK_LIBRARIES``     the GLPK library to link
``GLPK_VERSION``       ``MAJOR.MINOR`` read from ``GLP_MAJOR_VERSION``/``GLP_MINOR_VERSION``

Cache variables
^^^^^^^^^^^^^^^

``GLPK_INCLUDE_DIR``, ``GLPK_LIBRARY``: set them (or ``GLPK_ROOT``) to point at a GLPK
installed outside the default search paths.
#]=======================================================================]

include(FindPackageHandleStandardArgs)

find_path(
  GLPK_INCLUDE_DIR
  NAMES glpk.h
  PATH_SUFFIXES glpk
  DOC "Directory containing glpk.h")
find_library(
  GLPK_LIBRARY
  NAMES glpk
  DOC "The GLPK library")

unset(GLPK_VERSION)
if(GLPK_INCLUDE_DIR AND EXISTS "${GLPK_INCLUDE_DIR}/glpk.h")
  file(STRINGS "${GLPK_INCLUDE_DIR}/glpk.h" _glpk_version_lines
       REGEX "^#[ \t]*define[ \t]+GLP_M(AJOR|INOR)_VERSION[ \t]+[0-9]+")
  foreach(_glpk_line IN LISTS _glpk_version_lines)
    if(_glpk_line MATCHES "GLP_MAJOR_VERSION[ \t]+([0-9]+)")
      set(_glpk_major "${CMAKE_MATCH_1}")
    elseif(_glpk_line MATCHES "GLP_MINOR_VERSION[ \t]+([0-9]+)")
      set(_glpk_minor "${CMAKE_MATCH_1}")
    endif()
  endforeach()
  if(DEFINED _glpk_major AND DEFINED _glpk_minor)
    set(GLPK_VERSION "${_glpk_major}.${_glpk_minor}")
  endif()
  unset(_glpk_version_lines)
  unset(_glpk_line)
  unset(_glpk_major)
  unset(_glpk_minor)
endif()

find_package_handle_standard_args(
  GLPK
  REQUIRED_VARS GLPK_LIBRARY GLPK_INCLUDE_DIR
  VERSION_VAR GLPK_VERSION)

if(GLPK_FOUND)
  set(GLPK_INCLUDE_DIRS "${GLPK_INCLUDE_DIR}")
  set(GLPK_LIBRARIES "${GLPK_LIBRARY}")
  if(NOT TARGET GLPK::GLPK)
    add_library(GLPK::GLPK UNKNOWN IMPORTED)
    set_target_properties(
      GLPK::GLPK PROPERTIES IMPORTED_LOCATION "${GLPK_LIBRARY}" INTERFACE_INCLUDE_DIRECTORIES
                                                                "${GLPK_INCLUDE_DIR}")
  endif()
endif()

mark_as_advanced(GLPK_INCLUDE_DIR GLPK_LIBRARY)
