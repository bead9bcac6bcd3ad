# cohort_layer(NAME [USES layer...] [LIBS target...] [PCH pch-target]): one static library per
# layer folder, built from every .cpp under that folder. A layer that must keep two kinds of code
# apart (api: Beast vs CAF) splits with TARGET (library name), SOURCES and EXCLUDE (a regex).
#
# Headers live beside their sources and are included as "<layer>/<path>.hpp". Each layer gets a
# private include root in the build tree that holds a single link, <root>/<layer> -> the layer's
# folder; a library publishes only that root. A layer therefore sees its own headers and those of
# the layers it USES (transitively), and an include of a layer above it fails to compile.

function(cohort_layer_include_root layer out)
  set(root "${PROJECT_BINARY_DIR}/layer-include/${layer}")
  if(NOT EXISTS "${root}/${layer}")
    file(MAKE_DIRECTORY "${root}")
    file(CREATE_LINK "${PROJECT_SOURCE_DIR}/${layer}" "${root}/${layer}" SYMBOLIC)
  endif()
  set(${out} "${root}" PARENT_SCOPE)
endfunction()

function(cohort_layer name)
  cmake_parse_arguments(L "" "PCH;EXCLUDE;TARGET" "USES;LIBS;SOURCES" ${ARGN})
  cohort_layer_include_root(${name} root)
  if(L_SOURCES)
    set(sources ${L_SOURCES})
  else()
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/${name}/*.cpp")
  endif()
  if(L_EXCLUDE)
    list(FILTER sources EXCLUDE REGEX "${L_EXCLUDE}")
  endif()
  set(target cohort_${name})
  if(L_TARGET)
    set(target ${L_TARGET})
  endif()
  if(sources)
    add_library(${target} STATIC ${sources})
    target_include_directories(${target} PUBLIC "${root}")
    set(scope PUBLIC)
    if(L_PCH)
      cohort_use_pch(${target} ${L_PCH})
    endif()
  else()
    add_library(${target} INTERFACE)
    target_include_directories(${target} INTERFACE "${root}")
    set(scope INTERFACE)
  endif()
  foreach(dep IN LISTS L_USES)
    target_link_libraries(${target} ${scope} cohort_${dep})
  endforeach()
  if(L_LIBS)
    target_link_libraries(${target} ${scope} ${L_LIBS})
  endif()
endfunction()
