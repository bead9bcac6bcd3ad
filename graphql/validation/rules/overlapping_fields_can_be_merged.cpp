// graphql-js OverlappingFieldsCanBeMergedRule (16.15): fields that share a response name in one
// selection (through fragments too) must be the same field with the same arguments and
// compatible types, unless their parents are distinct object types; sub-selections are merged and
// compared recursively. Work is kept polynomial the way graphql-js keeps it: fields collected once
// per (parent type, selection set), fragment/field-set and fragment/fragment comparisons
// memoized, overlaps cached per pair of collections, argument values compared through a cached
// canonical form, and a complexity budget that aborts validation past 500000 steps.
#include <deque>
#include <memory>
#include <unordered_map>

#include "graphql/validation/rules/rule_support.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace cohort::graphql::validation::rules {

namespace lang = language;
using type::type_ref;

namespace {

constexpr std::size_t max_conflict_detail_length = 1000;
constexpr std::size_t max_conflict_nodes = 20;
constexpr std::int64_t max_complexity_budget = 500000;

struct field_details {
  const type::named_type* parent_type = nullptr;
  const lang::field_node* node = nullptr;
  const type::field_definition* definition = nullptr;
  bool simple_leaf = false;
};

struct collected_fields;

struct overlap {
  std::string_view response_name;
  const std::vector<field_details>* fields1;
  const std::vector<field_details>* fields2;
};

// graphql-js CollectFieldsResult: fields grouped by response name in first-seen order, and the
// fragment names spread (deduplicated, in order).
struct collected_fields {
  std::vector<std::pair<std::string_view, std::vector<field_details>>> groups;
  std::unordered_map<std::string_view, std::size_t> group_index;
  std::vector<std::string_view> fragment_names;
  // Fragment name -> whether the comparison done was under mutually exclusive parents.
  std::unordered_map<std::string_view, bool> compared_fragments;
  std::unordered_map<const collected_fields*, std::vector<overlap>> overlapping;

  const std::vector<field_details>* find(std::string_view name) const {
    auto it = group_index.find(name);
    return it == group_index.end() ? nullptr : &groups[it->second].second;
  }
};

struct conflict {
  std::string response_name;
  std::string reason;
  std::vector<const lang::node*> fields1;
  std::vector<const lang::node*> fields2;
};

std::string abbreviate(std::string text) {
  if (text.size() > max_conflict_detail_length) {
    text.resize(max_conflict_detail_length);
    text += "...";
  }
  return text;
}

struct pair_hash {
  std::size_t operator()(const std::pair<const void*, const void*>& p) const {
    return std::hash<const void*>()(p.first) * 31 + std::hash<const void*>()(p.second);
  }
};

class overlapping_fields_rule final : public rule {
 public:
  explicit overlapping_fields_rule(validation_context& c) : rule(c) {
    enter_mask = bit(lang::node_kind::selection_set);
  }

  bool enter(const lang::node& n) override {
    const auto* parent = context_.ancestor(1);
    if (parent != nullptr && parent->kind == lang::node_kind::inline_fragment) return true;
    const auto& set = lang::as<lang::selection_set_node>(n);
    if (set.selections.size() <= 1 &&
        (set.selections.empty() || set.selections[0]->kind != lang::node_kind::inline_fragment)) {
      return true;
    }
    std::vector<conflict> conflicts;
    find_within(context_.types().parent_type(), set, conflicts);
    for (auto& c : conflicts) {
      std::vector<const lang::node*> nodes = std::move(c.fields1);
      nodes.insert(nodes.end(), c.fields2.begin(), c.fields2.end());
      context_.report("Fields \"" + abbreviate(c.response_name) + "\" conflict because " +
                          c.reason +
                          ". Use different aliases on the fields to fetch both if this was "
                          "intentional.",
                      nodes);
    }
    return true;
  }

 private:
  void spend(std::int64_t cost) {
    budget_ -= cost;
    if (budget_ < 0) context_.abort_validation();
  }

  // ---- collecting fields ----

  collected_fields& collect(const type::named_type* parent, const lang::selection_set_node& set) {
    auto& slot = cache_[{parent, &set}];
    if (slot) return *slot;
    slot = std::make_unique<collected_fields>();
    std::unordered_map<std::string_view, bool> seen_fragments;
    collect_into(parent, set, *slot, seen_fragments);
    return *slot;
  }

  void collect_into(const type::named_type* parent, const lang::selection_set_node& set,
                    collected_fields& out, std::unordered_map<std::string_view, bool>& seen) {
    for (const auto* selection : set.selections) {
      if (const auto* field = lang::as_if<lang::field_node>(selection)) {
        const type::field_definition* def = nullptr;
        if (const auto* fields = type::as_fields_type(parent))
          def = fields->field(field->name.value);
        auto key = field->response_key();
        auto [it, inserted] = out.group_index.try_emplace(key, out.groups.size());
        if (inserted) out.groups.emplace_back(key, std::vector<field_details>{});
        out.groups[it->second].second.push_back(
            {parent, field, def, field->arguments.empty() && field->selection_set == nullptr});
      } else if (const auto* spread = lang::as_if<lang::fragment_spread_node>(selection)) {
        if (seen.try_emplace(spread->name.value, true).second) {
          out.fragment_names.push_back(spread->name.value);
        }
      } else {
        const auto& inline_frag = lang::as<lang::inline_fragment_node>(*selection);
        const type::named_type* t = parent;
        if (inline_frag.type_condition != nullptr) {
          auto ref = type_from_ast(context_.schema(), *inline_frag.type_condition);
          t = ref.empty() ? nullptr : ref.named();
        }
        collect_into(t, *inline_frag.selection_set, out, seen);
      }
    }
  }

  collected_fields& collect_fragment(const lang::fragment_definition_node& fragment) {
    auto ref = type_from_ast(context_.schema(), *fragment.type_condition);
    return collect(ref.empty() ? nullptr : ref.named(), *fragment.selection_set);
  }

  // ---- comparing ----

  void find_within(const type::named_type* parent, const lang::selection_set_node& set,
                   std::vector<conflict>& conflicts) {
    auto& fields = collect(parent, set);
    for (const auto& [name, group] : fields.groups) {
      for (std::size_t i = 0; i < group.size(); ++i) {
        for (std::size_t j = i + 1; j < group.size(); ++j) {
          find_conflict(false, name, group[i], group[j], conflicts);
        }
      }
    }
    const auto& names = fields.fragment_names;
    if (names.empty() || (fields.groups.empty() && names.size() < 2)) return;
    for (std::size_t i = 0; i < names.size(); ++i) {
      between_fields_and_fragment(false, fields, names[i], conflicts);
      for (std::size_t j = i + 1; j < names.size(); ++j) {
        between_fragments(false, names[i], names[j], conflicts);
      }
    }
  }

  void between_fields_and_fragment(bool exclusive, collected_fields& fields,
                                   std::string_view fragment_name,
                                   std::vector<conflict>& conflicts) {
    spend(1);
    if (fields.groups.empty()) return;
    auto [it, inserted] = fields.compared_fragments.try_emplace(fragment_name, exclusive);
    if (!inserted) {
      // Only a non-exclusive comparison can stand in for a later one.
      if (!it->second || exclusive) return;
      it->second = exclusive;
    }
    const auto* fragment = context_.fragment(fragment_name);
    if (fragment == nullptr) return;
    auto& other = collect_fragment(*fragment);
    if (&other == &fields) return;
    between(exclusive, fields, other, conflicts);
    // Copy: comparing may collect more fields and grow the cache, never this list.
    std::vector<std::string_view> referenced = other.fragment_names;
    for (auto name : referenced) between_fields_and_fragment(exclusive, fields, name, conflicts);
  }

  bool compared_pair(std::string_view a, std::string_view b, bool exclusive) const {
    auto has = [&](std::string_view x, std::string_view y) {
      auto it = compared_pairs_.find(x);
      if (it == compared_pairs_.end()) return false;
      auto jt = it->second.find(y);
      if (jt == it->second.end()) return false;
      return exclusive || !jt->second;
    };
    return has(a, b) || has(b, a);
  }

  void between_fragments(bool exclusive, std::string_view name1, std::string_view name2,
                         std::vector<conflict>& conflicts) {
    spend(2);
    if (name1 == name2) return;
    if (compared_pair(name1, name2, exclusive)) return;
    compared_pairs_[name1][name2] = exclusive;
    const auto* fragment1 = context_.fragment(name1);
    const auto* fragment2 = context_.fragment(name2);
    if (fragment1 == nullptr || fragment2 == nullptr) return;
    auto& fields1 = collect_fragment(*fragment1);
    auto& fields2 = collect_fragment(*fragment2);
    between(exclusive, fields1, fields2, conflicts);
    std::vector<std::string_view> referenced2 = fields2.fragment_names;
    for (auto name : referenced2) between_fragments(exclusive, name1, name, conflicts);
    std::vector<std::string_view> referenced1 = fields1.fragment_names;
    for (auto name : referenced1) between_fragments(exclusive, name, name2, conflicts);
  }

  std::vector<conflict> between_sub_selections(bool exclusive, const type::named_type* parent1,
                                               const lang::selection_set_node& set1,
                                               const type::named_type* parent2,
                                               const lang::selection_set_node& set2) {
    std::vector<conflict> conflicts;
    auto& fields1 = collect(parent1, set1);
    auto& fields2 = collect(parent2, set2);
    between(exclusive, fields1, fields2, conflicts);
    std::vector<std::string_view> names1 = fields1.fragment_names;
    std::vector<std::string_view> names2 = fields2.fragment_names;
    for (auto name : names2) between_fields_and_fragment(exclusive, fields1, name, conflicts);
    for (auto name : names1) between_fields_and_fragment(exclusive, fields2, name, conflicts);
    for (auto a : names1) {
      for (auto b : names2) between_fragments(exclusive, a, b, conflicts);
    }
    return conflicts;
  }

  const std::vector<overlap>& overlapping(collected_fields& fields1,
                                          const collected_fields& fields2) {
    auto [it, inserted] = fields1.overlapping.try_emplace(&fields2);
    if (!inserted) return it->second;
    for (const auto& [name, group] : fields1.groups) {
      spend(1);
      if (const auto* other = fields2.find(name)) it->second.push_back({name, &group, other});
    }
    return it->second;
  }

  void between(bool exclusive, collected_fields& fields1, const collected_fields& fields2,
               std::vector<conflict>& conflicts) {
    if (fields1.groups.empty() || fields2.groups.empty()) return;
    // Field vectors live in cached collections that are never modified once built.
    std::vector<overlap> overlaps = overlapping(fields1, fields2);
    for (const auto& o : overlaps) {
      for (const auto& f1 : *o.fields1) {
        for (const auto& f2 : *o.fields2)
          find_conflict(exclusive, o.response_name, f1, f2, conflicts);
      }
    }
  }

  bool types_conflict(type_ref a, type_ref b) {
    if (a == b) return false;
    spend(1);
    if (a.is_list()) return b.is_list() ? types_conflict(a.of_type(), b.of_type()) : true;
    if (b.is_list()) return true;
    if (a.is_non_null()) return b.is_non_null() ? types_conflict(a.of_type(), b.of_type()) : true;
    if (b.is_non_null()) return true;
    if (a.named()->is_leaf_type() || b.named()->is_leaf_type()) return a.named() != b.named();
    return false;
  }

  void find_conflict(bool parents_exclusive, std::string_view response_name,
                     const field_details& f1, const field_details& f2,
                     std::vector<conflict>& conflicts) {
    bool exclusive = parents_exclusive || (f1.parent_type != f2.parent_type &&
                                           f1.parent_type != nullptr && f2.parent_type != nullptr &&
                                           f1.parent_type->kind() == type::type_kind::object &&
                                           f2.parent_type->kind() == type::type_kind::object);
    spend(2);
    const auto* def1 = f1.definition;
    const auto* def2 = f2.definition;
    bool same_type = (def1 == nullptr && def2 == nullptr) ||
                     (def1 != nullptr && def2 != nullptr && def1->type == def2->type);
    if (f1.simple_leaf && f2.simple_leaf && same_type &&
        f1.node->name.value == f2.node->name.value) {
      return;
    }
    if (!exclusive) {
      std::string reason;
      auto name1 = f1.node->name.value;
      auto name2 = f2.node->name.value;
      if (name1 != name2) {
        reason = "\"" + abbreviate(std::string(name1)) + "\" and \"" +
                 abbreviate(std::string(name2)) + "\" are different fields";
      } else if (!same_arguments(f1.node->arguments, f2.node->arguments)) {
        reason = "they have differing arguments";
      }
      if (!reason.empty()) {
        conflicts.push_back({std::string(response_name), std::move(reason), {f1.node}, {f2.node}});
        return;
      }
    }
    if (def1 != nullptr && def2 != nullptr && types_conflict(def1->type, def2->type)) {
      conflicts.push_back({std::string(response_name),
                           "they return conflicting types \"" + def1->type.to_string() +
                               "\" and \"" + def2->type.to_string() + "\"",
                           {f1.node},
                           {f2.node}});
      return;
    }
    if (f1.node->selection_set != nullptr && f2.node->selection_set != nullptr) {
      auto sub = between_sub_selections(
          exclusive, def1 ? def1->type.named() : nullptr, *f1.node->selection_set,
          def2 ? def2->type.named() : nullptr, *f2.node->selection_set);
      if (sub.empty()) return;
      std::string message;
      for (const auto& c : sub) {
        if (!message.empty()) message += " and ";
        message += "subfields \"" + abbreviate(c.response_name) + "\" conflict because " + c.reason;
        if (message.size() > max_conflict_detail_length) break;
      }
      conflicts.push_back({std::string(response_name), abbreviate(std::move(message)),
                           conflict_nodes(f1.node, sub, true),
                           conflict_nodes(f2.node, sub, false)});
    }
  }

  static std::vector<const lang::node*> conflict_nodes(const lang::node* field,
                                                       const std::vector<conflict>& sub,
                                                       bool first) {
    std::vector<const lang::node*> nodes{field};
    for (const auto& c : sub) {
      const auto& side = first ? c.fields1 : c.fields2;
      std::size_t remaining = max_conflict_nodes - nodes.size();
      std::size_t take = std::min(remaining, side.size());
      nodes.insert(nodes.end(), side.end() - static_cast<long>(take), side.end());
      if (nodes.size() == max_conflict_nodes) break;
    }
    return nodes;
  }

  bool same_arguments(const lang::node_span<lang::argument_node>& args1,
                      const lang::node_span<lang::argument_node>& args2) {
    if (args1.empty()) return args2.empty();
    if (args1.size() != args2.size()) return false;
    for (const auto& a1 : args1) {
      spend(1);
      const lang::value_node* v2 = nullptr;
      for (const auto& a2 : args2) {
        if (a2.name.value == a1.name.value) v2 = a2.value;  // the last of a name, as a Map keeps
      }
      if (v2 == nullptr) return false;
      if (canonical(*a1.value) != canonical(*v2)) return false;
    }
    return true;
  }

  // An injective text form of a value literal standing in for graphql-js's stringifyValue: equal
  // exactly when graphql-js's JSON forms are equal (object fields sorted by name, block strings
  // distinct from quoted ones).
  const std::string& canonical(const lang::value_node& v) {
    auto [it, inserted] = canonical_.try_emplace(&v);
    if (inserted) append_canonical(v, it->second);
    return it->second;
  }

  static void append_text(std::string& out, std::string_view s) {
    out += std::to_string(s.size());
    out.push_back(':');
    out.append(s);
  }

  static void append_canonical(const lang::value_node& v, std::string& out) {
    switch (v.kind) {
      case lang::node_kind::variable:
        out.push_back('$');
        append_text(out, lang::as<lang::variable_node>(v).name.value);
        break;
      case lang::node_kind::int_value:
        out.push_back('i');
        append_text(out, lang::as<lang::int_value_node>(v).value);
        break;
      case lang::node_kind::float_value:
        out.push_back('f');
        append_text(out, lang::as<lang::float_value_node>(v).value);
        break;
      case lang::node_kind::string_value: {
        const auto& s = lang::as<lang::string_value_node>(v);
        out.push_back(s.block ? 'S' : 's');
        append_text(out, s.value);
        break;
      }
      case lang::node_kind::boolean_value:
        out.push_back(lang::as<lang::boolean_value_node>(v).value ? 'T' : 'F');
        break;
      case lang::node_kind::null_value:
        out.push_back('n');
        break;
      case lang::node_kind::enum_value:
        out.push_back('e');
        append_text(out, lang::as<lang::enum_value_node>(v).value);
        break;
      case lang::node_kind::list_value:
        out.push_back('[');
        for (const auto* item : lang::as<lang::list_value_node>(v).values) {
          append_canonical(*item, out);
        }
        out.push_back(']');
        break;
      case lang::node_kind::object_value: {
        std::vector<const lang::object_field_node*> fields;
        for (const auto& f : lang::as<lang::object_value_node>(v).fields) fields.push_back(&f);
        std::stable_sort(fields.begin(), fields.end(), [](const auto* a, const auto* b) {
          return a->name.value < b->name.value;
        });
        out.push_back('{');
        for (const auto* f : fields) {
          append_text(out, f->name.value);
          append_canonical(*f->value, out);
        }
        out.push_back('}');
        break;
      }
      default:
        break;
    }
  }

  std::int64_t budget_ = max_complexity_budget;
  std::unordered_map<std::pair<const void*, const void*>, std::unique_ptr<collected_fields>,
                     pair_hash>
      cache_;
  std::unordered_map<std::string_view, std::unordered_map<std::string_view, bool>> compared_pairs_;
  std::unordered_map<const lang::value_node*, std::string> canonical_;
};

}  // namespace

rule_ptr overlapping_fields_can_be_merged(validation_context& c) {
  return std::make_unique<overlapping_fields_rule>(c);
}

}  // namespace cohort::graphql::validation::rules
