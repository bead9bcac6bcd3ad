#include "storage/ddl/spare_schemas.hpp"

#include <spdlog/spdlog.h>

#include <random>

#include "model/stable_id.hpp"

namespace cohort::storage::ddl {

namespace {

// The DDL is the same for every schema but for its name: digest it under a placeholder name.
std::string fingerprint_of(const std::vector<model::object_metadata>& objects) {
  int statements = 0;
  std::string error;
  auto script = provisioning_script("workspace_spare", objects, statements, error);
  if (!script) return "invalid";
  static constexpr char hex[] = "0123456789abcdef";
  auto digest = model::sha1(*script);
  std::string out;
  for (int i = 0; i < 10; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

// "workspace_spare_" + 16 random hex digits: only ever [a-z0-9_], safe as a script literal.
std::string spare_name() {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  static constexpr char hex[] = "0123456789abcdef";
  std::uint64_t bits = random();
  std::string out = "workspace_spare_";
  for (int i = 0; i < 16; ++i) {
    out += hex[bits & 15];
    bits >>= 4;
  }
  return out;
}

}  // namespace

spare_schemas::spare_schemas(std::shared_ptr<pg::pool> pool, objects_ptr objects, int target)
    : pool_(std::move(pool)),
      objects_(std::move(objects)),
      target_(target),
      fingerprint_(fingerprint_of(*objects_)) {}

std::shared_ptr<spare_schemas> spare_schemas::create(std::shared_ptr<pg::pool> pool,
                                                     objects_ptr objects, int target) {
  return std::shared_ptr<spare_schemas>(
      new spare_schemas(std::move(pool), std::move(objects), target));
}

void spare_schemas::provision(const std::string& workspace_id, provision_callback done) {
  auto schema = schema_name_for(workspace_id);
  if (!schema || target_ <= 0) {
    ddl::provision(*pool_, workspace_id, *objects_, std::move(done));
    return;
  }
  const auto start = std::chrono::steady_clock::now();
  auto self = shared_from_this();
  pool_->query(
      "SELECT core.claim_spare_schema($1, $2)", {fingerprint_, *schema},
      [self, workspace_id, schema = *schema, start, done = std::move(done)](pg::result r) mutable {
        if (r.ok() && r.rows() == 1 && r.get(0, 0) == "t") {
          provision_result result;
          result.schema = schema;
          result.elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
              std::chrono::steady_clock::now() - start);
          self->refill();
          done(std::move(result));
          return;
        }
        if (!r.ok()) spdlog::warn("claiming a spare schema failed: {}", pg::describe(r.error()));
        ddl::provision(*self->pool_, workspace_id, *self->objects_,
                       [self, done = std::move(done)](provision_result result) {
                         self->refill();
                         done(std::move(result));
                       });
      });
}

void spare_schemas::refill() {
  if (target_ <= 0) return;
  bool expected = false;
  if (!filling_.compare_exchange_strong(expected, true)) return;  // one filler per node
  make_one();
}

void spare_schemas::make_one() {
  auto self = shared_from_this();
  pool_->query("SELECT count(*) FROM core.spare_schema WHERE fingerprint = $1", {fingerprint_},
               [self](pg::result r) {
                 if (!r.ok() || std::stoi(std::string(r.get(0, 0))) >= self->target_) {
                   self->filling_ = false;
                   return;
                 }
                 std::string name = spare_name();
                 int statements = 0;
                 std::string error;
                 auto script = provisioning_script(name, *self->objects_, statements, error);
                 if (!script) {
                   spdlog::error("spare schemas: {}", error);
                   self->filling_ = false;
                   return;
                 }
                 // Registered in the same implicit transaction: a spare exists only whole.
                 *script += "INSERT INTO core.spare_schema (name, fingerprint) VALUES ('" + name +
                            "', '" + self->fingerprint_ + "');\n";
                 self->pool_->acquire([self, script = std::move(*script)](pg::lease lease) {
                   if (!lease) {
                     self->filling_ = false;
                     return;
                   }
                   lease.script(script, [self, lease](pg::result made) mutable {
                     lease.release();
                     if (!made.ok()) {
                       spdlog::warn("making a spare schema failed: {}", pg::describe(made.error()));
                       self->filling_ = false;
                       return;
                     }
                     self->made_++;
                     self->make_one();
                   });
                 });
               });
}

}  // namespace cohort::storage::ddl
