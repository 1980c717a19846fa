#include "console/server.h"

#include <httplib.h>

#include <netinet/in.h>
#include <netinet/tcp.h>
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

// Reads the body ourselves (httplib's ContentReader): httplib's own reading
// refuses any form-encoded body over 8 KB, a limit compiled into Debian's
// library, which would cut off an edited item's XML. Bodies over `cap` are
// refused (false).
bool read_body(const httplib::Request& in, const httplib::ContentReader& reader, std::size_t cap,
               Request& out) {
  // No Content-Length and not chunked: there is no body to read (a bare
  // `curl -X POST`), and asking the reader for one would fail.
  if (!in.has_header("Content-Length") &&
      in.get_header_value("Transfer-Encoding").find("chunked") == std::string::npos) {
    return true;
  }
  std::size_t total = 0;
  const auto room = [&](std::size_t n) { return (total += n) <= cap; };
  if (!in.is_multipart_form_data()) {
    return reader([&](const char* data, std::size_t n) {
      out.body.append(data, n);
      return room(n);
    });
  }
  std::vector<Upload> parts;
  const bool whole = reader(
      [&](const httplib::MultipartFormData& part) {
        parts.push_back(Upload{part.name, part.filename, part.content_type, {}});
        return parts.size() <= 64;
      },
      [&](const char* data, std::size_t n) {
        if (!parts.empty()) parts.back().content.append(data, n);
        return room(n);
      });
  for (auto& part : parts) {
    if (part.filename.empty()) {
      out.multipart_fields[part.field] = std::move(part.content);
    } else {
      out.uploads.push_back(std::move(part));
    }
  }
  return whole && total <= cap;
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
  // A client that stops sending mid-request holds a worker only this long,
  // and SIGTERM is answered within 3 s even then (console.md).
  http.set_read_timeout(2, 0);
  http.set_write_timeout(10, 0);
  // httplib's own refusals (413 over the size cap, 400 for a request it
  // cannot read) in the console's JSON shape; an exception in a handler is
  // a 500 that tells the client nothing about the inside.
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    const char* message = res.status == 413 ? "请求内容过大" : "请求无法处理";
    res.set_content(std::string("{\"errors\":[{\"field\":\"\",\"message\":\"") + message + "\"}]}",
                    "application/json; charset=utf-8");
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.headers.clear();
    res.set_content("{\"errors\":[{\"field\":\"\",\"message\":\"服务器内部错误\"}]}",
                    "application/json; charset=utf-8");
  });
  // Each kept-alive connection holds one of the pool's threads until it has
  // been idle this long: with 8 threads (httplib's default) nine open
  // browser tabs made the tenth request wait seconds. 64 threads, idle
  // connections let go after 2 s, and 100 requests on one connection.
  http.new_task_queue = [] { return new httplib::ThreadPool(64); };
  http.set_keep_alive_timeout(2);
  http.set_keep_alive_max_count(100);
  // httplib writes an answer's head and body separately; without
  // TCP_NODELAY, Nagle's algorithm and the client's delayed ACK add 40 ms
  // to every answer on a kept-alive connection.
  http.set_tcp_nodelay(true);
  // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, with which
  // a second console on the same port would start and silently share it.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
  });
  const auto handler = [&console](const httplib::Request& req, httplib::Response& res) {
    to_httplib(console.handle(from_httplib(req)), res);
  };
  const std::size_t cap = console.options().upload_cap + 64 * 1024;
  const auto with_body = [&console, cap](const httplib::Request& req, httplib::Response& res,
                                         const httplib::ContentReader& reader) {
    Request request = from_httplib(req);
    if (!read_body(req, reader, cap, request)) {
      res.status = 413;
      res.set_content("{\"errors\":[{\"field\":\"\",\"message\":\"请求内容过大\"}]}",
                      "application/json; charset=utf-8");
      return;
    }
    to_httplib(console.handle(request), res);
  };
  http.Get(".*", handler);
  http.Post(".*", with_body);
  http.Put(".*", with_body);
  http.Patch(".*", with_body);
  http.Delete(".*", with_body);
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
