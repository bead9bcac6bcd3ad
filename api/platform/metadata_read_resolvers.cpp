// The /metadata reads, answered from the workspace model the request runs with: connections with
// nestjs-query's filters and offset cursors (objects and fields listed by id, newest ids first,
// as Twenty lists them), single entities by id, and the nested fields of Object and Field.
#include <algorithm>
#include <boost/json.hpp>

#include "actors/workspace/metadata/relation_fields.hpp"
#include "api/platform/metadata_nodes.hpp"
#include "api/platform/metadata_paging.hpp"
#include "api/platform/metadata_resolvers.hpp"
#include "graphql/execution/resolver.hpp"

namespace cohort::api::platform {

namespace {

using model_ptr = std::shared_ptr<const model::workspace_model>;

void by_id_descending(std::vector<json::object>& nodes) {
  std::stable_sort(nodes.begin(), nodes.end(), [](const json::object& a, const json::object& b) {
    return a.at("id").as_string() > b.at("id").as_string();
  });
}

json::object filter_arg(const resolve_info& info) {
  return object_arg(info.args(), "filter");
}
json::object paging_arg(const resolve_info& info) {
  return object_arg(info.args(), "paging");
}

json::object connection_of(std::vector<json::object> nodes, const resolve_info& info) {
  auto filter = filter_arg(info);
  std::erase_if(nodes, [&](const json::object& n) { return !matches_filter(n, filter); });
  return paged_connection(std::move(nodes), paging_arg(info));
}

field_error not_found(std::string message) {
  json::object ext{{"code", "NOT_FOUND"}, {"userFriendlyMessage", "An error occurred."}};
  return field_error(std::move(message), std::move(ext));
}

// Runs `answer` with the caller's model, or refuses an anonymous caller as Twenty's guard does.
field_resolver with_model(std::function<void(const model_ptr&, resolve_info&, completion)> answer) {
  return [answer = std::move(answer)](resolve_info& info, completion done) {
    auto model = workspace_model_of(info);
    if (!model) return done.fail(forbidden_resource());
    answer(model, info, std::move(done));
  };
}

void objects(const model_ptr& m, resolve_info& info, completion done) {
  std::vector<json::object> nodes;
  for (const auto& o : m->objects()) nodes.push_back(object_node(*m, o));
  by_id_descending(nodes);
  done.resolve(connection_of(std::move(nodes), info));
}

void object(const model_ptr& m, resolve_info& info, completion done) {
  auto id = string_arg(info.args(), "id").value_or("");
  const auto* o = m->find_object_by_id(id);
  if (!o) return done.fail(not_found("Object metadata with id " + id + " not found"));
  done.resolve(object_node(*m, *o));
}

void fields(const model_ptr& m, resolve_info& info, completion done) {
  std::vector<json::object> nodes;
  for (const auto& o : m->objects()) {
    for (const auto& f : o.fields) nodes.push_back(field_node(*m, o, f));
  }
  by_id_descending(nodes);
  done.resolve(connection_of(std::move(nodes), info));
}

void field(const model_ptr& m, resolve_info& info, completion done) {
  auto id = string_arg(info.args(), "id").value_or("");
  for (const auto& o : m->objects()) {
    if (const auto* f = o.find_field_by_id(id)) return done.resolve(field_node(*m, o, *f));
  }
  done.fail(not_found("Field metadata with id " + id + " not found"));
}

void indexes(const model_ptr& m, resolve_info& info, completion done) {
  std::vector<json::object> nodes;
  for (const auto& o : m->objects()) {
    for (const auto& i : o.indexes) nodes.push_back(index_node(*m, i));
  }
  by_id_descending(nodes);
  done.resolve(connection_of(std::move(nodes), info));
}

void index(const model_ptr& m, resolve_info& info, completion done) {
  auto id = string_arg(info.args(), "id").value_or("");
  for (const auto& o : m->objects()) {
    for (const auto& i : o.indexes) {
      if (i.id == id) return done.resolve(index_node(*m, i));
    }
  }
  done.fail(not_found("Index metadata with id " + id + " not found"));
}

// The object a nested node belongs to.
const model::object_metadata* parent_object(const model_ptr& m, const resolve_info& info) {
  const auto& parent = info.parent();
  if (!parent.is_object()) return nullptr;
  const auto* id = parent.as_object().if_contains("__objectId");
  if (!id || !id->is_string()) return nullptr;
  return m->find_object_by_id(id->as_string());
}

const model::field_metadata* parent_field(const resolve_info& info,
                                          const model::object_metadata& object) {
  const auto* id = info.parent().as_object().if_contains("id");
  if (!id || !id->is_string()) return nullptr;
  return object.find_field_by_id(id->as_string());
}

void attach(graphql::type::schema_builder& builder, std::string_view type, std::string_view name,
            field_resolver resolve) {
  auto* entry = builder.find_type(type);
  if (!entry) return;
  auto* object = std::get_if<graphql::type::schema_builder::object_entry>(entry);
  if (!object) return;
  for (auto& f : object->config.fields) {
    if (f.name == name) {
      f.extend(std::make_shared<graphql::execution::resolver_extension>(std::move(resolve)));
      return;
    }
  }
}

}  // namespace

std::shared_ptr<const model::workspace_model> workspace_model_of(const resolve_info& info) {
  auto* ctx = static_cast<const actors::request_context*>(info.context());
  return ctx ? ctx->model : nullptr;
}

void add_metadata_read_resolvers(resolver_list& out) {
  out.push_back({"Query", "objects", with_model(objects)});
  out.push_back({"Query", "object", with_model(object)});
  out.push_back({"Query", "fields", with_model(fields)});
  out.push_back({"Query", "field", with_model(field)});
  out.push_back({"Query", "indexMetadatas", with_model(indexes)});
  out.push_back({"Query", "index", with_model(index)});
}

void attach_metadata_type_resolvers(graphql::type::schema_builder& builder) {
  auto field_nodes = [](const model_ptr& m, const model::object_metadata& o) {
    std::vector<json::object> nodes;
    for (const auto& f : o.fields) nodes.push_back(field_node(*m, o, f));
    return nodes;
  };
  auto index_nodes = [](const model_ptr& m, const model::object_metadata& o) {
    std::vector<json::object> nodes;
    for (const auto& i : o.indexes) nodes.push_back(index_node(*m, i));
    return nodes;
  };
  attach(builder, "Object", "fieldsList",
         with_model([field_nodes](const model_ptr& m, resolve_info& info, completion done) {
           const auto* o = parent_object(m, info);
           if (!o) return done.resolve(json::array{});
           json::array out;
           for (auto& n : field_nodes(m, *o)) out.push_back(std::move(n));
           done.resolve(std::move(out));
         }));
  attach(builder, "Object", "fields",
         with_model([field_nodes](const model_ptr& m, resolve_info& info, completion done) {
           const auto* o = parent_object(m, info);
           done.resolve(connection_of(o ? field_nodes(m, *o) : std::vector<json::object>{}, info));
         }));
  attach(builder, "Object", "indexMetadataList",
         with_model([index_nodes](const model_ptr& m, resolve_info& info, completion done) {
           const auto* o = parent_object(m, info);
           json::array out;
           if (o) {
             for (auto& n : index_nodes(m, *o)) out.push_back(std::move(n));
           }
           done.resolve(std::move(out));
         }));
  attach(builder, "Object", "indexMetadatas",
         with_model([index_nodes](const model_ptr& m, resolve_info& info, completion done) {
           const auto* o = parent_object(m, info);
           done.resolve(connection_of(o ? index_nodes(m, *o) : std::vector<json::object>{}, info));
         }));
  attach(builder, "Field", "object",
         with_model([](const model_ptr& m, resolve_info& info, completion done) {
           const auto* o = parent_object(m, info);
           done.resolve(o ? json::value(object_node(*m, *o)) : json::value(nullptr));
         }));
  attach(builder, "Field", "relation",
         with_model([](const model_ptr& m, resolve_info& info, completion done) {
           const auto* o = parent_object(m, info);
           const auto* f = o ? parent_field(info, *o) : nullptr;
           // A morph relation shows its targets in morphRelations instead.
           bool plain = f && f->type == model::field_type::relation;
           done.resolve(plain ? relation_node(*m, *o, *f) : json::value(nullptr));
         }));
  attach(builder, "Field", "morphRelations",
         with_model([](const model_ptr& m, resolve_info& info, completion done) {
           const auto* o = parent_object(m, info);
           const auto* f = o ? parent_field(info, *o) : nullptr;
           if (!f || f->type != model::field_type::morph_relation) return done.resolve(nullptr);
           json::array out;
           for (const auto* sibling : actors::metadata::morph_siblings(*o, *f)) {
             auto node = relation_node(*m, *o, *sibling);
             if (!node.is_null()) out.push_back(std::move(node));
           }
           done.resolve(std::move(out));
         }));
}

}  // namespace cohort::api::platform
