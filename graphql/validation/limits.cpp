// The protective limits of validate_options, counted as Twenty's
// useValidateGraphqlQueryComplexity counts them (fragments expanded, `__` fields left out) and
// refused with its messages. Fragment results are memoized, so a fragment spread many times costs
// once; a fragment cycle counts as nothing here (NoFragmentCycles reports it).
#include <algorithm>
#include <memory>
#include <unordered_map>

#include "graphql/validation/validate.hpp"

namespace cohort::graphql::validation {

namespace lang = language;

namespace {

struct tally {
  std::uint64_t fields = 0;
  std::uint64_t aliases = 0;
  std::uint64_t depth = 0;
  std::vector<std::string_view> root_names;
};

std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) {
  return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

class analyzer {
 public:
  explicit analyzer(const lang::document& document) {
    for (const auto* def : document.definitions()) {
      if (const auto* f = lang::as_if<lang::fragment_definition_node>(def)) {
        fragments_.try_emplace(f->name.value, f);
      }
    }
  }

  tally selection_set(const lang::selection_set_node& set, std::uint64_t depth) {
    tally out;
    out.depth = depth;
    for (const auto* selection : set.selections) {
      if (const auto* field = lang::as_if<lang::field_node>(selection)) {
        if (field->name.value.starts_with("__")) continue;
        out.fields = saturating_add(out.fields, 1);
        if (!field->alias.empty()) out.aliases = saturating_add(out.aliases, 1);
        out.depth = std::max(out.depth, depth + 1);
        if (depth == 0) out.root_names.push_back(field->name.value);
        if (field->selection_set != nullptr) {
          tally nested = selection_set(*field->selection_set, depth + 1);
          merge(out, nested, false);
        }
      } else if (const auto* inline_frag = lang::as_if<lang::inline_fragment_node>(selection)) {
        tally nested = selection_set(*inline_frag->selection_set, depth);
        merge(out, nested, true);
      } else {
        const auto* meta = fragment(lang::as<lang::fragment_spread_node>(*selection).name.value);
        if (meta == nullptr) continue;
        out.fields = saturating_add(out.fields, meta->fields);
        out.aliases = saturating_add(out.aliases, meta->aliases);
        out.depth = std::max(out.depth, saturating_add(depth, meta->depth));
        if (depth == 0) {
          out.root_names.insert(out.root_names.end(), meta->root_names.begin(),
                                meta->root_names.end());
        }
      }
    }
    return out;
  }

 private:
  static void merge(tally& out, const tally& nested, bool roots) {
    out.fields = saturating_add(out.fields, nested.fields);
    out.aliases = saturating_add(out.aliases, nested.aliases);
    out.depth = std::max(out.depth, nested.depth);
    if (roots)
      out.root_names.insert(out.root_names.end(), nested.root_names.begin(),
                            nested.root_names.end());
  }

  const tally* fragment(std::string_view name) {
    auto known = memo_.find(name);
    if (known != memo_.end()) return known->second.get();
    auto def = fragments_.find(name);
    if (def == fragments_.end()) return nullptr;
    memo_[name] = nullptr;  // in progress: a cycle back here counts as nothing
    auto result = std::make_unique<tally>(selection_set(*def->second->selection_set, 0));
    // Twenty keeps a fragment's root field names as a Set: deduplicated, first-seen order. This
    // also keeps nested spreads from multiplying the list.
    auto& names = result->root_names;
    std::vector<std::string_view> unique;
    for (auto n : names) {
      if (std::find(unique.begin(), unique.end(), n) == unique.end()) unique.push_back(n);
    }
    names = std::move(unique);
    auto& slot = memo_[name];
    slot = std::move(result);
    return slot.get();
  }

  std::unordered_map<std::string_view, const lang::fragment_definition_node*> fragments_;
  std::unordered_map<std::string_view, std::unique_ptr<tally>> memo_;
};

graphql_error refusal(std::string message) {
  return {std::move(message), {}};
}

}  // namespace

std::vector<graphql_error> check_limits(const lang::document& document,
                                        const validate_options& options) {
  analyzer analysis(document);
  std::uint64_t fields = 0;
  std::uint64_t aliases = 0;
  std::uint64_t depth = 0;
  std::uint64_t roots = 0;
  std::vector<std::string_view> root_names;
  for (const auto* def : document.definitions()) {
    const auto* op = lang::as_if<lang::operation_definition_node>(def);
    if (op == nullptr) continue;
    tally t = analysis.selection_set(*op->selection_set, 0);
    fields = saturating_add(fields, t.fields);
    aliases = saturating_add(aliases, t.aliases);
    depth = std::max(depth, t.depth);
    for (auto name : t.root_names) {
      ++roots;
      if (options.reject_duplicate_root_fields &&
          std::find(root_names.begin(), root_names.end(), name) != root_names.end()) {
        return {refusal("Duplicate root resolver: \"" + std::string(name) + "\"")};
      }
      root_names.push_back(name);
    }
  }
  auto n = [](std::uint64_t v) { return std::to_string(v); };
  if (options.max_depth != 0 && depth > options.max_depth) {
    return {refusal("Query too complex - Too many nested fields requested: " + n(depth) +
                    " - Maximum allowed nested fields: " + n(options.max_depth))};
  }
  if (options.max_fields != 0 && fields > options.max_fields) {
    return {refusal("Query too complex - Too many fields requested: " + n(fields) +
                    " - Maximum allowed fields: " + n(options.max_fields))};
  }
  if (options.max_root_fields != 0 && roots > options.max_root_fields) {
    return {refusal("Query too complex - Too many root resolvers requested: " + n(roots) +
                    " - Maximum allowed root resolvers: " + n(options.max_root_fields))};
  }
  if (options.max_aliases != 0 && aliases > options.max_aliases) {
    return {refusal("Query too complex - Too many aliases requested: " + n(aliases) +
                    " - Maximum allowed aliases: " + n(options.max_aliases))};
  }
  return {};
}

}  // namespace cohort::graphql::validation
