// A test's own PostgreSQL connection, for a transaction that outlives one statement: holding a
// row lock while requests to the server queue behind it makes a race certain instead of likely.
#pragma once

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <string>

namespace cohort::testing {

class sql_session {
 public:
  explicit sql_session(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {}
  ~sql_session() { PQfinish(conn_); }
  sql_session(const sql_session&) = delete;
  sql_session& operator=(const sql_session&) = delete;

  bool ok() const { return PQstatus(conn_) == CONNECTION_OK; }
  // The first column of the first row ("" without one); a failure is a test failure.
  std::string run(const std::string& sql) {
    PGresult* r = PQexec(conn_, sql.c_str());
    auto status = PQresultStatus(r);
    EXPECT_TRUE(status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
        << sql << ": " << PQerrorMessage(conn_);
    std::string out = status == PGRES_TUPLES_OK && PQntuples(r) > 0 ? PQgetvalue(r, 0, 0) : "";
    PQclear(r);
    return out;
  }

 private:
  PGconn* conn_;
};

}  // namespace cohort::testing
