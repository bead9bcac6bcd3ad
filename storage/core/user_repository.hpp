// core."user": look-ups by e-mail and id, and creation. Plain asynchronous SQL with bound
// parameters; callbacks run on a pool thread. E-mails are expected lower-cased by the caller
// (the table refuses others).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "storage/core/core_rows.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::core {

using user_callback = std::function<void(db_result<user_row>)>;

// The live (not soft-deleted) user with this e-mail.
void find_user_by_email(pg::pool& pool, std::string email, user_callback done);
// The live user with this id.
void find_user_by_id(pg::pool& pool, std::string id, user_callback done);

struct new_user {
  std::string email;
  std::string password_hash;
  std::string first_name;
  std::string last_name;
  std::string locale = "en";
};

// A second live account with the same e-mail fails with SQLSTATE 23505 (unique_violation).
void create_user(pg::pool& pool, new_user user, user_callback done);

}  // namespace cohort::storage::core
