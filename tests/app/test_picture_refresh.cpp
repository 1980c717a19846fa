// Which pictures the refresh follows: every http(s) photo and the logo,
// each once, in feed order; local files are read where they are instead.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/picture_refresh.h"

namespace hb::test {

TEST_SUITE_BEGIN("unit");

TEST_CASE("remote pictures: the logo and photos over http, each once, in feed order") {
  model::Content c;
  c.hall.emplace();
  c.hall->base_url = "http://10.0.0.5/feeds/hall.xml";
  c.hall->logo = "logo.png";
  const auto staff = [&](const std::string& base, const std::string& photo) {
    model::Staff s;
    s.base_url = base;
    s.photo = photo;
    c.roster.staff.push_back(s);
  };
  staff("http://10.0.0.5/feeds/roster.xml", "photos/a.jpg");
  staff("http://10.0.0.5/feeds/roster.xml", "photos/a.jpg");  // the same photo again
  staff("http://10.0.0.5/feeds/roster.xml", "");              // no photo
  staff("/srv/hall/roster.xml", "photos/b.jpg");              // a local file
  staff("http://10.0.0.5/feeds/roster.xml", "https://cdn.example/c.jpg");
  staff("http://10.0.0.5/feeds/roster.xml", "/photos/a.jpg");  // another path
  const std::vector<std::string> expected = {
      "http://10.0.0.5/feeds/logo.png", "http://10.0.0.5/feeds/photos/a.jpg",
      "https://cdn.example/c.jpg", "http://10.0.0.5/photos/a.jpg"};
  CHECK(app::remote_pictures(c) == expected);
}

TEST_CASE("remote pictures: a poster's http(s) pictures are fetched like photos, local ones not") {
  model::Content c;
  model::Playlist playlist;
  model::Slide slide;
  slide.type = model::SlideType::poster;
  slide.base_url = "http://10.0.0.5/feeds/hall.xml";
  for (const char* src : {"posters/a.png", "https://cdn.example/b.jpg", "posters/a.png"}) {
    model::PosterImage image;
    image.src = src;
    slide.images.push_back(image);
  }
  playlist.slides.push_back(slide);
  slide.base_url = "/srv/hall/hall.xml";  // a feed on the local disk: its pictures are read there
  playlist.slides.push_back(slide);
  c.playlists.push_back(playlist);
  const std::vector<std::string> expected = {"http://10.0.0.5/feeds/posters/a.png",
                                             "https://cdn.example/b.jpg"};
  CHECK(app::remote_pictures(c) == expected);
}

TEST_CASE("remote pictures: a roster of 150,000 photos, half of them repeated, is read once") {
  // Quadratic work here would take minutes under the fetcher's accept lock;
  // linear work takes a fraction of a second. No time is asserted: the
  // test's own timeout is the bound.
  model::Content c;
  for (int i = 0; i < 150000; ++i) {
    model::Staff s;
    s.base_url = "http://10.0.0.5/roster.xml";
    s.photo = "p/" + std::to_string(i % 75000) + ".jpg";
    c.roster.staff.push_back(std::move(s));
  }
  const auto urls = app::remote_pictures(c);
  REQUIRE(urls.size() == 75000);
  CHECK(urls.front() == "http://10.0.0.5/p/0.jpg");
  CHECK(urls.back() == "http://10.0.0.5/p/74999.jpg");
}

TEST_SUITE_END();

}  // namespace hb::test
