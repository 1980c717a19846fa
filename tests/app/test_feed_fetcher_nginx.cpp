// The fetcher against a real nginx on 127.0.0.1 serving a copy of the demo
// content: a first fetch is a 200, a repeat a 304, a changed file is picked
// up within one poll, pictures land in the picture cache, and a restart
// without the server shows the cached content at once.
#include <doctest/doctest.h>

#include <signal.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <regex>

#include "app/feed_fetcher.h"
#include "files.h"
#include "net/fetch.h"
#include "net/net_support.h"
#include "net/picture.h"

namespace hb::test {
namespace {

constexpr double kNginxPoll = 1;

// Everything under the prefix: no root, no system paths, no daemon.
constexpr const char* kConf = R"(daemon off;
master_process off;
worker_processes 1;
pid @P@/nginx.pid;
error_log @P@/logs/error.log info;
events { worker_connections 64; }
http {
  types { application/xml xml; image/png png; application/octet-stream sig; }
  access_log @P@/logs/access.log;
  client_body_temp_path @P@/tmp/body;
  proxy_temp_path @P@/tmp/proxy;
  fastcgi_temp_path @P@/tmp/fastcgi;
  uwsgi_temp_path @P@/tmp/uwsgi;
  scgi_temp_path @P@/tmp/scgi;
  server {
    listen 127.0.0.1:@PORT@;
    root @P@/www;
    location = /to-file.xml { return 302 file:///etc/passwd; }
  }
  server {
    listen 127.0.0.1:@TLS_PORT@ ssl;
    ssl_certificate @P@/tls/server.pem;
    ssl_certificate_key @P@/tls/server.key;
    root @P@/www;
    location = /to-http.xml { return 302 http://127.0.0.1:@PORT@/hall.xml; }
  }
}
)";

std::string with_value(std::string text, const std::string& key, const std::string& value) {
  for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
    text.replace(at, key.size(), value);
  return text;
}

class Nginx {
 public:
  explicit Nginx(const std::filesystem::path& prefix) : prefix_(prefix) {
    port_ = free_port();
    tls_port_ = free_port();
    std::filesystem::create_directories(prefix / "logs");
    std::filesystem::create_directories(prefix / "tmp");
    make_certificates();
    const std::string p = prefix.string();
    write_file(prefix / "nginx.conf",
               with_value(with_value(with_value(kConf, "@P@", p), "@PORT@", std::to_string(port_)),
                          "@TLS_PORT@", std::to_string(tls_port_)));
    child_ = std::make_unique<Child>(std::vector<std::string>{
        HALLBOARD_NGINX, "-p", p, "-c", p + "/nginx.conf", "-e", p + "/logs/error.log"});
    if (!wait_for_port(port_, 10) || !wait_for_port(tls_port_, 10))
      FAIL("nginx did not start:\n" << error_log());
  }
  ~Nginx() { stop(); }
  void stop() {
    if (child_) child_->stop(SIGQUIT);
    child_.reset();
  }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/" + path;
  }
  std::string tls_url(const std::string& path) const {
    return "https://127.0.0.1:" + std::to_string(tls_port_) + "/" + path;
  }
  // The private CA that signed the server's certificate.
  std::string ca_file() const { return (prefix_ / "tls" / "ca.pem").string(); }
  std::string error_log() const { return read_file(prefix_ / "logs" / "error.log"); }
  // The statuses nginx logged for `path`, in order.
  std::vector<int> statuses(const std::string& path) const {
    std::vector<int> r;
    std::ifstream in(prefix_ / "logs" / "access.log");
    const std::regex line("\"GET /" + path + " HTTP/1\\.1\" ([0-9]{3}) ");
    for (std::string l; std::getline(in, l);) {
      std::smatch m;
      if (std::regex_search(l, m, line)) r.push_back(std::stoi(m[1]));
    }
    return r;
  }

 private:
  // A private CA and a certificate for 127.0.0.1, made with the openssl command line.
  void make_certificates() const {
    const auto tls = prefix_ / "tls";
    std::filesystem::create_directories(tls);
    write_file(tls / "san.ext", "subjectAltName=IP:127.0.0.1\n");
    const std::string commands =
        "cd " + tls.string() +
        " && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes"
        " -keyout ca.key -out ca.pem -days 2 -subj '/CN=hallboard test CA' 2>/dev/null"
        " && openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes"
        " -keyout server.key -out server.csr -subj '/CN=127.0.0.1' 2>/dev/null"
        " && openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial"
        " -out server.pem -days 2 -extfile san.ext 2>/dev/null";
    REQUIRE(std::system(commands.c_str()) == 0);
  }

  std::filesystem::path prefix_;
  int port_ = 0;
  int tls_port_ = 0;
  std::unique_ptr<Child> child_;
};

}  // namespace

TEST_SUITE_BEGIN("nginx");

TEST_CASE("nginx: 200, then 304 with the ETag, then a changed file") {
  if (std::string(HALLBOARD_NGINX).find("NOTFOUND") != std::string::npos) {
    FAIL("nginx is not installed (scripts/setup.sh installs it)");
    return;
  }
  TempDir dir;
  const auto www = dir / "www";
  copy_demo_content(www);
  const TestKey key;
  for (const char* f : {"hall.xml", "items.xml", "roster.xml"})
    write_file(www / (std::string(f) + ".sig"), key.sign(read_file(www / f)));
  write_file(dir / "feeds.pub", key.public_pem());
  Nginx nginx(dir.path());

  SUBCASE("one request at a time") {
    const auto first = net::fetch(nginx.url("hall.xml"), {});
    REQUIRE(first.body);
    CHECK(first.status == 200);
    CHECK(*first.body == read_file(www / "hall.xml"));
    CHECK_FALSE(first.validators.etag.empty());
    CHECK_FALSE(first.validators.last_modified.empty());
    const auto again = net::fetch(nginx.url("hall.xml"), {}, first.validators);
    CHECK(again.status == 304);
    CHECK(again.not_modified);
    CHECK_FALSE(again.body);
    const auto missing = net::fetch(nginx.url("nothing.xml"), {});
    CHECK(missing.status == 404);
    CHECK(missing.error == nginx.url("nothing.xml") + ": the server answered HTTP 404");
  }

  SUBCASE("https: verified against the configured private CA, and never downgraded") {
    net::FetchOptions with_ca;
    with_ca.ca_file = nginx.ca_file();
    const auto ok = net::fetch(nginx.tls_url("hall.xml"), with_ca);
    CAPTURE(ok.error);
    REQUIRE(ok.body);
    CHECK(*ok.body == read_file(www / "hall.xml"));
    // Without the CA the certificate is not trusted: verification is never off.
    const auto untrusted = net::fetch(nginx.tls_url("hall.xml"), {});
    CHECK_FALSE(untrusted.body);
    CHECK(untrusted.error.find(nginx.tls_url("hall.xml")) == 0);
    MESSAGE(untrusted.error);
    // https may not redirect to http, nor http to file://.
    const auto downgraded = net::fetch(nginx.tls_url("to-http.xml"), with_ca);
    CHECK_FALSE(downgraded.body);
    CHECK(downgraded.error.find("redirected to a URL that is not http(s) (or from https to "
                                "http)") != std::string::npos);
    const auto to_file = net::fetch(nginx.url("to-file.xml"), {});
    CHECK_FALSE(to_file.body);
    CHECK(to_file.error.find("redirected to a URL that is not http(s)") != std::string::npos);
  }

  SUBCASE("the fetcher") {
    model::PlayerConfig config;
    config.source = (dir / "player.xml").string();
    config.screen = "lobby-1";
    for (const char* f : {"hall.xml", "items.xml", "roster.xml"})
      config.feeds.push_back({nginx.url(f), static_cast<int>(kNginxPoll), {}});
    config.cache_dir = (dir / "cache").string();
    config.trust_key = (dir / "feeds.pub").string();
    app::FetcherOptions options;
    options.fetch.total_timeout_seconds = 5;
    options.seed = 7;
    const std::string name = "昆明市住房和城乡建设局政务服务窗口";
    const std::string renamed = "昆明市住房和城乡建设局政务服务大厅（新）";
    {
      app::FeedFetcher fetcher(config, real_clocks(), app::core_merge(config), options);
      auto g = gather(fetcher, 15, [](const Gathered& n) {
        return !n.accepted.empty() && !n.accepted.back().content.items.empty() &&
               n.accepted.back().content.hall && n.accepted.back().content.has_roster &&
               n.pictures_changed;
      });
      INFO(g.log_text());
      REQUIRE(g.done);
      CHECK(g.accepted.back().content.hall->name == name);
      CHECK(nginx.statuses("hall.xml").at(0) == 200);
      // Repeats are conditional: nginx answers 304 and sends no body.
      g = gather(fetcher, 15 * kNginxPoll,
                 [&](const Gathered&) { return nginx.statuses("hall.xml").size() >= 3; });
      REQUIRE(g.done);
      CHECK(nginx.statuses("hall.xml")[1] == 304);
      CHECK(nginx.statuses("hall.xml")[2] == 304);
      CHECK(g.accepted.empty());
      // The logo and the photos, relative to the feeds' URL, are in the picture cache.
      const auto logo = fetcher.pictures().load(nginx.url("assets/logo.png"));
      REQUIRE(logo);
      CHECK(*logo == read_file(www / "assets" / "logo.png"));
      CHECK(fetcher.pictures().load(nginx.url("photos/s01.png")));

      // A changed file (other size, so another ETag) within one poll; a new
      // version, so a later generated (a trust key is set).
      std::string hall = read_file(www / "hall.xml");
      hall.replace(hall.find(name), name.size(), renamed);
      const std::string generated = "generated=\"2026-11-27T08:00:00+08:00\"";
      hall.replace(hall.find(generated), generated.size(),
                   "generated=\"2026-11-27T09:00:00+08:00\"");
      write_file(www / "hall.xml.sig", key.sign(hall));
      write_file(www / "hall.xml", hall);
      const std::size_t polls_before = nginx.statuses("hall.xml").size();
      g = gather(fetcher, 10, [&](const Gathered& n) {
        return !n.accepted.empty() && n.accepted.back().content.hall->name == renamed;
      });
      INFO(g.log_text());
      REQUIRE(g.done);
      // Within one poll: counted in polls, not in seconds of a loaded
      // machine. The first request after the change is the 200 that brought
      // it (one already under way may have seen the old file: a 304).
      const auto statuses = nginx.statuses("hall.xml");
      REQUIRE(statuses.size() > polls_before);
      CHECK(statuses.size() - polls_before <= 2);
      CHECK(statuses.back() == 200);
    }
    nginx.stop();

    // A restart without the server: the first take() has the cached content.
    // The cache is read before the constructor returns, and take() never
    // waits: the very first take() has it, whatever the network does.
    app::FeedFetcher offline(config, real_clocks(), app::core_merge(config), options);
    const auto news = offline.take();
    REQUIRE(news.accepted.size() == 1);
    CHECK(news.accepted[0].from_cache);
    CHECK(news.accepted[0].content.hall->name == renamed);
    CHECK_FALSE(news.accepted[0].content.items.empty());
    CHECK(offline.pictures().load(nginx.url("assets/logo.png")));
    const auto cached = app::load_cached_content(config, app::core_merge(config));
    REQUIRE(cached.content);
    CHECK(cached.content->hall->name == renamed);
  }
}

TEST_SUITE_END();

}  // namespace hb::test
