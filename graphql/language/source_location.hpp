// Line and column of a byte offset, counted the way graphql-js counts them (1-based; a line ends
// at \n, \r\n or \r; the column counts UTF-16 code units) so error locations match Twenty's.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace cohort::graphql::language {

struct source_location {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  friend bool operator==(const source_location&, const source_location&) = default;
};

source_location locate(std::string_view source, std::uint32_t offset);

// For many lookups in one source (a list of validation errors): indexes line starts once, then
// each lookup costs a binary search and a scan of one line.
class source_locator {
 public:
  explicit source_locator(std::string_view source);
  source_location locate(std::uint32_t offset) const;

 private:
  std::string_view source_;
  std::vector<std::uint32_t> line_starts_;
};

}  // namespace cohort::graphql::language
