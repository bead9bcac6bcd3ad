// A record statement that loses a deadlock is sent again instead of answering 500: another
// session holds B and then asks for A while updatePeople holds A and waits for B. PostgreSQL
// aborts the waiter whose deadlock check runs first (the statement, which waited first); the
// retry then waits for the other session's commit and succeeds.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <future>
#include <thread>

#include "demo_server.hpp"
#include "remove_at_end.hpp"

using namespace cohort::testing;
namespace json = boost::json;

TEST(GraphqlDeadlockRetry, AStatementThatLosesADeadlockIsSentAgain) {
  remove_at_end cleanup{{"DELETE FROM {s}.person WHERE \"nameLastName\" = 'Deadlock'"}};
  auto& demo = demo_server::shared();
  auto a = demo.sql(
      "INSERT INTO {s}.person (id, \"nameFirstName\", \"nameLastName\") VALUES "
      "('00000000-0000-4000-8000-0000000000d1', 'A', 'Deadlock') RETURNING id");
  auto b = demo.sql(
      "INSERT INTO {s}.person (id, \"nameFirstName\", \"nameLastName\") VALUES "
      "('00000000-0000-4000-8000-0000000000d2', 'B', 'Deadlock') RETURNING id");
  ASSERT_TRUE(a.ok() && b.ok());
  const std::string table = "\"" + demo.schema + "\".person";

  auto other = demo.pool->acquire_sync();
  ASSERT_TRUE(other.query_sync("BEGIN").ok());
  ASSERT_TRUE(
      other
          .query_sync("UPDATE " + table +
                      " SET city = 'other' WHERE id = '00000000-0000-4000-8000-0000000000d2'")
          .ok());
  // updatePeople locks A, then waits for B.
  auto answer = std::async(std::launch::async, [&] {
    return demo.post(
        "mutation { updatePeople(filter: {name: {lastName: {eq: \"Deadlock\"}}}, data: {city: "
        "\"mutation\"}) { id city } }");
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  // The other session now waits for A: a deadlock, detected by the statement after 1 s.
  auto locked = other.query_sync(
      "UPDATE " + table + " SET city = 'other' WHERE id = '00000000-0000-4000-8000-0000000000d1'");
  ASSERT_TRUE(locked.ok()) << locked.error().message;
  ASSERT_TRUE(other.query_sync("COMMIT").ok());

  auto res = answer.get();
  EXPECT_EQ(res.status, 200u);
  auto body = json::parse(res.body);
  ASSERT_FALSE(body.as_object().contains("errors")) << res.body;
  EXPECT_EQ(body.at("data").at("updatePeople").as_array().size(), 2u) << res.body;
  EXPECT_EQ(demo.sql("SELECT count(*) FROM {s}.person WHERE \"nameLastName\" = 'Deadlock' AND "
                     "city = 'mutation'")
                .get(0, 0),
            "2");
}
