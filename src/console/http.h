// Requests and answers as plain values: the console's handlers take and
// give these, so every route can be tested without a socket. server.cpp
// alone converts them from and to cpp-httplib's.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace hb::console {

// A file from a multipart/form-data form.
struct Upload {
  std::string field;
  std::string filename;
  std::string content_type;
  std::string content;
};

struct Request {
  std::string method;  // "GET", "POST", …
  std::string path;    // without the query
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  bool tls = false;  // came over HTTPS (or X-Forwarded-Proto: https from the proxy)
  // multipart/form-data: its plain fields and its files (the server parses it).
  std::map<std::string, std::string> multipart_fields;
  std::vector<Upload> uploads;

  std::string header(const std::string& lower_name) const {
    const auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
  std::string query_value(const std::string& name) const {
    const auto it = query.find(name);
    return it == query.end() ? std::string() : it->second;
  }
};

struct Response {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  void set_header(const std::string& name, const std::string& value) {
    headers.emplace_back(name, value);
  }
  std::string header(const std::string& name) const {
    for (const auto& [n, v] : headers) {
      if (n == name) return v;
    }
    return {};
  }
};

// Cookie header → its value for `name` ("" when absent).
std::string cookie_value(const std::string& cookie_header, const std::string& name);
// application/x-www-form-urlencoded → fields (the last of a repeated name wins;
// all of them in `multi` when given).
std::map<std::string, std::string> parse_form(const std::string& body,
                                              std::multimap<std::string, std::string>* multi = nullptr);
std::string url_decode(std::string_view text);
std::string url_encode(std::string_view text);

}  // namespace hb::console
