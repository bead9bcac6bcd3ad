// What every rule shares during one validation (graphql-js `ValidationContext`): the schema, the
// document, the TypeInfo of the walk, the path of nodes entered, error reporting with the
// max-errors cap, and cached per-document facts (fragments by name, spreads of a selection set,
// fragments reachable from operations, variable usages) metered by graphql-js's fragment-work
// budget so that hostile fragment graphs end validation instead of exhausting the server.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graphql/language/document.hpp"
#include "graphql/language/source_location.hpp"
#include "graphql/type/schema.hpp"
#include "graphql/validation/graphql_error.hpp"
#include "graphql/validation/type_info.hpp"

namespace cohort::graphql::validation {

// Thrown inside validation to end it (error cap reached, a work budget spent); validate() catches
// it, nothing escapes the module.
struct validation_stopped {};

struct variable_usage {
  const language::variable_node* node = nullptr;
  type::type_ref type;         // expected at the position; empty when unknown
  bool has_default = false;    // the position has a default value
  type::type_ref parent_type;  // the enclosing input type (graphql-js getParentInputType)
};

class validation_context {
 public:
  validation_context(const type::schema& schema, const language::document& document,
                     std::size_t max_errors, bool hide_suggestions);

  const type::schema& schema() const { return schema_; }
  const language::document& document() const { return document_; }
  const type_info& types() const { return type_info_; }
  type_info& mutable_types() { return type_info_; }
  bool hide_suggestions() const { return hide_suggestions_; }

  // Nodes from the document down to the current one (inclusive).
  const std::vector<const language::node*>& path() const { return path_; }
  std::vector<const language::node*>& mutable_path() { return path_; }
  // The node `up` levels above the current one; nullptr above the root.
  const language::node* ancestor(std::size_t up) const {
    return up < path_.size() ? path_[path_.size() - 1 - up] : nullptr;
  }

  void report(std::string message, std::initializer_list<const language::node*> nodes);
  void report(std::string message, const std::vector<const language::node*>& nodes);
  std::vector<graphql_error> take_errors() { return std::move(errors_); }
  // Ends validation with graphql-js's "Validation aborted." error.
  [[noreturn]] void abort_validation();

  const language::fragment_definition_node* fragment(std::string_view name) const;
  const std::vector<const language::fragment_spread_node*>& fragment_spreads(
      const language::selection_set_node& set);
  const std::vector<const language::fragment_definition_node*>& recursively_referenced_fragments(
      const std::vector<const language::operation_definition_node*>& operations);
  const std::vector<variable_usage>& variable_usages(const language::node& definition);
  const std::vector<variable_usage>& recursive_variable_usages(
      const language::operation_definition_node& operation);

  // graphql-js spendFragmentWork: 50000 units per document.
  void spend_fragment_work(std::int64_t cost);

 private:
  const type::schema& schema_;
  const language::document& document_;
  type_info type_info_;
  std::vector<const language::node*> path_;
  std::size_t max_errors_;
  bool hide_suggestions_;
  std::vector<graphql_error> errors_;
  std::unique_ptr<language::source_locator> locator_;
  std::int64_t remaining_fragment_work_ = 50000;

  std::unordered_map<std::string_view, const language::fragment_definition_node*> fragments_;
  std::unordered_map<const language::node*, std::vector<const language::fragment_spread_node*>>
      spreads_;
  std::unordered_map<std::string, std::vector<const language::fragment_definition_node*>>
      referenced_fragments_;
  std::unordered_map<const language::node*, std::vector<variable_usage>> usages_;
  std::unordered_map<const language::node*, std::vector<variable_usage>> recursive_usages_;
  std::unordered_map<std::string, std::vector<variable_usage>> fragment_set_usages_;
};

// A validation rule (one graphql-js rule): enter/leave for the node kinds it declares in its
// masks. Returning false from enter skips the node's subtree for this rule only (graphql-js
// visitInParallel).
class rule {
 public:
  explicit rule(validation_context& context) : context_(context) {}
  virtual ~rule() = default;
  rule(const rule&) = delete;
  rule& operator=(const rule&) = delete;

  virtual bool enter(const language::node&) { return true; }
  virtual void leave(const language::node&) {}

  std::uint64_t enter_mask = 0;
  std::uint64_t leave_mask = 0;

 protected:
  static constexpr std::uint64_t bit(language::node_kind k) {
    return std::uint64_t{1} << static_cast<unsigned>(k);
  }
  validation_context& context_;
};

}  // namespace cohort::graphql::validation
