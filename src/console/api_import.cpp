// POST /api/v1/items/import[?dry_run=1] (console.md): the file as the body.
#include "console/handlers.h"
#include "console/item_import.h"

namespace hb::console {

nlohmann::json import_summary(const ItemImportPlan& plan) {
  nlohmann::json refused = nlohmann::json::array();
  for (const auto& r : plan.refused) refused.push_back({{"row", r.row}, {"reasons", r.reasons}});
  return {{"new", plan.added}, {"changed", plan.changed}, {"unchanged", plan.unchanged}, {"refused", refused}};
}

base::Result<ItemImportPlan, Refusal> run_item_import(Console& console, std::string_view bytes,
                                                      bool dry_run, const std::string& user) {
  import::Limits limits;
  limits.max_upload_bytes = console.options().upload_cap;
  if (bytes.size() > limits.max_upload_bytes) return Refusal{413, {{"", "文件过大（上限 10 MB）"}}};
  const auto items = console.store().records("item");
  if (!items) return Refusal{500, {{"", items.error().message}}};
  const auto drafts = current_drafts(console);
  if (!drafts) return Refusal{500, {{"", "无法读取草稿"}}};
  ItemImportPlan plan = plan_item_import(bytes, *items, (*drafts)->content, limits);
  if (plan.error) {
    const int status = plan.error->kind == import::ErrorKind::too_large ? 413 : 422;
    return Refusal{status, {{"file", plan.error->message}}};
  }
  if (dry_run || plan.to_write.empty()) return plan;
  std::lock_guard writing(console.drafts_write_mutex());
  // The whole import must leave the drafts as valid as they were.
  const auto gained = errors_gained(console, [&](auto& records) {
    for (const auto& r : plan.to_write) put_into(records, r);
  });
  if (!gained) return gained.error();
  if (!gained->empty()) return Refusal{422, *gained};
  if (auto done = console.store().upsert_records(plan.to_write, "import", user, console.now()); !done) {
    return Refusal{500, {{"", done.error().message}}};
  }
  return plan;
}

Response api_import_items(Console& console, const Request& request, const Caller& caller, const Params&) {
  const bool dry_run = request.query_value("dry_run") == "1" || request.query_value("dry_run") == "true";
  const auto plan = run_item_import(console, request.body, dry_run, caller.session->user.name);
  if (!plan) return json_refusal(plan.error());
  return json_response(dry_run ? 200 : 201, import_summary(*plan));
}

}  // namespace hb::console
