// Dispatch: the one place that decides who may do what. Every route names
// its access level; a session is checked on the server for every request,
// its role against the route, and a request that changes state must carry
// the session's CSRF token (header or form field) — login excepted.
#include <string_view>

#include "console/auth.h"
#include "console/handlers.h"
#include "console/pages.h"

namespace hb::console {

namespace {

enum class Access { anyone, screen, logged_in, editor, approver, admin };

enum class Answer { json, page };  // how a refusal is given

struct Route {
  const char* method;
  const char* pattern;  // "/api/v1/absences/{id}"
  Access access;
  Handler handler;
  Answer answer = Answer::json;
};

const std::vector<Route>& routes() {
  static const std::vector<Route> table = {
      {"POST", "/api/v1/session", Access::anyone, api_login},
      {"DELETE", "/api/v1/session", Access::logged_in, api_logout},
      {"GET", "/api/v1/staff", Access::logged_in, api_staff},
      {"POST", "/api/v1/absences", Access::editor, api_add_absence},
      {"DELETE", "/api/v1/absences/{id}", Access::editor, api_delete_absence},
      {"POST", "/api/v1/notices", Access::editor, api_add_notice},
      {"POST", "/api/v1/items/import", Access::editor, api_import_items},
      {"POST", "/api/v1/publish", Access::approver, api_publish},
      {"GET", "/api/v1/versions", Access::logged_in, api_versions},
      {"POST", "/api/v1/versions/{n}/republish", Access::approver, api_republish},
      {"GET", "/feeds/{name}", Access::anyone, get_feed},
      {"GET", "/feeds/{dir}/{name}", Access::anyone, get_feed_asset},
      {"POST", "/api/v1/heartbeat", Access::screen, api_heartbeat},
      {"GET", "/api/v1/screens", Access::logged_in, api_screens},
      {"GET", "/metrics", Access::anyone, get_metrics},
      // The web pages.
      {"GET", "/static/console.css", Access::anyone, static_css, Answer::page},
      {"GET", "/static/console.js", Access::anyone, static_js, Answer::page},
      {"GET", "/login", Access::anyone, page_login, Answer::page},
      {"POST", "/login", Access::anyone, page_login_post, Answer::page},
      {"POST", "/logout", Access::logged_in, page_logout, Answer::page},
      {"GET", "/", Access::editor, page_home, Answer::page},
      {"GET", "/absences", Access::editor, page_absences, Answer::page},
      {"POST", "/absences/check", Access::editor, page_absence_check, Answer::page},
      {"POST", "/absences", Access::editor, page_absence_save, Answer::page},
      {"POST", "/absences/{id}/delete", Access::editor, page_absence_delete, Answer::page},
      {"GET", "/notices", Access::editor, page_notices, Answer::page},
      {"POST", "/notices", Access::editor, page_notice_save, Answer::page},
      {"POST", "/notices/{id}/delete", Access::editor, page_notice_delete, Answer::page},
      {"GET", "/items", Access::editor, page_records, Answer::page},
      {"GET", "/items/import", Access::editor, page_import, Answer::page},
      {"POST", "/items/import", Access::editor, page_import_check, Answer::page},
      {"POST", "/items/import/confirm", Access::editor, page_import_confirm, Answer::page},
      {"POST", "/records/stats/import", Access::editor, page_stats_import, Answer::page},
      {"GET", "/records/calendar/calendar", Access::editor, page_calendar, Answer::page},
      {"GET", "/records/calendar/new", Access::editor, page_calendar, Answer::page},
      {"POST", "/records/calendar/calendar", Access::editor, page_calendar_save, Answer::page},
      {"POST", "/records/calendar/new", Access::editor, page_calendar_save, Answer::page},
      {"GET", "/records/hall", Access::editor, page_hall, Answer::page},
      {"GET", "/records/hall/hall", Access::editor, page_hall, Answer::page},
      {"GET", "/records/hall/new", Access::editor, page_hall, Answer::page},
      {"POST", "/records/hall/hall", Access::editor, page_hall_save, Answer::page},
      {"POST", "/records/hall/new", Access::editor, page_hall_save, Answer::page},
      {"GET", "/records/stats/stats", Access::editor, page_stats, Answer::page},
      {"GET", "/records/stats/new", Access::editor, page_stats, Answer::page},
      {"POST", "/records/stats/stats", Access::editor, page_stats_save, Answer::page},
      {"POST", "/records/stats/new", Access::editor, page_stats_save, Answer::page},
      {"GET", "/records/playlist/{key}", Access::editor, page_playlist, Answer::page},
      {"POST", "/records/playlist/{key}", Access::editor, page_playlist_save, Answer::page},
      {"GET", "/records/item/{key}", Access::editor, page_item, Answer::page},
      {"POST", "/records/item/{key}", Access::editor, page_item_save, Answer::page},
      {"GET", "/records/{kind}", Access::editor, page_records, Answer::page},
      {"GET", "/records/{kind}/{key}", Access::editor, page_record, Answer::page},
      {"POST", "/records/{kind}/{key}", Access::editor, page_record_save, Answer::page},
      {"POST", "/records/{kind}/{key}/delete", Access::editor, page_record_delete, Answer::page},
      {"GET", "/preview", Access::editor, page_preview, Answer::page},
      {"GET", "/preview/{id}/{n}", Access::editor, preview_png, Answer::page},
      {"GET", "/publish", Access::editor, page_publish, Answer::page},
      {"POST", "/publish", Access::approver, page_publish_post, Answer::page},
      {"GET", "/versions", Access::editor, page_versions, Answer::page},
      {"POST", "/versions/{n}/republish", Access::approver, page_republish, Answer::page},
      {"GET", "/audit", Access::admin, page_audit, Answer::page},
      {"GET", "/users", Access::admin, page_users, Answer::page},
      {"POST", "/users", Access::admin, page_user_add, Answer::page},
      // IT watches the screens: admin only (console.md: admin manages screens).
      {"GET", "/screens", Access::admin, page_screens, Answer::page},
      {"GET", "/screens/{id}", Access::admin, page_screen, Answer::page},
      {"POST", "/screens/{id}/token", Access::admin, page_screen_token, Answer::page},
      {"GET", "/screens/{id}/token", Access::admin, page_screen_token_shown, Answer::page},
      {"GET", "/screens/{id}/screenshot.png", Access::admin, screen_screenshot_png, Answer::page},
      // The monthly proof-of-play report: every role may read and download it.
      {"GET", "/reports/plays", Access::logged_in, page_plays_report, Answer::page},
      {"GET", "/reports/plays.csv", Access::logged_in, plays_csv_download, Answer::page},
  };
  return table;
}

// Matches "/a/{x}/b" against "/a/7/b"; a {part} never holds a slash.
bool match(std::string_view pattern, std::string_view path, Params& params) {
  params.clear();
  while (!pattern.empty() && !path.empty()) {
    if (pattern.front() == '{') {
      const auto close = pattern.find('}');
      const auto slash = path.find('/');
      const std::string_view value = path.substr(0, slash);
      if (value.empty()) return false;
      params[std::string(pattern.substr(1, close - 1))] = std::string(value);
      pattern.remove_prefix(close + 1);
      path.remove_prefix(value.size());
      continue;
    }
    if (pattern.front() != path.front()) return false;
    pattern.remove_prefix(1);
    path.remove_prefix(1);
  }
  return pattern.empty() && path.empty();
}

int needed_rank(Access access) {
  switch (access) {
    case Access::editor: return 1;
    case Access::approver: return 2;
    case Access::admin: return 3;
    default: return 0;
  }
}

bool changes_state(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

std::string csrf_of(const Request& request) {
  std::string token = request.header("x-csrf-token");
  if (token.empty()) {
    const std::string type = request.header("content-type");
    if (type.rfind("application/x-www-form-urlencoded", 0) == 0) token = parse_form(request.body)["csrf"];
    if (type.rfind("multipart/form-data", 0) == 0) {
      const auto it = request.multipart_fields.find("csrf");
      if (it != request.multipart_fields.end()) token = it->second;
    }
  }
  return token;
}

// The session the cookie names, if it is alive; an idle one is dropped.
std::optional<store::Session> live_session(Console& console, const Request& request) {
  const std::string token = cookie_value(request.header("cookie"), "hb_session");
  if (token.empty()) return std::nullopt;
  const std::string hash = token_hash(token);
  auto session = console.store().session(hash);
  if (!session) return std::nullopt;
  const std::int64_t now = console.now();
  const SessionStep step =
      console.session_uses().use(hash, session->last_used, now, console.options().idle_timeout);
  if (!step.alive) {
    (void)console.store().drop_session(hash);
    return std::nullopt;
  }
  if (step.write) (void)console.store().touch_session(hash, now);
  return std::move(*session);
}

std::optional<std::string> screen_of(Console& console, const Request& request) {
  const std::string auth = request.header("authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (auth.rfind(kBearer, 0) != 0) return std::nullopt;
  const std::string hash = token_hash(auth.substr(kBearer.size()));
  const auto screens = console.store().screens();
  if (!screens) return std::nullopt;
  for (const store::Screen& s : *screens) {
    if (!s.revoked && same_token(s.token_hash, hash)) return s.id;
  }
  return std::nullopt;
}

// Checks the route's access; fills `caller` or returns the refusal.
std::optional<Response> refuse(Console& console, const Request& request, Access access,
                               Caller& caller) {
  if (access == Access::anyone) return std::nullopt;
  if (access == Access::screen) {
    auto screen = screen_of(console, request);
    if (!screen) return json_error(401, "屏幕令牌无效或已吊销");
    caller.screen = std::move(*screen);
    return std::nullopt;
  }
  caller.session = live_session(console, request);
  if (!caller.session) return json_error(401, "请先登录");
  if (role_rank(caller.session->user.role) < needed_rank(access)) {
    return json_error(403, "您的角色无权进行此操作");
  }
  if (changes_state(request.method) && !same_token(csrf_of(request), caller.session->csrf)) {
    return json_error(403, "缺少或错误的 CSRF 令牌；请刷新页面后重试");
  }
  return std::nullopt;
}

// The message of a JSON refusal, for the page that shows it instead.
std::string refusal_message(const Response& r) {
  const auto body = nlohmann::json::parse(r.body, nullptr, false);
  if (body.is_object() && body.contains("errors") && body["errors"].is_array() && !body["errors"].empty()) {
    return body["errors"][0].value("message", "");
  }
  return {};
}

}  // namespace

int role_rank(store::Role role) {
  switch (role) {
    case store::Role::editor: return 1;
    case store::Role::approver: return 2;
    case store::Role::admin: return 3;
  }
  return 0;
}

Response Console::handle(const Request& request) {
  Params params;
  bool path_known = false;
  for (const Route& route : routes()) {
    if (!match(route.pattern, request.path, params)) continue;
    path_known = true;
    const bool same_method =
        request.method == route.method || (request.method == "HEAD" && std::string_view(route.method) == "GET");
    if (!same_method) continue;
    Caller caller;
    if (auto refusal = refuse(*this, request, route.access, caller)) {
      if (route.answer == Answer::json) return std::move(*refusal);
      return page_refusal(refusal->status, refusal_message(*refusal), request.path);
    }
    return route.handler(*this, request, caller, params);
  }
  return path_known ? json_error(405, "不支持此请求方法") : json_error(404, "没有这个页面");
}

}  // namespace hb::console
