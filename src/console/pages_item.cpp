// 事项: one item's edit form, fields as people write them (item_form.h).
// The whole element stays editable as XML (?xml=1) for what the form does
// not show.
#include "console/feed_records.h"
#include "console/item_form.h"
#include "console/item_import.h"
#include "console/pages.h"

namespace hb::console {

namespace {

// The item's parts as lint names them (attributes, children) → the form's fields.
const std::map<std::string, std::string>& item_field_names() {
  static const std::map<std::string, std::string> names = {
      {"deadline", "promised"}, {"online", "online_url"}};
  return names;
}

// The fields the form shows messages beside.
const std::set<std::string>& item_fields() {
  static const std::set<std::string> fields = {
      "id",        "name",  "category",  "window",    "department", "kind",       "promised",
      "statutory", "fees",  "materials", "procedure", "basis",      "online_url", "result"};
  return fields;
}

Response item_page(Console& console, const Caller& caller, const std::string& key, std::int64_t rev,
                   FormValues values, const std::vector<FieldProblem>& problems, int status,
                   const std::string& notice) {
  const PageContext ctx = edit_context(console, caller, "/items", notice, status);
  Html h;
  const std::string action = "/records/item/" + (key.empty() ? std::string("new") : url_encode(key));
  open_edit_form(h, ctx, action, rev);
  general_errors(h, problems, item_fields());
  const auto field = [&](const char* name, const char* label, const char* type, const char* hint) {
    form_field(h, {name, label, values[name], type, field_message(problems, name), hint});
  };
  h.open("div", {{"class", "row"}});
  field("id", "事项编码", "text", key.empty() ? "" : "保存后不可修改");
  field("name", "事项名称", "text", "");
  h.close("div").open("div", {{"class", "row"}});
  field("category", "所属分类", "text", "");
  select_field(h, "window", "受理窗口", window_choices(console, "（未指定）"), values["window"], field_message(problems, "window"));
  h.close("div").open("div", {{"class", "row"}});
  field("department", "实施部门", "text", "");
  field("kind", "事项类型", "text", "如 行政许可");
  h.close("div").open("div", {{"class", "row"}});
  field("promised", "承诺时限", "text", "如 3个工作日、即办");
  field("statutory", "法定时限", "text", "如 20个工作日");
  h.close("div");
  field("fees", "收费", "text", "如 不收费；每件80元");
  field("materials", "申请材料（每行一项）", "textarea", "如 身份证（原件1份）；可选的写（非必要）");
  field("procedure", "办理流程", "textarea", "用 → 分隔步骤，如 受理 → 审查 → 决定（5个工作日）");
  field("basis", "设定依据", "textarea", "");
  field("online_url", "网上办理地址", "text", "https://…");
  field("result", "办理结果", "text", "如 施工许可证");
  h.el("button", {{"type", "submit"}, {"class", "primary"}}, "保存为草稿").literal(" ");
  h.el("a", {{"href", "/items"}, {"class", "button"}}, "返回列表");
  if (!key.empty()) {
    h.literal(" ").el("a", {{"href", action + "?xml=1"}, {"class", "button"}}, "以 XML 编辑（全部字段）");
  }
  h.close("form");
  return html_page(ctx, key.empty() ? "事项：新建" : "事项：编辑", h, status);
}

}  // namespace

Response page_item(Console& console, const Request& request, const Caller& caller, const Params& params) {
  if (request.query_value("xml") == "1") return page_record(console, request, caller, {{"kind", "item"}, {"key", params.at("key")}});
  const std::string& key = params.at("key");
  if (key == "new") return item_page(console, caller, "", 0, {}, {}, 200, "");
  const auto record = console.store().record("item", key);
  if (!record) return page_refusal(404, record.error().message, request.path);
  const auto item = item_of_record(*record);
  if (!item) return page_record(console, request, caller, {{"kind", "item"}, {"key", key}});
  return item_page(console, caller, key, record->rev, item_form_values(*item), {}, 200, "");
}

Response page_item_save(Console& console, const Request& request, const Caller& caller, const Params& params) {
  auto form = form_of(request);
  if (form.count("xml")) return page_record_save(console, request, caller, {{"kind", "item"}, {"key", params.at("key")}});
  const bool creating = params.at("key") == "new";
  const std::string key = creating ? "" : params.at("key");
  std::int64_t rev = 0;
  model::Item old;
  if (!creating) {
    const auto record = console.store().record("item", key);
    if (!record) return page_refusal(404, record.error().message, request.path);
    old = item_of_record(*record).value_or(model::Item{});
    rev = version_number(form["rev"]).value_or(-1);
  }
  const auto item = item_from_form(form, old);
  if (!item) return item_page(console, caller, key, rev, form, item.error(), 422, "未保存：请改正标红的栏目");
  if (!creating && item->id != key) {
    return item_page(console, caller, key, rev, form, {{"id", "事项编码保存后不可修改；要换编码请新建事项"}}, 422, "未保存");
  }
  store::Record record;
  record.kind = "item";
  record.key = item->id;
  record.body = item_element(*item);
  const auto saved = put_checked_record(console, record, rev, caller.session->user.name);
  if (!saved) {
    const bool conflict = saved.error().status == 409;
    return item_page(console, caller, key, rev, form, renamed(saved.error().problems, item_field_names()),
                     saved.error().status,
                     conflict ? "未保存：别人刚改过这个事项。您填写的内容仍在下面；请打开最新内容核对后再保存。"
                              : "未保存：内容不符合规则（见下）");
  }
  return redirect("/items?saved=1");
}

}  // namespace hb::console
