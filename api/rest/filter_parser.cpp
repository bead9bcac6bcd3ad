#include "api/rest/filter_parser.hpp"

#include <array>
#include <boost/json/array.hpp>
#include <charconv>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "api/rest/field_path.hpp"

namespace cohort::api::rest {

namespace {

// The comparators Twenty's REST filter names in its message (endsWith is accepted as well: the
// filter input has it, only Twenty's REST list forgets it).
constexpr std::string_view listed_comparators =
    "eq, neq, in, containsAny, is, gt, gte, lt, lte, startsWith, like, ilike";
constexpr std::array<std::string_view, 13> comparators = {
    "eq", "neq", "in",         "containsAny", "is",   "gt",   "gte",
    "lt", "lte", "startsWith", "endsWith",    "like", "ilike"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A quote opens a quoted value only where a value starts (after ':', '[', ',', '(' or at the
// start), so that an apostrophe inside an unquoted value (O'Brien) is just a character.
bool opens_quote(std::string_view s, std::size_t i) {
  if (s[i] != '"' && s[i] != '\'') return false;
  std::size_t j = i;
  while (j > 0 && s[j - 1] == ' ') --j;
  return j == 0 || s[j - 1] == ':' || s[j - 1] == '[' || s[j - 1] == ',' || s[j - 1] == '(';
}

// Walks `s` outside quoted values, calling `on(i, depth)` for every unquoted character; depth
// counts parentheses and square brackets opened before it.
template <typename F>
void scan(std::string_view s, F&& on) {
  int depth = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (opens_quote(s, i)) {
      std::size_t close = s.find(s[i], i + 1);
      if (close == std::string_view::npos) return;  // the rest is one unterminated value
      i = close;
      continue;
    }
    char c = s[i];
    if (c == ')' || c == ']') --depth;
    on(i, depth);
    if (c == '(' || c == '[') ++depth;
  }
}

std::vector<std::string_view> split_top_level(std::string_view s) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  scan(s, [&](std::size_t i, int depth) {
    if (s[i] == ',' && depth == 0) {
      parts.push_back(trim(s.substr(start, i - start)));
      start = i + 1;
    }
  });
  parts.push_back(trim(s.substr(start)));
  return parts;
}

std::optional<rest_error> check_parentheses(std::string_view s) {
  int open = 0, close = 0;
  scan(s, [&](std::size_t i, int) {
    if (s[i] == '(') ++open;
    if (s[i] == ')') ++close;
  });
  if (open > close) {
    return bad_request("'filter' invalid. " + std::to_string(open - close) +
                       " close bracket is missing in the query");
  }
  if (close > open) {
    return bad_request("'filter' invalid. " + std::to_string(close - open) +
                       " open bracket is missing in the query");
  }
  return std::nullopt;
}

std::string_view unquote(std::string_view v) {
  v = trim(v);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
    return v.substr(1, v.size() - 2);
  }
  return v;
}

boost::json::value typed(std::string_view text, model::field_type type) {
  using model::field_type;
  if (type == field_type::number || type == field_type::numeric || type == field_type::position) {
    std::int64_t whole = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), whole);
    if (ec == std::errc() && end == text.data() + text.size() && !text.empty()) return whole;
    std::string copy(text);
    char* stop = nullptr;
    double real = std::strtod(copy.c_str(), &stop);
    if (!copy.empty() && stop && *stop == '\0') return real;
  }
  if (type == field_type::boolean) {
    if (text == "true") return true;
    if (text == "false") return false;
  }
  return boost::json::string(text);
}

struct parser {
  const model::object_metadata& object;
  std::optional<rest_error> error;

  boost::json::value fail(rest_error e) {
    if (!error) error = std::move(e);
    return nullptr;
  }

  boost::json::value leaf(std::string_view text) {
    auto malformed = [&] {
      return fail(
          bad_request("'filter' invalid for '" + std::string(text) + "'. eg: price[gte]:10"));
    };
    std::size_t open = text.find('[');
    std::size_t close = text.find("]:", open == std::string_view::npos ? 0 : open);
    if (open == std::string_view::npos || open == 0 || close == std::string_view::npos) {
      return malformed();
    }
    std::string_view path = trim(text.substr(0, open));
    std::string_view op = text.substr(open + 1, close - open - 1);
    std::string_view raw = text.substr(close + 2);
    if (op.empty()) return malformed();
    bool known = false;
    for (auto c : comparators) known = known || c == op;
    if (!known) {
      return fail(bad_request("'filter' invalid for '" + std::string(text) + "', comparator " +
                              std::string(op) + " not in " + std::string(listed_comparators)));
    }
    auto ref = resolve_field(object, path);
    if (!ref) return fail(bad_request(unknown_field_message(object, path)));

    boost::json::value value;
    if (op == "in" || op == "containsAny") {
      std::string_view list = trim(raw);
      if (list.size() < 2 || list.front() != '[' || list.back() != ']') {
        return fail(bad_request("'filter' invalid for '" + std::string(text) + "'. '" +
                                std::string(op) +
                                "' takes a list, eg: city[in]:[\"Paris\",\"Lyon\"]"));
      }
      boost::json::array items;
      std::string_view inner = trim(list.substr(1, list.size() - 2));
      if (!inner.empty()) {
        for (auto item : split_top_level(inner)) items.push_back(typed(unquote(item), ref->type));
      }
      value = std::move(items);
    } else if (op == "is") {
      value = boost::json::string(unquote(raw));
    } else {
      value = typed(unquote(raw), ref->type);
    }
    boost::json::object comparison{{op, std::move(value)}};
    if (ref->subfield) comparison = boost::json::object{{*ref->subfield, std::move(comparison)}};
    return boost::json::object{{ref->field, std::move(comparison)}};
  }

  // One expression: a conjunction whose parentheses span it, several comma-separated ones
  // (AND-ed), or a leaf.
  boost::json::value expression(std::string_view text) {
    text = trim(text);
    for (std::string_view conj : {"and", "or", "not"}) {
      if (text.size() < conj.size() + 2 || text.substr(0, conj.size()) != conj ||
          text[conj.size()] != '(' || text.back() != ')') {
        continue;
      }
      // The parenthesis after the name must close at the very end.
      std::size_t matching = std::string_view::npos;
      std::string_view body = text.substr(conj.size());
      scan(body, [&](std::size_t i, int depth) {
        if (body[i] == ')' && depth == 0 && matching == std::string_view::npos) matching = i;
      });
      if (matching != body.size() - 1) continue;
      boost::json::array children;
      for (auto part : split_top_level(body.substr(1, body.size() - 2))) {
        if (part.empty()) continue;
        children.push_back(expression(part));
      }
      if (conj != "not") return boost::json::object{{conj, std::move(children)}};
      if (children.size() == 1) return boost::json::object{{"not", std::move(children[0])}};
      return boost::json::object{{"not", boost::json::object{{"and", std::move(children)}}}};
    }
    auto parts = split_top_level(text);
    if (parts.size() == 1) return leaf(text);
    boost::json::array children;
    for (auto part : parts) {
      if (!part.empty()) children.push_back(expression(part));
    }
    return boost::json::object{{"and", std::move(children)}};
  }
};

}  // namespace

std::variant<boost::json::object, rest_error> parse_filter(std::string_view text,
                                                           const model::object_metadata& object) {
  text = trim(text);
  if (text.empty()) return boost::json::object{};
  if (auto e = check_parentheses(text)) return *e;
  parser p{object, std::nullopt};
  boost::json::value out = p.expression(text);
  if (p.error) return *p.error;
  return std::move(out.as_object());
}

}  // namespace cohort::api::rest
