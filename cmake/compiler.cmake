# Compiler settings shared by every target: warnings, ccache, sanitizers.

add_compile_options(-Wall -Wextra -Winvalid-pch)
# hiredis' pkg-config flags define this; every target (and so every precompiled header) must agree,
# or GCC silently ignores the PCH. It is the default on 64-bit Linux anyway.
add_compile_definitions(_FILE_OFFSET_BITS=64)

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  # Precompiled headers and ccache only get along with these sloppiness settings. BASEDIR makes
  # paths relative, so a fresh clone elsewhere (CI) hits the cache a developer's build filled.
  set(CMAKE_CXX_COMPILER_LAUNCHER
      ${CMAKE_COMMAND} -E env
      "CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime"
      "CCACHE_BASEDIR=${PROJECT_SOURCE_DIR}"
      ${CCACHE_PROGRAM})
endif()

if(COHORT_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# Precompiled headers. The heavy, stable headers (CAF, Asio/Beast, Boost.JSON, spdlog) are compiled
# once in cohort_pch_* and reused by every target of that kind through REUSE_FROM.
function(cohort_pch_library name)
  cmake_parse_arguments(P "" "" "HEADERS;LIBS" ${ARGN})
  set(src "${PROJECT_BINARY_DIR}/pch/${name}.cpp")
  if(NOT EXISTS "${src}")
    file(WRITE "${src}" "// translation unit that owns the ${name} precompiled header\n")
  endif()
  add_library(${name} STATIC "${src}")
  target_link_libraries(${name} PUBLIC ${P_LIBS})
  target_precompile_headers(${name} PRIVATE ${P_HEADERS})
endfunction()

# cohort_use_pch(TARGET PCH): TARGET reuses PCH's precompiled header.
function(cohort_use_pch target pch)
  target_precompile_headers(${target} REUSE_FROM ${pch})
  target_link_libraries(${target} PRIVATE ${pch})
endfunction()
