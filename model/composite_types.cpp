#include "model/composite_types.hpp"

#include <array>

#include "model/names.hpp"

namespace cohort::model {
namespace {

using ft = field_type;

constexpr std::array<composite_subfield, 2> kFullName{{
    {.name = "firstName",
     .type = ft::text,
     .nullable = false,
     .default_literal = "''",
     .primary = true},
    {.name = "lastName", .type = ft::text, .nullable = false, .default_literal = "''"},
}};

constexpr std::array<composite_subfield, 2> kEmails{{
    {.name = "primaryEmail", .type = ft::text, .default_literal = "''", .primary = true},
    {.name = "additionalEmails", .type = ft::raw_json},
}};

constexpr std::array<composite_subfield, 4> kPhones{{
    {.name = "primaryPhoneNumber", .type = ft::text, .default_literal = "''", .primary = true},
    {.name = "primaryPhoneCountryCode", .type = ft::text, .default_literal = "''"},
    {.name = "primaryPhoneCallingCode", .type = ft::text, .default_literal = "''"},
    {.name = "additionalPhones", .type = ft::raw_json},
}};

constexpr std::array<composite_subfield, 3> kLinks{{
    {.name = "primaryLinkLabel", .type = ft::text, .default_literal = "''"},
    {.name = "primaryLinkUrl", .type = ft::text, .default_literal = "''", .primary = true},
    {.name = "secondaryLinks", .type = ft::raw_json},
}};

// 1.6.0 has no addressStreet3 (newer Twenty adds it).
constexpr std::array<composite_subfield, 8> kAddress{{
    {.name = "addressStreet1", .type = ft::text, .default_literal = "''", .primary = true},
    {.name = "addressStreet2", .type = ft::text, .default_literal = "''"},
    {.name = "addressCity", .type = ft::text, .default_literal = "''"},
    {.name = "addressPostcode", .type = ft::text, .default_literal = "''"},
    {.name = "addressState", .type = ft::text, .default_literal = "''"},
    {.name = "addressCountry", .type = ft::text, .default_literal = "''"},
    {.name = "addressLat", .type = ft::numeric},
    {.name = "addressLng", .type = ft::numeric},
}};

constexpr std::array<composite_subfield, 2> kCurrency{{
    {.name = "amountMicros", .type = ft::numeric, .primary = true},
    {.name = "currencyCode", .type = ft::text, .default_literal = "''"},
}};

constexpr std::array<composite_subfield, 4> kActor{{
    {.name = "source", .type = ft::select, .default_literal = "'MANUAL'", .primary = true},
    {.name = "workspaceMemberId", .type = ft::uuid, .hidden_on_write = true},
    {.name = "name", .type = ft::text, .default_literal = "'System'", .hidden_on_write = true},
    {.name = "context", .type = ft::raw_json},
}};

constexpr std::array<composite_subfield, 2> kRichTextV2{{
    {.name = "blocknote", .type = ft::text, .primary = true},
    {.name = "markdown", .type = ft::text},
}};

const std::array<composite_type, 8> kComposites{{
    {ft::full_name, "FullName", kFullName},
    {ft::emails, "Emails", kEmails},
    {ft::phones, "Phones", kPhones},
    {ft::links, "Links", kLinks},
    {ft::address, "Address", kAddress},
    {ft::currency, "Currency", kCurrency},
    {ft::actor, "Actor", kActor},
    {ft::rich_text_v2, "RichTextV2", kRichTextV2},
}};

constexpr std::array<std::string_view, 8> kActorSources{
    "EMAIL", "CALENDAR", "WORKFLOW", "API", "IMPORT", "MANUAL", "SYSTEM", "WEBHOOK"};

}  // namespace

const composite_subfield* composite_type::find(std::string_view subfield) const {
  for (const auto& s : subfields) {
    if (s.name == subfield) return &s;
  }
  return nullptr;
}

const composite_subfield* composite_type::primary_subfield() const {
  for (const auto& s : subfields) {
    if (s.primary) return &s;
  }
  return nullptr;
}

const composite_type* find_composite_type(field_type type) {
  for (const auto& c : kComposites) {
    if (c.type == type) return &c;
  }
  return nullptr;
}

std::span<const composite_type> all_composite_types() {
  return kComposites;
}

std::span<const std::string_view> actor_sources() {
  return kActorSources;
}

std::string composite_column_name(std::string_view field, std::string_view subfield) {
  return std::string(field) + capitalize(subfield);
}

std::vector<std::string> composite_column_names(std::string_view field, field_type type) {
  std::vector<std::string> out;
  if (const auto* c = find_composite_type(type)) {
    for (const auto& s : c->subfields) out.push_back(composite_column_name(field, s.name));
  }
  return out;
}

}  // namespace cohort::model
