// Pictures are PNG or JPEG within limits, told from the header alone.
#include <doctest/doctest.h>

#include "base/image_header.h"
#include "files.h"
#include "net/net_support.h"
#include "net/picture.h"

namespace hb::test {

TEST_SUITE_BEGIN("unit");
namespace {

std::string png(unsigned w, unsigned h) {
  std::string b("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
  for (unsigned v : {w, h})
    for (int s = 24; s >= 0; s -= 8)
      b.push_back(static_cast<char>((v >> s) & 0xFF));
  b += std::string("\x08\x06\0\0\0", 5);
  return b;
}

std::string jpeg(unsigned w, unsigned h) {
  std::string b("\xFF\xD8\xFF\xE0\x00\x04JF\xFF\xC0\x00\x11\x08", 13);
  for (unsigned v : {h, w}) {
    b.push_back(static_cast<char>(v >> 8));
    b.push_back(static_cast<char>(v & 0xFF));
  }
  return b + std::string(12, '\0');
}

}  // namespace

TEST_CASE("pictures: kind, size and limits") {
  const base::PictureLimits limits{1000, 4000, 3000};
  struct Row {
    const char* name;
    std::string bytes;
    const char* problem;  // empty: accepted
  };
  const Row rows[] = {
      {"PNG", png(640, 480), ""},
      {"JPEG", jpeg(800, 600), ""},
      {"PNG too wide", png(4001, 10), "4001x10 pixels, more than 4000x3000"},
      {"JPEG too tall", jpeg(10, 3001), "10x3001 pixels"},
      {"GIF", "GIF89a\x01\x00\x01\x00", "not a PNG or JPEG"},
      {"SVG", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "not a PNG or JPEG"},
      {"empty", "", "not a PNG or JPEG"},
      {"PNG cut in its header", png(640, 480).substr(0, 20), "not a PNG or JPEG"},
      {"PNG of zero width", png(0, 480), "not a PNG or JPEG"},
      {"too many bytes", png(10, 10) + std::string(1000, '\0'), "larger than 1000 bytes"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    const std::string problem = base::check_picture(r.bytes, limits);
    if (*r.problem == '\0')
      CHECK(problem.empty());
    else
      CHECK(problem.find(r.problem) != std::string::npos);
  }
  const auto s = base::read_image_header(jpeg(800, 600));
  REQUIRE(s);
  CHECK_FALSE(s->kind == base::ImageKind::png);
  CHECK(s->width == 800);
  CHECK(s->height == 600);
}

TEST_CASE("pictures: the store reads local files and cached downloads, checked") {
  TempDir dir;
  const net::PictureStore store(dir.path().string());
  const auto logo = source_dir() / "content" / "assets" / "logo.png";
  const auto bytes = store.load(logo.string());
  REQUIRE(bytes);
  CHECK(*bytes == read_bytes(logo));
  CHECK(store.load("file://" + logo.string()));
  CHECK_FALSE(store.load("/nonexistent/logo.png"));
  const std::string url = "https://admin.example.gov.cn/hall/assets/logo.png";
  CHECK_FALSE(store.load(url));
  REQUIRE(store.cache().store(url, *bytes, {}).ok);
  CHECK(store.load(url) == bytes);
  // A cached file that is no picture (a disk fault, a hand edit) is not passed on.
  write_file(store.cache().bytes_path(url), "<html>");
  CHECK_FALSE(store.load(url));
}

TEST_SUITE_END();

}  // namespace hb::test
