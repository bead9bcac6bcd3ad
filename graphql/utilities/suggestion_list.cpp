#include "graphql/utilities/suggestion_list.hpp"

#include <algorithm>
#include <optional>

namespace cohort::graphql::utilities {

namespace {

// UTF-16 code units, as JavaScript's charCodeAt sees a string.
std::u16string to_utf16(std::string_view s) {
  std::u16string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp;
    std::size_t len;
    if (c < 0x80) {
      cp = c;
      len = 1;
    } else if ((c >> 5) == 6) {
      cp = c & 0x1f;
      len = 2;
    } else if ((c >> 4) == 14) {
      cp = c & 0x0f;
      len = 3;
    } else if ((c >> 3) == 30) {
      cp = c & 0x07;
      len = 4;
    } else {
      cp = 0xfffd;
      len = 1;
    }
    for (std::size_t k = 1; k < len; ++k) {
      cp = i + k < s.size() ? (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f) : 0xfffd;
    }
    i += len;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xd800 + (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xdc00 + (cp & 0x3ff)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
  }
  return out;
}

std::u16string to_lower(std::u16string s) {
  for (auto& c : s) {
    if (c >= u'A' && c <= u'Z') c = static_cast<char16_t>(c + 32);
  }
  return s;
}

class lexical_distance {
 public:
  explicit lexical_distance(std::string_view input)
      : input_(input), input_lower_(to_lower(to_utf16(input))) {}

  std::optional<std::size_t> measure(std::string_view option, std::size_t threshold) {
    if (input_ == option) return 0;
    std::u16string option_lower = to_lower(to_utf16(option));
    if (input_lower_ == option_lower) return 1;  // any case change counts as one edit

    const std::u16string* a = &option_lower;
    const std::u16string* b = &input_lower_;
    if (a->size() < b->size()) std::swap(a, b);
    const std::size_t a_len = a->size();
    const std::size_t b_len = b->size();
    if (a_len - b_len > threshold) return std::nullopt;

    for (auto& row : rows_) row.assign(b_len + 1, 0);
    for (std::size_t j = 0; j <= b_len; ++j) rows_[0][j] = j;
    for (std::size_t i = 1; i <= a_len; ++i) {
      auto& up = rows_[(i - 1) % 3];
      auto& cur = rows_[i % 3];
      std::size_t smallest = cur[0] = i;
      for (std::size_t j = 1; j <= b_len; ++j) {
        std::size_t cost = (*a)[i - 1] == (*b)[j - 1] ? 0 : 1;
        std::size_t cell = std::min({up[j] + 1, cur[j - 1] + 1, up[j - 1] + cost});
        if (i > 1 && j > 1 && (*a)[i - 1] == (*b)[j - 2] && (*a)[i - 2] == (*b)[j - 1]) {
          cell = std::min(cell, rows_[(i - 2) % 3][j - 2] + 1);  // transposition
        }
        smallest = std::min(smallest, cell);
        cur[j] = cell;
      }
      if (smallest > threshold) return std::nullopt;
    }
    std::size_t distance = rows_[a_len % 3][b_len];
    if (distance <= threshold) return distance;
    return std::nullopt;
  }

 private:
  std::string_view input_;
  std::u16string input_lower_;
  std::vector<std::size_t> rows_[3];
};

bool is_digit(char16_t c) {
  return c >= u'0' && c <= u'9';
}

}  // namespace

int natural_compare(std::string_view a_str, std::string_view b_str) {
  std::u16string a = to_utf16(a_str), b = to_utf16(b_str);
  std::size_t ai = 0, bi = 0;
  auto at = [](const std::u16string& s, std::size_t i) -> int {
    return i < s.size() ? s[i] : -1;  // NaN past the end in JavaScript
  };
  while (ai < a.size() && bi < b.size()) {
    int ac = a[ai], bc = b[bi];
    if (is_digit(static_cast<char16_t>(ac)) && is_digit(static_cast<char16_t>(bc))) {
      double an = 0, bn = 0;
      do {
        ++ai;
        an = an * 10 + (ac - '0');
        ac = at(a, ai);
      } while (ac >= '0' && ac <= '9' && an > 0);
      do {
        ++bi;
        bn = bn * 10 + (bc - '0');
        bc = at(b, bi);
      } while (bc >= '0' && bc <= '9' && bn > 0);
      if (an < bn) return -1;
      if (an > bn) return 1;
    } else {
      if (ac < bc) return -1;
      if (ac > bc) return 1;
      ++ai;
      ++bi;
    }
  }
  return static_cast<int>(a.size()) - static_cast<int>(b.size());
}

std::vector<std::string> suggestion_list(std::string_view input,
                                         const std::vector<std::string_view>& options) {
  lexical_distance distance(input);
  const std::size_t threshold = to_utf16(input).size() * 4 / 10 + 1;
  std::vector<std::pair<std::string_view, std::size_t>> found;
  for (auto option : options) {
    if (auto d = distance.measure(option, threshold)) {
      // An object keyed by option: a repeated option keeps one entry with its last distance.
      auto it = std::find_if(found.begin(), found.end(),
                             [&](const auto& f) { return f.first == option; });
      if (it != found.end()) {
        it->second = *d;
      } else {
        found.emplace_back(option, *d);
      }
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& x, const auto& y) {
    if (x.second != y.second) return x.second < y.second;
    return natural_compare(x.first, y.first) < 0;
  });
  std::vector<std::string> out;
  out.reserve(found.size());
  for (auto& f : found) out.emplace_back(f.first);
  return out;
}

std::string did_you_mean(std::string_view sub_message,
                         const std::vector<std::string>& suggestions) {
  if (suggestions.empty()) return "";
  std::string message = " Did you mean ";
  if (!sub_message.empty()) {
    message += sub_message;
    message += ' ';
  }
  auto quoted = [](const std::string& s) { return "\"" + s + "\""; };
  if (suggestions.size() == 1) return message + quoted(suggestions[0]) + "?";
  if (suggestions.size() == 2) {
    return message + quoted(suggestions[0]) + " or " + quoted(suggestions[1]) + "?";
  }
  std::size_t n = std::min<std::size_t>(5, suggestions.size());
  for (std::size_t i = 0; i + 1 < n; ++i) message += quoted(suggestions[i]) + ", ";
  return message + "or " + quoted(suggestions[n - 1]) + "?";
}

}  // namespace cohort::graphql::utilities
