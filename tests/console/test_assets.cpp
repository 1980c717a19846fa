// The staff photo upload's pure decisions: which bytes are a usable photo
// (with the message the editor sees beside the field) and the name an
// accepted one is stored under.
#include <doctest/doctest.h>

#include <string>

#include "console/assets.h"
#include "console/auth.h"

namespace hb::console {

namespace {

// A PNG's signature and IHDR with the given size: all the header reader looks at.
std::string png_of(int width, int height, std::size_t total = 64) {
  std::string b("\x89PNG\r\n\x1a\n", 8);
  b += std::string("\0\0\0\x0d", 4) + "IHDR";
  for (const int v : {width, height}) {
    for (const int shift : {24, 16, 8, 0}) b += static_cast<char>((v >> shift) & 0xFF);
  }
  b += std::string("\x08\x06\0\0\0", 5);
  if (b.size() < total) b += std::string(total - b.size(), '\0');
  return b;
}

// A JPEG's start and a SOF0 frame header.
std::string jpeg_of(int width, int height) {
  std::string b("\xFF\xD8\xFF\xC0\x00\x11\x08", 7);
  b += static_cast<char>(height >> 8);
  b += static_cast<char>(height & 0xFF);
  b += static_cast<char>(width >> 8);
  b += static_cast<char>(width & 0xFF);
  return b + std::string(20, '\0');
}

}  // namespace

TEST_CASE("photo_problem: PNG and JPEG within the limits pass; the rest say why in Chinese") {
  const auto limits = photo_upload_limits();
  CHECK(limits.max_bytes == 2u * 1024u * 1024u);
  struct Case {
    const char* what;
    std::string bytes;
    const char* says;  // "" when accepted
  };
  const Case cases[] = {
      {"small PNG", png_of(300, 400), ""},
      {"JPEG", jpeg_of(640, 480), ""},
      {"PNG at the side limit", png_of(8192, 8192), ""},
      {"empty", "", "空的"},
      {"text named .png", "hello, this is not a picture\n", "不是 PNG 或 JPEG"},
      {"GIF", "GIF89a\x01\x00\x01\x00", "不是 PNG 或 JPEG"},
      {"PNG cut short", png_of(10, 10).substr(0, 20), "不是 PNG 或 JPEG"},
      {"too wide", png_of(8193, 10), "超过 8192×8192"},
      {"too tall JPEG", jpeg_of(10, 9000), "超过 8192×8192"},
      {"zero size", png_of(0, 10), "不是 PNG 或 JPEG"},
      {"over 2 MB", png_of(100, 100, 2u * 1024u * 1024u + 1), "过大"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    const std::string why = photo_problem(c.bytes, limits);
    if (*c.says == '\0') {
      CHECK(why.empty());
    } else {
      CHECK(why.find(c.says) != std::string::npos);
    }
  }
}

TEST_CASE("uploaded_photo_name: from the picture's kind and hash, always a safe asset name") {
  const std::string png = png_of(300, 400), jpeg = jpeg_of(10, 10);
  const auto png_name = uploaded_photo_name(png, sha256_hex(png));
  REQUIRE(png_name);
  CHECK(*png_name == "photos/up-" + sha256_hex(png).substr(0, 16) + ".png");
  CHECK(is_asset_name(*png_name));
  CHECK(uploaded_photo_name(jpeg, sha256_hex(jpeg)).value_or("").ends_with(".jpg"));
  // Not a picture, or a "hash" that is not one: no name.
  CHECK_FALSE(uploaded_photo_name("text", sha256_hex("text")));
  CHECK_FALSE(uploaded_photo_name(png, "../../x"));
  CHECK_FALSE(uploaded_photo_name(png, "../../x.png/aaaaaaaaaaaaaaaa"));
  CHECK_FALSE(uploaded_photo_name(png, ""));
}

TEST_CASE("is_asset_name: what a request may name under /feeds/") {
  for (const char* good : {"photos/s01.png", "logo.jpg", "a/b/c.JPEG", "photos/up-0123456789abcdef.png"}) {
    CAPTURE(good);
    CHECK(is_asset_name(good));
  }
  for (const char* bad : {"../../x.png", "/etc/x.png", "photos/../x.png", "photos/x.gif", "a/b/c/d.png",
                          "photos//x.png", "photos/x .png", "", ".png/..", "photos/x.png\n"}) {
    CAPTURE(bad);
    CHECK_FALSE(is_asset_name(bad));
  }
}

}  // namespace hb::console
