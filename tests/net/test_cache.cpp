// The on-disk cache: atomic replacement, metadata that must match its
// bytes, leftovers of a crash swept away.
#include <doctest/doctest.h>

#include <filesystem>

#include "net/cache.h"
#include "net/net_support.h"

namespace hb::test {

TEST_SUITE_BEGIN("unit");

TEST_CASE("cache: bytes and metadata round trip; the URL's hash names the files") {
  TempDir dir;
  const net::ContentCache cache((dir / "feeds").string(), ".xml");
  const std::string url = "https://admin.example.gov.cn/hall/content.xml";
  CHECK_FALSE(cache.read(url));
  net::CacheMeta meta;
  meta.validators = {"\"abc\"", "Fri, 27 Nov 2026 00:00:00 GMT"};
  meta.generated = "2026-11-27T08:00:00+08:00";
  meta.fetched = 1795737600;
  meta.signature = "c2ln";
  REQUIRE(cache.store(url, "<hallboard version=\"1\"/>", meta).ok);
  const auto e = cache.read(url);
  REQUIRE(e);
  CHECK(e->bytes == "<hallboard version=\"1\"/>");
  REQUIRE(e->meta);
  CHECK(e->meta->url == url);
  CHECK(e->meta->validators.etag == "\"abc\"");
  CHECK(e->meta->validators.last_modified == "Fri, 27 Nov 2026 00:00:00 GMT");
  CHECK(e->meta->sha256 == net::sha256_hex("<hallboard version=\"1\"/>"));
  CHECK(e->meta->generated == meta.generated);
  CHECK(e->meta->fetched == meta.fetched);
  CHECK(e->meta->signature == "c2ln");
  const auto name = std::filesystem::path(cache.bytes_path(url)).filename().string();
  CHECK(name == net::sha256_hex(url).substr(0, 32) + ".xml");
  CHECK(std::filesystem::path(cache.meta_path(url)).extension() == ".meta");
}

TEST_CASE("cache: metadata that does not describe the bytes beside it is ignored") {
  TempDir dir;
  const net::ContentCache cache(dir.path().string(), ".xml");
  const std::string url = "http://127.0.0.1/a.xml";
  REQUIRE(cache.store(url, "old bytes", {}).ok);
  const std::string old_meta = read_file(cache.meta_path(url));
  REQUIRE(cache.store(url, "new bytes", {}).ok);
  struct Row {
    const char* name;
    std::string meta;
    const char* problem;
  };
  const Row rows[] = {
      {"the old version's metadata (killed between the two writes)", old_meta,
       "describes other bytes"},
      {"cut short", old_meta.substr(0, old_meta.size() / 2), "not a cache metadata file"},
      {"empty", "", "not a cache metadata file"},
      {"another URL's",
       [&] {
         std::string m = old_meta;
         m.replace(m.find(url), url.size(), "http://127.0.0.1/b.xml");
         return m;
       }(),
       "for another URL"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    write_file(cache.meta_path(url), r.meta);
    const auto e = cache.read(url);
    REQUIRE(e);
    CHECK(e->bytes == "new bytes");
    CHECK_FALSE(e->meta);
    CHECK(e->meta_problem.find(r.problem) != std::string::npos);
  }
  std::filesystem::remove(cache.meta_path(url));
  const auto e = cache.read(url);
  REQUIRE(e);
  CHECK_FALSE(e->meta);
  CHECK(e->meta_problem.find("missing") != std::string::npos);
}

TEST_CASE("cache: an atomic write goes through its steps in order and leaves no temporary") {
  TempDir dir;
  std::vector<net::WriteStep> steps;
  std::vector<std::string> seen_at_half;
  net::CacheOptions options;
  const auto target = (dir / "entry.xml").string();
  write_file(target, "old");
  options.between_steps = [&](net::WriteStep s, const std::string& path) {
    steps.push_back(s);
    CHECK(path == target);
    // Until the rename the old version is what a reader sees.
    if (s < net::WriteStep::renamed) CHECK(read_file(target) == "old");
  };
  REQUIRE(net::write_file_atomically(target, "new bytes", options).ok);
  CHECK(steps == std::vector<net::WriteStep>{net::WriteStep::opened, net::WriteStep::half_written,
                                             net::WriteStep::written, net::WriteStep::synced,
                                             net::WriteStep::renamed, net::WriteStep::dir_synced});
  CHECK(read_file(target) == "new bytes");
  int files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path()))
    ++files;
  CHECK(files == 1);
  CHECK((std::filesystem::status(target).permissions() & std::filesystem::perms::others_read) !=
        std::filesystem::perms::none);
}

TEST_CASE("cache: a write into a directory that cannot be written fails with a reason") {
  const auto w = net::write_file_atomically("/nonexistent-dir/x.xml", "bytes");
  CHECK_FALSE(w.ok);
  CHECK(w.error.find("/nonexistent-dir") != std::string::npos);
}

TEST_CASE("cache: sweep deletes a crash's temporaries, prune the entries no longer named") {
  TempDir dir;
  const net::ContentCache cache(dir.path().string(), ".img");
  REQUIRE(cache.store("http://h/a.png", "A", {}).ok);
  REQUIRE(cache.store("http://h/b.png", "B", {}).ok);
  write_file(cache.bytes_path("http://h/a.png") + ".tmp-Ab12Cd", "half");
  cache.sweep();
  int temporaries = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path()))
    temporaries += e.path().string().find(".tmp-") != std::string::npos;
  CHECK(temporaries == 0);
  CHECK(cache.read("http://h/a.png"));
  cache.prune({"http://h/b.png"});
  CHECK_FALSE(cache.read("http://h/a.png"));
  CHECK(cache.read("http://h/b.png"));
}

TEST_CASE("cache: metadata text survives odd values") {
  net::CacheMeta m;
  m.url = "http://h/a b.xml";
  m.validators.etag = "W/\"x y\"\r\nInjected: 1";
  m.sha256 = "00";
  const auto back = net::parse_meta(net::format_meta(m));
  REQUIRE(back);
  CHECK(back->url == m.url);
  CHECK(back->validators.etag == "W/\"x y\"  Injected: 1");
  CHECK_FALSE(net::parse_meta("hallboard-cache 1\nurl x\n"));  // no sha256
}

TEST_SUITE_END();

}  // namespace hb::test
