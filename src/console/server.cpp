#include "console/server.h"

#include <httplib.h>

#include <sys/socket.h>

#include <cctype>

namespace hb::console {

namespace {

Request from_httplib(const httplib::Request& in) {
  Request out;
  out.method = in.method;
  out.path = in.path;
  for (const auto& [name, value] : in.params) out.query[name] = value;
  for (const auto& [name, value] : in.headers) {
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[lower] = value;
  }
  out.body = in.body;
  for (const auto& [field, file] : in.files) {
    if (file.filename.empty()) {
      out.multipart_fields[field] = file.content;
    } else {
      out.uploads.push_back(Upload{field, file.filename, file.content_type, file.content});
    }
  }
  // Behind nginx terminating TLS (docs/deploy.md), the proxy says so.
  out.tls = out.header("x-forwarded-proto") == "https";
  return out;
}

void to_httplib(const Response& in, httplib::Response& out) {
  out.status = in.status;
  for (const auto& [name, value] : in.headers) out.set_header(name, value);
  out.set_header("X-Content-Type-Options", "nosniff");
  out.set_header("Referrer-Policy", "same-origin");
  if (in.content_type.rfind("text/html", 0) == 0) {
    // Server-made pages: own scripts and styles only, never framed.
    out.set_header("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    out.set_header("X-Frame-Options", "DENY");
  }
  if (in.status == 304 || in.status == 204) return;
  out.set_content(in.body, in.content_type);
}

}  // namespace

std::optional<ListenAddress> parse_listen_address(const std::string& text) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return std::nullopt;
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  int port = 0;
  for (const char c : text.substr(colon + 1)) {
    if (c < '0' || c > '9' || port > 65535) return std::nullopt;
    port = port * 10 + (c - '0');
  }
  if (port < 1 || port > 65535) return std::nullopt;
  return ListenAddress{host, port};
}

struct Server::Impl {
  httplib::Server http;
};

Server::Server(Console& console) : impl_(std::make_unique<Impl>()) {
  auto& http = impl_->http;
  // The largest body any route takes is an imported file; httplib answers
  // 413 itself beyond it, before reading the body.
  http.set_payload_max_length(console.options().upload_cap + 64 * 1024);
  http.set_read_timeout(30, 0);
  http.set_keep_alive_timeout(5);
  // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, with which
  // a second console on the same port would start and silently share it.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  const auto handler = [&console](const httplib::Request& req, httplib::Response& res) {
    to_httplib(console.handle(from_httplib(req)), res);
  };
  for (const char* pattern : {".*"}) {
    http.Get(pattern, handler);
    http.Post(pattern, handler);
    http.Put(pattern, handler);
    http.Patch(pattern, handler);
    http.Delete(pattern, handler);
  }
}

Server::~Server() = default;

std::optional<std::string> Server::bind(const ListenAddress& address) {
  if (!impl_->http.bind_to_port(address.host, address.port)) {
    return "cannot listen on " + address.host + ":" + std::to_string(address.port) +
           " (in use, or not an address of this machine)";
  }
  return std::nullopt;
}

void Server::run() { impl_->http.listen_after_bind(); }
void Server::stop() { impl_->http.stop(); }

}  // namespace hb::console
