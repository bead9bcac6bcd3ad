#include "storage/core/user_repository.hpp"

#include "storage/core/row_readers.hpp"

namespace cohort::storage::core {

namespace {

void one_user(pg::pool& pool, std::string sql, pg::params args, user_callback done) {
  pool.query(std::move(sql), std::move(args), [done = std::move(done)](pg::result r) {
    done(detail::first_row<user_row>(r, detail::read_user));
  });
}

}  // namespace

void find_user_by_email(pg::pool& pool, std::string email, user_callback done) {
  one_user(pool,
           "SELECT " + detail::user_columns() +
               " FROM core.\"user\" u WHERE u.email = $1 AND u.deleted_at IS NULL",
           {std::move(email)}, std::move(done));
}

void find_user_by_id(pg::pool& pool, std::string id, user_callback done) {
  one_user(pool,
           "SELECT " + detail::user_columns() +
               " FROM core.\"user\" u WHERE u.id = $1::uuid AND u.deleted_at IS NULL",
           {std::move(id)}, std::move(done));
}

void create_user(pg::pool& pool, new_user user, user_callback done) {
  one_user(pool,
           "INSERT INTO core.\"user\" AS u (email, password_hash, first_name, last_name, locale) "
           "VALUES ($1, $2, $3, $4, $5) RETURNING " +
               detail::user_columns(),
           {std::move(user.email), std::move(user.password_hash), std::move(user.first_name),
            std::move(user.last_name), std::move(user.locale)},
           std::move(done));
}

}  // namespace cohort::storage::core
