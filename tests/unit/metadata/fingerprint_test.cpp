// Workspaces whose custom metadata is alike (same names, types, labels, options; their own ids)
// compile one shared /graphql schema; any difference in what the schema shows gives its own.
#include <gtest/gtest.h>

#include "actors/workspace/metadata/change_plan.hpp"
#include "actors/workspace/metadata/model_fingerprint.hpp"
#include "actors/workspace/runtime_builder.hpp"
#include "model/standard/standard_objects.hpp"
#include "storage/metadata/model_from_rows.hpp"

using namespace cohort;
namespace md = cohort::actors::metadata;

namespace {

std::vector<model::object_metadata> with_rocket(const std::string& label) {
  model::workspace_model standard("w", "ws", 1, model::standard::shared_standard_objects());
  auto planned = md::plan_change(standard, {md::change_kind::create_object,
                                            {{"nameSingular", "rocket"},
                                             {"namePlural", "rockets"},
                                             {"labelSingular", label},
                                             {"labelPlural", label + "s"}}});
  return std::get<md::change_plan>(std::move(planned)).objects;
}

}  // namespace

TEST(ModelFingerprint, AlikeModelsMatchWhateverTheirIds) {
  auto a = with_rocket("Rocket");
  auto b = with_rocket("Rocket");
  ASSERT_NE(a.back().id, b.back().id);
  EXPECT_EQ(md::model_fingerprint(a), md::model_fingerprint(b));
  EXPECT_NE(md::model_fingerprint(a), md::model_fingerprint(with_rocket("Missile")));
  EXPECT_EQ(md::model_fingerprint(a).size(), 40u);
}

TEST(ModelFingerprint, AlikeWorkspacesShareOneCompiledSchema) {
  auto deps = std::make_shared<actors::workspace_dependencies>();
  auto runtime_of = [&](const std::string& id, std::vector<model::object_metadata> objects) {
    auto model = std::make_shared<const model::workspace_model>(id, "ws", 2, std::move(objects));
    auto built = actors::build_workspace_runtime(model, *deps);
    if (auto* e = std::get_if<std::string>(&built)) ADD_FAILURE() << *e;
    return std::get<std::shared_ptr<const actors::workspace_runtime>>(built);
  };
  auto a = runtime_of("w1", with_rocket("Rocket"));
  auto b = runtime_of("w2", with_rocket("Rocket"));
  auto c = runtime_of("w3", with_rocket("Missile"));
  EXPECT_EQ(a->graphql, b->graphql);
  EXPECT_NE(a->graphql, c->graphql);
  EXPECT_NE(a->model, b->model);  // each keeps its own ids
  EXPECT_EQ(deps->schemas->size(), 2u);
}

TEST(ModelFingerprint, AModelReadBackFromItsRowsMatchesThePlanItCameFrom) {
  // What the workspace actor relies on to compile a change's schema once: the model rebuilt from
  // the rows a plan writes has the plan's fingerprint.
  auto objects = with_rocket("Rocket");
  storage::metadata::workspace_metadata rows;
  rows.found = true;
  rows.schema = "ws";
  rows.activation_status = "ACTIVE";
  rows.version = 2;
  for (const auto& o : objects) {
    if (auto d = storage::metadata::object_row_definition(o)) {
      rows.objects.push_back({o.id, "", o.is_custom, *d, "t", "t"});
    }
  }
  for (const auto& o : objects) {
    for (const auto& f : o.fields) {
      if (auto d = storage::metadata::field_row_definition(f)) {
        rows.fields.push_back({f.id, o.id, f.is_custom, *d, "t", "t"});
      }
    }
  }
  auto rebuilt = storage::metadata::build_workspace_model("w", rows);
  EXPECT_EQ(md::model_fingerprint(rebuilt->objects()), md::model_fingerprint(objects));
}
