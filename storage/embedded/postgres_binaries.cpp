#include "storage/embedded/postgres_binaries.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace cohort::storage::embedded {

namespace {

std::vector<long> version_parts(const std::string& name) {
  std::vector<long> parts;
  std::stringstream in(name);
  std::string piece;
  while (std::getline(in, piece, '.')) parts.push_back(std::strtol(piece.c_str(), nullptr, 10));
  return parts;
}

std::optional<std::filesystem::path> pg_config_bindir() {
  FILE* out = popen("pg_config --bindir 2>/dev/null", "r");
  if (!out) return std::nullopt;
  char line[4096] = {};
  bool got = fgets(line, sizeof line, out) != nullptr;
  pclose(out);
  if (!got) return std::nullopt;
  std::string dir(line);
  while (!dir.empty() && (dir.back() == '\n' || dir.back() == '\r')) dir.pop_back();
  if (dir.empty()) return std::nullopt;
  return std::filesystem::path(dir);
}

}  // namespace

bool has_server_binaries(const std::filesystem::path& dir) {
  return access((dir / "postgres").c_str(), X_OK) == 0 &&
         access((dir / "initdb").c_str(), X_OK) == 0;
}

std::vector<std::filesystem::path> newest_first(std::vector<std::filesystem::path> version_dirs) {
  std::sort(version_dirs.begin(), version_dirs.end(), [](const auto& a, const auto& b) {
    return version_parts(a.filename().string()) > version_parts(b.filename().string());
  });
  return version_dirs;
}

binaries_search find_postgres_binaries(const std::filesystem::path& preferred) {
  binaries_search search;
  auto consider = [&search](const std::filesystem::path& dir) {
    search.searched.push_back(dir);
    if (!search.bin_dir && has_server_binaries(dir)) search.bin_dir = dir;
    return search.bin_dir.has_value();
  };
  if (!preferred.empty()) {
    consider(preferred);
    return search;
  }
  std::error_code ec;
  std::vector<std::filesystem::path> versions;
  for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", ec)) {
    versions.push_back(entry.path());
  }
  for (const auto& version : newest_first(std::move(versions))) {
    if (consider(version / "bin")) return search;
  }
  if (auto dir = pg_config_bindir(); dir && consider(*dir)) return search;
  if (consider("/usr/local/pgsql/bin")) return search;
  if (const char* path = std::getenv("PATH")) {
    std::stringstream in(path);
    std::string dir;
    while (std::getline(in, dir, ':')) {
      if (!dir.empty() && consider(dir)) return search;
    }
  }
  return search;
}

}  // namespace cohort::storage::embedded
