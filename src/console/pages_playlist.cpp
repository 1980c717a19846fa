// 播放列表: a playlist's screens, transition and slides as a form with a
// row per slide (playlist_form.h decides). A playlist's key is its
// screens, so they are chosen when it is made and kept after.
#include "console/feed_records.h"
#include "console/pages.h"
#include "console/playlist_form.h"
#include "console/row_pages.h"
#include "console/schedule_fields.h"
#include "feed/values.h"
#include "model/slide_type.h"

namespace hb::console {

namespace {

// The 星期 values the form holds, the playlist's and each row's.
std::vector<std::string> weekdays_shown(const FormValues& values) {
  std::vector<std::string> shown{form_value(values, "on")};
  for (int row = 1; row <= row_count(values, "slide"); ++row) shown.push_back(form_value(values, row_field("slide", "on", row)));
  return shown;
}

std::vector<RowColumn> slide_columns(const Options& weekdays) {
  Options types{{"", "（选择内容）"}};
  for (const auto& t : model::kSlideTypeNames) types.emplace_back(std::string(t.word), std::string(t.chinese));
  return {{"type", "内容", types},
          {"seconds", "秒数", {}, "num"},
          {"category", "事项分类", {}, "mid"},
          {"item", "事项编码", {}, "mid"},
          {"days", "天数", {}, "num"},
          {"on", "星期", weekdays},
          {"between", "时段", {}, "time-range"},
          {"from", "开始日期", {}, "date"},
          {"to", "结束日期", {}, "date"}};
}

// When the whole playlist plays; each slide may narrow it in its row.
void schedule_head(Html& h, const FormValues& values, const Options& weekdays, const std::vector<FieldProblem>& problems) {
  h.el("h2", "播放时间").el("p", {{"class", "muted"}}, "不填即不限。这里限定整个播放列表；每一页还可在下表中再限定，两者都满足时才播放。");
  select_field(h, "on", "星期", weekdays, form_value(values, "on"), field_message(problems, "on"));
  form_field(h, {"between", "时段", form_value(values, "between"), "text", field_message(problems, "between"),
                 "如 12:00-13:30（不能跨过午夜）"});
  form_field(h, {"from", "开始日期", form_value(values, "from"), "date", field_message(problems, "from")});
  form_field(h, {"to", "结束日期", form_value(values, "to"), "date", field_message(problems, "to"), "含这一天"});
}

std::string action_of(const std::string& key) { return "/records/playlist/" + (key.empty() ? "new" : url_encode(key)); }

void head_fields(Html& h, const std::string& key, const FormValues& values, const std::vector<FieldProblem>& problems) {
  form_field(h, {"screen", "用于哪些屏幕", form_value(values, "screen"), "text", field_message(problems, "screen"),
                 key.empty() ? "* 表示所有屏幕；或屏幕编号，用逗号隔开，如 lobby-1,lobby-2"
                             : "保存后不可修改；要用于别的屏幕请新建播放列表",
                 true});
  select_field(h, "transition", "切换效果", {{"fade", "淡入淡出"}, {"slide", "滑动"}, {"none", "无"}},
               form_value(values, "transition"), field_message(problems, "transition"));
}

Response playlist_page(Console& console, const Caller& caller, const std::string& key, std::int64_t rev,
                       const FormValues& values, const std::vector<FieldProblem>& problems, int status,
                       const std::string& notice) {
  const PageContext ctx = edit_context(console, caller, "/records/playlist", notice, status);
  Html h;
  open_edit_form(h, ctx, action_of(key), rev);
  general_errors(h, problems, shown_fields(problems, {"screen", "transition", "on", "between", "from", "to"}, {"slide"}));
  head_fields(h, key, values, problems);
  const Options weekdays = weekday_choices(weekdays_shown(values));
  schedule_head(h, values, weekdays, problems);
  h.el("h2", "播放顺序").el("p", {{"class", "muted"}}, "按行的顺序轮播，每行一种内容，秒数是每页显示多久（不填为 15 秒）。事项分类只用于事项列表（只显示这一类），事项编码只用于事项详情（只显示这一项），天数只用于办理结果（显示最近多少天，不填为 30 天）。星期、时段和日期不填即不限（如午休海报：时段 12:00-13:30）。把“内容”选回“（选择内容）”并清空其他格即删除该行。");
  row_table(h, "slide", slide_columns(weekdays), values, problems);
  h.open("p").el("button", {{"type", "submit"}, {"class", "primary"}}, "保存为草稿").literal(" ");
  h.el("a", {{"href", "/records/playlist"}, {"class", "button"}}, "返回列表");
  if (!key.empty()) h.literal(" ").el("a", {{"href", action_of(key) + "?xml=1"}, {"class", "button"}}, "以 XML 编辑（高级）");
  h.close("p").close("form");
  if (!key.empty()) {
    h.open("form", {{"method", "post"}, {"action", action_of(key) + "/delete"}, {"data-confirm", "确定删除这个播放列表？"}});
    csrf_field(h, ctx);
    h.el("button", {{"type", "submit"}, {"class", "danger"}}, "删除这个播放列表").close("form");
  }
  return html_page(ctx, key.empty() ? "播放列表：新建" : "播放列表：" + key, h, status);
}

// A screen list's ids, however it was spaced ("a, b" is "a,b").
std::vector<std::string> screen_ids(const std::string& list) {
  std::vector<std::string> out;
  for (const auto part : feed::split_list(list)) {
    if (!part.empty()) out.emplace_back(part);
  }
  return out;
}

// The problem with the screens a saved playlist would have, if any.
std::optional<FieldProblem> screen_problem(Console& console, const std::string& key, const std::string& body) {
  store::Record r;
  r.body = body;
  const std::string screen = record_attribute(r, "screen");
  if (!key.empty() && screen_ids(screen) != screen_ids(key)) return FieldProblem{"screen", "屏幕保存后不可修改；要用于别的屏幕请新建播放列表"};
  if (key.empty() && console.store().record("playlist", screen)) {
    return FieldProblem{"screen", "这些屏幕已有播放列表，请到列表中编辑它"};
  }
  return std::nullopt;
}

}  // namespace

Response page_playlist(Console& console, const Request& request, const Caller& caller, const Params& params) {
  const std::string& key = params.at("key");
  if (request.query_value("xml") == "1") return page_record(console, request, caller, {{"kind", "playlist"}, {"key", key}});
  if (key == "new") return playlist_page(console, caller, "", 0, playlist_form_values(""), {}, 200, "");
  const auto record = console.store().record("playlist", key);
  if (!record) return page_refusal(404, record.error().message, request.path);
  return playlist_page(console, caller, key, record->rev, playlist_form_values(record->body), {}, 200, "");
}

Response page_playlist_save(Console& console, const Request& request, const Caller& caller, const Params& params) {
  auto form = form_of(request);
  if (form.count("xml")) return page_record_save(console, request, caller, {{"kind", "playlist"}, {"key", params.at("key")}});
  const std::string key = params.at("key") == "new" ? "" : params.at("key");
  const std::int64_t rev = key.empty() ? 0 : version_number(form["rev"]).value_or(-1);
  std::string old_body;
  if (!key.empty()) {
    const auto stored = console.store().record("playlist", key);
    if (stored) old_body = stored->body;
  }
  const auto element = playlist_from_form(old_body, form);
  if (!element) return playlist_page(console, caller, key, rev, form, element.error(), 422, "未保存：请改正标红的栏目");
  if (const auto problem = screen_problem(console, key, *element)) {
    return playlist_page(console, caller, key, rev, form, {*problem}, 422, "未保存：请改正标红的栏目");
  }
  const std::string saved_key = key.empty() ? form_value(playlist_form_values(*element), "screen") : key;
  if (const auto refused = save_form_record(console, caller, "playlist", saved_key, *element, rev)) {
    return playlist_page(console, caller, key, rev, form, refused->refusal.problems, refused->refusal.status,
                         refused->notice);
  }
  return redirect("/records/playlist?saved=1");
}

}  // namespace hb::console
