// searchVector on a provisioned workspace: the database computes it from the search fields, with
// the same words and positions Twenty 1.6 shows (values recorded from a real Twenty server).
#include <gtest/gtest.h>

#include "fixtures/postgres_server.hpp"
#include "model/standard/standard_objects.hpp"
#include "storage/ddl/workspace_provisioner.hpp"
#include "storage/migrations/migrator.hpp"
#include "storage/pg/pool.hpp"

namespace ddl = cohort::storage::ddl;
namespace pg = cohort::storage::pg;
using cohort::testing::postgres_server;

namespace {

constexpr const char* kWorkspace = "b1727274-8fa3-4c24-8f76-607182930415";

class SearchVector : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pg::pool_options options;
    options.conninfo = postgres_server::shared().create_database("search_vector");
    pool_ = new std::shared_ptr<pg::pool>(pg::pool::create(options));
    ASSERT_TRUE(cohort::storage::migrations::run_migrations(**pool_).ok());
    auto provisioned =
        ddl::provision_sync(**pool_, kWorkspace, cohort::model::standard::standard_objects());
    ASSERT_TRUE(provisioned.ok()) << *provisioned.error;
    schema_ = new std::string(provisioned.schema);
  }

  static void TearDownTestSuite() {
    delete pool_;  // before the fixture's PostgreSQL stops at exit
    delete schema_;
  }

  // Inserts a row and answers its searchVector as text.
  static std::string vector_of(const std::string& table, const std::string& columns,
                               pg::params values) {
    std::string placeholders;
    for (std::size_t i = 1; i <= values.size(); ++i) {
      placeholders += (i > 1 ? ", $" : "$") + std::to_string(i);
    }
    auto r = (*pool_)->query_sync("INSERT INTO \"" + *schema_ + "\".\"" + table + "\" (" + columns +
                                      ") VALUES (" + placeholders + ") RETURNING \"searchVector\"",
                                  std::move(values), false);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : pg::describe(r.error()));
    return r.ok() ? std::string(r.get(0, 0)) : "";
  }

  static std::shared_ptr<pg::pool>* pool_;
  static std::string* schema_;
};

std::shared_ptr<pg::pool>* SearchVector::pool_ = nullptr;
std::string* SearchVector::schema_ = nullptr;

}  // namespace

TEST_F(SearchVector, PersonFromNameEmailItsDomainPhoneAndJobTitle) {
  EXPECT_EQ(vector_of("person",
                      "\"nameFirstName\", \"nameLastName\", \"emailsPrimaryEmail\", \"jobTitle\"",
                      {"Bob", "Durand", "bob@acme.example", "Sales Manager"}),
            "'acme.example':4 'bob':1 'bob@acme.example':3 'durand':2 'manager':6 'sales':5");
  EXPECT_EQ(vector_of("person",
                      "\"nameFirstName\", \"nameLastName\", \"emailsPrimaryEmail\", \"jobTitle\"",
                      {"Alice", "Martin-Leroy", "alice.martin@acme.example", "Staff Engineer"}),
            "'acme.example':6 'alice':1 'alice.martin@acme.example':5 'engineer':8 'leroy':4 "
            "'martin':3 'martin-leroy':2 'staff':7");
}

TEST_F(SearchVector, CompanyFromNameAndDomain) {
  EXPECT_EQ(vector_of("company", "name, \"domainNamePrimaryLinkUrl\"",
                      {"Rest Industries", "https://rest.example"}),
            "'industries':2 'rest':1 'rest.example':3");
}

TEST_F(SearchVector, AccentsAreFoldedAndUpdatesRecompute) {
  EXPECT_EQ(vector_of("opportunity", "name", {"Élan Crème"}), "'creme':2 'elan':1");
  auto r = (*pool_)->query_sync("UPDATE \"" + *schema_ +
                                    "\".opportunity SET name = 'Renewal' WHERE name = 'Élan Crème' "
                                    "RETURNING \"searchVector\"",
                                {}, false);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(std::string(r.get(0, 0)), "'renewal':1");
}
