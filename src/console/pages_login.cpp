// Logging in and out through the web pages, and the built-in static files.
#include "console/pages.h"

namespace hb::console {

std::map<std::string, std::string> form_of(const Request& request) {
  if (request.header("content-type").rfind("multipart/form-data", 0) == 0) {
    return request.multipart_fields;
  }
  return parse_form(request.body);
}

std::string safe_next(const std::string& next) {
  // Only our own paths, from a short list of characters: never "//host",
  // "/\host", nor "/<TAB>/host" (browsers drop tabs and line breaks from a
  // URL, which makes it "//host"): an open redirect after login.
  if (next.empty() || next.size() > 512 || next[0] != '/') return "/";
  if (next.size() > 1 && (next[1] == '/' || next[1] == '\\')) return "/";
  for (const char c : next) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    std::string_view("/_.~%?=&-").find(c) != std::string_view::npos;
    if (!ok) return "/";
  }
  return next;
}

namespace {

Response login_form(const std::string& user, const std::string& next, const std::string& error,
                    int status) {
  PageContext c;
  Html h;
  h.open("div", {{"class", "panel login"}});
  h.open("form", {{"method", "post"}, {"action", "/login"}});
  h.empty("input", {{"type", "hidden"}, {"name", "next"}, {"value", next}});
  form_field(h, {"user", "用户名", user, "text", "", "", true});
  form_field(h, {"password", "密码", "", "password", error, "", true});
  h.el("button", {{"type", "submit"}, {"class", "primary"}}, "登录");
  h.close("form").close("div");
  return html_page(c, "登录", h, status);
}

}  // namespace

Response page_login(Console&, const Request& request, const Caller&, const Params&) {
  return login_form("", safe_next(request.query_value("next")), "", 200);
}

Response page_login_post(Console& console, const Request& request, const Caller&, const Params&) {
  auto form = form_of(request);
  const std::string next = safe_next(form["next"]);
  auto in = log_in(console, form["user"], form["password"]);
  if (!in) {
    const int status = in.error().status;
    const std::string retry = in.error().header("Retry-After");
    const std::string minutes = retry.empty() ? "15" : std::to_string((std::stoll(retry) + 59) / 60);
    const std::string message = status == 429   ? "登录失败次数过多，请 " + minutes + " 分钟后再试"
                                : status == 503 ? "登录的人太多，请稍后再试"
                                                : "用户名或密码不正确";
    return login_form(form["user"], next, message, status);
  }
  Response r = redirect(next);
  r.set_header("Set-Cookie", session_cookie(in->token, request.tls, false));
  return r;
}

Response page_logout(Console& console, const Request& request, const Caller& caller,
                     const Params&) {
  (void)console.store().drop_session(caller.session->token_hash);
  Response r = redirect("/login");
  r.set_header("Set-Cookie", session_cookie("", request.tls, true));
  return r;
}

Response static_css(Console&, const Request&, const Caller&, const Params&) {
  Response r;
  r.content_type = "text/css; charset=utf-8";
  r.body = console_css();
  r.set_header("Cache-Control", "max-age=3600");
  return r;
}

Response static_js(Console&, const Request&, const Caller&, const Params&) {
  Response r;
  r.content_type = "text/javascript; charset=utf-8";
  r.body = console_js();
  r.set_header("Cache-Control", "max-age=3600");
  return r;
}

}  // namespace hb::console
