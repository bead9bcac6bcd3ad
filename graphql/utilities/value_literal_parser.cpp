#include "graphql/utilities/value_literal_parser.hpp"

#include <boost/json.hpp>

#include "graphql/utilities/print_string.hpp"

namespace cohort::graphql::utilities {

using type::literal_kind;

namespace {

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_name_continue(char c) {
  return is_name_start(c) || is_digit(c);
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xc0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xe0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else {
    out.push_back(static_cast<char>(0xf0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  }
}

int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// graphql-js dedentBlockStringLines, then joined with "\n".
std::string dedent_block_string(std::string_view raw) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\n' || raw[i] == '\r') {
      lines.push_back(raw.substr(start, i - start));
      if (raw[i] == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  lines.push_back(raw.substr(start));
  std::size_t common = std::string_view::npos;
  std::optional<std::size_t> first_non_empty;
  std::size_t last_non_empty = 0;
  bool any = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::size_t indent = 0;
    while (indent < lines[i].size() && (lines[i][indent] == ' ' || lines[i][indent] == '\t')) {
      ++indent;
    }
    if (indent == lines[i].size()) continue;
    if (!first_non_empty) first_non_empty = i;
    last_non_empty = i;
    any = true;
    if (i != 0 && indent < common) common = indent;
  }
  std::string out;
  if (!any) return out;
  for (std::size_t i = *first_non_empty; i <= last_non_empty; ++i) {
    if (i != *first_non_empty) out.push_back('\n');
    std::string_view line = lines[i];
    if (i != 0 && common != std::string_view::npos)
      line = line.substr(std::min(common, line.size()));
    out.append(line.data(), line.size());
  }
  return out;
}

class parser {
 public:
  explicit parser(std::string_view source) : src_(source) {}

  literal_parse_result run() {
    auto node = value();
    if (!node) return {std::nullopt, error_};
    skip_ignored();
    if (pos_ != src_.size())
      return {std::nullopt, "Unexpected character at " + std::to_string(pos_)};
    return {std::move(node), {}};
  }

 private:
  void skip_ignored() {
    while (pos_ < src_.size()) {
      char c = src_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',') {
        ++pos_;
      } else if (c == '#') {
        while (pos_ < src_.size() && src_[pos_] != '\n' && src_[pos_] != '\r') ++pos_;
      } else if (src_.substr(pos_, 3) == "\xef\xbb\xbf") {
        pos_ += 3;
      } else {
        break;
      }
    }
  }

  std::optional<literal_node> fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    return std::nullopt;
  }

  std::optional<literal_node> value() {
    skip_ignored();
    if (pos_ >= src_.size()) return fail("Unexpected end of value");
    char c = src_[pos_];
    if (c == '[') return list();
    if (c == '{') return object();
    if (c == '"') return string();
    if (c == '$') {
      ++pos_;
      literal_node n{literal_kind::variable, name(), false, {}, {}};
      if (n.text.empty()) return fail("Expected variable name");
      return n;
    }
    if (c == '-' || is_digit(c)) return number();
    if (is_name_start(c)) {
      std::string word = name();
      if (word == "true" || word == "false")
        return literal_node{literal_kind::boolean_value, word, false, {}, {}};
      if (word == "null") return literal_node{literal_kind::null_value, word, false, {}, {}};
      return literal_node{literal_kind::enum_value, word, false, {}, {}};
    }
    return fail(std::string("Unexpected character \"") + c + "\"");
  }

  std::string name() {
    std::size_t start = pos_;
    if (pos_ < src_.size() && is_name_start(src_[pos_])) {
      while (pos_ < src_.size() && is_name_continue(src_[pos_])) ++pos_;
    }
    return std::string(src_.substr(start, pos_ - start));
  }

  std::optional<literal_node> list() {
    ++pos_;
    literal_node n{literal_kind::list_value, {}, false, {}, {}};
    while (true) {
      skip_ignored();
      if (pos_ >= src_.size()) return fail("Unterminated list");
      if (src_[pos_] == ']') {
        ++pos_;
        return n;
      }
      auto item = value();
      if (!item) return std::nullopt;
      n.items.push_back(std::move(*item));
    }
  }

  std::optional<literal_node> object() {
    ++pos_;
    literal_node n{literal_kind::object_value, {}, false, {}, {}};
    while (true) {
      skip_ignored();
      if (pos_ >= src_.size()) return fail("Unterminated object");
      if (src_[pos_] == '}') {
        ++pos_;
        return n;
      }
      std::string key = name();
      if (key.empty()) return fail("Expected field name");
      skip_ignored();
      if (pos_ >= src_.size() || src_[pos_] != ':') return fail("Expected \":\"");
      ++pos_;
      auto v = value();
      if (!v) return std::nullopt;
      n.fields.push_back({std::move(key), std::move(*v)});
    }
  }

  std::optional<literal_node> number() {
    std::size_t start = pos_;
    bool is_float = false;
    if (src_[pos_] == '-') ++pos_;
    if (pos_ < src_.size() && src_[pos_] == '0') {
      ++pos_;
      if (pos_ < src_.size() && is_digit(src_[pos_]))
        return fail("Invalid number, unexpected digit after 0");
    } else {
      if (pos_ >= src_.size() || !is_digit(src_[pos_])) return fail("Invalid number");
      while (pos_ < src_.size() && is_digit(src_[pos_])) ++pos_;
    }
    if (pos_ < src_.size() && src_[pos_] == '.') {
      is_float = true;
      ++pos_;
      if (pos_ >= src_.size() || !is_digit(src_[pos_])) return fail("Invalid number");
      while (pos_ < src_.size() && is_digit(src_[pos_])) ++pos_;
    }
    if (pos_ < src_.size() && (src_[pos_] == 'e' || src_[pos_] == 'E')) {
      is_float = true;
      ++pos_;
      if (pos_ < src_.size() && (src_[pos_] == '+' || src_[pos_] == '-')) ++pos_;
      if (pos_ >= src_.size() || !is_digit(src_[pos_])) return fail("Invalid number");
      while (pos_ < src_.size() && is_digit(src_[pos_])) ++pos_;
    }
    if (pos_ < src_.size() && (src_[pos_] == '.' || is_name_start(src_[pos_]))) {
      return fail("Invalid number");
    }
    return literal_node{is_float ? literal_kind::float_value : literal_kind::int_value,
                        std::string(src_.substr(start, pos_ - start)),
                        false,
                        {},
                        {}};
  }

  std::optional<literal_node> string() {
    if (src_.substr(pos_, 3) == "\"\"\"") return block_string();
    ++pos_;
    std::string out;
    while (pos_ < src_.size()) {
      char c = src_[pos_];
      if (c == '"') {
        ++pos_;
        return literal_node{literal_kind::string_value, std::move(out), false, {}, {}};
      }
      if (c == '\n' || c == '\r') return fail("Unterminated string");
      if (c != '\\') {
        out.push_back(c);
        ++pos_;
        continue;
      }
      if (++pos_ >= src_.size()) break;
      char e = src_[pos_++];
      switch (e) {
        case '"':
          out.push_back('"');
          break;
        case '\\':
          out.push_back('\\');
          break;
        case '/':
          out.push_back('/');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'u': {
          auto cp = unicode_escape();
          if (!cp) return fail("Invalid Unicode escape sequence");
          append_utf8(out, *cp);
          break;
        }
        default:
          return fail(std::string("Invalid character escape sequence: \"\\") + e + "\"");
      }
    }
    return fail("Unterminated string");
  }

  std::optional<char32_t> hex4() {
    if (pos_ + 4 > src_.size()) return std::nullopt;
    char32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      int h = hex_value(src_[pos_ + i]);
      if (h < 0) return std::nullopt;
      v = v * 16 + static_cast<char32_t>(h);
    }
    pos_ += 4;
    return v;
  }

  std::optional<char32_t> unicode_escape() {
    if (pos_ < src_.size() && src_[pos_] == '{') {
      ++pos_;
      char32_t v = 0;
      std::size_t digits = 0;
      while (pos_ < src_.size() && src_[pos_] != '}') {
        int h = hex_value(src_[pos_++]);
        if (h < 0 || ++digits > 8) return std::nullopt;
        v = v * 16 + static_cast<char32_t>(h);
      }
      if (pos_ >= src_.size() || digits == 0 || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) {
        return std::nullopt;
      }
      ++pos_;
      return v;
    }
    auto v = hex4();
    if (!v) return std::nullopt;
    if (*v >= 0xd800 && *v <= 0xdbff) {
      // A leading surrogate must be followed by an escaped trailing one.
      if (src_.substr(pos_, 2) != "\\u") return std::nullopt;
      pos_ += 2;
      auto low = hex4();
      if (!low || *low < 0xdc00 || *low > 0xdfff) return std::nullopt;
      return 0x10000 + ((*v - 0xd800) << 10) + (*low - 0xdc00);
    }
    if (*v >= 0xdc00 && *v <= 0xdfff) return std::nullopt;
    return v;
  }

  std::optional<literal_node> block_string() {
    pos_ += 3;
    std::string raw;
    while (pos_ < src_.size()) {
      if (src_.substr(pos_, 3) == "\"\"\"") {
        pos_ += 3;
        return literal_node{literal_kind::string_value, dedent_block_string(raw), true, {}, {}};
      }
      if (src_.substr(pos_, 4) == "\\\"\"\"") {
        raw += "\"\"\"";
        pos_ += 4;
        continue;
      }
      raw.push_back(src_[pos_++]);
    }
    return fail("Unterminated string");
  }

  std::string_view src_;
  std::size_t pos_ = 0;
  std::string error_;
};

}  // namespace

literal_parse_result parse_value_literal(std::string_view source) {
  return parser(source).run();
}

std::string print_literal_node(const literal_node& node) {
  switch (node.kind) {
    case literal_kind::variable:
      return "$" + node.text;
    case literal_kind::string_value:
      return node.block ? print_block_string(node.text) : print_string(node.text);
    case literal_kind::list_value: {
      std::string out = "[";
      for (std::size_t i = 0; i < node.items.size(); ++i) {
        if (i) out += ", ";
        out += print_literal_node(node.items[i]);
      }
      return out + "]";
    }
    case literal_kind::object_value: {
      std::string out = "{";
      for (std::size_t i = 0; i < node.fields.size(); ++i) {
        if (i) out += ", ";
        out += node.fields[i].first + ": " + print_literal_node(node.fields[i].second);
      }
      return out + "}";
    }
    default:
      return node.text;
  }
}

boost::json::value untyped_literal_value(const literal_node& node) {
  switch (node.kind) {
    case literal_kind::list_value: {
      boost::json::array a;
      for (const auto& item : node.items) a.push_back(untyped_literal_value(item));
      return a;
    }
    case literal_kind::object_value: {
      boost::json::object o;
      for (const auto& [key, value] : node.fields) o[key] = untyped_literal_value(value);
      return o;
    }
    case literal_kind::variable:
      return nullptr;
    default:
      return type::untyped_value(literal_view(node, nullptr));
  }
}

type::value_literal literal_view(const literal_node& node, const boost::json::value* untyped) {
  type::value_literal view;
  view.kind = node.kind;
  view.text = node.text;
  view.block = node.block;
  view.untyped = untyped;
  view.print = [&node] { return print_literal_node(node); };
  return view;
}

}  // namespace cohort::graphql::utilities
