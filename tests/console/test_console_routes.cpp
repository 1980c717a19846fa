// Console::handle with a real store on a temporary folder and a fake clock:
// sessions, roles, CSRF, the login throttle, the content API, publishing
// and the published feeds (console.md's API table), without a socket.
#include <doctest/doctest.h>

#include <sys/resource.h>

#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "console/auth.h"
#include "console/console.h"
#include "console/feed_records.h"
#include "console/hall_form.h"
#include "console/handlers.h"
#include "console/http.h"
#include "console/playlist_form.h"
#include "console/stats_form.h"
#include "feed/encoding.h"
#include "files.h"
#include "net/sign.h"
#include "net/signature.h"
#include "store/sqlite.h"

namespace hb::console {

namespace {

constexpr std::int64_t kStart = 1796083200;  // 2026-12-01T00:00:00Z

// Argon2 is slow on purpose: each password is hashed once for the whole run.
const std::string& password_hash(const std::string& password) {
  static std::map<std::string, std::string> hashes;
  auto it = hashes.find(password);
  if (it == hashes.end()) it = hashes.emplace(password, hash_password(password).value()).first;
  return it->second;
}

struct LoggedIn {
  std::string cookie;  // "hb_session=…"
  std::string csrf;
};

// A console on the demo hall, as `init` leaves it but without version 1.
struct Hall {
  test::TempDir dir;
  store::Store store = store::Store::create((dir.path() / "console.db").string()).value();
  std::int64_t now = kStart;
  Signer signer;  // empty: feeds are unsigned
  std::shared_ptr<std::vector<std::string>> logged = std::make_shared<std::vector<std::string>>();
  Console console{store, options(dir.path(), signer, logged), [this] { return now; }};

  static ConsoleOptions options(const std::filesystem::path& data, const Signer& signer,
                                const std::shared_ptr<std::vector<std::string>>& logged) {
    ConsoleOptions o;
    o.log = [logged](const std::string& line) { logged->push_back(line); };
    o.data_dir = data;
    o.base_url = "https://hall.example.gov.cn/console";
    o.signer = signer;
    return o;
  }

  explicit Hall(Signer with = {}) : signer(std::move(with)) {
    std::vector<store::Record> records;
    std::map<std::string, std::int64_t> position;
    for (const char* name : {"hall.xml", "items.xml", "roster.xml"}) {
      const auto path = test::source_dir() / "content" / name;
      model::Diagnostics findings;
      const auto decoded = feed::decode(test::read_bytes(path), path.string(), findings);
      REQUIRE(decoded);
      for (auto& r : records_from_feed(decoded->utf8, random_key, nullptr)) {
        r.position = ++position[r.kind];
        records.push_back(std::move(r));
      }
    }
    REQUIRE(store.replace_records(records, "import", "init", now).ok());
    REQUIRE(store.set_setting("hall_id", "km-zjj").ok());
    REQUIRE(store.add_user("admin", store::Role::admin, password_hash("admin-pw"), now).ok());
    REQUIRE(store.add_user("editor", store::Role::editor, password_hash("editor-pw"), now).ok());
    REQUIRE(store.add_user("approver", store::Role::approver, password_hash("approver-pw"), now).ok());
    absences0 = count("absence");
    REQUIRE(absences0 > 0);
  }
  std::size_t absences0 = 0;

  Response call(const std::string& method, const std::string& path, const std::string& body = "",
                std::map<std::string, std::string> headers = {}) {
    Request r;
    r.method = method;
    r.path = path.substr(0, path.find('?'));  // the query apart, as the server hands it over
    if (const auto q = path.find('?'); q != std::string::npos) r.query = parse_form(path.substr(q + 1));
    r.body = body;
    r.headers = std::move(headers);
    return console.handle(r);
  }

  Response login_answer(const std::string& user, const std::string& password) {
    return call("POST", "/api/v1/session",
                nlohmann::json{{"user", user}, {"password", password}}.dump());
  }

  LoggedIn login(const std::string& user) {
    const Response r = login_answer(user, user + "-pw");
    REQUIRE(r.status == 200);
    const std::string set_cookie = r.header("Set-Cookie");
    REQUIRE(set_cookie.rfind("hb_session=", 0) == 0);
    return LoggedIn{set_cookie.substr(0, set_cookie.find(';')),
                    nlohmann::json::parse(r.body).at("csrf").get<std::string>()};
  }

  // A request with the session's cookie and CSRF token.
  Response as(const LoggedIn& who, const std::string& method, const std::string& path,
              const std::string& body = "") {
    return call(method, path, body, {{"cookie", who.cookie}, {"x-csrf-token", who.csrf}});
  }

  std::size_t count(const std::string& kind) { return store.records(kind).value().size(); }
};

std::vector<std::string> error_fields(const Response& r) {
  std::vector<std::string> out;
  const auto body = nlohmann::json::parse(r.body);
  for (const auto& e : body.at("errors")) {
    CHECK_FALSE(e.at("message").get<std::string>().empty());
    out.push_back(e.at("field").get<std::string>());
  }
  return out;
}

std::string absence_body(const std::string& staff, const std::string& from, const std::string& to,
                         const std::string& substitute = "") {
  nlohmann::json j{{"staff", staff}, {"from", from}, {"to", to}, {"reason", "年休假"}};
  if (!substitute.empty()) j["substitute"] = substitute;
  return j.dump();
}

struct RouteCase {
  const char* method;
  const char* path;
};

const std::vector<RouteCase> kLoggedInRoutes = {
    {"DELETE", "/api/v1/session"},          {"GET", "/api/v1/staff"},
    {"POST", "/api/v1/absences"},           {"DELETE", "/api/v1/absences/a123"},
    {"POST", "/api/v1/notices"},            {"POST", "/api/v1/publish"},
    {"GET", "/api/v1/versions"},            {"POST", "/api/v1/versions/1/republish"},
};

// Window 99 at the end of roster.xml, its A角 a staff id nobody has: a lint
// error, put straight into the drafts since the API refuses it.
void put_window_naming_nobody(Hall& h) {
  store::Record bad;
  bad.kind = "window";
  bad.key = "99";
  bad.position = 99;
  bad.body = R"(<window id="99" name="99号窗口"><post role="A" staff="s99"/></window>)";
  REQUIRE(h.store.put_record(bad, 0, "test", h.now).ok());
}

}  // namespace

TEST_CASE("routes: every API route without a live session is 401") {
  Hall h;
  const auto editor = h.login("editor");
  for (const RouteCase& r : kLoggedInRoutes) {
    CAPTURE(r.method);
    CAPTURE(r.path);
    const std::string body = "{}";
    CHECK(h.call(r.method, r.path, body).status == 401);
    CHECK(h.call(r.method, r.path, body, {{"cookie", "hb_session=forged"}, {"x-csrf-token", editor.csrf}})
              .status == 401);
    CHECK(h.call(r.method, r.path, body, {{"cookie", "hb_session="}}).status == 401);
    // The CSRF token alone is no session.
    CHECK(h.call(r.method, r.path, body, {{"x-csrf-token", editor.csrf}}).status == 401);
    const Response refused = h.call(r.method, r.path, body);
    CHECK(refused.content_type.rfind("application/json", 0) == 0);
    CHECK(error_fields(refused).size() == 1);
  }
  CHECK(h.count("absence") == h.absences0);
  CHECK_FALSE(h.store.latest_version().value());
}

TEST_CASE("routes: unknown paths are 404, wrong methods 405") {
  Hall h;
  CHECK(h.call("GET", "/api/v1/nothing").status == 404);
  CHECK(h.call("GET", "/api/v2/staff").status == 404);
  CHECK(h.call("PUT", "/api/v1/session").status == 405);
  CHECK(h.call("GET", "/api/v1/publish").status == 405);
  CHECK(h.call("GET", "/api/v1/absences//").status == 404);
}

TEST_CASE("roles: an editor may change drafts but not publish; an approver may publish") {
  Hall h;
  const auto editor = h.login("editor");
  CHECK(h.as(editor, "GET", "/api/v1/staff").status == 200);
  CHECK(h.as(editor, "GET", "/api/v1/versions").status == 200);
  const Response publish = h.as(editor, "POST", "/api/v1/publish");
  CHECK(publish.status == 403);
  CHECK(h.as(editor, "POST", "/api/v1/versions/1/republish").status == 403);
  CHECK_FALSE(h.store.latest_version().value());
  CHECK(h.as(editor, "POST", "/api/v1/absences",
             absence_body("s05", "2026-12-07T09:00", "2026-12-07T12:00"))
            .status == 201);
  const auto approver = h.login("approver");
  CHECK(h.as(approver, "POST", "/api/v1/publish").status == 201);
  const auto admin = h.login("admin");
  CHECK(h.as(admin, "POST", "/api/v1/publish").status == 201);
  CHECK(h.as(admin, "POST", "/api/v1/versions/1/republish").status == 201);
}

TEST_CASE("CSRF: a change without the session's token is 403 and changes nothing") {
  Hall h;
  const auto editor = h.login("editor");
  const auto approver = h.login("approver");
  const std::string body = absence_body("s05", "2026-12-07T09:00", "2026-12-07T12:00");
  struct Row {
    const char* what;
    std::map<std::string, std::string> headers;
  };
  const std::vector<Row> rows = {
      {"no token", {{"cookie", editor.cookie}}},
      {"empty token", {{"cookie", editor.cookie}, {"x-csrf-token", ""}}},
      {"wrong token", {{"cookie", editor.cookie}, {"x-csrf-token", editor.csrf + "x"}}},
      {"another session's token", {{"cookie", editor.cookie}, {"x-csrf-token", approver.csrf}}},
      {"the session token as CSRF token",
       {{"cookie", editor.cookie}, {"x-csrf-token", editor.cookie.substr(11)}}},
  };
  const auto before = h.store.all_records().value().size();
  const auto audit_before = h.store.audit_log(1LL << 60, 1000).value().size();
  for (const Row& row : rows) {
    CAPTURE(row.what);
    CHECK(h.call("POST", "/api/v1/absences", body, row.headers).status == 403);
    CHECK(h.call("POST", "/api/v1/notices", R"({"level":"info","text":"x"})", row.headers).status ==
          403);
    auto approver_headers = row.headers;
    approver_headers["cookie"] = approver.cookie;
    if (approver_headers["x-csrf-token"] == approver.csrf) approver_headers["x-csrf-token"] = editor.csrf;
    CHECK(h.call("POST", "/api/v1/publish", "", approver_headers).status == 403);
    CHECK(h.call("DELETE", "/api/v1/session", "", row.headers).status == 403);
  }
  CHECK(h.store.all_records().value().size() == before);
  CHECK(h.store.audit_log(1LL << 60, 1000).value().size() == audit_before);
  CHECK_FALSE(h.store.latest_version().value());
  // The session survived the refused logouts.
  CHECK(h.as(editor, "GET", "/api/v1/staff").status == 200);
  // Reading needs no token.
  CHECK(h.call("GET", "/api/v1/staff", "", {{"cookie", editor.cookie}}).status == 200);
  // The token as a form field does (a page's form).
  const Response added = h.as(editor, "POST", "/api/v1/absences", body);
  REQUIRE(added.status == 201);
  const std::string id = nlohmann::json::parse(added.body).at("id");
  CHECK(h.call("DELETE", "/api/v1/absences/" + id, "csrf=wrong",
               {{"cookie", editor.cookie}, {"content-type", "application/x-www-form-urlencoded"}})
            .status == 403);
  CHECK(h.call("DELETE", "/api/v1/absences/" + id, "csrf=" + url_encode(editor.csrf),
               {{"cookie", editor.cookie},
                {"content-type", "application/x-www-form-urlencoded; charset=UTF-8"}})
            .status == 204);
  // A form field in a body that is not a form is not read.
  const Response again = h.as(editor, "POST", "/api/v1/absences", body);
  const std::string id2 = nlohmann::json::parse(again.body).at("id");
  CHECK(h.call("DELETE", "/api/v1/absences/" + id2, "csrf=" + editor.csrf,
               {{"cookie", editor.cookie}, {"content-type", "text/plain"}})
            .status == 403);
}

TEST_CASE("login: the same 401 for an unknown user and a wrong password; cookie attributes") {
  Hall h;
  const Response unknown = h.login_answer("nobody", "whatever");
  const Response wrong = h.login_answer("editor", "whatever");
  CHECK(unknown.status == 401);
  CHECK(wrong.status == 401);
  CHECK(unknown.body == wrong.body);
  CHECK(unknown.header("Set-Cookie").empty());
  CHECK(wrong.header("Set-Cookie").empty());
  CHECK(h.login_answer("editor", "").status == 401);
  CHECK(h.login_answer("", "").status == 401);
  CHECK(h.call("POST", "/api/v1/session", "not json").status == 400);
  CHECK(h.call("POST", "/api/v1/session", "[1,2]").status == 400);

  const Response ok = h.login_answer("editor", "editor-pw");
  REQUIRE(ok.status == 200);
  const std::string cookie = ok.header("Set-Cookie");
  CHECK(cookie.find("HttpOnly") != std::string::npos);
  CHECK(cookie.find("SameSite=Strict") != std::string::npos);
  CHECK(cookie.find("Secure") == std::string::npos);
  CHECK(cookie.find("Path=/") != std::string::npos);
  const auto csrf = nlohmann::json::parse(ok.body).at("csrf").get<std::string>();
  CHECK(csrf.size() >= 32);
  CHECK(cookie.find(csrf) == std::string::npos);
  // Over TLS (or X-Forwarded-Proto: https, which server.cpp turns into tls).
  Request tls;
  tls.method = "POST";
  tls.path = "/api/v1/session";
  tls.body = R"({"user":"editor","password":"editor-pw"})";
  tls.tls = true;
  CHECK(h.console.handle(tls).header("Set-Cookie").find("; Secure") != std::string::npos);
  // Two logins are two sessions.
  CHECK(h.login("editor").cookie != h.login("editor").cookie);
  // The store keeps the token's hash, never the token.
  const std::string token = cookie.substr(11, cookie.find(';') - 11);
  CHECK_FALSE(h.store.session(token).ok());
  CHECK(h.store.session(token_hash(token)).ok());
}

TEST_CASE("login throttle: the sixth try is 429 even when right; others unaffected; lifted later") {
  Hall h;
  for (int i = 0; i < 5; ++i) {
    CAPTURE(i);
    CHECK(h.login_answer("editor", "wrong").status == 401);
    h.now += 60;  // the fifth failure is at kStart + 240
  }
  const std::int64_t fifth = kStart + 240;
  const Response locked = h.login_answer("editor", "editor-pw");
  CHECK(locked.status == 429);
  CHECK(error_fields(locked).size() == 1);
  CHECK(std::stoll(locked.header("Retry-After")) == fifth + 15 * 60 - h.now);
  CHECK(h.login_answer("editor", "wrong").status == 429);
  // Another user is not affected, nor is an unknown name.
  CHECK(h.login_answer("approver", "approver-pw").status == 200);
  CHECK(h.login_answer("nobody", "x").status == 401);
  // Still locked a second before 15 minutes after the fifth failure …
  h.now = fifth + 15 * 60 - 1;
  CHECK(h.login_answer("editor", "editor-pw").status == 429);
  // … and free at that time (refusals while locked did not extend it).
  h.now = fifth + 15 * 60;
  CHECK(h.login_answer("editor", "editor-pw").status == 200);
  // A success clears the count: four more failures do not lock.
  for (int i = 0; i < 4; ++i) CHECK(h.login_answer("editor", "wrong").status == 401);
  CHECK(h.login_answer("editor", "editor-pw").status == 200);
}

TEST_CASE("login throttle: failures spread over more than 15 minutes do not lock") {
  Hall h;
  for (int i = 0; i < 5; ++i) {
    CHECK(h.login_answer("editor", "wrong").status == 401);
    h.now += 4 * 60;  // 0, 4, 8, 12, 16 minutes
  }
  // The five are 16 minutes apart: not within 15.
  CHECK(h.login_answer("editor", "editor-pw").status == 200);
}

TEST_CASE("sessions: idle 30 minutes is gone; use keeps one alive; logout ends it") {
  Hall h;
  const auto editor = h.login("editor");
  h.now += 29 * 60;
  CHECK(h.as(editor, "GET", "/api/v1/staff").status == 200);
  h.now += 29 * 60;  // 58 minutes after login, 29 after the last use
  CHECK(h.as(editor, "GET", "/api/v1/staff").status == 200);
  h.now += 30 * 60;
  CHECK(h.as(editor, "GET", "/api/v1/staff").status == 401);
  // And it stays gone.
  h.now -= 10 * 60;
  CHECK(h.as(editor, "GET", "/api/v1/staff").status == 401);

  const auto approver = h.login("approver");
  const Response out = h.as(approver, "DELETE", "/api/v1/session");
  CHECK(out.status == 204);
  CHECK(out.header("Set-Cookie").find("Max-Age=0") != std::string::npos);
  CHECK(h.as(approver, "GET", "/api/v1/staff").status == 401);
  CHECK(h.as(approver, "DELETE", "/api/v1/session").status == 401);
  CHECK(h.as(approver, "POST", "/api/v1/publish").status == 401);
}

TEST_CASE("sessions: the idle timeout counts from the last request, never from the last write") {
  Hall h;
  const auto editor = h.login("editor");
  h.now += 59;  // under a minute: the store keeps the login time
  CHECK(h.as(editor, "GET", "/api/v1/staff").status == 200);
  h.now += 30 * 60 - 1;  // 30 minutes after login, a second short of idle
  CHECK(h.as(editor, "GET", "/api/v1/staff").status == 200);
  h.now += 30 * 60;
  CHECK(h.as(editor, "GET", "/api/v1/staff").status == 401);
}

TEST_CASE("a user added while the console runs can log in at once") {
  Hall h;
  CHECK(h.login_answer("zhang", "zhang-pw").status == 401);
  REQUIRE(h.store.add_user("zhang", store::Role::editor, password_hash("zhang-pw"), h.now).ok());
  CHECK(h.login_answer("zhang", "zhang-pw").status == 200);
}

TEST_CASE("staff: ids, names and windows") {
  Hall h;
  const auto editor = h.login("editor");
  const Response r = h.as(editor, "GET", "/api/v1/staff");
  REQUIRE(r.status == 200);
  const auto staff = nlohmann::json::parse(r.body);
  REQUIRE(staff.is_array());
  CHECK(staff.size() == 18);
  CHECK(staff[0].at("id") == "s01");
  CHECK(staff[0].at("name") == "张丽华");
  CHECK(staff[0].at("windows") == nlohmann::json::array({"1"}));
  CHECK(staff[4].at("name") == "杨𠮷安");
  CHECK(staff[15].at("windows").empty());
}

TEST_CASE("absences: 201 with an id, 422 naming the fields; DELETE 204 then 404") {
  Hall h;
  const auto editor = h.login("editor");
  const std::size_t before = h.count("absence");
  struct Row {
    const char* what;
    std::string body;
    int status;
    std::vector<std::string> fields;
  };
  const std::vector<Row> rows = {
      {"half a day", absence_body("s05", "2026-12-07T09:00", "2026-12-07T12:00"), 201, {}},
      {"two days with a substitute",
       absence_body("s06", "2026-12-07T09:00", "2026-12-08T17:00", "s15"), 201, {}},
      {"two days without", absence_body("s07", "2026-12-07T09:00", "2026-12-08T17:00"), 422,
       {"substitute"}},
      {"unknown staff", absence_body("s99", "2026-12-07T09:00", "2026-12-07T12:00"), 422, {"staff"}},
      {"unknown substitute", absence_body("s07", "2026-12-07T09:00", "2026-12-07T12:00", "s99"), 422,
       {"substitute"}},
      {"substitute is the person",
       absence_body("s07", "2026-12-07T09:00", "2026-12-08T17:00", "s07"), 422, {"substitute"}},
      {"substitute absent then (s06, just recorded)",
       absence_body("s07", "2026-12-08T09:00", "2026-12-09T17:00", "s06"), 422, {"substitute"}},
      {"to not after from", absence_body("s07", "2026-12-07T12:00", "2026-12-07T12:00"), 422, {"to"}},
      {"unreadable", absence_body("s07", "下周一", "2026-12-07T12:00"), 422, {"from"}},
      {"nothing", "{}", 422, {"staff", "from", "to"}},
  };
  int created = 0;
  for (const Row& row : rows) {
    CAPTURE(row.what);
    const Response r = h.as(editor, "POST", "/api/v1/absences", row.body);
    CHECK(r.status == row.status);
    if (r.status == 201) {
      ++created;
      const std::string id = nlohmann::json::parse(r.body).at("id");
      CHECK(h.store.record("absence", id).ok());
    } else if (r.status == 422) {
      CHECK(error_fields(r) == row.fields);
    }
  }
  CHECK(h.count("absence") == before + created);
  CHECK(h.as(editor, "POST", "/api/v1/absences", "not json").status == 400);

  // Stored as the feed writes it, with the hall's offset.
  const Response r = h.as(editor, "POST", "/api/v1/absences",
                          absence_body("s09", "2026-12-10T01:00:00+00:00", "2026-12-10T04:00:00+00:00"));
  REQUIRE(r.status == 201);
  const std::string id = nlohmann::json::parse(r.body).at("id");
  const auto stored = h.store.record("absence", id).value();
  CHECK(record_attribute(stored, "from") == "2026-12-10T09:00:00+08:00");
  CHECK(record_attribute(stored, "to") == "2026-12-10T12:00:00+08:00");
  CHECK(record_attribute(stored, "staff") == "s09");

  CHECK(h.as(editor, "DELETE", "/api/v1/absences/" + id).status == 204);
  CHECK_FALSE(h.store.record("absence", id).ok());
  CHECK(h.as(editor, "DELETE", "/api/v1/absences/" + id).status == 404);
  CHECK(h.as(editor, "DELETE", "/api/v1/absences/nonexistent").status == 404);
  // An id names an absence only: a staff member's key is no absence.
  CHECK(h.as(editor, "DELETE", "/api/v1/absences/s01").status == 404);
  CHECK(h.store.record("staff", "s01").ok());
}

TEST_CASE("notices: 201 with an id, 422 on empty text, bad level or bad times") {
  Hall h;
  const auto editor = h.login("editor");
  struct Row {
    const char* what;
    nlohmann::json body;
    int status;
    std::vector<std::string> fields;
  };
  const std::vector<Row> rows = {
      {"info", {{"level", "info"}, {"text", "今天下午停电"}}, 201, {}},
      {"urgent with times",
       {{"level", "urgent"}, {"text", "消防演练"}, {"from", "2026-12-03T10:00"}, {"to", "2026-12-03T11:00"}},
       201,
       {}},
      {"empty text", {{"level", "info"}, {"text", ""}}, 422, {"text"}},
      {"blank text", {{"level", "info"}, {"text", "  \n "}}, 422, {"text"}},
      {"no text", {{"level", "info"}}, 422, {"text"}},
      {"bad level", {{"level", "high"}, {"text", "x"}}, 422, {"level"}},
      {"bad from", {{"level", "info"}, {"text", "x"}, {"from", "soon"}}, 422, {"from"}},
      {"bad to", {{"level", "info"}, {"text", "x"}, {"to", "2026-02-30T10:00"}}, 422, {"to"}},
      {"to before from",
       {{"level", "info"}, {"text", "x"}, {"from", "2026-12-03T11:00"}, {"to", "2026-12-03T10:00"}},
       422,
       {"to"}},
      // Without an offset, times are the hall's (+08:00), also when compared
      // with a time that has one: 10:00 here is 02:00Z, before 03:00Z …
      {"mixed offsets, in order",
       {{"level", "info"}, {"text", "x"}, {"from", "2026-12-03T10:00"}, {"to", "2026-12-03T03:00+00:00"}},
       201,
       {}},
      // … and 09:00 here (01:00Z) is before 10:00+08:00 (02:00Z).
      {"mixed offsets, to before from",
       {{"level", "info"}, {"text", "x"}, {"from", "2026-12-03T10:00+08:00"}, {"to", "2026-12-03T09:00"}},
       422,
       {"to"}},
  };
  const std::size_t before = h.count("notice");
  int created = 0;
  for (const Row& row : rows) {
    CAPTURE(row.what);
    const Response r = h.as(editor, "POST", "/api/v1/notices", row.body.dump());
    CHECK(r.status == row.status);
    if (r.status == 201) {
      ++created;
      const std::string id = nlohmann::json::parse(r.body).at("id");
      const auto stored = h.store.record("notice", id);
      REQUIRE(stored.ok());
      CHECK(record_attribute(*stored, "id") == id);
    } else if (r.status == 422) {
      CHECK(error_fields(r) == row.fields);
    }
  }
  CHECK(h.count("notice") == before + created);
}

TEST_CASE("publish, versions, republish: numbers, URLs from --url, newest first") {
  Hall h;
  const auto approver = h.login("approver");
  const auto editor = h.login("editor");
  CHECK(nlohmann::json::parse(h.as(editor, "GET", "/api/v1/versions").body).empty());

  const Response v1 = h.as(approver, "POST", "/api/v1/publish");
  REQUIRE(v1.status == 201);
  const auto j1 = nlohmann::json::parse(v1.body);
  CHECK(j1.at("version") == 1);
  std::vector<std::string> urls;
  for (const std::string& name : feed_names()) urls.push_back("https://hall.example.gov.cn/console/feeds/" + name);
  CHECK(j1.at("feeds").get<std::vector<std::string>>() == urls);
  for (const std::string& name : feed_names()) {
    CAPTURE(name);
    CHECK(std::filesystem::exists(h.dir / "feeds" / name));
  }

  h.now += 600;  // sessions stay alive: less than the idle timeout
  REQUIRE(h.as(editor, "POST", "/api/v1/absences",
               absence_body("s05", "2026-12-07T09:00", "2026-12-07T12:00"))
              .status == 201);
  const Response v2 = h.as(approver, "POST", "/api/v1/publish");
  REQUIRE(v2.status == 201);
  CHECK(nlohmann::json::parse(v2.body).at("version") == 2);

  h.now += 600;  // sessions stay alive: less than the idle timeout
  const Response v3 = h.as(approver, "POST", "/api/v1/versions/1/republish");
  REQUIRE(v3.status == 201);
  CHECK(nlohmann::json::parse(v3.body).at("version") == 3);
  CHECK(nlohmann::json::parse(v3.body).at("feeds").get<std::vector<std::string>>() == urls);
  // The drafts are version 1's again: the absence is gone.
  CHECK(h.count("absence") == h.absences0);
  CHECK(h.as(approver, "POST", "/api/v1/versions/99/republish").status == 404);
  CHECK(h.as(approver, "POST", "/api/v1/versions/x/republish").status == 404);
  CHECK(h.as(approver, "POST", "/api/v1/versions/0/republish").status == 404);

  const Response list = h.as(editor, "GET", "/api/v1/versions");
  REQUIRE(list.status == 200);
  const auto versions = nlohmann::json::parse(list.body);
  REQUIRE(versions.size() == 3);
  CHECK(versions[0].at("version") == 3);
  CHECK(versions[1].at("version") == 2);
  CHECK(versions[2].at("version") == 1);
  CHECK(versions[0].at("by") == "approver");
  CHECK(versions[2].at("published") == "2026-12-01T08:00:00+08:00");
  CHECK(versions[0].at("published") == "2026-12-01T08:20:00+08:00");

  // Republished content has a later generated than anything before.
  const auto roster1 = h.store.version_feeds(1).value();
  const auto roster3 = h.store.version_feeds(3).value();
  for (std::size_t i = 0; i < roster1.size(); ++i) {
    if (roster1[i].name != "roster.xml") continue;
    CHECK(roster3[i].generated_unix == kStart + 1200);
    CHECK(roster3[i].bytes != roster1[i].bytes);
  }
}

TEST_CASE("publish: drafts with lint errors are 422 with lint's lines, and nothing is published") {
  Hall h;
  const auto approver = h.login("approver");
  // A window whose post names nobody: put straight into the drafts, as the
  // API refuses it.
  put_window_naming_nobody(h);
  const Response r = h.as(approver, "POST", "/api/v1/publish");
  CHECK(r.status == 422);
  const auto fields = error_fields(r);
  CHECK_FALSE(fields.empty());
  const auto body = nlohmann::json::parse(r.body);
  CHECK(body.at("errors")[0].at("message").get<std::string>().find("error") != std::string::npos);
  CHECK_FALSE(h.store.latest_version().value());
  CHECK_FALSE(std::filesystem::exists(h.dir / "feeds" / "roster.xml"));
}

TEST_CASE("feeds: served from the latest version with ETag; 304; only the fixed names") {
  Hall h;
  CHECK(h.call("GET", "/feeds/roster.xml").status == 404);  // nothing published yet
  const auto approver = h.login("approver");
  REQUIRE(h.as(approver, "POST", "/api/v1/publish").status == 201);
  const auto files = h.store.version_feeds(1).value();
  for (const store::FeedFile& f : files) {
    CAPTURE(f.name);
    const Response r = h.call("GET", "/feeds/" + f.name);
    CHECK(r.status == 200);
    CHECK(r.body == f.bytes);
    CHECK(r.content_type.rfind("application/xml", 0) == 0);
    const std::string etag = r.header("ETag");
    CHECK(etag == "\"" + f.sha256 + "\"");
    CHECK_FALSE(r.header("Last-Modified").empty());
    CHECK(r.body == test::read_bytes(h.dir / "feeds" / f.name));
    const Response again = h.call("GET", "/feeds/" + f.name, "", {{"if-none-match", etag}});
    CHECK(again.status == 304);
    CHECK(again.body.empty());
    CHECK(again.header("ETag") == etag);
    CHECK(h.call("GET", "/feeds/" + f.name, "", {{"if-none-match", "\"other\""}}).status == 200);
    CHECK(h.call("HEAD", "/feeds/" + f.name).status == 200);
  }
  // Unsigned: no signatures to serve.
  CHECK(h.call("GET", "/feeds/roster.xml.sig").status == 404);

  // A second publish with a change: only roster's ETag moves.
  const auto editor = h.login("editor");
  REQUIRE(h.as(editor, "POST", "/api/v1/absences",
               absence_body("s05", "2026-12-07T09:00", "2026-12-07T12:00"))
              .status == 201);
  h.now += 10;
  REQUIRE(h.as(approver, "POST", "/api/v1/publish").status == 201);
  for (const store::FeedFile& f : files) {
    CAPTURE(f.name);
    const Response r = h.call("GET", "/feeds/" + f.name, "", {{"if-none-match", "\"" + f.sha256 + "\""}});
    CHECK(r.status == (f.name == "roster.xml" ? 200 : 304));
  }

  // Nothing from a request reaches the file system.
  {
    std::ofstream secret(h.dir / "feeds" / "secret.xml");
    secret << "<secret/>";
  }
  for (const char* path :
       {"/feeds/../console.db", "/feeds/..%2Fconsole.db", "/feeds/..", "/feeds/.",
        "/feeds/console.db", "/feeds/secret.xml", "/feeds/.roster.xml.tmp", "/feeds/ROSTER.XML",
        "/feeds/roster.xml/", "/feeds/roster.xml%00", "/feeds/", "/feeds", "/feeds/feeds.key",
        "/feeds/%2e%2e/console.db", "/feeds/roster", "/feeds/.sig", "/feeds/console.db.sig",
        "/feeds//etc/passwd"}) {
    CAPTURE(path);
    const Response r = h.call("GET", path);
    CHECK(r.status == 404);
    CHECK(r.body.find("SQLite") == std::string::npos);
    CHECK(r.body.find("<secret") == std::string::npos);
  }
  {
    Request r;
    r.method = "GET";
    r.path = std::string("/feeds/roster.xml\0../console.db", 31);
    CHECK(h.console.handle(r).status == 404);
  }
}

}  // namespace hb::console

namespace hb::console {

TEST_CASE("records: deleting one the others still name is refused; a form save keeps the revision") {
  Hall h;
  const LoggedIn editor = h.login("editor");
  // s01 holds window 1's A post: the drafts without it would break a rule.
  const Response refused = h.as(editor, "POST", "/records/staff/s01/delete");
  CHECK(refused.status == 422);
  CHECK(refused.body.find("未删除") != std::string::npos);
  CHECK(h.store.record("staff", "s01").ok());
  // A pledge names nobody's post: it goes.
  const auto pledges = h.store.records("pledge").value();
  REQUIRE_FALSE(pledges.empty());
  const Response gone = h.as(editor, "POST", "/records/pledge/" + pledges[0].key + "/delete");
  CHECK(gone.status == 303);
  CHECK(h.count("pledge") == pledges.size() - 1);
  // A window saved with a stale revision: a conflict, and the typed values stay on the page.
  const auto window = h.store.record("window", "1").value();
  const std::string form = "csrf=" + editor.csrf + "&rev=" + std::to_string(window.rev) +
                           "&id=1&name=%E4%B8%80%E5%8F%B7&service=x&post_a=s01&post_b=s02";
  auto post = [&](const std::string& body) {
    return h.call("POST", "/records/window/1", body,
                  {{"cookie", editor.cookie}, {"content-type", "application/x-www-form-urlencoded"}});
  };
  CHECK(post(form).status == 303);
  const Response stale = post(form);
  CHECK(stale.status == 409);
  CHECK(stale.body.find("别人刚改过") != std::string::npos);
  CHECK(stale.body.find("value=\"一号\"") != std::string::npos);
}

namespace {

// The form field <div> holding the input `name` ("" when there is none).
std::string field_div(const std::string& html, const std::string& name) {
  const auto label = html.find("for=\"f-" + name + "\"");
  if (label == std::string::npos) return "";
  const auto open = html.rfind("<div", label);
  const auto close = html.find("</div>", label);
  return html.substr(open, close - open);
}

// The list of problems above a form ("" when there is none).
std::string general_list(const std::string& html) {
  const auto open = html.find("<ul class=\"errors\"");
  if (open == std::string::npos) return "";
  return html.substr(open, html.find("</ul>", open) - open);
}

}  // namespace

TEST_CASE("records: a save lint refuses shows lint's message beside the field it concerns") {
  Hall h;
  const LoggedIn editor = h.login("editor");
  auto post = [&](const std::string& path, const std::string& body) {
    return h.call("POST", path, "csrf=" + editor.csrf + "&" + body,
                  {{"cookie", editor.cookie}, {"content-type", "application/x-www-form-urlencoded"}});
  };
  SUBCASE("a window's A post naming no staff member: beside A角") {
    const auto window = h.store.record("window", "1").value();
    const Response r = post("/records/window/1", "rev=" + std::to_string(window.rev) +
                                                     "&id=1&name=x&service=x&post_a=s99&post_b=s02");
    CHECK(r.status == 422);
    const std::string a = field_div(r.body, "post_a");
    CHECK(a.find("A角") != std::string::npos);
    CHECK(a.find("class=\"error\"") != std::string::npos);
    CHECK(a.find("s99") != std::string::npos);
    CHECK(a.find("<option value=\"s99\" selected") != std::string::npos);  // as sent, not emptied
    CHECK(field_div(r.body, "post_b").find("class=\"error\"") == std::string::npos);
    CHECK(general_list(r.body).find("s99") == std::string::npos);
    CHECK(h.store.record("window", "1").value().rev == window.rev);
  }
  SUBCASE("a result with a date that is no date: beside 办结日期") {
    const Response r = post("/records/result/new",
                            "item=JS-0001&number=2026-0001&date=2026-13-45&decision=approve&applicant-kind=org");
    CHECK(r.status == 422);
    const std::string date = field_div(r.body, "date");
    CHECK(date.find("办结日期") != std::string::npos);
    CHECK(date.find("class=\"error\"") != std::string::npos);
    CHECK(date.find("2026-13-45") != std::string::npos);
    CHECK(general_list(r.body).find("2026-13-45") == std::string::npos);
  }
  SUBCASE("an item naming a window there is not: beside 受理窗口") {
    const Response r = post("/records/item/new", "id=ZZ-0001&name=x&promised=%E5%8D%B3%E5%8A%9E&window=99");
    CHECK(r.status == 422);
    const std::string window = field_div(r.body, "window");
    CHECK(window.find("受理窗口") != std::string::npos);
    CHECK(window.find("class=\"error\"") != std::string::npos);
    CHECK(general_list(r.body).empty());
  }
  SUBCASE("as XML, every finding about the record is beside the XML") {
    const auto calendar = h.store.record("calendar", "calendar").value();
    const Response r =
        post("/records/calendar/calendar",
             "rev=" + std::to_string(calendar.rev) + "&xml=" +
                 url_encode(R"(<calendar><hours days="mon-fri" open="25:00" close="17:00"/></calendar>)"));
    CHECK(r.status == 422);
    const std::string xml = field_div(r.body, "xml");
    CHECK(xml.find("class=\"error\"") != std::string::npos);
    CHECK(xml.find("25:00") != std::string::npos);
    CHECK(general_list(r.body).find("25:00") == std::string::npos);
  }
}

TEST_CASE("errors_gained: the JSON answer names the part of the record a finding is about") {
  Hall h;
  store::Record window = h.store.record("window", "1").value();
  const std::int64_t rev = window.rev;
  window.body = R"(<window id="1" name="x"><post role="A" staff="s99"/><post role="B" staff="s02"/></window>)";
  const auto saved = put_checked_record(h.console, window, rev, "test");
  REQUIRE_FALSE(saved);
  CHECK(saved.error().status == 422);
  const Response r = json_refusal(saved.error());
  const auto errors = nlohmann::json::parse(r.body).at("errors");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].at("field") == "post[role=A]");
  // Lint's message as lint words it; its place in a generated feed means nothing to the caller.
  CHECK(errors[0].at("message").get<std::string>().rfind("<post staff=\"s99\">", 0) == 0);
  // A change that breaks a rule about no one part of it: no field, lint's whole line.
  const auto deleted = delete_checked_record(h.console, "staff", "s02", "test");
  REQUIRE_FALSE(deleted);
  for (const FieldProblem& p : deleted.error().problems) {
    CHECK(p.field.empty());
    CHECK(p.message.find("roster.xml:") == 0);
  }
}

}  // namespace hb::console

namespace hb::console {

namespace {

// The staff form as a browser without JavaScript sends it: multipart, the
// record's current values, and `photo_file` when a file was chosen.
Response save_staff_with_photo(Hall& h, const LoggedIn& who, const std::string& key,
                               const std::string& filename, const std::string& bytes) {
  const store::Record r = h.store.record("staff", key).value();
  Request request;
  request.method = "POST";
  request.path = "/records/staff/" + key;
  request.headers = {{"cookie", who.cookie}, {"content-type", "multipart/form-data; boundary=b"}};
  request.multipart_fields = {{"csrf", who.csrf}, {"rev", std::to_string(r.rev)}, {"id", key}};
  for (const char* a : {"name", "title", "badge", "photo", "party"}) {
    request.multipart_fields[a] = record_attribute(r, a);
  }
  request.uploads.push_back(Upload{"photo_file", filename, "image/png", bytes});
  return h.console.handle(request);
}

// Every file under `dir` whose name ends with `ending`.
std::vector<std::string> files_ending(const std::filesystem::path& dir, const std::string& ending) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.path().filename().string().ends_with(ending)) out.push_back(e.path().string());
  }
  return out;
}

}  // namespace

TEST_CASE("staff photo: a PNG is stored under a made-up name, named by the record and served") {
  Hall h;
  const LoggedIn editor = h.login("editor");
  const std::string png = test::read_bytes(test::source_dir() / "content" / "photos" / "s02.png");
  const Response saved = save_staff_with_photo(h, editor, "s01", "../../x.png", png);
  REQUIRE(saved.status == 303);
  const std::string name = record_attribute(h.store.record("staff", "s01").value(), "photo");
  CHECK(name == "photos/up-" + sha256_hex(png).substr(0, 16) + ".png");
  // Served beside the feeds under that name …
  const Response served = h.call("GET", "/feeds/" + name);
  CHECK(served.status == 200);
  CHECK(served.body == png);
  CHECK(served.content_type == "image/png");
  // … shown on the form as a thumbnail, in a form that can upload …
  const Response page = h.as(editor, "GET", "/records/staff/s01");
  CHECK(page.body.find("<img src=\"/feeds/" + name + "\"") != std::string::npos);
  CHECK(page.body.find("enctype=\"multipart/form-data\"") != std::string::npos);
  CHECK(page.body.find("name=\"photo_file\"") != std::string::npos);
  // … and written beside the published feeds for nginx.
  const auto approver = h.login("approver");
  REQUIRE(h.as(approver, "POST", "/api/v1/publish").status == 201);
  CHECK(test::read_bytes(h.dir.path() / "feeds" / name) == png);
  // The request's file name reached neither the database nor the disk.
  CHECK(files_ending(h.dir.path(), "x.png").empty());
  CHECK_FALSE(std::filesystem::exists(h.dir.path().parent_path() / "x.png"));
  const auto assets = h.store.assets().value();
  for (const auto& a : assets) CHECK(a.name.find("x.png") == std::string::npos);
  CHECK(h.call("GET", "/feeds/../../x.png").status == 404);
}

TEST_CASE("staff photo: a text file named .png, an oversize picture or an empty file is refused beside the field") {
  Hall h;
  const LoggedIn editor = h.login("editor");
  const auto before = h.store.record("staff", "s01").value();
  const std::string big = test::read_bytes(test::source_dir() / "content" / "photos" / "s02.png") +
                          std::string(3u * 1024u * 1024u, '\0');
  struct Case {
    const char* what;
    std::string filename, bytes;
    const char* says;
  };
  const Case cases[] = {
      {"text", "photo.png", "这不是照片，只是文字。\n", "不是 PNG 或 JPEG"},
      {"oversize", "big.png", big, "过大"},
      {"empty", "empty.png", "", "空的"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    const Response r = save_staff_with_photo(h, editor, "s01", c.filename, c.bytes);
    CHECK(r.status == 422);
    // The message is inside the photo field's box, not only at the top.
    const auto field = r.body.find("<div class=\"field has-error\"><label for=\"f-photo\">");
    REQUIRE(field != std::string::npos);
    const auto message = r.body.find(c.says, field);
    CHECK(message != std::string::npos);
    CHECK(message < r.body.find("</div>", field));
    const auto after = h.store.record("staff", "s01").value();
    CHECK(after.rev == before.rev);
    CHECK(after.body == before.body);
  }
  CHECK(h.store.assets().value().empty());
}

}  // namespace hb::console

namespace hb::console {

namespace {

// A throwaway Ed25519 key for these tests only.
constexpr const char* kTestKey =
    "-----BEGIN PRIVATE KEY-----\n"
    "MC4CAQAwBQYDK2VwBCIEINKft/xfmpVtpZWfnRyRwtO3NJN+6jyKpzGydGiekPJp\n"
    "-----END PRIVATE KEY-----\n";

Signer signer_of(std::shared_ptr<net::SigningKey> key) {
  return [key](std::string_view bytes) -> base::Result<std::string, SigningError> {
    auto s = key->sign(bytes);
    if (s.error) return SigningError{s.error->message};
    return std::move(s.signature);
  };
}

}  // namespace

TEST_CASE("feeds: each .sig is served from the database, verifies, and outlives its file; a republish re-signs") {
  auto read = net::SigningKey::from_pem(kTestKey, "test.key");
  REQUIRE(read.key);
  const auto key = std::make_shared<net::SigningKey>(std::move(*read.key));
  const auto trust = net::TrustKey::from_pem(key->public_pem(), "test.pub");
  REQUIRE(trust.key);
  Hall h(signer_of(key));
  const auto approver = h.login("approver");
  REQUIRE(h.as(approver, "POST", "/api/v1/publish").status == 201);
  const auto v1 = h.store.version_feeds(1).value();
  for (const store::FeedFile& f : v1) {
    CAPTURE(f.name);
    const Response feed = h.call("GET", "/feeds/" + f.name);
    const Response sig = h.call("GET", "/feeds/" + f.name + ".sig");
    REQUIRE(sig.status == 200);
    CHECK(sig.body == f.signature);
    CHECK(trust.key->verify(feed.body, sig.body, f.name).ok);
    CHECK(test::read_bytes(h.dir / "feeds" / (f.name + ".sig")) == sig.body);
    CHECK(sig.header("Last-Modified") == feed.header("Last-Modified"));
    CHECK(sig.header("ETag") != feed.header("ETag"));
    CHECK(h.call("GET", "/feeds/" + f.name + ".sig", "", {{"if-none-match", sig.header("ETag")}}).status == 304);
    // Served from the database: the file going does not take it away.
    std::filesystem::remove(h.dir / "feeds" / (f.name + ".sig"));
    const Response again = h.call("GET", "/feeds/" + f.name + ".sig");
    CHECK(again.status == 200);
    CHECK(again.body == sig.body);
  }

  // Version 2 changes the roster; republishing version 1 gives it new bytes
  // (a later generated), which carry their own valid signature.
  const auto editor = h.login("editor");
  h.now += 60;
  REQUIRE(h.as(editor, "POST", "/api/v1/absences",
               absence_body("s05", "2026-12-07T09:00", "2026-12-07T12:00"))
              .status == 201);
  REQUIRE(h.as(approver, "POST", "/api/v1/publish").status == 201);
  h.now += 60;
  REQUIRE(h.as(approver, "POST", "/api/v1/versions/1/republish").status == 201);
  const std::string roster = h.call("GET", "/feeds/roster.xml").body;
  const std::string roster_sig = h.call("GET", "/feeds/roster.xml.sig").body;
  for (const store::FeedFile& f : v1) {
    if (f.name == "roster.xml") CHECK(roster != f.bytes);
  }
  CHECK(trust.key->verify(roster, roster_sig, "roster.xml").ok);
  CHECK(test::read_bytes(h.dir / "feeds" / "roster.xml") == roster);
  CHECK(test::read_bytes(h.dir / "feeds" / "roster.xml.sig") == roster_sig);
  // And the deleted files of the untouched feeds are back on disk for nginx.
  const auto v3 = h.store.version_feeds(3).value();
  for (const store::FeedFile& f : v3) {
    CAPTURE(f.name);
    CHECK(trust.key->verify(test::read_bytes(h.dir / "feeds" / f.name),
                            test::read_bytes(h.dir / "feeds" / (f.name + ".sig")), f.name)
              .ok);
  }
}

// The row forms: a save, a value refused beside its field (what was typed
// stays), a stale revision (409) and lint's refusal (shown at the top).
namespace {

// A form as a browser posts it (application/x-www-form-urlencoded).
std::string encoded(const std::map<std::string, std::string>& form) {
  std::string out;
  for (const auto& [name, value] : form) out += (out.empty() ? "" : "&") + url_encode(name) + "=" + url_encode(value);
  return out;
}

struct FormPoster {
  Hall& h;
  LoggedIn who;
  Response post(const std::string& path, std::map<std::string, std::string> form) {
    form["csrf"] = who.csrf;
    return h.call("POST", path, encoded(form),
                  {{"cookie", who.cookie}, {"content-type", "application/x-www-form-urlencoded"}});
  }
  Response get(const std::string& path) { return h.as(who, "GET", path); }
};

}  // namespace

TEST_CASE("hall form: saved, refused beside the field, and a stale revision is a conflict") {
  Hall h;
  FormPoster editor{h, h.login("editor")};
  const Response page = editor.get("/records/hall");
  CHECK(page.status == 200);
  CHECK(page.body.find("name=\"phone_number_1\"") != std::string::npos);
  CHECK(page.body.find("咨询电话") != std::string::npos);
  const auto hall = h.store.record("hall", "hall").value();
  auto form = hall_form_values(hall.body);
  form["rev"] = std::to_string(hall.rev);
  form["phone_number_1"] = "0871-60000000";
  CHECK(editor.post("/records/hall/hall", form).status == 303);
  CHECK(h.store.record("hall", "hall").value().body.find("0871-60000000") != std::string::npos);
  form["rev"] = std::to_string(h.store.record("hall", "hall").value().rev);
  form["phone_number_2"] = "<无>";
  const Response refused = editor.post("/records/hall/hall", form);
  CHECK(refused.status == 422);
  CHECK(refused.body.find("电话号码应含数字") != std::string::npos);
  CHECK(refused.body.find("value=\"&lt;无&gt;\"") != std::string::npos);
  form["phone_number_2"] = "0871-61111111";
  form["rev"] = std::to_string(hall.rev);  // the revision before the first save
  const Response stale = editor.post("/records/hall/hall", form);
  CHECK(stale.status == 409);
  CHECK(stale.body.find("别人刚改过") != std::string::npos);
  CHECK(stale.body.find("0871-61111111") != std::string::npos);
}

TEST_CASE("stats form: a new month from the roster's windows; a refused one keeps what was typed") {
  Hall h;
  FormPoster editor{h, h.login("editor")};
  const Response page = editor.get("/records/stats/new");
  CHECK(page.status == 200);
  CHECK(page.body.find("name=\"window_id_1\"") != std::string::npos);
  CHECK(page.body.find("五级好差评") != std::string::npos);
  // The demo's roster.xml has October; the new month replaces it in the drafts.
  const auto october = h.store.record("stats", "stats").value();
  CHECK(page.body.find("替换草稿中 2026-10") != std::string::npos);
  std::map<std::string, std::string> form{
      {"rev", std::to_string(october.rev)}, {"month", "2026-11"}, {"window_src_1", ""}, {"window_id_1", "1"},
      {"window_handled_1", "40"}, {"window_ontime_1", "41"}, {"window_way_1", "rated"},
      {"window_rated_1", "30"}, {"window_satisfied_1", "29"}};
  const Response refused = editor.post("/records/stats/new", form);
  CHECK(refused.status == 422);
  CHECK(refused.body.find("按时办结数不能多于办件量") != std::string::npos);
  CHECK(refused.body.find("value=\"41\"") != std::string::npos);
  CHECK(h.store.record("stats", "stats").value().body == october.body);
  form["window_id_1"] = "no-such-window";  // lint's rule: a roster window
  form["window_ontime_1"] = "39";
  const Response unknown = editor.post("/records/stats/new", form);
  CHECK(unknown.status == 422);
  CHECK(unknown.body.find("class=\"errors\"") != std::string::npos);
  CHECK(unknown.body.find("no-such-window") != std::string::npos);
  form["window_id_1"] = "1";
  CHECK(editor.post("/records/stats/new", form).status == 303);
  const auto saved = h.store.record("stats", "stats").value();
  CHECK(saved.body.find(R"(<stats month="2026-11"><window id="1" handled="40" ontime="39" rated="30" satisfied="29"/>)") !=
        std::string::npos);
  CHECK(editor.get("/records/stats/stats").body.find("value=\"2026-11\"") != std::string::npos);
  CHECK(editor.get("/records/stats/new").body.find("value=\"2026-12\"") != std::string::npos);
  form["month"] = "2026-12";  // the page read before November was saved: a conflict
  const Response stale = editor.post("/records/stats/new", form);
  CHECK(stale.status == 409);
  CHECK(stale.body.find("value=\"2026-12\"") != std::string::npos);
}

TEST_CASE("playlist form: a new playlist keyed by its screens; screens already planned are refused") {
  Hall h;
  FormPoster editor{h, h.login("editor")};
  const auto all = h.store.record("playlist", "*").value();
  const Response page = editor.get("/records/playlist/*");
  CHECK(page.status == 200);
  CHECK(page.body.find("淡入淡出") != std::string::npos);
  CHECK(page.body.find("事项列表") != std::string::npos);
  std::map<std::string, std::string> form{{"rev", "0"},         {"screen", "*"},        {"transition", "none"},
                                          {"slide_src_1", ""}, {"slide_type_1", "roster"}, {"slide_seconds_1", "12"}};
  const Response taken = editor.post("/records/playlist/new", form);
  CHECK(taken.status == 422);
  CHECK(taken.body.find("已有播放列表") != std::string::npos);
  form["screen"] = "lobby-9";
  CHECK(editor.post("/records/playlist/new", form).status == 303);
  CHECK(h.store.record("playlist", "lobby-9").value().body ==
        R"(<playlist screen="lobby-9" transition="none"><slide type="roster" seconds="12"/></playlist>)");
  auto edit = playlist_form_values(all.body);
  edit["rev"] = std::to_string(all.rev);
  edit["slide_seconds_1"] = "0";
  const Response bad = editor.post("/records/playlist/*", edit);
  CHECK(bad.status == 422);
  CHECK(bad.body.find("1 到 3600") != std::string::npos);
  edit["slide_seconds_1"] = "20";
  CHECK(editor.post("/records/playlist/*", edit).status == 303);
  CHECK(h.store.record("playlist", "*").value().body.find(R"(<slide type="items" seconds="20")") != std::string::npos);

  // A playlist written with spaces in its screen list (by the XML editor or
  // an imported feed) saves through the form unchanged.
  store::Record spaced;
  spaced.kind = "playlist";
  spaced.key = "lobby-7, lobby-8";
  spaced.body = R"(<playlist screen="lobby-7, lobby-8"><slide type="roster" seconds="10"/></playlist>)";
  REQUIRE(h.store.put_record(spaced, 0, "test", h.now).ok());
  auto same = playlist_form_values(spaced.body);
  same["rev"] = "1";
  CHECK(editor.post("/records/playlist/" + spaced.key, same).status == 303);  // the path as decoded
}

TEST_CASE("an error already in the drafts does not refuse a save that moves it down the feed") {
  Hall h;
  // A window whose post names nobody, put straight into the drafts (the
  // API refuses it) at the end of roster.xml.
  put_window_naming_nobody(h);
  // A new staff member is written above the windows: the old error's line
  // moves, and it is still the old error.
  FormPoster editor{h, h.login("editor")};
  const Response added =
      editor.post("/records/staff/new", {{"rev", "0"}, {"id", "s77"}, {"name", "新同事"}, {"photo", ""}});
  CHECK(added.status == 303);
  CHECK(h.store.record("staff", "s77").ok());
}

TEST_CASE("the item list: 100 a page, with the count and the pages before and after; search over all") {
  Hall h;
  for (int i = 0; i < 250; ++i) {
    store::Record r;
    r.kind = "item";
    r.key = "GEN-" + std::to_string(1000 + i);
    r.position = 1000 + i;
    r.body = "<item id=\"" + r.key + "\"><name>生成事项" + std::to_string(1000 + i) + "</name></item>";
    REQUIRE(h.store.put_record(r, 0, "test", h.now).ok());
  }
  const auto editor = h.login("editor");
  const std::size_t total = h.store.records("item").value().size();
  const std::string count = "共 " + std::to_string(total) + " 条";
  const Response first = h.as(editor, "GET", "/items");
  CHECK(first.body.find("第 1–100 条，" + count) != std::string::npos);
  CHECK(first.body.find("下一页") != std::string::npos);
  CHECK(first.body.find("上一页") == std::string::npos);
  const std::string last_page = std::to_string((total + 99) / 100);
  const Response last = h.as(editor, "GET", "/items?page=" + last_page);
  CHECK(last.body.find("生成事项1249") != std::string::npos);
  CHECK(last.body.find("下一页") == std::string::npos);
  for (const char* odd : {"0", "-3", "99999", "x"}) {
    CAPTURE(odd);
    CHECK(h.as(editor, "GET", std::string("/items?page=") + odd).status == 200);
  }
  // A search looks through every item, not only the first page.
  const Response found = h.as(editor, "GET", "/items?q=" + url_encode("生成事项1249"));
  CHECK(found.body.find("GEN-1249") != std::string::npos);
  CHECK(found.body.find("GEN-1000") == std::string::npos);
}

}  // namespace hb::console

// --- screens (issue 18): the 屏幕 page, a new token, /metrics ------------------

namespace hb::console {

namespace {

// Registers a screen straight in the store; its token.
std::string register_screen(Hall& h, const std::string& id) {
  const std::string token = random_token();
  REQUIRE(h.store.add_screen(id, token_hash(token), h.now).ok());
  return token;
}

Response heartbeat(Hall& h, const std::string& token, const nlohmann::json& report) {
  return h.call("POST", "/api/v1/heartbeat", report.dump(), {{"authorization", "Bearer " + token}});
}

// A report whose feeds are exactly the latest published version's.
nlohmann::json current_report(Hall& h, const std::string& screen) {
  nlohmann::json feeds = nlohmann::json::array();
  const auto latest = h.store.latest_version().value();
  REQUIRE(latest);
  const auto published = h.store.version_feeds(latest->number);
  REQUIRE(published);
  for (const auto& f : *published) {
    feeds.push_back({{"url", "https://hall.example.gov.cn/console/feeds/" + f.name}, {"sha256", f.sha256}});
  }
  return {{"format", "hallboard-heartbeat-1"}, {"screen", screen}, {"uptime_seconds", 7200},
          {"renderer", "opengl"}, {"page", {{"state", "showing"}, {"slide_type", "roster"}, {"page", 1}, {"page_count", 2}}},
          {"memory", {{"rss_bytes", 50 * 1024 * 1024}}}, {"feeds", feeds}};
}

std::string token_in(const std::string& page) {
  const std::string mark = "令牌：";
  const auto at = page.find(mark);
  if (at == std::string::npos) return {};
  const auto from = at + mark.size();
  return page.substr(from, page.find('<', from) - from);
}

}  // namespace

TEST_CASE("屏幕 page: an offline screen first and in red; an up-to-date one after it") {
  Hall h;
  const LoggedIn approver = h.login("approver");
  REQUIRE(h.as(approver, "POST", "/api/v1/publish").status == 201);
  const std::string ok = register_screen(h, "a-lobby");
  const std::string down = register_screen(h, "z-window");
  REQUIRE(heartbeat(h, down, current_report(h, "z-window")).status / 100 == 2);
  h.now += 181;  // three 60 s intervals and a second: z-window is offline now
  REQUIRE(heartbeat(h, ok, current_report(h, "a-lobby")).status / 100 == 2);

  const LoggedIn admin = h.login("admin");
  const Response page = h.as(admin, "GET", "/screens");
  REQUIRE(page.status == 200);
  const auto down_at = page.body.find(">z-window<");
  const auto ok_at = page.body.find(">a-lobby<");
  REQUIRE(down_at != std::string::npos);
  REQUIRE(ok_at != std::string::npos);
  CHECK(down_at < ok_at);
  const auto row_of = [&](std::size_t at) { return page.body.substr(page.body.rfind("<tr", at), 20); };
  CHECK(row_of(down_at).find("attention") != std::string::npos);
  CHECK(row_of(ok_at).find("attention") == std::string::npos);
  CHECK(page.body.find("离线") != std::string::npos);
  CHECK(page.body.find("2 小时 0 分") != std::string::npos);  // uptime
  CHECK(page.body.find("50 MB") != std::string::npos);
  CHECK(page.body.find("href=\"/screens\"") != std::string::npos);  // in the navigation

  // The JSON list and /metrics say the same.
  const auto list = nlohmann::json::parse(h.as(admin, "GET", "/api/v1/screens").body);
  REQUIRE(list.size() == 2);
  CHECK(list[0]["screen"] == "z-window");
  CHECK(list[0]["online"] == false);
  CHECK(list[1]["online"] == true);
  CHECK(list[1]["content_current"] == true);
  const std::string metrics = h.call("GET", "/metrics").body;
  CHECK(metrics.find("hallboard_screen_up{screen=\"z-window\"} 0\n") != std::string::npos);
  CHECK(metrics.find("hallboard_screen_up{screen=\"a-lobby\"} 1\n") != std::string::npos);
  CHECK(metrics.find("hallboard_screen_content_current{screen=\"a-lobby\"} 1\n") != std::string::npos);
  CHECK(metrics.find("hallboard_screen_seconds_since_heartbeat{screen=\"z-window\"} 181\n") != std::string::npos);
}

TEST_CASE("屏幕 page: a screen behind the published content is listed first in red") {
  Hall h;
  const LoggedIn approver = h.login("approver");
  REQUIRE(h.as(approver, "POST", "/api/v1/publish").status == 201);
  const std::string old = register_screen(h, "b-old");
  const std::string ok = register_screen(h, "a-ok");
  nlohmann::json behind = current_report(h, "b-old");
  behind["feeds"][0]["sha256"] = std::string(64, '0');
  REQUIRE(heartbeat(h, old, behind).status / 100 == 2);
  REQUIRE(heartbeat(h, ok, current_report(h, "a-ok")).status / 100 == 2);
  const Response page = h.as(h.login("admin"), "GET", "/screens");
  CHECK(page.body.find(">b-old<") < page.body.find(">a-ok<"));
  CHECK(page.body.find("不是最新") != std::string::npos);
  CHECK(h.call("GET", "/metrics").body.find("hallboard_screen_content_current{screen=\"b-old\"} 0\n") !=
        std::string::npos);
}

TEST_CASE("屏幕 page: a hostile screen id and report values are shown as text") {
  Hall h;
  const std::string token = register_screen(h, "<script>alert(1)</script>");
  nlohmann::json report = {{"format", "hallboard-heartbeat-1"},
                           {"renderer", "<img src=x onerror=alert(2)>"},
                           {"page", {{"state", "showing"}, {"slide_type", "<b>roster</b>"}, {"item", "\"><svg onload=alert(3)>"}}},
                           {"feeds", {{{"url", "https://x/feeds/<i>.xml"}, {"sha256", "aa"}}}}};
  REQUIRE(heartbeat(h, token, report).status / 100 == 2);
  const LoggedIn admin = h.login("admin");
  const Response page = h.as(admin, "GET", "/screens");
  REQUIRE(page.status == 200);
  CHECK(page.body.find("<script>alert") == std::string::npos);
  CHECK(page.body.find("<img src=x") == std::string::npos);
  CHECK(page.body.find("<svg") == std::string::npos);
  CHECK(page.body.find("<b>roster") == std::string::npos);
  CHECK(page.body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(page.body.find("&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
  // The metrics label escapes quotes; the id itself holds none.
  CHECK(h.call("GET", "/metrics").body.find("screen=\"<script>alert(1)</script>\"") != std::string::npos);
}

TEST_CASE("屏幕 page: only admins; others are refused") {
  Hall h;
  register_screen(h, "lobby-1");
  CHECK(h.call("GET", "/screens").status == 303);  // to the login page
  for (const char* user : {"editor", "approver"}) {
    CAPTURE(user);
    const LoggedIn who = h.login(user);
    CHECK(h.as(who, "GET", "/screens").status == 403);
    CHECK(h.as(who, "GET", "/screens/lobby-1").status == 403);
    CHECK(h.as(who, "POST", "/screens/lobby-1/token").status == 403);
    const Response home = h.as(who, "GET", "/");
    CHECK(home.body.find("href=\"/screens\"") == std::string::npos);
  }
}

TEST_CASE("new token: CSRF-checked; revokes the old token and shows player.xml once") {
  Hall h;
  const std::string old = register_screen(h, "lobby-1");
  const LoggedIn admin = h.login("admin");
  // Without the CSRF token: refused, and the old token still works.
  const Response forged = h.call("POST", "/screens/lobby-1/token", "",
                                 {{"cookie", admin.cookie}, {"content-type", "application/x-www-form-urlencoded"}});
  CHECK(forged.status == 403);
  CHECK(heartbeat(h, old, {{"format", "hallboard-heartbeat-1"}}).status / 100 == 2);

  const Response posted = h.call("POST", "/screens/lobby-1/token", "csrf=" + admin.csrf,
                                 {{"cookie", admin.cookie}, {"content-type", "application/x-www-form-urlencoded"}});
  REQUIRE(posted.status == 303);
  CHECK(posted.header("Location") == "/screens/lobby-1/token");
  // Another admin's session does not see it; the first GET shows it, a reload does not.
  CHECK(token_in(h.as(h.login("admin"), "GET", "/screens/lobby-1/token").body).empty());
  const Response made = h.as(admin, "GET", "/screens/lobby-1/token");
  REQUIRE(made.status == 200);
  CHECK(made.header("Cache-Control") == "no-store");
  const std::string token = token_in(made.body);
  REQUIRE(token.size() > 20);
  CHECK(made.body.find("download=\"player.xml\"") != std::string::npos);
  CHECK(made.body.find("data:application/xml;base64,") != std::string::npos);
  CHECK(made.body.find("https://hall.example.gov.cn/console/api/v1/heartbeat") != std::string::npos);
  CHECK(made.body.find("token=&quot;" + token + "&quot;") != std::string::npos);
  CHECK(heartbeat(h, old, {{"format", "hallboard-heartbeat-1"}}).status == 401);
  CHECK(heartbeat(h, token, {{"format", "hallboard-heartbeat-1"}}).status / 100 == 2);
  // A reload neither shows it again nor issues another; the list never shows it.
  const Response reload = h.as(admin, "GET", "/screens/lobby-1/token");
  CHECK(reload.body.find("令牌只显示一次") != std::string::npos);
  CHECK(token_in(reload.body).empty());
  CHECK(heartbeat(h, token, {{"format", "hallboard-heartbeat-1"}}).status / 100 == 2);
  CHECK(h.as(admin, "GET", "/screens").body.find(token) == std::string::npos);
  CHECK(h.as(admin, "POST", "/screens/nobody/token").status == 404);
}

TEST_CASE("new token: a revoked screen is refused beside the action and stays revoked") {
  Hall h;
  const std::string old = register_screen(h, "gone-1");
  {
    store::Database db = store::Database::open((h.dir.path() / "console.db").string(), false);
    db.exec("UPDATE screens SET revoked = 1 WHERE id = 'gone-1'");
  }
  FormPoster admin{h, h.login("admin")};
  const Response refused = admin.post("/screens/gone-1/token", {});
  CHECK(refused.status == 409);
  CHECK(refused.body.find("已停用") != std::string::npos);
  CHECK(h.store.screens().value().at(0).revoked);
  CHECK(heartbeat(h, old, {{"format", "hallboard-heartbeat-1"}}).status == 401);
}

namespace {

nlohmann::json play_line(std::int64_t seq, const std::string& start, const std::string& end, std::int64_t seconds,
                         const std::string& slide, const std::string& item) {
  nlohmann::json l = {{"seq", seq}, {"screen", "hall-1"}, {"start", start}, {"end", end}, {"seconds", seconds},
                      {"slide", slide}};
  if (!item.empty()) l["item"] = item;
  return l;
}

nlohmann::json report2(nlohmann::json play) {
  return {{"format", "hallboard-heartbeat-2"}, {"screen", "hall-1"}, {"interval_seconds", 60},
          {"time", "2026-12-01T08:10:00+08:00"}, {"play", std::move(play)}};
}

}  // namespace

TEST_CASE("heartbeat-2: bad lines are skipped, logged once and acknowledged; good ones stored once") {
  Hall h;
  const std::string token = register_screen(h, "hall-1");
  const nlohmann::json lines = {
      play_line(1, "2026-12-01T08:00:00+08:00", "2026-12-01T08:00:15+08:00", 15, "item", "530100-001"),
      play_line(2, "2026-12-01T08:00:15+08:00", "2026-12-01T08:00:30+08:00", -15, "item", "530100-001"),
      play_line(3, "yesterday", "2026-12-01T08:00:45+08:00", 15, "roster", ""),
      play_line(4, "2026-12-01T08:00:45+08:00", "2026-12-01T08:01:00+08:00", 15, "roster", ""),
  };
  const Response r = heartbeat(h, token, report2(lines));
  REQUIRE(r.status == 200);
  CHECK(nlohmann::json::parse(r.body) == nlohmann::json{{"ack", 4}});
  CHECK(h.store.plays("hall-1").value().size() == 2);
  REQUIRE(h.logged->size() == 1);
  CHECK(h.logged->at(0).find("2 proof-of-play lines skipped") != std::string::npos);
  // Sent again (the answer was lost): counted once, acknowledged again.
  CHECK(nlohmann::json::parse(heartbeat(h, token, report2(lines)).body) == nlohmann::json{{"ack", 4}});
  CHECK(h.store.plays("hall-1").value().size() == 2);
  // A body that is not a heartbeat is refused whole.
  CHECK(h.call("POST", "/api/v1/heartbeat", "{\"play\":[]}", {{"authorization", "Bearer " + token}}).status == 400);
}

TEST_CASE("plays retention: raw lines go after 40 days, daily sums after 13 months; at start, then daily") {
  Hall h;  // started on 2026-12-01: sums kept from 2025-12-01 (Beijing) on
  const std::string token = register_screen(h, "hall-1");
  const auto line_at = [](std::int64_t seq, std::int64_t start) {
    return std::vector<store::PlayLine>{{seq, "x", 15, "item", "", "{}", start, start + 15}};
  };
  for (const std::int64_t days_ago : {400, 300, 10})
    REQUIRE(h.store.record_plays("hall-1", kStart - days_ago * 86400, 480,
                                 line_at(days_ago, kStart - days_ago * 86400)).ok());
  const auto summed = [&] { return h.store.play_day_seconds("hall-1", kStart - 500 * 86400, kStart).value(); };
  h.now += 3600;  // within the day: no sweep yet
  REQUIRE(heartbeat(h, token, report2(nlohmann::json::array())).status == 200);
  CHECK(h.store.plays("hall-1").value().size() == 3);
  CHECK(summed() == 45);
  h.now = kStart + 86400;
  REQUIRE(heartbeat(h, token, report2(nlohmann::json::array())).status == 200);
  const auto kept = h.store.plays("hall-1").value();
  REQUIRE(kept.size() == 1);
  CHECK(kept[0].seq == 10);
  CHECK(summed() == 30);  // 300 days ago: past the raw lines, still in the sums
  CHECK(h.logged->back().find("deleted 2 lines received over 40 days ago, 1 daily sums") != std::string::npos);
}

TEST_CASE("plays report: per screen, slide type and item; dark and offline; clipped to the month; CSV") {
  Hall h;  // now: 2026-12-01T08:00+08:00; the screen registered then
  const std::string token = register_screen(h, "hall-1");
  h.now += 3600;  // 09:00
  const nlohmann::json lines = {
      // Across the month's start (00:00): only its 8 hours in December count.
      play_line(1, "2026-11-30T20:00:00+08:00", "2026-12-01T08:00:00+08:00", 43200, "dark", ""),
      play_line(2, "2026-12-01T08:00:00+08:00", "2026-12-01T08:00:15+08:00", 15, "item", "530100-001"),
      play_line(3, "2026-12-01T08:00:15+08:00", "2026-12-01T08:00:30+08:00", 15, "item", "530100-001"),
      play_line(4, "2026-12-01T08:00:30+08:00", "2026-12-01T08:10:00+08:00", 570, "roster", ""),
      play_line(5, "2026-12-01T08:10:00+08:00", "2026-12-01T08:30:00+08:00", 1200, "dark", ""),
  };
  REQUIRE(heartbeat(h, token, report2(lines)).status == 200);
  const LoggedIn editor = h.login("editor");
  const Response page = h.as(editor, "GET", "/reports/plays?month=2026-12");
  REQUIRE(page.status == 200);
  for (const char* text : {"播放统计 2026-12", "事项详情", "530100-001", "窗口值班", "黑屏", "离线", "8:20:00", "0:30:00"}) {
    CAPTURE(text);
    CHECK(page.body.find(text) != std::string::npos);
  }
  const Response csv = h.as(editor, "GET", "/reports/plays.csv?month=2026-12");
  REQUIRE(csv.status == 200);
  CHECK(csv.content_type == "text/csv; charset=utf-8");
  CHECK(csv.header("Content-Disposition") == "attachment; filename=\"plays-2026-12.csv\"");
  // Watched from registration (08:00) to now (09:00): lines cover 1800 s of it.
  CHECK(csv.body == "\xEF\xBB\xBF屏幕,页面类型,事项,次数,时长(秒),时长\r\n"
                    "hall-1,事项详情,530100-001,2,30,0:00:30\r\n"
                    "hall-1,窗口值班,,1,570,0:09:30\r\n"
                    "hall-1,黑屏,,1,30000,8:20:00\r\n"  // line 1 counted in November, when it started
                    "hall-1,离线,,,1800,0:30:00\r\n");
  // November: the screen was registered after it ended, so it is not in it.
  CHECK(h.as(editor, "GET", "/reports/plays.csv?month=2026-11").body.find("hall-1") == std::string::npos);
  // Default: the current month in the hall's zone.
  CHECK(h.as(editor, "GET", "/reports/plays").body.find("播放统计 2026-12") != std::string::npos);
  CHECK(h.as(editor, "GET", "/reports/plays?month=2026-13").status == 400);
  CHECK(h.call("GET", "/reports/plays.csv?month=2026-12").status == 303);  // to the login page
  CHECK(h.as(editor, "GET", "/").body.find("href=\"/reports/plays\"") != std::string::npos);
}

namespace {

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

}  // namespace

// A month of one screen at a page every 15 s is ~180 000 lines (here 10 s): the report
// is a handful of rows, and making it does not load the lines (the peak
// memory of the process hardly moves). No time is asserted.
TEST_CASE("plays report: 200 000 lines make a few rows, summed without loading them") {
  Hall h;
  register_screen(h, "hall-1");
  const std::int64_t from = h.now;  // 08:00 on 2026-12-01 in Beijing
  for (int chunk = 0; chunk < 10; ++chunk) {
    std::vector<store::PlayLine> lines;
    for (int i = chunk * 20000; i < (chunk + 1) * 20000; ++i) {
      const std::int64_t start = from + 10 * static_cast<std::int64_t>(i);
      const std::string item = i % 2 ? "item-" + std::to_string(i % 5) : "";
      lines.push_back({i + 1, std::to_string(start), 10, i % 2 ? "item" : "roster", item, "{}", start, start + 10});
    }
    REQUIRE(h.store.record_plays("hall-1", h.now, 480, lines).ok());
  }
  h.now = from + 10 * 200000;  // 23 days on: all within December
  const long before = peak_rss_kb();
  const Response csv = h.as(h.login("editor"), "GET", "/reports/plays.csv?month=2026-12");
  REQUIRE(csv.status == 200);
  std::size_t rows = 0;
  for (auto at = csv.body.find("\r\n"); at != std::string::npos; at = csv.body.find("\r\n", at + 2)) ++rows;
  CHECK(rows == 1 + 6 + 1);  // the header, roster and 5 items, offline
  CHECK(csv.body.find("hall-1,窗口值班,,100000,1000000,277:46:40\r\n") != std::string::npos);
  CHECK(csv.body.find("hall-1,离线,,,0,0:00:00\r\n") != std::string::npos);
  CHECK(peak_rss_kb() - before < 64 * 1024);
}

TEST_CASE("screenshot: the latest one is stored, served from the database to admins, shown on the pages") {
  Hall h;
  const std::string token = register_screen(h, "hall-1");
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x03\xc0\0\0\x02\x1c\x08\x06\0\0\0\0\0\0\0", 33);
  nlohmann::json report = report2(nlohmann::json::array());
  report["screenshot"] = {{"type", "image/png"}, {"width", 960}, {"height", 540},
                          {"base64", "iVBORw0KGgoAAAANSUhEUgAAA8AAAAIcCAYAAAAAAAAA"}};
  REQUIRE(heartbeat(h, token, report).status == 200);
  const LoggedIn admin = h.login("admin");
  const Response shot = h.as(admin, "GET", "/screens/hall-1/screenshot.png");
  REQUIRE(shot.status == 200);
  CHECK(shot.content_type == "image/png");
  CHECK(shot.header("Cache-Control") == "no-store");
  CHECK(shot.body == png);
  CHECK(h.store.screens().value().at(0).last_report.find("screenshot") == std::string::npos);
  CHECK(h.as(admin, "GET", "/screens").body.find("src=\"/screens/hall-1/screenshot.png?t=") != std::string::npos);
  CHECK(h.as(admin, "GET", "/screens/hall-1").body.find("class=\"shot\"") != std::string::npos);
  CHECK(h.as(h.login("editor"), "GET", "/screens/hall-1/screenshot.png").status == 403);
  CHECK(h.call("GET", "/screens/hall-1/screenshot.png").status == 303);
  CHECK(h.as(admin, "GET", "/screens/nobody/screenshot.png").status == 404);
  // Not a PNG: kept out, logged, the report itself stored.
  report["screenshot"]["base64"] = "PHNjcmlwdD4=";
  CHECK(heartbeat(h, token, report).status == 200);
  CHECK(h.as(admin, "GET", "/screens/hall-1/screenshot.png").body == png);
  CHECK(h.logged->back().find("screenshot not kept") != std::string::npos);
}

// 500 screens sending ~200 KB a minute each would rewrite 100 MB a minute.
TEST_CASE("screenshot: at most one written per screen per 5 minutes; the page says when it was taken") {
  Hall h;
  const std::string token = register_screen(h, "hall-1");
  const auto with_shot = [](const char* base64) {
    nlohmann::json report = report2(nlohmann::json::array());
    report["screenshot"] = {{"type", "image/png"}, {"width", 960}, {"height", 540}, {"base64", base64}};
    return report;
  };
  const char* first = "iVBORw0KGgoAAAANSUhEUgAAA8AAAAIcCAYAAAAAAAAA";   // 960 x 540
  const char* second = "iVBORw0KGgoAAAANSUhEUgAAA8AAAAIdCAYAAAAAAAAA";  // 960 x 541
  REQUIRE(heartbeat(h, token, with_shot(first)).status == 200);
  const std::int64_t taken = h.now;
  h.now += 299;  // not yet
  REQUIRE(heartbeat(h, token, with_shot(second)).status == 200);
  const auto kept = h.store.screenshot("hall-1").value();
  CHECK(kept.height == 540);
  CHECK(kept.taken_at == taken);
  const LoggedIn admin = h.login("admin");
  CHECK(h.as(admin, "GET", "/screens/hall-1").body.find("最新截图（2026-12-01 08:00") != std::string::npos);
  h.now = taken + 300;
  REQUIRE(heartbeat(h, token, with_shot(second)).status == 200);
  const auto replaced = h.store.screenshot("hall-1").value();
  CHECK(replaced.height == 541);
  CHECK(replaced.taken_at == taken + 300);
  CHECK(h.as(admin, "GET", "/screens/hall-1").body.find("最新截图（2026-12-01 08:05") != std::string::npos);
}

// What exactly was on screen at 10:03: the latest raw lines on the screen's page.
TEST_CASE("a screen's page lists its latest 50 raw play lines, latest first") {
  Hall h;
  const std::string token = register_screen(h, "hall-1");
  const LoggedIn admin = h.login("admin");
  CHECK(h.as(admin, "GET", "/screens/hall-1").body.find("还没有播放记录") != std::string::npos);
  std::vector<store::PlayLine> lines;
  for (int i = 1; i <= 60; ++i) {
    const std::int64_t start = kStart + 15 * i;
    lines.push_back({i, "s", 15, "item", "item-" + std::to_string(i), "{\"seq\":" + std::to_string(i) + "}", start,
                     start + 15});
  }
  REQUIRE(h.store.record_plays("hall-1", h.now, 480, lines).ok());
  const std::string page = h.as(admin, "GET", "/screens/hall-1").body;
  CHECK(page.find("item-60") != std::string::npos);
  CHECK(page.find("item-11<") != std::string::npos);
  CHECK(page.find("item-10<") == std::string::npos);  // the 51st latest
  CHECK(page.find("item-60") < page.find("item-59"));
  CHECK(page.find("{&quot;seq&quot;:60}") != std::string::npos);
}

TEST_CASE("clock skew: a screen three hours ahead is flagged in red and in /metrics") {
  Hall h;
  const std::string token = register_screen(h, "hall-1");
  nlohmann::json report = report2(nlohmann::json::array());
  report["time"] = "2026-12-01T11:00:00+08:00";  // the console's clock says 08:00
  REQUIRE(heartbeat(h, token, report).status == 200);
  CHECK(h.as(h.login("admin"), "GET", "/screens").body.find("时钟偏差 +3小时") != std::string::npos);
  CHECK(h.call("GET", "/metrics").body.find("hallboard_screen_clock_skew_seconds{screen=\"hall-1\"} 10800\n") !=
        std::string::npos);
  h.now -= 600;  // the console's clock set back: contact is "just now", never negative
  CHECK(h.call("GET", "/metrics").body.find("hallboard_screen_seconds_since_heartbeat{screen=\"hall-1\"} 0\n") !=
        std::string::npos);
}

TEST_CASE("a screen's page: its recent heartbeats, newest first, at most kContactsKept") {
  Hall h;
  const std::string token = register_screen(h, "lobby-1");
  for (int i = 0; i < store::kContactsKept + 5; ++i) {
    nlohmann::json report = {{"format", "hallboard-heartbeat-1"}, {"uptime_seconds", 60 * i}};
    REQUIRE(heartbeat(h, token, report).status / 100 == 2);
    h.now += 60;
  }
  const auto contacts = h.store.screen_contacts("lobby-1").value();
  REQUIRE(contacts.size() == static_cast<std::size_t>(store::kContactsKept));
  CHECK(contacts.front().at == kStart + 60 * (store::kContactsKept + 4));
  const Response page = h.as(h.login("admin"), "GET", "/screens/lobby-1");
  REQUIRE(page.status == 200);
  std::size_t rows = 0;
  for (auto at = page.body.find("<tr>"); at != std::string::npos; at = page.body.find("<tr>", at + 1)) ++rows;
  CHECK(rows == store::kContactsKept + 1);  // and the header
  CHECK(h.as(h.login("admin"), "GET", "/screens/nobody").status == 404);
}

TEST_CASE("alert rules: every metric they use is one /metrics gives") {
  Hall h;
  register_screen(h, "lobby-1");
  const std::string metrics = h.call("GET", "/metrics").body;
  const std::string rules =
      test::read_bytes(test::source_dir() / "packaging" / "prometheus" / "hallboard-alerts.yml");
  std::size_t found = 0;
  for (auto at = rules.find("hallboard_"); at != std::string::npos; at = rules.find("hallboard_", at + 1)) {
    auto end = at;
    while (end < rules.size() && (std::isalnum(static_cast<unsigned char>(rules[end])) || rules[end] == '_')) ++end;
    const std::string name = rules.substr(at, end - at);
    if (name.rfind("hallboard_screen_", 0) != 0) continue;
    CAPTURE(name);
    CHECK(metrics.find("# TYPE " + name + " gauge") != std::string::npos);
    ++found;
    at = end;
  }
  CHECK(found >= 2);
}


TEST_CASE("JSON nested deeper than 64 levels is refused with 400, never written out again") {
  // Written out again, 200,000 levels overflowed the stack (the review's
  // finding): a screen token, or any login form, could take the console down.
  Hall h;
  const std::string token = register_screen(h, "lobby-1");
  const std::string deep = std::string(200000, '[') + std::string(200000, ']');
  const std::string in_play = R"({"format":"hallboard-heartbeat-2","play":[{"seq":1,"x":)" + deep + "}]}";
  CHECK(h.call("POST", "/api/v1/heartbeat", in_play, {{"authorization", "Bearer " + token}}).status == 400);
  const std::string in_report = R"({"format":"hallboard-heartbeat-1","x":)" + deep + "}";
  CHECK(h.call("POST", "/api/v1/heartbeat", in_report, {{"authorization", "Bearer " + token}}).status == 400);
  // The JSON API's bodies are capped smaller; 1,000 levels fit and are refused.
  const std::string thousand = std::string(1000, '[') + std::string(1000, ']');
  CHECK(h.call("POST", "/api/v1/session", R"({"user":"admin","x":)" + thousand + "}").status == 400);
  // 64 levels are fine; brackets inside strings are text.
  const std::string nested = std::string(62, '[') + std::string(62, ']');
  const std::string fine = R"({"format":"hallboard-heartbeat-1","x":)" + nested + R"(,"s":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"["})";
  CHECK(h.call("POST", "/api/v1/heartbeat", fine, {{"authorization", "Bearer " + token}}).status / 100 == 2);
}

TEST_CASE("a screen's page: its queue source's state, what it said escaped") {
  Hall h;
  const LoggedIn approver = h.login("approver");
  REQUIRE(h.as(approver, "POST", "/api/v1/publish").status == 201);
  const std::string token = register_screen(h, "lobby-q");
  auto report = current_report(h, "lobby-q");
  report["queue"] = {{"url", "http://10.0.0.5/queue.xml"}, {"last_result", "<b>timed out</b>"}, {"live", false}};
  REQUIRE(heartbeat(h, token, report).status / 100 == 2);
  const LoggedIn admin = h.login("admin");
  const Response page = h.as(admin, "GET", "/screens/lobby-q");
  REQUIRE(page.status == 200);
  CHECK(page.body.find("<th>叫号</th>") != std::string::npos);
  CHECK(page.body.find("无叫号数据（&lt;b&gt;timed out&lt;/b&gt;）") != std::string::npos);
  CHECK(page.body.find("<b>timed out") == std::string::npos);
}

}  // namespace hb::console
