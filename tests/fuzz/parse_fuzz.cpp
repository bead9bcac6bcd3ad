// Fuzz target: the GraphQL parser on any bytes (documents, values, types), and for every document
// it accepts, the printer: its output must parse again (trusted limits) and print the same.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "graphql/language/parser.hpp"
#include "graphql/language/printer.hpp"

namespace lang = cohort::graphql::language;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto doc = lang::parse(text);
  if (doc) {
    std::string printed = lang::print(doc->root());
    auto again = lang::parse(printed, lang::parse_options::trusted());
    if (!again) {
      std::fprintf(stderr, "printed document does not parse: %s\n%s\n",
                   again.error().message.c_str(), printed.c_str());
      std::abort();
    }
    if (lang::print(again->root()) != printed) {
      std::fprintf(stderr, "printing is not stable:\n%s\n", printed.c_str());
      std::abort();
    }
  }
  (void)lang::parse_value(text);
  (void)lang::parse_const_value(text);
  (void)lang::parse_type(text);
  return 0;
}
