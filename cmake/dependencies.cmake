# Imported targets for the Debian packages listed in scripts/install-deps.

find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
find_package(OpenSSL REQUIRED)

# CAF 0.17.6 ships no CMake config and no .pc file.
find_path(CAF_INCLUDE_DIR caf/all.hpp REQUIRED)
find_library(CAF_CORE_LIBRARY caf_core REQUIRED)
find_library(CAF_IO_LIBRARY caf_io REQUIRED)
add_library(CAF::core UNKNOWN IMPORTED)
set_target_properties(CAF::core PROPERTIES IMPORTED_LOCATION "${CAF_CORE_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${CAF_INCLUDE_DIR}" INTERFACE_LINK_LIBRARIES Threads::Threads)
add_library(CAF::io UNKNOWN IMPORTED)
set_target_properties(CAF::io PROPERTIES IMPORTED_LOCATION "${CAF_IO_LIBRARY}"
  INTERFACE_LINK_LIBRARIES CAF::core)

find_package(Boost 1.81 CONFIG REQUIRED COMPONENTS json system)

# msgpack-c++ is unpacked into third_party/ by scripts/install-deps (see DESIGN.md).
list(APPEND CMAKE_PREFIX_PATH "${PROJECT_SOURCE_DIR}/third_party/msgpack/usr")
find_package(msgpack 4.1 CONFIG REQUIRED)
add_library(cohort_msgpack INTERFACE)
target_link_libraries(cohort_msgpack INTERFACE msgpackc-cxx)
target_compile_definitions(cohort_msgpack INTERFACE MSGPACK_NO_BOOST)

find_package(spdlog REQUIRED)
find_package(PostgreSQL REQUIRED)
pkg_check_modules(HIREDIS REQUIRED IMPORTED_TARGET hiredis)
pkg_check_modules(ARGON2 REQUIRED IMPORTED_TARGET libargon2)
pkg_check_modules(OATH REQUIRED IMPORTED_TARGET liboath)

if(COHORT_BUILD_TESTS)
  find_package(GTest REQUIRED)
  include(GoogleTest)
endif()

# Precompiled header sets (see cohort_pch_library in compiler.cmake).
cohort_pch_library(cohort_pch_base
  HEADERS <string> <vector> <map> <unordered_map> <memory> <functional> <optional> <variant>
          <chrono> <boost/json.hpp> <spdlog/spdlog.h>
  LIBS Boost::json spdlog::spdlog)
cohort_pch_library(cohort_pch_caf
  HEADERS <string> <vector> <map> <unordered_map> <memory> <functional> <optional> <variant>
          <chrono> <boost/json.hpp> <spdlog/spdlog.h> <caf/all.hpp> <caf/io/all.hpp>
  LIBS CAF::io Boost::json spdlog::spdlog)
cohort_pch_library(cohort_pch_net
  HEADERS <string> <vector> <map> <unordered_map> <memory> <functional> <optional> <variant>
          <chrono> <boost/json.hpp> <spdlog/spdlog.h> <boost/asio.hpp> <boost/beast.hpp>
  LIBS Boost::json Boost::system spdlog::spdlog)
