#include "model/names.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

namespace cohort::model {
namespace {

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alnum(char c) {
  return is_upper(c) || is_lower(c) || is_digit(c);
}
bool is_word_char(char c) {
  return is_alnum(c) || c == '_';
}
char to_lower(char c) {
  return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}
char to_upper(char c) {
  return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c;
}

// lodash's ordinal words ("1st", "22ND"): digits, then the suffix matching the last digit, then a
// word boundary or a letter of the other case. Returns the length matched, 0 if none.
std::size_t match_ordinal(std::string_view s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size() && is_digit(s[j])) ++j;
  if (j + 2 > s.size()) return 0;
  const char d = s[j - 1];
  std::string_view suffix = d == '1' ? "st" : d == '2' ? "nd" : d == '3' ? "rd" : "th";
  const std::string_view found = s.substr(j, 2);
  const bool lower = found == suffix;
  const bool upper =
      found.size() == 2 && to_upper(suffix[0]) == found[0] && to_upper(suffix[1]) == found[1];
  if (!lower && !upper) return 0;
  const std::size_t end = j + 2;
  if (end == s.size() || !is_word_char(s[end])) return end - i;
  if (lower && (is_upper(s[end]) || s[end] == '_')) return end - i;
  if (upper && (is_lower(s[end]) || s[end] == '_')) return end - i;
  return 0;
}

// Splits the way lodash's `words` does for ASCII input: runs of letters and digits, cut at
// lower->upper and digit<->letter transitions, with an upper-case run ending before the last
// capital when a lower-case letter follows it ("URLName" -> "URL", "Name").
std::vector<std::string_view> lodash_words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (!is_alnum(c)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    if (is_digit(c)) {
      if (const std::size_t n = match_ordinal(s, i)) {
        j = i + n;
      } else {
        while (j < s.size() && is_digit(s[j])) ++j;
      }
    } else if (is_lower(c) || (j + 1 < s.size() && is_lower(s[j + 1]))) {
      j = is_upper(c) ? i + 1 : i;
      while (j < s.size() && is_lower(s[j])) ++j;
    } else {
      while (j < s.size() && is_upper(s[j])) ++j;
      // Leave the last capital to the next word when it starts a lower-case run.
      if (j < s.size() && is_lower(s[j]) && j - i > 1) --j;
    }
    words.push_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

constexpr std::string_view kReservedKeywords[] = {
    // Core entity names (they would collide with Twenty's own schema).
    "approvedAccessDomain", "approvedAccessDomains", "appToken", "appTokens", "billingCustomer",
    "billingCustomers", "billingEntitlement", "billingEntitlements", "billingMeter",
    "billingMeters", "billingProduct", "billingProducts", "billingSubscription",
    "billingSubscriptions", "billingSubscriptionItem", "billingSubscriptionItems", "featureFlag",
    "featureFlags", "keyValuePair", "keyValuePairs", "postgresCredential", "postgresCredentials",
    "twoFactorMethod", "twoFactorMethods", "user", "users", "userWorkspace", "userWorkspaces",
    "workspace", "workspaces", "role", "roles", "userWorkspaceRole", "userWorkspaceRoles",
    // Words the schema generator uses itself.
    "event", "events", "field", "fields", "link", "links", "currency", "currencies", "fullNames",
    "address", "addresses", "type", "types", "object", "objects", "index", "relation", "relations",
    "position", "positions"};

name_error make_error(name_error_code code, std::string message, std::string friendly = {}) {
  if (friendly.empty()) friendly = message;
  return name_error{code, std::move(message), std::move(friendly)};
}

}  // namespace

std::string capitalize(std::string_view name) {
  std::string out(name);
  if (!out.empty()) out[0] = to_upper(out[0]);
  return out;
}

object_type_names generated_names(std::string_view s, std::string_view p) {
  const std::string S = capitalize(s);
  const std::string P = capitalize(p);
  object_type_names n;
  n.object = S;
  n.connection = S + "Connection";
  n.edge = S + "Edge";
  n.filter_input = S + "FilterInput";
  n.order_by_input = S + "OrderByInput";
  n.create_input = S + "CreateInput";
  n.update_input = S + "UpdateInput";
  n.relation_input = S + "RelationInput";
  n.group_by_input = S + "GroupByInput";
  n.find_many = std::string(p);
  n.find_one = std::string(s);
  n.find_duplicates = std::string(s) + "Duplicates";
  n.create_one = "create" + S;
  n.create_many = "create" + P;
  n.update_one = "update" + S;
  n.update_many = "update" + P;
  n.delete_one = "delete" + S;
  n.delete_many = "delete" + P;
  n.destroy_one = "destroy" + S;
  n.destroy_many = "destroy" + P;
  n.restore_one = "restore" + S;
  n.restore_many = "restore" + P;
  n.merge_many = "merge" + P;
  return n;
}

std::string select_enum_name(std::string_view object_singular, std::string_view field) {
  return capitalize(object_singular) + capitalize(field) + "Enum";
}

std::string select_enum_filter_name(std::string_view object_singular, std::string_view field) {
  return select_enum_name(object_singular, field) + "Filter";
}

std::string join_column_name(std::string_view relation_field) {
  return std::string(relation_field) + "Id";
}

std::string lodash_camel_case(std::string_view name) {
  std::string out;
  bool first = true;
  for (std::string_view word : lodash_words(name)) {
    for (std::size_t i = 0; i < word.size(); ++i) {
      const char lower = to_lower(word[i]);
      out.push_back(i == 0 && !first ? to_upper(lower) : lower);
    }
    first = false;
  }
  return out;
}

bool is_reserved_keyword(std::string_view name) {
  return std::find(std::begin(kReservedKeywords), std::end(kReservedKeywords), name) !=
         std::end(kReservedKeywords);
}

std::optional<name_error> validate_metadata_name(std::string_view name) {
  std::string quoted;
  quoted.reserve(name.size() + 2);
  quoted.append(1, '"').append(name).append(1, '"');
  // Twenty 1.6.0 answers the literal "{name} should be in camelCase" (an un-interpolated
  // translation); we name the offending value.
  if (lodash_camel_case(name) != name) {
    return make_error(name_error_code::not_camel_case,
                      std::string(name) + " should be in camelCase");
  }
  if (is_reserved_keyword(name)) {
    return make_error(name_error_code::reserved_keyword, "The name " + quoted + " is not available",
                      "This name is not available.");
  }
  const bool valid_chars =
      !name.empty() && is_lower(name[0]) &&
      std::all_of(name.begin(), name.end(), [](char c) { return is_alnum(c); });
  if (!valid_chars) {
    return make_error(name_error_code::invalid_string,
                      "String " + quoted +
                          " is not valid: must start with lowercase letter and contain only "
                          "alphanumeric letters");
  }
  if (name.size() > max_metadata_name_length) {
    return make_error(name_error_code::too_long,
                      "String " + quoted + " exceeds 63 characters limit");
  }
  if (name.empty()) {
    return make_error(name_error_code::too_short, "Input is too short: " + quoted);
  }
  return std::nullopt;
}

std::optional<name_error> validate_object_names(std::string_view name_singular,
                                                std::string_view name_plural) {
  if (auto e = validate_metadata_name(name_singular)) return e;
  if (auto e = validate_metadata_name(name_plural)) return e;
  if (name_singular == name_plural) {
    return make_error(name_error_code::singular_equals_plural,
                      "The singular and plural name cannot be the same for an object");
  }
  return std::nullopt;
}

}  // namespace cohort::model
