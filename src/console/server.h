// The console's HTTP server: cpp-httplib, and nothing of it beyond this
// file. It turns each request into a console::Request, asks Console, and
// sends the Response back.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>

#include "console/console.h"

namespace hb::console {

struct ListenAddress {
  std::string host = "127.0.0.1";
  int port = 8080;
};

// "ADDR:PORT" ("127.0.0.1:8080", "0.0.0.0:80", "[::1]:8080"), or nothing.
std::optional<ListenAddress> parse_listen_address(const std::string& text);

class Server {
 public:
  explicit Server(Console& console);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds; an error message when the address cannot be used.
  std::optional<std::string> bind(const ListenAddress& address);
  // Serves until stop() (from any thread).
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hb::console
