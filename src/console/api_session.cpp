// Logging in and out (console.md: POST/DELETE /api/v1/session).
#include "console/auth.h"
#include "console/handlers.h"

namespace hb::console {

namespace {

Response too_many(std::int64_t until, std::int64_t now) {
  Response r = json_error(429, "登录失败次数过多，请于 " +
                                   std::to_string((until - now + 59) / 60) + " 分钟后再试");
  r.set_header("Retry-After", std::to_string(until - now));
  return r;
}

// Checks the password with a place taken in the login gate; the refusal,
// or nothing when it was right.
std::optional<Response> check_password(Console& console, const std::string& name,
                                       const std::string& password, std::int64_t now) {
  const auto latest = console.store().latest_login_failures(name, Throttle::kFailures);
  if (!latest) return json_error(500, latest.error().message);
  std::optional<std::int64_t> until;
  const bool entered = console.login_gate().enter(name, [&](int in_flight) {
    std::vector<std::int64_t> counted(static_cast<std::size_t>(in_flight), now);  // in flight: failures
    counted.insert(counted.end(), latest->begin(), latest->end());
    counted.resize(std::min<std::size_t>(counted.size(), Throttle::kFailures));
    until = locked_until(counted, now);
    return !until;
  });
  if (until) return too_many(*until, now);
  if (!entered) return json_error(503, "登录的人太多，请稍后再试");
  const auto user = console.store().user(name);
  const bool good = user ? verify_password(user->password_hash, password)
                         : (verify_password(console.decoy_hash(), password), false);
  if (!good) (void)console.store().add_login_failure(name, now);
  console.login_gate().leave(name);
  if (!good) return json_error(401, "用户名或密码不正确");
  return std::nullopt;
}

}  // namespace

base::Result<NewSession, Response> log_in(Console& console, const std::string& name,
                                          const std::string& password) {
  const std::int64_t now = console.now();
  // A name no user can have is not worth a row or an Argon2 check.
  if (name.empty() || name.size() > 64) return json_error(401, "用户名或密码不正确");
  if (auto refused = check_password(console, name, password, now)) return std::move(*refused);
  const auto user = console.store().user(name);
  if (!user) return json_error(401, "用户名或密码不正确");
  (void)console.store().clear_login_failures(name);
  NewSession out{random_token(), {}};
  out.session = store::Session{token_hash(out.token), *user, random_token(), now, now};
  if (auto added = console.store().add_session(out.session); !added) {
    return json_error(500, added.error().message);
  }
  (void)console.store().audit(store::AuditEntry{0, now, name, "login", "session", "", {}, {}});
  return out;
}

std::string session_cookie(const std::string& token, bool tls, bool expire) {
  std::string c = "hb_session=" + token + "; Path=/; HttpOnly; SameSite=Strict";
  if (tls) c += "; Secure";
  if (expire) c += "; Max-Age=0";
  return c;
}

Response api_login(Console& console, const Request& request, const Caller&, const Params&) {
  Response refusal;
  const auto body = json_body(console, request, refusal);
  if (!body) return refusal;
  auto in = log_in(console, json_text(*body, "user"), json_text(*body, "password"));
  if (!in) return in.error();
  Response r = json_response(200, {{"csrf", in->session.csrf}});
  r.set_header("Set-Cookie", session_cookie(in->token, request.tls, false));
  return r;
}

Response api_logout(Console& console, const Request& request, const Caller& caller,
                    const Params&) {
  (void)console.store().drop_session(caller.session->token_hash);
  Response r = no_content();
  r.set_header("Set-Cookie", session_cookie("", request.tls, true));
  return r;
}

}  // namespace hb::console
