#include "graphql/language/source_location.hpp"

#include <algorithm>

#include "graphql/language/utf8.hpp"

namespace cohort::graphql::language {

source_location locate(std::string_view source, std::uint32_t offset) {
  std::uint32_t line = 1;
  std::size_t line_start = 0;
  std::size_t end = offset < source.size() ? offset : source.size();
  for (std::size_t i = 0; i < end; ++i) {
    if (source[i] == '\n') {
      ++line;
      line_start = i + 1;
    } else if (source[i] == '\r') {
      ++line;
      if (i + 1 < source.size() && source[i + 1] == '\n') ++i;  // \r\n is one line break
      line_start = i + 1;
    }
  }
  if (line_start > offset) return {line, 0};  // offset between \r and \n, as graphql-js says
  auto column = utf16_length(source.substr(line_start, offset - line_start)) + 1;
  return {line, static_cast<std::uint32_t>(column)};
}

source_locator::source_locator(std::string_view source) : source_(source) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\r' && i + 1 < source.size() && source[i + 1] == '\n') ++i;
    if (source[i] == '\n' || source[i] == '\r') {
      line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
    }
  }
}

source_location source_locator::locate(std::uint32_t offset) const {
  // The last line starting at or before the offset (a \r\n counts once, as in `locate`).
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
  std::uint32_t line_start = line_starts_[line - 1];
  if (offset > source_.size()) offset = static_cast<std::uint32_t>(source_.size());
  auto column = utf16_length(source_.substr(line_start, offset - line_start)) + 1;
  return {line, static_cast<std::uint32_t>(column)};
}

}  // namespace cohort::graphql::language
