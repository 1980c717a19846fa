// Shared by the network tests: temporary directories, child processes
// (servers, the cache writer), Ed25519 test keys, waiting on a fetcher.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/feed_fetcher.h"
#include "files.h"

namespace hb::test {

void write_file(const std::filesystem::path& p, std::string_view bytes);
std::string read_file(const std::filesystem::path& p);

// A child process, killed (SIGKILL) and reaped when this goes away.
class Child {
 public:
  // argv[0] is looked up in PATH; stdout is kept for read_line when asked.
  Child(const std::vector<std::string>& argv, bool capture_stdout = false);
  ~Child();
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  pid_t pid() const { return pid_; }
  bool running() const { return pid_ > 0; }
  // One line of its standard output; nothing after `seconds`.
  std::optional<std::string> read_line(double seconds);
  // Sends `signal` and waits for the exit; returns the wait status.
  int stop(int signal);

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  std::string buffered_;
};

// tests/net/fault_server.py serving `root` on 127.0.0.1:`port` (0: any free
// port), returned once it accepts connections; `port` is set to the one it
// took. Throws when it does not start.
std::unique_ptr<Child> start_fault_server(const std::filesystem::path& root, int& port);

// A TCP port on 127.0.0.1 that nobody listened on a moment ago.
int free_port();
// True once something accepts connections on 127.0.0.1:port.
bool wait_for_port(int port, double seconds);

double steady_seconds();
double wall_seconds();
app::Clocks real_clocks();
void sleep_seconds(double s);
// Runs `work` on another thread and says whether it ended before
// `deadline` real seconds: for work that must end before something slower
// that it races (a server that hangs, a transfer's own timeout), so the
// test asserts the order of the two, never how fast the machine is.
bool ends_before(double deadline, const std::function<void()>& work);

// A small signed-feed fixture: a feed's bytes and the URL it is said to
// come from (the signature tests and the signing command's).
inline const std::string kSignedFeed =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<hallboard version=\"1\">"
    "<notices><notice>大厅三楼消防演练</notice></notices></hallboard>\n";
inline const std::string kSignedFeedUrl = "https://admin.example.gov.cn/hall/content.xml";

// `s` with the first `from` (which must be there) replaced by `to`.
std::string replaced_once(std::string s, const std::string& from, const std::string& to);

// An Ed25519 key pair made for the test.
class TestKey {
 public:
  enum class Kind { ed25519, ec_p256 };
  explicit TestKey(Kind kind = Kind::ed25519);
  ~TestKey();
  TestKey(const TestKey&) = delete;
  TestKey& operator=(const TestKey&) = delete;
  std::string public_pem() const;
  std::string private_pem() const;
  std::string sign(std::string_view bytes) const;  // 64 raw bytes

 private:
  void* pkey_;
};

// The news of a fetcher gathered until `done` says so or `seconds` pass.
struct Gathered {
  std::vector<app::Accepted> accepted;
  std::vector<std::string> log;
  bool pictures_changed = false;
  bool done = false;
  std::string log_text() const;
  bool log_has(std::string_view needle) const;
  // One line has both.
  bool log_has(std::string_view a, std::string_view b) const;
};
Gathered gather(app::FeedFetcher& fetcher, double seconds,
                const std::function<bool(const Gathered&)>& done);

// The demo content's files (content/*.xml, assets, photos) copied to `dir`.
void copy_demo_content(const std::filesystem::path& dir);

}  // namespace hb::test
