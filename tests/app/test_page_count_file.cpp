// Page counts remembered across starts: the file's format and its defences.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "app/page_count_file.h"
#include "app/player.h"
#include "app/screen_pages.h"
#include "demo_content.h"
#include "fake_measure.h"
#include "files.h"
#include "net/cache.h"
#include "schedule/rotation.h"
#include "schedule/screen.h"
#include "schedule_support.h"

namespace hb::test {
namespace {

app::PageCountRecord sample_record() {
  app::PageCountRecord r;
  r.setup = "0f699bc857619bbe";
  r.content = "449d5f51d1ad";
  r.width = 1920;
  r.height = 1080;
  app::KnownCounts::Slide pages{0, 20784, true, 1796263200, {}};
  pages.pages.pages = 2;
  app::KnownCounts::Slide items{6, 20784, false, 0, {}};
  items.pages.per_item = {3, 2, 4, 0};
  r.counts.slides = {pages, items};
  r.counts.urgent = {{20784, 1796263200, 3}};
  return r;
}

// A body with a digest that matches it, whatever it says.
std::string signed_body(const std::string& body) {
  return body + "sha256 " + net::sha256_hex(body) + "\n";
}

void write_text(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

ino_t inode(const std::filesystem::path& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 ? st.st_ino : 0;
}

}  // namespace

TEST_CASE("page count records: written and read back whole") {
  const auto r = sample_record();
  const std::string text = app::format_page_counts(r);
  CHECK(text.rfind("hallboard page counts 1\nsetup 0f699bc857619bbe\ncontent 449d5f51d1ad\n"
                   "size 1920 1080\nslide 0 20784 1 1796263200 pages 2\n"
                   "slide 6 20784 0 0 items 4 3 2 4 0\nurgent 20784 1796263200 3\nsha256 ",
                   0) == 0);
  const auto back = app::parse_page_counts(text);
  REQUIRE(back.has_value());
  CHECK(app::format_page_counts(*back) == text);
  CHECK(back->counts.slides[1].pages.per_item == std::vector<int>{3, 2, 4, 0});
  CHECK_FALSE(back->counts.slides[1].open);
  CHECK(back->counts.urgent[0].pages == 3);
}

TEST_CASE("page count records: anything damaged is not a record") {
  const std::string good = app::format_page_counts(sample_record());
  // Cut anywhere (a power cut before the atomic rename cannot do this, a
  // disk can): never half a record.
  for (std::size_t n = 0; n < good.size(); ++n)
    CHECK_FALSE(app::parse_page_counts(good.substr(0, n)).has_value());
  // One byte changed anywhere.
  for (std::size_t i = 0; i < good.size(); i += 7) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x04);
    CHECK_FALSE(app::parse_page_counts(bad).has_value());
  }
  // Well signed but not what this program writes.
  const std::string head = "hallboard page counts 1\nsetup abc\ncontent def\nsize 1920 1080\n";
  struct Case {
    const char* why;
    std::string body;
  };
  const Case cases[] = {
      {"another format version", "hallboard page counts 2\nsetup a\ncontent b\nsize 1 1\n"},
      {"no size", "hallboard page counts 1\nsetup a\ncontent b\n"},
      {"a size of nothing", "hallboard page counts 1\nsetup a\ncontent b\nsize 0 1080\n"},
      {"a space in the setup", "hallboard page counts 1\nsetup a b\ncontent b\nsize 1 1\n"},
      {"a negative count", head + "slide 0 1 1 0 pages -1\n"},
      {"an absurd count", head + "slide 0 1 1 0 pages 99999999999\n"},
      {"fewer items than said", head + "slide 0 1 1 0 items 3 1 2\n"},
      {"more items than said", head + "slide 0 1 1 0 items 1 1 2\n"},
      {"an absurd number of items", head + "slide 0 1 1 0 items 4000000000\n"},
      {"open is neither 0 nor 1", head + "slide 0 1 2 0 pages 1\n"},
      {"a word that is no number", head + "slide x 1 1 0 pages 1\n"},
      {"a number with more after it", head + "slide 0 1 1 0 pages 1x\n"},
      {"an urgent stretch of no pages", head + "urgent 1 0 0\n"},
      {"an unknown line", head + "hello\n"},
      {"an empty line", head + "\n"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.why);
    CHECK_FALSE(app::parse_page_counts(signed_body(c.body)).has_value());
  }
  CHECK(app::parse_page_counts(signed_body(head + "slide 0 1 1 0 items 0\n")).has_value());
}

TEST_CASE("a page count file: kept, found for the same setup, content and size only") {
  TempDir dir;
  const auto path = dir.path() / "lobby" / "page-counts";  // the directory is made
  const auto r = sample_record();
  {
    app::PageCountFile file(path.string(), r.setup);
    CHECK_FALSE(file.last_size().has_value());
    CHECK(file.find(r.content, 1920, 1080) == nullptr);
    CHECK(file.keep(r.content, 1920, 1080, r.counts).empty());
    CHECK(file.find(r.content, 1920, 1080) != nullptr);
  }
  const ino_t first = inode(path);
  REQUIRE(first != 0);
  {
    app::PageCountFile file(path.string(), r.setup);
    CHECK(file.last_size() == std::pair{1920, 1080});
    const auto* known = file.find(r.content, 1920, 1080);
    REQUIRE(known != nullptr);
    CHECK(known->slides.size() == 2);
    CHECK(file.find("another", 1920, 1080) == nullptr);
    CHECK(file.find(r.content, 1080, 1920) == nullptr);
    // The same counts again: the file is left as it is (no write at all).
    CHECK(file.keep(r.content, 1920, 1080, r.counts).empty());
    CHECK(inode(path) == first);
  }
  {
    // Another program, font or theme: nothing from the file is used.
    app::PageCountFile file(path.string(), "another-setup");
    CHECK_FALSE(file.last_size().has_value());
    CHECK(file.find(r.content, 1920, 1080) == nullptr);
    // Kept for the new setup, replacing the old record.
    CHECK(file.keep(r.content, 1280, 720, r.counts).empty());
    CHECK(inode(path) != first);
    CHECK(file.last_size() == std::pair{1280, 720});
  }
  // A damaged file is ignored, then replaced.
  write_text(path, "hallboard page counts 1\nsetup ");
  app::PageCountFile damaged(path.string(), r.setup);
  CHECK_FALSE(damaged.last_size().has_value());
  CHECK(damaged.keep(r.content, 1920, 1080, r.counts).empty());
  CHECK(app::parse_page_counts(read_bytes(path)).has_value());
}

TEST_CASE("a page count file that cannot be written says so and changes nothing") {
  TempDir dir;
  std::filesystem::create_directories(dir.path());
  write_text(dir.path() / "file", "not a directory");
  app::PageCountFile file((dir.path() / "file" / "page-counts").string(), "setup");
  const std::string error = file.keep("content", 1920, 1080, sample_record().counts);
  CHECK(error.find("cannot remember the page counts") == 0);
  CHECK(file.find("content", 1920, 1080) == nullptr);
}

}  // namespace hb::test
