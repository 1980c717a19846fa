// The messages systemd gets, read from a socket of our own named by
// NOTIFY_SOCKET, as systemd would read them.
#include <doctest/doctest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "app/systemd_notify.h"

namespace {

// A datagram socket standing in for systemd's, and the environment that
// points at it, both undone at the end.
class FakeSystemd {
 public:
  explicit FakeSystemd(const char* watchdog_usec) {
    path_ = (std::filesystem::temp_directory_path() /
             ("hb-notify-" + std::to_string(getpid()) + ".sock"))
                .string();
    std::filesystem::remove(path_);
    fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    path_.copy(addr.sun_path, sizeof addr.sun_path - 1);
    REQUIRE(bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    setenv("NOTIFY_SOCKET", path_.c_str(), 1);
    if (watchdog_usec) {
      setenv("WATCHDOG_USEC", watchdog_usec, 1);
      setenv("WATCHDOG_PID", std::to_string(getpid()).c_str(), 1);
    }
  }
  ~FakeSystemd() {
    unsetenv("NOTIFY_SOCKET");
    unsetenv("WATCHDOG_USEC");
    unsetenv("WATCHDOG_PID");
    close(fd_);
    std::filesystem::remove(path_);
  }
  FakeSystemd(const FakeSystemd&) = delete;
  FakeSystemd& operator=(const FakeSystemd&) = delete;

  std::vector<std::string> received() {
    std::vector<std::string> out;
    char buffer[4096];
    for (;;) {
      const ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
      if (n < 0) break;
      out.emplace_back(buffer, static_cast<std::size_t>(n));
    }
    return out;
  }

 private:
  std::string path_;
  int fd_ = -1;
};

using Messages = std::vector<std::string>;

}  // namespace

TEST_CASE("systemd: READY after the first frame, STATUS on one line, STOPPING") {
  FakeSystemd systemd(nullptr);
  hb::app::ServiceNotifier notifier;
  CHECK(notifier.notifying());
  CHECK(notifier.watchdog_seconds() == 0);
  CHECK_FALSE(notifier.watchdog(0));  // no WatchdogSec: no pings
  notifier.ready("showing 办事指南\nfrom the cache");
  notifier.status("2 feeds failing");
  notifier.stopping();
  CHECK(systemd.received() == Messages{"READY=1\nSTATUS=showing 办事指南 from the cache",
                                       "STATUS=2 feeds failing", "STOPPING=1"});
}

TEST_CASE("systemd: the watchdog is pinged at half its interval") {
  FakeSystemd systemd("10000000");  // WatchdogSec=10
  hb::app::ServiceNotifier notifier;
  CHECK(notifier.watchdog_seconds() == doctest::Approx(10));
  struct Row {
    double t;
    bool pings;
  };
  const Row rows[] = {{100, true},  {101, false},  {104.9, false}, {105, true},
                      {109, false}, {110.5, true}, {50, true} /* steady clock reset: ping */};
  for (const auto& row : rows) {
    CAPTURE(row.t);
    CHECK(notifier.watchdog(row.t) == row.pings);
  }
  CHECK(systemd.received() == Messages(4, "WATCHDOG=1"));
}

TEST_CASE("systemd: another process's watchdog is not ours") {
  FakeSystemd systemd("10000000");
  setenv("WATCHDOG_PID", "1", 1);
  hb::app::ServiceNotifier notifier;
  CHECK(notifier.watchdog_seconds() == 0);
}

TEST_CASE("systemd: outside systemd nothing is sent and nothing fails") {
  unsetenv("NOTIFY_SOCKET");
  hb::app::ServiceNotifier notifier;
  CHECK_FALSE(notifier.notifying());
  notifier.ready("x");
  CHECK_FALSE(notifier.watchdog(1));
}

TEST_CASE("systemd: the loop never sleeps through a ping") {
  {
    FakeSystemd systemd("8000000");
    hb::app::ServiceNotifier notifier;
    CHECK(notifier.longest_sleep() == doctest::Approx(2));
  }
  FakeSystemd systemd(nullptr);
  hb::app::ServiceNotifier notifier;
  CHECK(notifier.longest_sleep() >= 1e6);
}
