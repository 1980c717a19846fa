#include "net/net_support.h"

#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <future>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "files.h"

extern char** environ;

namespace hb::test {

void write_file(const std::filesystem::path& p, std::string_view bytes) {
  std::filesystem::create_directories(p.parent_path());
  // Written beside and renamed, so a server never serves half a file.
  const auto temp = p.string() + ".writing";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  std::filesystem::rename(temp, p);
}

std::string read_file(const std::filesystem::path& p) {
  return read_bytes(p);
}

Child::Child(const std::vector<std::string>& argv, bool capture_stdout) {
  std::vector<char*> args;
  for (const auto& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  int pipe_fds[2] = {-1, -1};
  if (capture_stdout) {
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
  }
  const int rc = ::posix_spawnp(&pid_, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (capture_stdout) {
    ::close(pipe_fds[1]);
    out_ = pipe_fds[0];
  }
  if (rc != 0) {
    pid_ = -1;
    throw std::runtime_error("cannot start " + argv[0]);
  }
}

Child::~Child() {
  if (pid_ > 0) stop(SIGKILL);
  if (out_ >= 0) ::close(out_);
}

int Child::stop(int signal) {
  if (pid_ <= 0) return 0;
  ::kill(pid_, signal);
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  return status;
}

std::optional<std::string> Child::read_line(double seconds) {
  const double end = steady_seconds() + seconds;
  for (;;) {
    if (const auto nl = buffered_.find('\n'); nl != std::string::npos) {
      std::string line = buffered_.substr(0, nl);
      buffered_.erase(0, nl + 1);
      return line;
    }
    const double left = end - steady_seconds();
    if (out_ < 0 || left <= 0) return std::nullopt;
    pollfd p{out_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left * 1000) + 1) <= 0) continue;
    char buffer[512];
    const ssize_t n = ::read(out_, buffer, sizeof buffer);
    if (n <= 0) return std::nullopt;
    buffered_.append(buffer, static_cast<std::size_t>(n));
  }
}

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

bool wait_for_port(int port, double seconds) {
  const double end = steady_seconds() + seconds;
  while (steady_seconds() < end) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(fd);
    if (ok) return true;
    sleep_seconds(0.02);
  }
  return false;
}

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double wall_seconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::unique_ptr<Child> start_fault_server(const std::filesystem::path& root, int& port) {
  auto server = std::make_unique<Child>(
      std::vector<std::string>{HALLBOARD_TEST_PYTHON3, HALLBOARD_FAULT_SERVER, "--root",
                               root.string(), "--port", std::to_string(port)},
      true);
  const auto line = server->read_line(10);  // its port, once it listens
  if (!line) throw std::runtime_error("the fault server did not start");
  port = std::stoi(*line);
  if (!wait_for_port(port, 5)) throw std::runtime_error("the fault server does not accept");
  return server;
}

app::Clocks real_clocks() {
  return {wall_seconds, steady_seconds};
}

void sleep_seconds(double s) {
  std::this_thread::sleep_for(std::chrono::duration<double>(s));
}

bool ends_before(double deadline, const std::function<void()>& work) {
  auto running = std::async(std::launch::async, work);
  // On failure the future's destructor still waits for the work to end.
  return running.wait_for(std::chrono::duration<double>(deadline)) == std::future_status::ready;
}

TestKey::TestKey(Kind kind)
    : pkey_(kind == Kind::ed25519 ? EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519")
                                  : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256")) {
  if (!pkey_) throw std::runtime_error("cannot make a test key");
}

TestKey::~TestKey() {
  EVP_PKEY_free(static_cast<EVP_PKEY*>(pkey_));
}

namespace {
std::string bio_text(BIO* bio) {
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  std::string s(data, static_cast<std::size_t>(n));
  BIO_free(bio);
  return s;
}
}  // namespace

std::string TestKey::public_pem() const {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PUBKEY(bio, static_cast<EVP_PKEY*>(pkey_));
  return bio_text(bio);
}

std::string TestKey::private_pem() const {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey(bio, static_cast<EVP_PKEY*>(pkey_), nullptr, nullptr, 0, nullptr,
                           nullptr);
  return bio_text(bio);
}

std::string TestKey::sign(std::string_view bytes) const {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  std::string sig(64, '\0');
  std::size_t len = sig.size();
  EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, static_cast<EVP_PKEY*>(pkey_));
  EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(sig.data()), &len,
                 reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  EVP_MD_CTX_free(ctx);
  sig.resize(len);
  return sig;
}

std::string Gathered::log_text() const {
  std::string s;
  for (const auto& l : log)
    s += l + "\n";
  return s;
}

bool Gathered::log_has(std::string_view needle) const {
  for (const auto& l : log)
    if (l.find(needle) != std::string::npos) return true;
  return false;
}

bool Gathered::log_has(std::string_view a, std::string_view b) const {
  for (const auto& l : log)
    if (l.find(a) != std::string::npos && l.find(b) != std::string::npos) return true;
  return false;
}

Gathered gather(app::FeedFetcher& fetcher, double seconds,
                const std::function<bool(const Gathered&)>& done) {
  Gathered g;
  const double end = steady_seconds() + seconds;
  for (;;) {
    auto news = fetcher.take();
    for (auto& a : news.accepted)
      g.accepted.push_back(std::move(a));
    for (auto& l : news.log)
      g.log.push_back(std::move(l));
    g.pictures_changed = g.pictures_changed || news.pictures_changed;
    if (done(g)) {
      g.done = true;
      return g;
    }
    if (steady_seconds() >= end) return g;
    sleep_seconds(0.02);
  }
}

void copy_demo_content(const std::filesystem::path& dir) {
  const auto from = source_dir() / "content";
  std::filesystem::create_directories(dir);
  for (const char* f : {"hall.xml", "items.xml", "roster.xml"})
    std::filesystem::copy_file(from / f, dir / f);
  std::filesystem::copy(from / "assets", dir / "assets", std::filesystem::copy_options::recursive);
  std::filesystem::copy(from / "photos", dir / "photos", std::filesystem::copy_options::recursive);
}

std::string replaced_once(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

}  // namespace hb::test
