// 宣传海报 as text: where each picture goes (the display list's box) for
// landscape, portrait and odd pictures at the four screen sizes, in the
// hall's frame and full screen, and what stands in for a picture whose
// size is not known.
#include <doctest/doctest.h>

#include <map>

#include "every_page.h"
#include "fake_measure.h"
#include "layout/pages.h"
#include "layout/poster_fit.h"
#include "schedule_support.h"

namespace hb::test {
namespace {

model::Slide poster_slide(model::PosterFrame frame, std::vector<std::string> sources) {
  model::Slide s;
  s.type = model::SlideType::poster;
  s.frame = frame;
  s.base_url = "https://hall.example/feeds/hall.xml";
  for (auto& src : sources) {
    model::PosterImage image;
    image.src = std::move(src);
    image.alt = "宣传海报：办事不求人";
    s.images.push_back(std::move(image));
  }
  return s;
}

const std::map<std::string, layout::PictureSize>& known_sizes() {
  static const std::map<std::string, layout::PictureSize> sizes = {
      {"https://hall.example/feeds/landscape.png", {1920, 1080}},
      {"https://hall.example/feeds/portrait.png", {1080, 1920}},
      {"https://hall.example/feeds/odd.jpg", {1000, 37}},  // a banner
      {"https://hall.example/feeds/tiny.png", {1, 1}},
  };
  return sizes;
}

const layout::PictureSizes kPosterSizes =
    [](const std::string& source) -> std::optional<layout::PictureSize> {
  const auto it = known_sizes().find(source);
  if (it == known_sizes().end()) return std::nullopt;
  return it->second;
};

std::vector<const layout::Picture*> pictures_on(const layout::Page& page) {
  std::vector<const layout::Picture*> r;
  for (const auto& e : page.elements)
    if (const auto* p = std::get_if<layout::Picture>(&e)) r.push_back(p);
  return r;
}

bool has_ticker(const layout::Page& page) {
  for (const auto& e : page.elements)
    if (std::holds_alternative<layout::Ticker>(e)) return true;
  return false;
}

std::string box_text(const layout::Box& b) {
  return std::to_string(b.x) + "," + std::to_string(b.y) + " " + std::to_string(b.w) + "x" +
         std::to_string(b.h);
}

}  // namespace

TEST_CASE("contain: the largest box of the picture's shape, centred") {
  struct Row {
    layout::Box area;
    layout::PictureSize picture;
    const char* box;
  };
  const Row rows[] = {
      {{0, 0, 1920, 1080}, {1920, 1080}, "0,0 1920x1080"},
      {{0, 0, 1920, 1080}, {960, 540}, "0,0 1920x1080"},     // enlarged
      {{0, 0, 1920, 1080}, {1080, 1920}, "656,0 608x1080"},  // pillarbox
      {{0, 0, 1080, 1920}, {1920, 1080}, "0,656 1080x608"},  // letterbox
      {{10, 20, 100, 100}, {1000, 37}, "10,68 100x4"},
      {{10, 20, 100, 100}, {37, 1000}, "58,20 4x100"},
      {{0, 0, 3840, 2160}, {8192, 8192}, "840,0 2160x2160"},
      {{0, 0, 100, 100}, {100000, 1}, "0,49 100x1"},  // never 0 px
      {{0, 0, 100, 100}, {0, 10}, "50,50 0x0"},
      {{0, 0, 0, 100}, {10, 10}, "0,50 0x0"},
  };
  for (const auto& r : rows) {
    CAPTURE(box_text(r.area));
    CHECK(box_text(layout::contain(r.area, r.picture)) == r.box);
  }
  CHECK(layout::fit_scale({960, 540}, 1920, 1080) == doctest::Approx(2.0));
  CHECK(layout::fit_scale({640, 360}, 1920, 1080) == doctest::Approx(3.0));
  CHECK(layout::fit_scale({1080, 1920}, 1920, 1080) == doctest::Approx(0.5625));
}

TEST_CASE("a poster's picture fills its area keeping its shape, at every screen size") {
  static const FakeMeasure measure;
  model::Content content;
  const auto moment_at = [&](const layout::PictureSizes* sizes) {
    auto m = layout::moment_for(content, kZone, at("2026-12-07T10:00"));
    m.picture_sizes = sizes;
    return m;
  };
  for (const auto& [w, h] : kScreenSizes) {
    CAPTURE(w);
    CAPTURE(h);
    layout::PageLayout layout(measure, layout::Theme{}, w, h);
    for (const auto frame : {model::PosterFrame::hall, model::PosterFrame::full}) {
      const bool full = frame == model::PosterFrame::full;
      CAPTURE(full);
      const auto slide =
          poster_slide(frame, {"landscape.png", "portrait.png", "odd.jpg", "tiny.png"});
      const auto pages = layout.slide(moment_at(&kPosterSizes), slide, "");
      REQUIRE(pages.size() == 4);
      for (std::size_t i = 0; i < pages.size(); ++i) {
        const auto& page = pages[i];
        CAPTURE(i);
        CHECK(page.slide_type == "poster");
        CHECK(page.page == static_cast<int>(i));
        CHECK(page.page_count == 4);
        CHECK(has_ticker(page) == !full);
        const auto pics = pictures_on(page);
        REQUIRE(pics.size() == 1);
        const auto& box = pics[0]->box;
        const auto size = known_sizes().at(pics[0]->source);
        // On the screen, below the header and above the ticker in the hall's frame.
        CHECK(box.x >= 0);
        CHECK(box.x + box.w <= w);
        CHECK(box.y >= (full ? 0 : 1));
        CHECK(box.y + box.h <= h);
        // Its shape kept to within a pixel's rounding.
        CHECK(std::abs(static_cast<long long>(box.w) * size.height -
                       static_cast<long long>(box.h) * size.width) <=
              std::max(size.width, size.height));
        // Touching two opposite sides of its area, centred between the other two.
        if (full) {
          CHECK((box.w == w || box.h == h));
          CHECK(std::abs(box.x - (w - box.x - box.w)) <= 1);
          CHECK(std::abs(box.y - (h - box.y - box.h)) <= 1);
        }
      }
      // The landscape picture on a landscape screen, full: the whole screen.
      if (full && w * 1080 == h * 1920)
        CHECK(box_text(pictures_on(pages[0])[0]->box) == box_text({0, 0, w, h}));
    }
  }
}

TEST_CASE("a picture of unknown size stands in as its alt text, never a blank page") {
  static const FakeMeasure measure;
  model::Content content;
  for (const auto& [w, h] : kScreenSizes) {
    CAPTURE(w);
    layout::PageLayout layout(measure, layout::Theme{}, w, h);
    for (const auto* sizes : {static_cast<const layout::PictureSizes*>(nullptr), &kPosterSizes}) {
      auto m = layout::moment_for(content, kZone, at("2026-12-07T10:00"));
      m.picture_sizes = sizes;
      auto slide = poster_slide(model::PosterFrame::full, {"not-fetched.png", "posters/b.jpg"});
      slide.images[1].alt = "";
      const auto pages = layout.slide(m, slide, "");
      REQUIRE(pages.size() == 2);
      CHECK(pictures_on(pages[0]).empty());
      const std::string first = pages_text({pages[0]});
      CHECK(first.find("宣传海报：办事不求人") != std::string::npos);
      CHECK(first.find("宣传海报图片暂未载入") != std::string::npos);
      CHECK(pages_text({pages[1]}).find("b.jpg") != std::string::npos);
    }
  }
}

TEST_CASE("a picture of known size carries its alt text as its stand-in, left out once drawn") {
  static const FakeMeasure measure;
  model::Content content;
  layout::PageLayout layout(measure, layout::Theme{}, 1920, 1080);
  auto m = layout::moment_for(content, kZone, at("2026-12-07T10:00"));
  m.picture_sizes = &kPosterSizes;
  const auto pages = layout.slide(m, poster_slide(model::PosterFrame::full, {"landscape.png"}), "");
  REQUIRE(pages.size() == 1);
  const auto& elements = pages[0].elements;
  std::size_t at_picture = elements.size();
  for (std::size_t i = 0; i < elements.size(); ++i)
    if (std::holds_alternative<layout::Picture>(elements[i])) at_picture = i;
  REQUIRE(at_picture < elements.size());
  const auto& picture = std::get<layout::Picture>(elements[at_picture]);
  // The stand-in follows the picture, the renderer draws it only if the picture fails.
  REQUIRE(picture.stand_in > 0);
  CHECK(at_picture + static_cast<std::size_t>(picture.stand_in) == elements.size() - 1);
  const auto all = layout::text_in_reading_order(pages[0]);
  const auto as_drawn =
      layout::text_in_reading_order(pages[0], [](const layout::Picture&) { return true; });
  const auto has = [](const std::vector<std::string>& lines, const std::string& text) {
    return std::find(lines.begin(), lines.end(), text) != lines.end();
  };
  CHECK(has(all, "宣传海报图片暂未载入"));
  CHECK_FALSE(has(as_drawn, "宣传海报图片暂未载入"));
}

TEST_CASE("a full-screen poster keeps the hall's frame while an urgent notice is in force") {
  static const FakeMeasure measure;
  model::Content content;
  model::Notice urgent;
  urgent.id = "n1";
  urgent.level = model::NoticeLevel::urgent;
  urgent.text = "大厅三楼消防演练";
  content.notices.push_back(urgent);
  layout::PageLayout layout(measure, layout::Theme{}, 1920, 1080);
  auto m = layout::moment_for(content, kZone, at("2026-12-07T10:00"));
  m.picture_sizes = &kPosterSizes;
  const auto pages = layout.slide(m, poster_slide(model::PosterFrame::full, {"landscape.png"}), "");
  REQUIRE(pages.size() == 1);
  CHECK(has_ticker(pages[0]));
  CHECK(pages_text(pages).find("紧急通知") != std::string::npos);
  const auto box = pictures_on(pages[0]).at(0)->box;
  CHECK(box.y > 0);
  CHECK(box.w < 1920);
}

}  // namespace hb::test
