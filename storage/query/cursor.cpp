#include "storage/query/cursor.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "model/composite_types.hpp"
#include "storage/query/field_access.hpp"
#include "storage/query/query_failure.hpp"
#include "storage/query/sql_text.hpp"

namespace cohort::storage::query {
namespace {

constexpr std::string_view alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}

[[noreturn]] void invalid_cursor() {
  fail(bad_user_input("Invalid cursor", "INVALID_CURSOR"));
}

const boost::json::value* at_path(const boost::json::object& root,
                                  const std::vector<std::string>& path) {
  const boost::json::object* level = &root;
  const boost::json::value* found = nullptr;
  for (std::size_t i = 0; i < path.size(); ++i) {
    found = level->if_contains(path[i]);
    if (!found) return nullptr;
    if (i + 1 < path.size()) {
      if (!found->is_object()) return nullptr;
      level = &found->get_object();
    }
  }
  return found;
}

// Strictly after `value` on one key, in that key's direction and nulls placement.
std::string after_on_key(const sort_key& key, const std::optional<std::string>& param) {
  if (!param) return key.nulls_first ? key.expr + " IS NOT NULL" : "FALSE";
  std::string cmp = key.expr + (key.ascending ? " > " : " < ") + *param;
  if (!key.nulls_first && !key.not_null) cmp = "(" + cmp + " OR " + key.expr + " IS NULL)";
  return cmp;
}

// A key's value as JSON text inside the cursor, byte for byte what to_json(value)::text gives
// (COALESCE'd to null); a uuid never NULL is quoted by the text around it (cursor_sql). A uuid or
// the ISO text of a date is quoted directly: neither holds a
// character JSON escapes, and to_json's type lookup per value was the larger part of a cursor.
// to_char yields NULL for an infinite date, so those keep their COALESCE even when the column is
// NOT NULL; a float keeps to_json, which quotes NaN and Infinity where ::text does not.
std::string cursor_value_json(const std::string& expr, model::field_type type, bool not_null) {
  using model::field_type;
  if (type == field_type::uuid || type == field_type::date_time || type == field_type::date) {
    return "COALESCE('\"' || " + expr + " || '\"', 'null')";
  }
  if (not_null) return "to_json(" + expr + ")::text";
  return json_text_sql(expr);
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    out += alphabet[(v >> 6) & 63];
    out += alphabet[v & 63];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (rest == 2) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    out += rest == 2 ? alphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    const int v = sextet(c);
    if (v < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

std::string encode_cursor(const boost::json::object& values) {
  return base64_encode(boost::json::serialize(values));
}

std::optional<boost::json::object> decode_cursor(std::string_view cursor) {
  auto bytes = base64_decode(cursor);
  if (!bytes) return std::nullopt;
  boost::system::error_code ec;
  auto value = boost::json::parse(*bytes, ec);
  if (ec || !value.is_object()) return std::nullopt;
  return std::move(value.get_object());
}

std::string keyset_condition(compile_context& ctx, const std::vector<sort_key>& keys,
                             std::string_view cursor) {
  auto decoded = decode_cursor(cursor);
  if (!decoded) {
    fail(bad_user_input("Invalid cursor: " + std::string(cursor), "INVALID_CURSOR"));
  }
  std::vector<std::optional<std::string>> params;
  for (const auto& key : keys) {
    const auto* value = at_path(*decoded, key.path);
    if (!value || value->is_object() || value->is_array()) invalid_cursor();
    params.push_back(value->is_null() ? std::nullopt
                                      : std::optional(ctx.bind(scalar_text(*value), key.type_sql)));
  }
  // (k1 after c1) OR (k1 = c1 AND k2 after c2) OR ... — the lexicographic successor set.
  std::string out;
  std::string equal_prefix;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    std::string branch = after_on_key(keys[i], params[i]);
    if (branch != "FALSE") {
      if (!equal_prefix.empty()) branch = equal_prefix + " AND " + branch;
      if (!out.empty()) out += " OR ";
      out += "(" + branch + ")";
    }
    if (!equal_prefix.empty()) equal_prefix += " AND ";
    equal_prefix += params[i] ? keys[i].expr + " = " + *params[i] : keys[i].expr + " IS NULL";
  }
  if (out.empty()) return "FALSE";
  // A leading key without NULLs bounds the whole set: k1 >= c1 (or <=), a range an index on k1
  // reads from, instead of an OR no index can serve.
  if (keys.front().not_null && params.front()) {
    return "(" + keys.front().expr + (keys.front().ascending ? " >= " : " <= ") + *params.front() +
           " AND (" + out + "))";
  }
  return "(" + out + ")";
}

std::string cursor_sql(const std::vector<sort_key>& keys, const model::object_metadata& object,
                       const std::string& alias, const model::record_selection* node) {
  // Group the keys by their top-level name, in order of first appearance.
  std::vector<std::pair<std::string, std::vector<const sort_key*>>> groups;
  for (const auto& key : keys) {
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const auto& g) { return g.first == key.path.front(); });
    if (it == groups.end()) {
      groups.push_back({key.path.front(), {}});
      it = std::prev(groups.end());
    }
    it->second.push_back(&key);
  }
  std::string text;  // JSON text pieces so far (a literal being accumulated)
  std::string sql;
  auto flush_literal = [&] {
    if (text.empty()) return;
    if (!sql.empty()) sql += " || ";
    sql += literal(text);
    text.clear();
  };
  auto add_value = [&](const std::string& expr, model::field_type type, bool not_null) {
    // A uuid that is never NULL (the id) goes between the quotes of the text around it.
    const bool quoted = type == model::field_type::uuid && not_null;
    if (quoted) text += '"';
    flush_literal();
    sql += " || " + (quoted ? expr : cursor_value_json(expr, type, not_null));
    if (quoted) text = "\"";
  };
  text = "{";
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const auto& [name, members] = groups[g];
    if (g) text += ",";
    text += "\"" + name + "\":";
    if (members.front()->path.size() == 1) {
      add_value(members.front()->output, members.front()->type, members.front()->not_null);
      continue;
    }
    // Nested: the composite's ordered + selected subfields in subfield order, else the keys.
    struct sub_value {
      std::string name, expr;
      model::field_type type;
    };
    std::vector<sub_value> subs;
    const auto* field = object.find_field(name);
    const auto* composite = field ? model::find_composite_type(field->type) : nullptr;
    if (composite) {
      for (const auto& sub : composite->subfields) {
        bool wanted = std::any_of(members.begin(), members.end(),
                                  [&](const sort_key* k) { return k->path[1] == sub.name; });
        if (!wanted && node) {
          for (const auto& item : node->items) {
            if (item.k != model::projection_item::kind::composite || item.field != name) continue;
            for (const auto& [key, subfield] : item.subfields) wanted |= subfield == sub.name;
          }
        }
        if (wanted) {
          subs.push_back({std::string(sub.name),
                          output_expr(sub.type, column_ref(alias, model::composite_column_name(
                                                                      name, sub.name))),
                          sub.type});
        }
      }
    } else {
      for (const auto* member : members) {
        subs.push_back({member->path[1], member->output, member->type});
      }
    }
    text += "{";
    for (std::size_t s = 0; s < subs.size(); ++s) {
      if (s) text += ",";
      text += "\"" + subs[s].name + "\":";
      add_value(subs[s].expr, subs[s].type, false);
    }
    text += "}";
  }
  text += "}";
  flush_literal();
  return "replace(encode(convert_to(" + sql + ", 'UTF8'), 'base64'), E'\\n', '')";
}

}  // namespace cohort::storage::query
