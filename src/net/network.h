// The network library's process-wide set-up, owned by main for the life of
// the program. Keeps libcurl's headers inside src/net.
#pragma once

namespace hb::net {

class NetworkLibrary {
 public:
  NetworkLibrary();
  ~NetworkLibrary();
  NetworkLibrary(const NetworkLibrary&) = delete;
  NetworkLibrary& operator=(const NetworkLibrary&) = delete;
  bool ok() const { return ok_; }

 private:
  bool ok_;
};

}  // namespace hb::net
