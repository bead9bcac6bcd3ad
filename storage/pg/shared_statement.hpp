// Identical read statements that share one execution while they wait for a connection. Under load
// (every connection busy) callers asking the same question, e.g. the request gate's per-request
// standing statement for one token, queue one statement instead of one each.
//
// Freshness: a caller only joins a statement that has not been sent yet (it leaves the table when
// it gets its connection, before it is sent). Its snapshot is therefore taken after every joiner
// arrived, so each gets an answer as fresh as a statement of its own: a change committed before a
// caller arrived (a revoked API key, a deleted workspace) is seen by it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "storage/pg/pool.hpp"

namespace cohort::storage::pg {

template <class T>
class shared_statements {
 public:
  using callback = std::function<void(const T&)>;
  // Turns the statement's result (or the pool's failure to lease a connection) into T.
  using decoder = std::function<T(result)>;

  // Runs `sql` for `key` (which must identify the statement text and its values), or joins the
  // same key's statement while it still waits for a connection. `done` runs on a pool thread.
  void run(pool& on, std::string key, std::string sql, params args, decoder decode, callback done) {
    key.append(1, '\0').append(std::to_string(reinterpret_cast<std::uintptr_t>(&on)));
    auto batch = std::make_shared<waiting>();
    {
      std::lock_guard lock(mutex_);
      auto [it, fresh] = waiting_.try_emplace(key, batch);
      if (!fresh) {
        it->second->callbacks.push_back(std::move(done));
        return;
      }
      batch->callbacks.push_back(std::move(done));
    }
    on.acquire([this, key = std::move(key), sql = std::move(sql), args = std::move(args),
                decode = std::move(decode), batch](lease conn) mutable {
      {
        // Leaving the table before the statement is sent: later callers start their own.
        std::lock_guard lock(mutex_);
        waiting_.erase(key);
      }
      if (!conn) return deliver(*batch, decode(result::failure(conn.error())));
      conn.query(std::move(sql), std::move(args), [conn, decode, batch](result r) mutable {
        conn.release();
        deliver(*batch, decode(std::move(r)));
      });
    });
  }

 private:
  struct waiting {
    std::vector<callback> callbacks;  // complete once the batch has left the table
  };

  static void deliver(const waiting& batch, const T& value) {
    for (const auto& done : batch.callbacks) done(value);
  }

  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<waiting>> waiting_;
};

}  // namespace cohort::storage::pg
