#include "actors/workspace/metadata/model_fingerprint.hpp"

#include <boost/json.hpp>

#include "model/stable_id.hpp"
#include "storage/metadata/metadata_codec.hpp"

namespace cohort::actors::metadata {

namespace json = boost::json;

std::string model_fingerprint(const std::vector<model::object_metadata>& objects) {
  json::array all;
  for (const auto& o : objects) {
    auto object = storage::metadata::encode_object(o);
    for (const char* key :
         {"labelIdentifierFieldMetadataId", "imageIdentifierFieldMetadataId", "indexes"}) {
      object.erase(key);
    }
    json::array fields;
    for (const auto& f : o.fields) {
      auto field = storage::metadata::encode_field(f);
      if (auto* options = field.if_contains("options"); options && options->is_array()) {
        for (auto& option : options->as_array()) option.as_object().erase("id");
      }
      if (auto* relation = field.if_contains("relation"); relation && relation->is_object()) {
        relation->as_object().erase("targetObjectId");
        relation->as_object().erase("targetFieldId");
      }
      fields.push_back(std::move(field));
    }
    object["fields"] = std::move(fields);
    all.push_back(std::move(object));
  }
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (auto byte : model::sha1(json::serialize(all))) {
    out += hex[byte >> 4];
    out += hex[byte & 15];
  }
  return out;
}

}  // namespace cohort::actors::metadata
