// `--seed demo`: one workspace a newcomer can sign in to at once, with Twenty's five sample
// companies and people plus a few opportunities across the pipeline, notes and tasks.
#include <boost/json.hpp>

#include "model/stable_id.hpp"
#include "runtime/seed/sample_records.hpp"
#include "runtime/seed/seed_plan.hpp"

namespace cohort::runtime::seed {

namespace {

constexpr const char* demo_workspace_id = "c0e0a7de-0000-4000-8000-00000000d3e0";

std::string id_of(std::string_view kind, std::string_view name) {
  return model::uuid_v5(demo_workspace_id, std::string(kind) + ":" + std::string(name));
}

// Opportunities, notes and tasks that reference the sample companies and people.
std::vector<seed_records> pipeline() {
  auto company = [](std::string_view name) { return sample_company_id(name); };
  auto person = [](std::string_view email) { return id_of("sample-person", email); };
  boost::json::array opportunities = {
      {{"id", id_of("opportunity", "airbnb")},
       {"name", "Airbnb — host analytics"},
       {"amount", {{"amountMicros", 120000000000}, {"currencyCode", "USD"}}},
       {"stage", "NEW"},
       {"closeDate", "2027-03-31T00:00:00.000Z"},
       {"companyId", company("Airbnb")},
       {"pointOfContactId", person("chesky@airbnb.com")}},
      {{"id", id_of("opportunity", "stripe")},
       {"name", "Stripe — billing sync"},
       {"amount", {{"amountMicros", 450000000000}, {"currencyCode", "USD"}}},
       {"stage", "MEETING"},
       {"closeDate", "2027-01-15T00:00:00.000Z"},
       {"companyId", company("Stripe")},
       {"pointOfContactId", person("collison@stripe.com")}},
      {{"id", id_of("opportunity", "figma")},
       {"name", "Figma — design team seats"},
       {"amount", {{"amountMicros", 80000000000}, {"currencyCode", "USD"}}},
       {"stage", "PROPOSAL"},
       {"closeDate", "2026-12-20T00:00:00.000Z"},
       {"companyId", company("Figma")},
       {"pointOfContactId", person("field@figma.com")}},
      {{"id", id_of("opportunity", "notion")},
       {"name", "Notion — workspace import"},
       {"amount", {{"amountMicros", 60000000000}, {"currencyCode", "EUR"}}},
       {"stage", "CUSTOMER"},
       {"closeDate", "2026-10-01T00:00:00.000Z"},
       {"companyId", company("Notion")},
       {"pointOfContactId", person("zhao@notion.com")}},
  };
  boost::json::array notes = {
      {{"id", id_of("note", "kickoff")},
       {"title", "Kick-off call with Stripe"},
       {"bodyV2", {{"markdown", "Agreed on a two-week pilot; next step: security review."}}}},
      {{"id", id_of("note", "pricing")},
       {"title", "Figma pricing questions"},
       {"bodyV2", {{"markdown", "They asked for volume pricing above 200 seats."}}}},
  };
  boost::json::array note_targets = {
      {{"noteId", id_of("note", "kickoff")}, {"companyId", company("Stripe")}},
      {{"noteId", id_of("note", "pricing")}, {"personId", person("field@figma.com")}},
  };
  boost::json::array tasks = {
      {{"id", id_of("task", "security")},
       {"title", "Send the security questionnaire to Stripe"},
       {"status", "TODO"},
       {"dueAt", "2026-12-01T09:00:00.000Z"}},
      {{"id", id_of("task", "proposal")},
       {"title", "Prepare the Figma proposal"},
       {"status", "IN_PROGRESS"},
       {"dueAt", "2026-11-30T17:00:00.000Z"}},
  };
  boost::json::array task_targets = {
      {{"taskId", id_of("task", "security")}, {"companyId", company("Stripe")}},
      {{"taskId", id_of("task", "proposal")}, {"opportunityId", id_of("opportunity", "figma")}},
  };
  return {{"opportunity", std::move(opportunities)},
          {"note", std::move(notes)},
          {"noteTarget", std::move(note_targets)},
          {"task", std::move(tasks)},
          {"taskTarget", std::move(task_targets)}};
}

}  // namespace

seed_plan demo_seed() {
  seed_workspace ws;
  ws.id = demo_workspace_id;
  ws.display_name = "Demo";
  ws.subdomain = "demo";
  ws.invite_hash = "demo-invite-hash";
  ws.users.push_back({.id = id_of("user", "demo"),
                      .email = "demo@cohort.dev",
                      .first_name = "Dana",
                      .last_name = "Demo",
                      .password = "demo@cohort.dev",
                      .user_workspace_id = id_of("user-workspace", "demo"),
                      .workspace_member_id = id_of("workspace-member", "demo")});
  ws.records = sample_records(ws.id);
  for (auto& r : pipeline()) ws.records.push_back(std::move(r));
  seed_plan plan;
  plan.name = "demo";
  plan.workspaces.push_back(std::move(ws));
  plan.sign_in_hint = "demo workspace: sign in as demo@cohort.dev with password demo@cohort.dev";
  return plan;
}

}  // namespace cohort::runtime::seed
