// Logging in and out (console.md: POST/DELETE /api/v1/session).
#include "console/auth.h"
#include "console/handlers.h"

namespace hb::console {

namespace {

// A hash of a password nobody has, so an unknown user costs the same time
// as a wrong password and the answer does not tell which it was.
const std::string& decoy_hash() {
  static const std::string hash = hash_password(random_token()).value_or("");
  return hash;
}

}  // namespace

base::Result<NewSession, Response> log_in(Console& console, const std::string& name,
                                          const std::string& password) {
  const std::int64_t now = console.now();
  const auto latest = console.store().latest_login_failures(name, Throttle::kFailures);
  if (!latest) return json_error(500, latest.error().message);
  if (const auto until = locked_until(*latest, now)) {
    Response r = json_error(429, "登录失败次数过多，请于 " +
                                     std::to_string((*until - now + 59) / 60) + " 分钟后再试");
    r.set_header("Retry-After", std::to_string(*until - now));
    return r;
  }
  const auto user = console.store().user(name);
  const bool good = user ? verify_password(user->password_hash, password)
                         : (verify_password(decoy_hash(), password), false);
  if (!good) {
    (void)console.store().add_login_failure(name, now);
    return json_error(401, "用户名或密码不正确");
  }
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
