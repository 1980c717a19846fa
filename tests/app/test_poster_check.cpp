// lint's look at poster pictures (宣传海报): the pure verdict on a picture's
// header and size as a table, and the walk over local files.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <initializer_list>

#include "app/picture_sizes.h"
#include "app/poster_check.h"
#include "files.h"
#include "net/picture.h"

namespace hb::test {
namespace {

// A PNG's signature and IHDR: all lint and the layout read of it.
std::string png_head(std::uint32_t w, std::uint32_t h) {
  std::string b("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
  for (const std::uint32_t v : {w, h})
    for (int shift = 24; shift >= 0; shift -= 8)
      b += static_cast<char>((v >> shift) & 0xFF);
  b += std::string("\x08\x02\0\0\0", 5);
  return b;
}

// One poster slide of these pictures, in a feed at `feed`; each <image> on
// its own line (1, 2, ...), so findings tell which.
model::Content poster_content(const std::filesystem::path& feed,
                              std::initializer_list<const char*> sources) {
  model::Slide slide;
  slide.type = model::SlideType::poster;
  slide.base_url = feed.string();
  for (const char* src : sources) {
    model::PosterImage image;
    image.src = src;
    image.where.line = static_cast<int>(slide.images.size()) + 1;
    slide.images.push_back(image);
  }
  model::Playlist playlist;
  playlist.slides.push_back(slide);
  model::Content content;
  content.playlists.push_back(playlist);
  return content;
}

std::string verdict(const std::vector<std::string>& findings) {
  std::string r;
  for (const auto& f : findings)
    r += f + "\n";
  return r;
}

}  // namespace

TEST_CASE("a poster picture's header and size: what lint says") {
  const base::PictureLimits limits;
  using base::ImageHeader;
  using base::ImageKind;
  struct Row {
    std::optional<ImageHeader> header;
    std::uint64_t bytes;
    const char* starts;  // the verdict's beginning; "" for none
  };
  const Row rows[] = {
      {ImageHeader{ImageKind::png, 1920, 1080}, 500000, ""},
      {ImageHeader{ImageKind::jpeg, 1080, 1920}, 500000, ""},
      {ImageHeader{ImageKind::jpeg, 3840, 2160}, 3000000, ""},
      {ImageHeader{ImageKind::png, 960, 540}, 50000, ""},  // exactly 2x: still fine
      {ImageHeader{ImageKind::png, 900, 500}, 50000,
       "is 900x500 pixels: a 1920x1080 screen enlarges it 2.1 times"},
      {ImageHeader{ImageKind::png, 640, 360}, 50000,
       "is 640x360 pixels: a 1920x1080 screen enlarges it 3.0 times"},
      {ImageHeader{ImageKind::png, 8000, 6000}, 5000000, "is 8000x6000 pixels (48 MP)"},
      {ImageHeader{ImageKind::png, 8193, 100}, 5000000,
       "is 8193x100 pixels; the screen draws pictures of at most 8192x8192"},
      {ImageHeader{ImageKind::jpeg, 1920, 1080}, 9u << 20,
       "is 9 MiB; the screen draws pictures of at most 8 MiB"},
      {std::nullopt, 1000, "is not a PNG or JPEG picture (by its first bytes)"},
  };
  for (const auto& r : rows) {
    const std::string v = verdict(app::poster_picture_findings(r.header, r.bytes, limits));
    CAPTURE(v);
    if (std::string(r.starts).empty())
      CHECK(v.empty());
    else
      CHECK(v.rfind(r.starts, 0) == 0);
  }
}

TEST_CASE("lint reads local poster pictures once each, and not remote ones") {
  TempDir dir;
  write_bytes(dir / "good.png", png_head(1920, 1080));
  write_bytes(dir / "small.png", png_head(400, 300));
  write_bytes(dir / "fake.jpg", "<html>not found</html>");
  const model::Content content =
      poster_content(dir / "hall.xml", {"good.png", "small.png", "fake.jpg", "missing.png",
                                        "good.png", "https://hall.example/p.png"});
  model::Diagnostics out;
  app::check_poster_pictures(content, out);
  REQUIRE(out.size() == 3);
  CHECK(out[0].where.line == 2);
  CHECK(out[0].severity == model::Severity::warning);
  CHECK(out[0].message.find("<image src=\"small.png\"> is 400x300 pixels") == 0);
  CHECK(out[1].where.line == 3);
  CHECK(out[1].severity == model::Severity::warning);
  CHECK(out[1].message.find("not a PNG or JPEG") != std::string::npos);
  CHECK(out[2].where.line == 4);
  CHECK(out[2].severity == model::Severity::warning);
  CHECK(out[2].message.find("<image src=\"missing.png\"> cannot be read") == 0);
}

TEST_CASE("picture sizes for the layout come from the header, within the screen's limits") {
  const auto sizes =
      app::picture_sizes_from([](const std::string& source) -> std::optional<std::string> {
        if (source == "a.png") return png_head(1920, 1080);
        if (source == "huge.png") return png_head(9000, 10);
        if (source == "junk.png") return std::string("junk");
        if (source == "throws.png") throw std::runtime_error("disk on fire");
        return std::nullopt;
      });
  CHECK(sizes("a.png") == layout::PictureSize{1920, 1080});
  CHECK_FALSE(sizes("huge.png"));
  CHECK_FALSE(sizes("junk.png"));
  CHECK_FALSE(sizes("throws.png"));
  CHECK_FALSE(sizes("absent.png"));
  CHECK_FALSE(sizes(""));
}

}  // namespace hb::test

namespace hb::test {
namespace {

// A JPEG's start with `metadata` bytes of APP1 segments before its frame
// header (when `frame`): cameras' EXIF and ICC profiles can be megabytes.
std::string jpeg_with_metadata(std::size_t metadata, bool frame) {
  std::string b("\xFF\xD8", 2);
  while (metadata > 0) {
    const std::size_t body = std::min<std::size_t>(metadata, 65533);
    const std::size_t length = body + 2;
    b += std::string("\xFF\xE1", 2);
    b += static_cast<char>((length >> 8) & 0xFF);
    b += static_cast<char>(length & 0xFF);
    b += std::string(body, 'x');
    metadata -= body;
  }
  if (frame)  // SOF0: 1080 high, 1920 wide, three components
    b += std::string("\xFF\xC0\x00\x11\x08\x04\x38\x07\x80\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01",
                     19);
  return b;
}

}  // namespace

TEST_CASE("a JPEG whose size comes after large metadata: read on, or a note, not 'not a picture'") {
  const std::string late = jpeg_with_metadata(300 * 1024, true);
  CHECK(base::image_header_cut_short(late.substr(0, app::kPosterHeadBytes)));
  CHECK_FALSE(base::image_header_cut_short(late));
  CHECK_FALSE(base::image_header_cut_short("<html>not found</html>"));
  TempDir dir;
  write_bytes(dir / "late.jpg", late);
  write_bytes(dir / "cut.jpg", jpeg_with_metadata(300 * 1024, false));
  const model::Content content = poster_content(dir / "hall.xml", {"late.jpg", "cut.jpg"});
  model::Diagnostics out;
  app::check_poster_pictures(content, out);
  REQUIRE(out.size() == 1);  // late.jpg is 1920x1080: nothing to say
  CHECK(out[0].where.line == 2);
  CHECK(out[0].message.find("size was not found in its first") != std::string::npos);
  CHECK(out[0].message.find("not a PNG or JPEG") == std::string::npos);
  // The screen's sizes read on too: the poster is laid out at its size.
  const net::PictureStore store("");
  const auto sizes = app::picture_sizes_from(
      [&](const std::string& s) { return store.head(s, app::kPictureHeadBytes); },
      [&](const std::string& s) { return store.stamp(s); });
  CHECK(sizes((dir / "late.jpg").string()) == layout::PictureSize{1920, 1080});
  CHECK_FALSE(sizes((dir / "cut.jpg").string()));
}

}  // namespace hb::test
