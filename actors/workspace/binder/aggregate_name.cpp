#include "actors/workspace/binder/aggregate_name.hpp"

#include <array>
#include <cctype>
#include <string>

#include "model/composite_types.hpp"

namespace cohort::actors::workspace::binder {

namespace {

// Longest first where one operation is a prefix of another (countEmpty / countNotEmpty differ
// early, but percentageNotEmpty must not be read as percentage + "NotEmpty...").
constexpr std::array<std::string_view, 11> operations = {"countUniqueValues",
                                                         "percentageNotEmpty",
                                                         "percentageEmpty",
                                                         "countNotEmpty",
                                                         "countEmpty",
                                                         "countTrue",
                                                         "countFalse",
                                                         "min",
                                                         "max",
                                                         "sum",
                                                         "avg"};

std::string capitalised(std::string_view s) {
  std::string out(s);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

}  // namespace

model::aggregate_item aggregate_of(const model::object_metadata& object, std::string_view name) {
  model::aggregate_item item;
  if (name == "totalCount") {
    item.operation = "totalCount";
    return item;
  }
  for (std::string_view op : operations) {
    if (!name.starts_with(op)) continue;
    std::string_view rest = name.substr(op.size());
    for (const auto& field : object.fields) {
      std::string cap = capitalised(field.name);
      if (!rest.starts_with(cap)) continue;
      std::string_view sub = rest.substr(cap.size());
      if (sub.empty()) {
        item.operation = std::string(op);
        item.field = field.name;
        return item;
      }
      const model::composite_type* composite = model::find_composite_type(field.type);
      if (composite == nullptr) continue;
      for (const auto& s : composite->subfields) {
        if (capitalised(s.name) == sub) {
          item.operation = std::string(op);
          item.field = field.name;
          item.subfield = std::string(s.name);
          return item;
        }
      }
    }
  }
  return item;
}

}  // namespace cohort::actors::workspace::binder
