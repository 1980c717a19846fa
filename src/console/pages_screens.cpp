// 屏幕: every registered screen as its heartbeats tell it (online, last
// contact, what it shows, whether its content is the latest published),
// the ones needing IT at the top in red; one screen's recent contacts and
// latest proof-of-play lines; a
// new token, which revokes the old one and offers player.xml once.
#include <sodium.h>

#include "console/auth.h"
#include "console/pages.h"
#include "console/play_report.h"
#include "console/player_xml.h"
#include "console/screen_state.h"

namespace hb::console {

namespace {

std::string duration_text(std::int64_t seconds) {
  if (seconds < 0) seconds = 0;
  const std::int64_t days = seconds / 86400, hours = seconds % 86400 / 3600, minutes = seconds % 3600 / 60;
  if (days > 0) return std::to_string(days) + " 天 " + std::to_string(hours) + " 小时";
  if (hours > 0) return std::to_string(hours) + " 小时 " + std::to_string(minutes) + " 分";
  if (minutes > 0) return std::to_string(minutes) + " 分";
  return std::to_string(seconds) + " 秒";
}

std::string page_text(const ScreenReport& r) {
  if (r.page_state == "dark") return "熄屏（非开放时间）";
  if (r.page_state == "waiting") return "等待页";
  if (r.page_state.empty()) return "—";
  std::string out = r.page_state == "urgent" ? "紧急公告" : slide_type_label(r.slide_type);
  if (r.page && r.page_count) out += " 第 " + std::to_string(*r.page) + "/" + std::to_string(*r.page_count) + " 页";
  if (!r.item.empty()) out += "（" + r.item + "）";
  return out;
}

// The queue source (叫号联动): its numbers on screen, or why not.
std::string queue_text(const ScreenReport& r) {
  if (!r.queue_live) return "—";
  if (*r.queue_live) return "正常";
  return "无叫号数据（" + (r.queue_result.empty() ? std::string("尚未连上") : r.queue_result) + "）";
}

std::string memory_text(const ScreenReport& r) {
  if (!r.rss_bytes) return "—";
  return std::to_string((*r.rss_bytes + 512 * 1024) / (1024 * 1024)) + " MB";
}

std::string contact_text(Console& console, const std::optional<std::int64_t>& at, const ScreenState& s) {
  if (!at) return "从未联系";
  return shown_time(model::to_iso_string(*at, console.utc_offset_minutes())) + "（" +
         duration_text(s.seconds_since_contact.value_or(0)) + "前）";
}

void state_tags(Html& h, const ScreenState& s) {
  h.el("span", {{"class", s.online ? "tag on" : "tag down"}}, s.online ? "在线" : "离线");
  // A wrong clock shows the wrong duty and hours: red, beside the state.
  if (const std::string skew = skew_text(s.clock_skew_seconds); !skew.empty()) {
    h.text(" ");
    h.el("span", {{"class", "tag down"}, {"title", "屏幕时钟与控制台时钟之差；请检查屏幕的时间同步（NTP）"}}, skew);
  }
}

std::string screenshot_url(const std::string& id) { return "/screens/" + url_encode(id) + "/screenshot.png"; }

// `?t=` changes with each new screenshot, so the browser fetches the new one.
void screenshot_img(Html& h, const ScreenView& v, const char* cls) {
  if (!v.screenshot_at) return;
  h.empty("img", {{"src", screenshot_url(v.facts.id) + "?t=" + std::to_string(*v.screenshot_at)},
                  {"alt", "屏幕 " + v.facts.id + " 的截图"}, {"class", cls}, {"loading", "lazy"}});
}

void content_tag(Html& h, const ScreenState& s) {
  h.el("span", {{"class", s.content_current ? "tag on" : "tag down"}}, s.content_current ? "最新" : "不是最新");
}

void token_form(Html& h, const PageContext& ctx, const std::string& id) {
  h.open("form", {{"method", "post"}, {"action", "/screens/" + url_encode(id) + "/token"}, {"class", "inline"},
                  {"data-confirm", "换发新令牌？旧令牌立即失效，屏幕换上新的 player.xml 前不能上报。"}});
  csrf_field(h, ctx);
  h.el("button", {{"type", "submit"}, {"class", "danger"}}, "换发令牌");
  h.close("form");
}

void screen_row(Html& h, Console& console, const PageContext& ctx, const ScreenView& v) {
  const ScreenReport r = read_report(v.facts.last_report);
  h.open("tr", {{"class", v.state.needs_attention() ? "attention" : "ok"}});
  h.open("td").el("a", {{"href", "/screens/" + url_encode(v.facts.id)}}, v.facts.id).close("td");
  h.open("td");
  screenshot_img(h, v, "thumb");
  h.close("td");
  h.open("td");
  state_tags(h, v.state);
  h.close("td");
  h.el("td", contact_text(console, v.facts.last_seen, v.state));
  h.el("td", r.uptime_seconds ? duration_text(*r.uptime_seconds) : "—");
  h.el("td", r.renderer.empty() ? "—" : r.renderer);
  h.el("td", page_text(r));
  h.el("td", memory_text(r));
  h.open("td");
  content_tag(h, v.state);
  h.close("td");
  h.open("td");
  token_form(h, ctx, v.facts.id);
  h.close("td");
  h.close("tr");
}

std::string base64(const std::string& bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

PlayerXmlSettings player_settings(Console& console, const std::string& id, const std::string& token) {
  PlayerXmlSettings s;
  s.screen = id;
  s.base_url = console.options().base_url;
  while (!s.base_url.empty() && s.base_url.back() == '/') s.base_url.pop_back();
  s.token = token;
  s.trust_public_key = console.options().trust_public_key;
  if (const auto hall = console.store().setting("hall_id"); hall && *hall) s.hall_id = **hall;
  s.utc_offset_minutes = console.utc_offset_minutes();
  return s;
}

// The message beside the action: a revoked screen keeps its revocation.
Response token_refused(Console& console, const Caller& caller, const std::string& id, const std::string& why) {
  PageContext ctx = page_context(console, caller, "/screens");
  ctx.notice = why;
  ctx.notice_is_error = true;
  Html h;
  h.el("p", "停用的屏幕不换发令牌：换发令牌不会让停用的屏幕恢复上报。");
  h.open("p").el("a", {{"href", "/screens"}}, "返回屏幕列表").close("p");
  return html_page(ctx, "屏幕 " + id, h, 409);
}

// How many raw proof-of-play lines a screen's page lists: the ones behind
// "what was on screen at 10:03?" (the report reads the daily sums).
constexpr int kLatestPlaysShown = 50;

// The screen's latest raw lines, latest first, as reported.
base::Result<store::Done, std::string> latest_plays_table(Console& console, Html& h, const std::string& id) {
  const auto lines = console.store().latest_plays(id, kLatestPlaysShown);
  if (!lines) return lines.error().message;
  h.el("h2", "最近的播放记录（最新 " + std::to_string(kLatestPlaysShown) + " 条，原始记录保留 40 天）");
  if (lines->empty()) {
    h.el("p", {{"class", "muted"}}, "还没有播放记录。");
    return store::Done{};
  }
  const int offset = console.utc_offset_minutes();
  h.literal("<table><tr><th>开始</th><th>结束</th><th>页面类型</th><th>事项</th><th>原始记录</th></tr>");
  for (const auto& l : *lines) {
    h.open("tr").el("td", shown_time(model::to_iso_string(l.start_unix, offset)));
    h.el("td", shown_time(model::to_iso_string(l.end_unix, offset))).el("td", slide_type_label(l.slide));
    h.el("td", l.item.empty() ? "—" : l.item).open("td").el("code", l.line).close("td").close("tr");
  }
  h.literal("</table>");
  return store::Done{};
}

}  // namespace

Response page_screens(Console& console, const Request& request, const Caller& caller, const Params&) {
  PageContext ctx = page_context(console, caller, "/screens");
  const auto found = screen_views(console);
  if (!found) return page_refusal(500, found.error(), request.path);
  const auto& views = *found;
  Html h;
  std::size_t attention = 0;
  for (const auto& v : views) attention += v.state.needs_attention() ? 1 : 0;
  if (views.empty()) {
    h.el("p", {{"class", "muted"}},
         "还没有登记屏幕。在服务器上运行 hallboard console screen add 屏幕编号 登记一块屏幕。");
    return html_page(ctx, "屏幕", h);
  }
  h.el("p", attention == 0 ? "全部 " + std::to_string(views.size()) + " 块屏幕在线，显示最新发布的内容。"
                           : std::to_string(attention) + " 块屏幕离线、内容不是最新或时钟不准（红色，排在最前）；共 " +
                                 std::to_string(views.size()) + " 块。");
  h.open("p").el("a", {{"href", "/reports/plays"}}, "播放统计（按月）").close("p");
  h.literal("<table><tr><th>屏幕</th><th>截图</th><th>状态</th><th>最近联系</th><th>运行时长</th><th>渲染</th>"
            "<th>正在显示</th><th>内存</th><th>内容</th><th></th></tr>");
  for (const auto& v : views) screen_row(h, console, ctx, v);
  h.literal("</table>");
  h.el("p", {{"class", "muted"}},
       "三个心跳间隔（默认 60 秒）没有收到心跳即为离线。监控系统可从 /metrics 读取同样的状态。");
  return html_page(ctx, "屏幕", h);
}

Response page_screen(Console& console, const Request& request, const Caller& caller, const Params& params) {
  const std::string& id = params.at("id");
  PageContext ctx = page_context(console, caller, "/screens");
  const auto views = screen_views(console);
  if (!views) return page_refusal(500, views.error(), request.path);
  const ScreenView* view = nullptr;
  for (const auto& v : *views) view = v.facts.id == id ? &v : view;
  if (!view) return page_refusal(404, "没有这块屏幕", request.path);
  const auto contacts = console.store().screen_contacts(id);
  if (!contacts) return page_refusal(500, contacts.error().message, request.path);
  Html h;
  h.open("p");
  state_tags(h, view->state);
  h.text(" ");
  content_tag(h, view->state);
  h.text(" 最近联系：" + contact_text(console, view->facts.last_seen, view->state));
  h.close("p");
  if (view->screenshot_at) {
    h.el("h2", "最新截图（" + shown_time(model::to_iso_string(*view->screenshot_at, console.utc_offset_minutes())) +
                   "）");
    h.open("p");
    screenshot_img(h, *view, "shot");
    h.close("p");
  } else {
    h.el("p", {{"class", "muted"}}, "还没有截图（player.xml 的 <heartbeat> 需要 screenshot=\"true\"）。");
  }
  h.el("h2", "最近的心跳（只保留最新 " + std::to_string(store::kContactsKept) + " 次）");
  h.literal("<table><tr><th>收到时间</th><th>运行时长</th><th>正在显示</th><th>内存</th><th>源</th>"
            "<th>叫号</th></tr>");
  for (const auto& c : *contacts) {
    const ScreenReport r = read_report(c.report);
    std::string feeds;
    for (const auto& f : r.feeds) feeds += (feeds.empty() ? "" : "、") + f;
    h.open("tr").el("td", shown_time(model::to_iso_string(c.at, console.utc_offset_minutes())));
    h.el("td", r.uptime_seconds ? duration_text(*r.uptime_seconds) : "—").el("td", page_text(r));
    h.el("td", memory_text(r)).el("td", feeds.empty() ? "—" : feeds).el("td", queue_text(r)).close("tr");
  }
  h.literal("</table>");
  if (contacts->empty()) h.el("p", {{"class", "muted"}}, "还没有收到这块屏幕的心跳。");
  if (auto shown = latest_plays_table(console, h, id); !shown) return page_refusal(500, shown.error(), request.path);
  h.el("h2", "令牌");
  token_form(h, ctx, id);
  h.open("p").el("a", {{"href", "/screens"}}, "返回屏幕列表").close("p");
  return html_page(ctx, "屏幕 " + id, h);
}

// answers.md: a token is shown once, and player.xml is offered only with a
// new token. POST makes it and redirects; the GET shows it from a one-time
// slot of this session, so a reload never issues another (POST-redirect-GET).
Response page_screen_token(Console& console, const Request& request, const Caller& caller,
                           const Params& params) {
  const std::string& id = params.at("id");
  const std::string token = random_token();
  if (auto done = console.store().replace_screen_token(id, token_hash(token)); !done) {
    const auto kind = done.error().kind;
    if (kind == store::ErrorKind::conflict) return token_refused(console, caller, id, done.error().message);
    return page_refusal(kind == store::ErrorKind::not_found ? 404 : 500, done.error().message, request.path);
  }
  (void)console.store().audit({0, console.now(), caller.session->user.name, "token", "screen", id, {}, {}});
  console.new_tokens().add(id, caller.session->token_hash, token, console.now());
  return redirect("/screens/" + url_encode(id) + "/token");
}

Response page_screen_token_shown(Console& console, const Request&, const Caller& caller, const Params& params) {
  const std::string& id = params.at("id");
  PageContext ctx = page_context(console, caller, "/screens");
  const auto token = console.new_tokens().take(id, caller.session->token_hash, console.now());
  Html h;
  if (!token) {
    h.el("p", "令牌只显示一次：这个令牌已经显示过（或已过期），不会再显示。需要时请换发新令牌。");
    h.open("p").el("a", {{"href", "/screens/" + url_encode(id)}}, "返回屏幕 " + id).close("p");
    return html_page(ctx, "新令牌", h);
  }
  const std::string xml = player_xml(player_settings(console, id, *token));
  h.el("p", "屏幕“" + id + "”已换发新令牌，旧令牌已失效。新令牌和 player.xml 只显示这一次：");
  h.el("p", {{"class", "panel"}}, "令牌：" + *token);
  h.open("p").el("a", {{"class", "button primary"}, {"download", "player.xml"},
                       {"href", "data:application/xml;base64," + base64(xml)}},
                 "下载 player.xml").close("p");
  h.el("pre", {{"class", "xml"}}, xml);
  h.open("p").el("a", {{"href", "/screens"}}, "返回屏幕列表").close("p");
  Response r = html_page(ctx, "新令牌", h);
  r.set_header("Cache-Control", "no-store");  // the token must not outlive the page
  return r;
}

// From the database only (no request path reaches the filesystem), and
// never cached: the next heartbeat replaces it.
Response screen_screenshot_png(Console& console, const Request& request, const Caller&, const Params& params) {
  const auto shot = console.store().screenshot(params.at("id"));
  if (!shot) {
    return page_refusal(shot.error().kind == store::ErrorKind::not_found ? 404 : 500, shot.error().message,
                        request.path);
  }
  Response r;
  r.content_type = "image/png";
  r.body = shot->png;
  r.set_header("Cache-Control", "no-store");
  r.set_header("X-Content-Type-Options", "nosniff");
  return r;
}

}  // namespace hb::console
