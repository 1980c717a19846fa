// The remaining sections: a list of records and an edit form per record
// (record_forms.h). Saving goes through the same lint check as every
// change, and carries the revision the editor read: if someone saved in
// between, the editor gets a conflict message and keeps what was typed.
#include <pugixml.hpp>

#include <algorithm>
#include <set>
#include <sstream>

#include "console/assets.h"
#include "console/auth.h"
#include "console/draft_diff.h"
#include "console/feed_records.h"
#include "console/pages.h"
#include "console/record_forms.h"
#include "feed/text.h"

namespace hb::console {

namespace {

using Problems = std::vector<FieldProblem>;

std::string pretty(const std::string& body) {
  pugi::xml_document doc;
  if (!doc.load_string(body.c_str())) return body;
  std::ostringstream out;
  doc.document_element().print(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

std::string post_staff(const pugi::xml_node& e, const char* role) {
  for (const auto& p : e.children("post")) {
    if (std::string_view(p.attribute("role").as_string()) == role) return p.attribute("staff").as_string();
  }
  return {};
}

// The form's values for a record's element.
std::map<std::string, std::string> values_of(const RecordFormSpec& spec, const std::string& body) {
  std::map<std::string, std::string> out;
  pugi::xml_document doc;
  doc.load_string(body.c_str());
  const pugi::xml_node e = doc.document_element();
  for (const auto& f : spec.fields) {
    switch (f.kind) {
      case FieldKind::body: out[f.name] = e.text().as_string(); break;
      case FieldKind::post_a: out[f.name] = post_staff(e, "A"); break;
      case FieldKind::post_b: out[f.name] = post_staff(e, "B"); break;
      default: out[f.name] = e.attribute(f.name).as_string();
    }
  }
  return out;
}

void set_post(pugi::xml_node e, const char* role, const std::string& staff) {
  for (auto p = e.child("post"); p;) {
    const auto next = p.next_sibling("post");
    if (std::string_view(p.attribute("role").as_string()) == role) e.remove_child(p);
    p = next;
  }
  if (staff.empty()) return;
  auto post = e.append_child("post");
  post.append_attribute("role") = role;
  post.append_attribute("staff") = staff.c_str();
}

// The element with the form's values, keeping what the form does not show.
std::string element_from_form(const RecordFormSpec& spec, const std::string& old_body,
                              std::map<std::string, std::string>& form) {
  pugi::xml_document doc;
  if (old_body.empty() || !doc.load_string(old_body.c_str())) doc.append_child(spec.kind);
  pugi::xml_node e = doc.document_element();
  for (const auto& f : spec.fields) {
    const std::string value = f.kind == FieldKind::body ? feed::normalize_text(form[f.name])
                                                        : feed::trim(form[f.name]);
    if (f.kind == FieldKind::body) {
      e.text().set(value.c_str());
    } else if (f.kind == FieldKind::post_a || f.kind == FieldKind::post_b) {
      set_post(e, f.kind == FieldKind::post_a ? "A" : "B", value);
    } else if (value.empty() || (f.kind == FieldKind::boolean && value != "true")) {
      e.remove_attribute(f.name);
    } else {
      (e.attribute(f.name) ? e.attribute(f.name) : e.append_attribute(f.name)) = value.c_str();
    }
  }
  return record_body(e);
}

// The roster, and `current` when it names no one on it (a refused save):
// shown as it was sent, so saving again does not quietly empty the field.
Options staff_choices(Console& console, const std::string& current) {
  Options out{{"", "（无）"}};
  bool listed = current.empty();
  if (const auto drafts = current_drafts(console)) {
    for (const auto& s : (*drafts)->content.roster.staff) {
      out.emplace_back(s.id, s.name + "（" + s.id + "）");
      listed = listed || s.id == current;
    }
  }
  if (!listed) out.emplace_back(current, current + "（不在人员名单中）");
  return out;
}

// The fields the form shows messages beside.
std::set<std::string> shown_fields(const RecordFormSpec& spec) {
  if (spec.fields.empty()) return {"xml"};
  std::set<std::string> out;
  for (const auto& f : spec.fields) out.insert(f.name);
  return out;
}

// Problems under the form's names: the element's text and a window's posts
// are fields of their own; as XML, every part of the record is the XML's.
Problems form_problems(const RecordFormSpec& spec, Problems problems) {
  if (spec.fields.empty()) {
    for (auto& p : problems) {
      if (!p.field.empty()) p.field = "xml";
    }
    return problems;
  }
  std::map<std::string, std::string> names;
  for (const auto& f : spec.fields) {
    if (f.kind == FieldKind::body) names["text"] = f.name;
    if (f.kind == FieldKind::post_a) names["post[role=A]"] = f.name;
    if (f.kind == FieldKind::post_b) names["post[role=B]"] = f.name;
  }
  return renamed(std::move(problems), names);
}

// The photo's name, its thumbnail when the console serves it, and a file
// input: a plain form upload, so it works without JavaScript.
void photo_field(Html& h, const FormFieldSpec& f, const std::string& value, const std::string& error) {
  const std::string id = std::string("f-") + f.name;
  h.open("div", {{"class", error.empty() ? "field" : "field has-error"}});
  h.el("label", {{"for", id}}, f.label);
  if (is_asset_name(value)) {
    h.empty("img", {{"src", "/feeds/" + value}, {"alt", "当前照片"}, {"width", "96"}, {"class", "photo"}});
  }
  h.empty("input", {{"id", id}, {"name", f.name}, {"type", "text"}, {"value", value}});
  h.empty("input", {{"id", id + "-file"}, {"name", std::string(f.name) + "_file"}, {"type", "file"},
                    {"accept", "image/png,image/jpeg,.png,.jpg,.jpeg"}, {"aria-label", "上传新照片"}});
  if (*f.hint) h.el("span", {{"class", "hint"}}, f.hint);
  if (!error.empty()) h.el("span", {{"class", "error"}, {"role", "alert"}}, error);
  h.close("div");
}

bool has_photo_field(const RecordFormSpec& spec) {
  for (const auto& f : spec.fields) {
    if (f.kind == FieldKind::photo) return true;
  }
  return false;
}

// A photo uploaded with the form becomes an asset under a name made from
// its bytes, and the photo field names it (the request's file name is never
// used). Stored before the record is saved: a save refused for another
// reason shows the new photo, and saving again keeps it.
std::optional<FieldProblem> take_photo_upload(Console& console, const Request& request,
                                              const RecordFormSpec& spec,
                                              std::map<std::string, std::string>& form,
                                              const std::string& user) {
  for (const auto& f : spec.fields) {
    if (f.kind != FieldKind::photo) continue;
    for (const Upload& u : request.uploads) {
      if (u.field != std::string(f.name) + "_file") continue;
      if (const auto why = photo_problem(u.content, photo_upload_limits()); !why.empty()) {
        return FieldProblem{f.name, why};
      }
      store::Asset asset{"", u.content, sha256_hex(u.content)};
      const auto name = uploaded_photo_name(u.content, asset.sha256);
      if (!name) return FieldProblem{f.name, "无法使用这张图片，请换一张照片"};
      asset.name = *name;
      if (auto put = console.store().put_asset(asset, user, console.now()); !put) {
        return FieldProblem{f.name, "照片未能保存，请稍后再试；仍不行请告诉信息技术人员（" +
                                        put.error().message + "）"};
      }
      form[f.name] = *name;
    }
  }
  return std::nullopt;
}

void form_fields(Html& h, Console& console, const RecordFormSpec& spec,
                 std::map<std::string, std::string>& values, const Problems& problems) {
  for (const auto& f : spec.fields) {
    const std::string error = field_message(problems, f.name);
    switch (f.kind) {
      case FieldKind::choice:
        select_field(h, f.name, f.label, f.choices, values[f.name], error, f.hint);
        break;
      case FieldKind::boolean:
        select_field(h, f.name, f.label, {{"", "否"}, {"true", "是"}}, values[f.name], error, f.hint);
        break;
      case FieldKind::staff:
      case FieldKind::post_a:
      case FieldKind::post_b:
        select_field(h, f.name, f.label, staff_choices(console, values[f.name]), values[f.name], error, f.hint);
        break;
      case FieldKind::body:
        form_field(h, {f.name, f.label, values[f.name], "textarea", error, f.hint});
        break;
      case FieldKind::date:
        form_field(h, {f.name, f.label, values[f.name], "date", error, f.hint});
        break;
      case FieldKind::photo: photo_field(h, f, values[f.name], error); break;
      default: form_field(h, {f.name, f.label, values[f.name], "text", error, f.hint});
    }
  }
}

Response edit_page(Console& console, const Caller& caller, const RecordFormSpec& spec,
                   const std::string& key, std::int64_t rev, std::map<std::string, std::string> values,
                   const Problems& problems, int status, const std::string& notice) {
  const std::string active = spec.kind == std::string("item") ? "/items" : "/records/" + std::string(spec.kind);
  const PageContext ctx = edit_context(console, caller, active, notice, status);
  Html h;
  const std::string action = "/records/" + std::string(spec.kind) + "/" + (key.empty() ? "new" : url_encode(key));
  open_edit_form(h, ctx, action, rev, has_photo_field(spec));
  general_errors(h, problems, shown_fields(spec));
  if (spec.fields.empty()) {
    form_field(h, {"xml", "内容（XML，格式见 docs/feed-format.md）", values["xml"], "textarea",
                   field_message(problems, "xml")});
  } else {
    form_fields(h, console, spec, values, problems);
  }
  h.el("button", {{"type", "submit"}, {"class", "primary"}}, "保存为草稿");
  h.literal(" ");
  h.el("a", {{"href", "/records/" + std::string(spec.kind)}, {"class", "button"}}, "返回列表");
  h.close("form");
  if (!key.empty()) {
    h.open("form", {{"method", "post"}, {"action", action + "/delete"}, {"data-confirm", "确定删除？"}});
    csrf_field(h, ctx);
    h.el("button", {{"type", "submit"}, {"class", "danger"}}, "删除这条记录");
    h.close("form");
  }
  return html_page(ctx, std::string(spec.title) + (key.empty() ? "：新建" : "：编辑"), h, status);
}

// The new element from the form, or the problem with it (XML kinds).
base::Result<std::string, FieldProblem> element_from_request(const RecordFormSpec& spec,
                                                             const std::string& old_body,
                                                             std::map<std::string, std::string>& form) {
  if (!spec.fields.empty()) return element_from_form(spec, old_body, form);
  pugi::xml_document doc;
  const auto parsed = doc.load_string(form["xml"].c_str());
  if (!parsed) {
    return FieldProblem{"xml", std::string("XML 有误（第 ") + std::to_string(parsed.offset) +
                                   " 个字节附近）：" + parsed.description()};
  }
  if (std::string_view(doc.document_element().name()) != spec.kind) {
    return FieldProblem{"xml", std::string("最外层元素应为 <") + spec.kind + ">"};
  }
  return record_body(doc.document_element());
}

// The key a new record gets: its id attribute, the kind for one-of-a-kind
// sections, else a made-up one.
std::string key_for_new(const std::string& kind, const std::string& body) {
  const RecordKind* k = find_record_kind(kind);
  store::Record r;
  r.body = body;
  if (k && !*k->section) return kind == "playlist" ? record_attribute(r, "screen") : kind;
  if (k && *k->key_attribute) return record_attribute(r, k->key_attribute);
  return random_key(kind.substr(0, 1));
}

}  // namespace

namespace {

constexpr std::size_t kRowsPerPage = 100;

// The buttons above a list, the stats import and the item search.
void list_tools(Html& h, const PageContext& ctx, const std::string& kind, const std::string& q) {
  h.open("p");
  h.el("a", {{"href", "/records/" + kind + "/new"}, {"class", "button primary"}}, "新建");
  if (kind == "item") h.literal(" ").el("a", {{"href", "/items/import"}, {"class", "button"}}, "从 Excel/CSV 导入");
  h.close("p");
  if (kind == "stats") {
    h.open("form", {{"method", "post"}, {"action", "/records/stats/import"},
                    {"enctype", "multipart/form-data"}, {"class", "panel"}});
    csrf_field(h, ctx);
    h.open("div", {{"class", "field"}}).el("label", {{"for", "f-file"}}, "从 CSV 或 Excel 导入一个月的统计");
    h.empty("input", {{"id", "f-file"}, {"type", "file"}, {"name", "file"}, {"accept", ".csv,.xlsx"}, {"required", ""}});
    h.el("span", {{"class", "hint"}}, "每个窗口一行：窗口、办件量、按时办结、评价数、满意数（或五级好差评）；标题写明“2026年11月”");
    h.close("div").el("button", {{"type", "submit"}}, "导入到草稿").close("form");
  }
  if (kind == "item") {
    h.open("form", {{"method", "get"}, {"action", "/items"}});
    h.empty("input", {{"name", "q"}, {"value", q}, {"placeholder", "按名称或编码搜索"}});
    h.el("button", {{"type", "submit"}}, "搜索").close("form");
  }
}

// "第 101–200 条，共 2000 条" and links to the pages before and after.
void page_links(Html& h, const std::string& base, const std::string& q, std::size_t page, std::size_t total) {
  if (total <= kRowsPerPage) return;
  const std::size_t first = page * kRowsPerPage + 1;
  const std::size_t last = std::min(total, first + kRowsPerPage - 1);
  const auto link = [&](std::size_t to, const char* text) {
    h.el("a", {{"href", base + "?q=" + url_encode(q) + "&page=" + std::to_string(to + 1)}, {"class", "button"}}, text)
        .literal(" ");
  };
  h.open("p");
  if (page > 0) link(page - 1, "上一页");
  if (last < total) link(page + 1, "下一页");
  h.el("span", {{"class", "muted"}},
       "第 " + std::to_string(first) + "–" + std::to_string(last) + " 条，共 " + std::to_string(total) + " 条");
  h.close("p");
}

}  // namespace

Response page_records(Console& console, const Request& request, const Caller& caller,
                      const Params& params) {
  const std::string kind = params.count("kind") ? params.at("kind") : "item";
  const RecordFormSpec* spec = record_form(kind);
  if (!spec) return page_refusal(404, "没有这个栏目", request.path);
  const auto records = console.store().records(kind);
  if (!records) return json_error(500, records.error().message);
  const std::string q = feed::trim(request.query_value("q"));
  const std::string base = kind == "item" ? "/items" : "/records/" + kind;
  PageContext ctx = page_context(console, caller, base);
  if (request.query_value("saved") == "1") ctx.notice = "已保存为草稿；审核发布后屏幕更新。";
  Html h;
  list_tools(h, ctx, kind, q);
  std::vector<std::pair<const store::Record*, std::string>> found;
  for (const auto& r : *records) {
    std::string label = record_label(r);
    if (!q.empty() && label.find(q) == std::string::npos && r.key.find(q) == std::string::npos) continue;
    found.emplace_back(&r, std::move(label));
  }
  // ?page=N from 1; anything else (0, -3, 99999, "x") gives the nearest page.
  const std::size_t pages = std::max<std::size_t>(1, (found.size() + kRowsPerPage - 1) / kRowsPerPage);
  const std::int64_t asked = std::max<std::int64_t>(1, version_number(request.query_value("page")).value_or(1));
  const std::size_t page = std::min(static_cast<std::size_t>(asked), pages) - 1;
  page_links(h, base, q, page, found.size());
  h.literal("<table><tr><th>名称</th><th>编号</th><th>最后修改</th><th></th></tr>");
  const int offset = console.utc_offset_minutes();
  for (std::size_t i = page * kRowsPerPage; i < found.size() && i < (page + 1) * kRowsPerPage; ++i) {
    const store::Record& r = *found[i].first;
    h.open("tr").el("td", found[i].second).el("td", r.key);
    h.el("td", r.updated_by + " " + model::to_iso_string(r.updated_at, offset).substr(0, 16));
    h.open("td").el("a", {{"href", "/records/" + kind + "/" + url_encode(r.key)}}, "编辑").close("td").close("tr");
  }
  h.literal("</table>");
  if (found.empty()) h.el("p", {{"class", "muted"}}, q.empty() ? "还没有记录。" : "没有找到。");
  page_links(h, base, q, page, found.size());
  return html_page(ctx, spec->title, h);
}

Response page_record(Console& console, const Request& request, const Caller& caller,
                     const Params& params) {
  const RecordFormSpec* spec = record_form(params.at("kind"));
  if (!spec) return page_refusal(404, "没有这个栏目", request.path);
  const std::string& key = params.at("key");
  if (key == "new") {
    std::map<std::string, std::string> values;
    if (spec->fields.empty()) values["xml"] = std::string("<") + spec->kind + ">\n</" + spec->kind + ">";
    return edit_page(console, caller, *spec, "", 0, values, {}, 200, "");
  }
  const auto record = console.store().record(spec->kind, key);
  if (!record) return page_refusal(404, record.error().message, request.path);
  auto values = spec->fields.empty() ? std::map<std::string, std::string>{{"xml", pretty(record->body)}}
                                     : values_of(*spec, record->body);
  return edit_page(console, caller, *spec, key, record->rev, values, {}, 200, "");
}

Response page_record_save(Console& console, const Request& request, const Caller& caller,
                          const Params& params) {
  const RecordFormSpec* spec = record_form(params.at("kind"));
  if (!spec) return page_refusal(404, "没有这个栏目", request.path);
  auto form = form_of(request);
  const bool creating = params.at("key") == "new";
  std::int64_t rev = 0;
  try {
    rev = creating ? 0 : std::stoll(form["rev"]);
  } catch (const std::exception&) {
    rev = -1;  // never a stored revision: a conflict, not a crash
  }
  std::string old_body;
  if (!creating) {
    const auto stored = console.store().record(spec->kind, params.at("key"));
    if (stored) old_body = stored->body;
  }
  const std::string key = creating ? "" : params.at("key");
  if (auto photo = take_photo_upload(console, request, *spec, form, caller.session->user.name)) {
    return edit_page(console, caller, *spec, key, rev, form, {{photo->field, photo->message}}, 422,
                     "未保存：照片无法使用（见下）");
  }
  const auto element = element_from_request(*spec, old_body, form);
  if (!element) {
    return edit_page(console, caller, *spec, key, rev, form,
                     {element.error()}, 422, "未保存");
  }
  store::Record record;
  record.kind = spec->kind;
  record.key = creating ? key_for_new(spec->kind, *element) : key;
  record.body = *element;
  const RecordKind* k = find_record_kind(spec->kind);
  if (!creating && k && *k->key_attribute && record_attribute(record, k->key_attribute) != key) {
    return edit_page(console, caller, *spec, key, rev, form,
                     {{k->key_attribute, "编号保存后不可修改；要换编号请新建一条"}}, 422, "未保存");
  }
  if (record.key.empty()) {
    return edit_page(console, caller, *spec, key, rev, form, {{"id", "请填写编号"}}, 422, "未保存");
  }
  auto saved = put_checked_record(console, record, rev, caller.session->user.name);
  if (!saved) {
    const Problems problems = form_problems(*spec, saved.error().problems);
    const bool conflict = saved.error().status == 409;
    return edit_page(console, caller, *spec, key, rev, form, problems, saved.error().status,
                     conflict ? "未保存：别人刚改过这条记录。您填写的内容仍在下面；请打开最新内容核对后再保存。"
                              : "未保存：内容不符合规则（见下）");
  }
  return redirect("/records/" + std::string(spec->kind) + "?saved=1");
}

Response page_record_delete(Console& console, const Request& request, const Caller& caller,
                            const Params& params) {
  const RecordFormSpec* spec = record_form(params.at("kind"));
  if (!spec) return page_refusal(404, "没有这个栏目", request.path);
  const std::string& key = params.at("key");
  const auto deleted = delete_checked_record(console, spec->kind, key, caller.session->user.name);
  if (deleted) return redirect("/records/" + std::string(spec->kind) + "?saved=1");
  if (deleted.error().status == 404) return page_refusal(404, "这条记录已被删除", request.path);
  // Refused: show the record again, with why it cannot go.
  const auto record = console.store().record(spec->kind, key);
  if (!record) return page_refusal(404, "这条记录已被删除", request.path);
  const Problems problems = form_problems(*spec, deleted.error().problems);
  auto values = spec->fields.empty() ? std::map<std::string, std::string>{{"xml", pretty(record->body)}}
                                     : values_of(*spec, record->body);
  return edit_page(console, caller, *spec, key, record->rev, values, problems, deleted.error().status,
                   "未删除：删除后内容不符合规则（如窗口仍安排了此人），请先改正相关记录");
}

}  // namespace hb::console
