// The server the graphql-http audit talks to: Cohort's HTTP server (api/http) answering every
// path with api/graphql_http over a small sample schema (a query field, a query field with an
// ID argument, a mutation). Prints "port <n>" once listening, and stops when its standard input
// closes (the audit script ends it that way, so it never outlives the test).
//   oracle_graphql_http_server
#include <cstdio>
#include <iostream>
#include <string>

#include "api/graphql_http/graphql_http.hpp"
#include "api/http/server.hpp"
#include "graphql/type/schema_builder.hpp"

namespace gql = cohort::graphql;
namespace http = cohort::api::http;
namespace gh = cohort::api::graphql_http;

namespace {

std::shared_ptr<const gql::type::schema> sample_schema() {
  gql::type::schema_builder b;
  auto& q = b.add_object("Query");
  q.field("hello", "String").arg("name", "String");
  q.field("node", "String").arg("id", "ID!");
  auto& m = b.add_object("Mutation");
  m.field("touch", "Int");
  auto built = std::move(b).build();
  if (!built) {
    std::cerr << "schema: " << (built.errors.empty() ? "?" : built.errors[0]) << "\n";
    std::exit(1);
  }
  return built.schema;
}

class graphql_handler : public http::handler {
 public:
  explicit graphql_handler(const gql::service::graphql_service& service) : service_(service) {}
  void handle(http::request req, http::responder done) override {
    gh::serve(req, service_, nullptr, {}, options_, std::move(done));
  }

 private:
  const gql::service::graphql_service& service_;
  gh::http_options options_;
};

}  // namespace

int main() {
  auto schema = sample_schema();
  auto resolvers = std::make_shared<gql::execution::resolver_map>(schema);
  resolvers->set(
      "Query", "hello", [](gql::execution::resolve_info& info, gql::execution::completion done) {
        const auto* name = info.args().if_contains("name");
        done.resolve(
            boost::json::string(name && name->is_string() ? name->as_string().c_str() : "world"));
      });
  resolvers->set("Query", "node",
                 [](gql::execution::resolve_info& info, gql::execution::completion done) {
                   done.resolve(info.args().at("id"));
                 });
  resolvers->set(
      "Mutation", "touch",
      [](gql::execution::resolve_info&, gql::execution::completion done) { done.resolve(1); });
  gql::service::graphql_service service(schema, resolvers);
  graphql_handler handler(service);

  http::server_options options;
  options.address = "127.0.0.1";
  options.port = 0;
  options.access_log = false;
  options.metrics_path.clear();
  http::server server;
  if (auto ec = server.start(options, handler)) {
    std::cerr << "start: " << ec.message() << "\n";
    return 1;
  }
  std::printf("port %u\n", static_cast<unsigned>(server.port()));
  std::fflush(stdout);
  std::string line;
  while (std::getline(std::cin, line)) {
  }
  server.shutdown(std::chrono::seconds(2));
  return 0;
}
