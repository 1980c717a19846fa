// Layout tested as text: every slide type at every screen size, with the
// demo content; nothing lost, nothing outside the screen, nothing too small.
#include <doctest/doctest.h>

#include <set>

#include "fake_measure.h"
#include "files.h"
#include "layout/pages.h"
#include "schedule/playlist.h"
#include "schedule_support.h"

namespace hb::test {
namespace {

model::Content demo() {
  model::Diagnostics out;
  const auto dir = source_dir() / "content";
  std::vector<model::Feed> feeds;
  for (const char* f : {"hall.xml", "items.xml", "roster.xml"}) {
    const auto path = (dir / f).string();
    feeds.push_back(*feed::parse_feed(read_bytes(path), path, out));
  }
  return feed::merge(std::move(feeds), out);
}

std::string all_text(const std::vector<layout::Page>& pages) {
  std::string r;
  for (const auto& p : pages)
    for (const auto& t : layout::text_in_reading_order(p))
      r += t + "\n";
  return r;
}

// The text of runs that start left of x_limit, in reading order: the first
// column of a table or the main column of a page with a side panel.
std::string column_text(const std::vector<layout::Page>& pages, int x_limit) {
  std::string r;
  for (const auto& p : pages) {
    layout::Page column = p;
    column.elements.clear();
    for (const auto& e : p.elements)
      if (const auto* t = std::get_if<layout::TextRun>(&e); t && t->box.x < x_limit)
        column.elements.push_back(e);
    for (const auto& t : layout::text_in_reading_order(column))
      r += t + "\n";
  }
  return r;
}

// Text is broken into lines: compare without line breaks and the spaces
// put between scripts.
std::string squeeze(std::string s) {
  std::string r;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t start = i;
    const auto c = model::next_code_point(s, i);
    if (c == '\n' || c == ' ' || c == 0x2005) continue;
    r.append(s, start, i - start);
  }
  return r;
}

// Every character of `needle` in `haystack`, in order (other text may stand
// between them: a photo's caption beside a pledge).
bool contains_in_order(const std::string& haystack, const std::string& needle) {
  std::size_t h = 0, n = 0;
  while (n < needle.size() && h < haystack.size()) {
    std::size_t n_end = n, h_end = h;
    const auto want = model::next_code_point(needle, n_end);
    const auto got = model::next_code_point(haystack, h_end);
    h = h_end;
    if (want == got) n = n_end;
  }
  return n >= needle.size();
}

const std::pair<int, int> kSizes[] = {{1920, 1080}, {1080, 1920}, {3840, 2160}, {1366, 768}};

}  // namespace

TEST_CASE("every slide type at every screen size keeps everything and stays on screen") {
  const model::Content c = demo();
  FakeMeasure measure;
  const auto now = at("2026-11-27T10:00");
  const auto moment = layout::moment_for(c, kZone, now);
  for (const auto& [w, h] : kSizes) {
    CAPTURE(w);
    CAPTURE(h);
    layout::PageLayout layout(measure, layout::Theme{}, w, h);
    const int min_text = layout::Theme{}.min_text;
    std::string everything, first_column;
    for (const auto type :
         {model::SlideType::items, model::SlideType::roster, model::SlideType::pledges,
          model::SlideType::commitments, model::SlideType::results, model::SlideType::stats,
          model::SlideType::notices}) {
      model::Slide s;
      s.type = type;
      const auto pages = layout.slide(moment, s, "");
      CHECK_FALSE(pages.empty());
      for (const auto& p : pages) {
        CHECK(p.page_count == static_cast<int>(pages.size()));
        for (const auto& e : p.elements) {
          if (const auto* t = std::get_if<layout::TextRun>(&e)) {
            CAPTURE(t->text);
            CHECK(t->style.size >= min_text);
            CHECK(t->box.x >= 0);
            CHECK(t->box.y >= 0);
            CHECK(t->box.x + t->box.w <= w);
            CHECK(t->box.y + t->box.h <= h);
          }
        }
      }
      everything += all_text(pages);
      // Table cells and the commitments' side column share rows with the first column.
      // (The table's first column starts at margin + padding; commitments' cards fill 60%.)
      first_column += column_text(pages, type == model::SlideType::items
                                             ? layout.metrics().margin + layout.metrics().gap
                                             : w * 60 / 100);
    }
    for (const auto& it : c.items) {
      model::Slide s;
      s.type = model::SlideType::item;
      const auto pages = layout.slide(moment, s, it.id);
      REQUIRE_FALSE(pages.empty());
      // The main column (a side panel shares its rows on landscape screens).
      const std::string text = squeeze(column_text(pages, h > w ? w : w * 65 / 100));
      // Every material and step of every item appears on its pages.
      for (const auto& mat : it.materials) {
        CAPTURE(mat.name);
        CHECK(text.find(squeeze(mat.name)) != std::string::npos);
      }
      for (const auto& step : it.procedure)
        CHECK(text.find(squeeze(step.name)) != std::string::npos);
      CHECK(text.find(squeeze(it.name)) != std::string::npos);
    }
    const std::string squeezed = squeeze(everything), first = squeeze(first_column);
    for (const auto& it : c.items) {
      CAPTURE(it.name);
      CHECK(first.find(squeeze(it.name)) != std::string::npos);  // in the items table
    }
    for (const auto& p : c.pledges)
      CHECK(contains_in_order(squeezed, squeeze(p.text)));
    for (const auto& cm : c.hall->commitments)
      CHECK(first.find(squeeze(cm.text)) != std::string::npos);
  }
}

TEST_CASE("persons in results are masked, and absent staff never appear") {
  const model::Content c = demo();
  FakeMeasure measure;
  layout::PageLayout layout(measure, layout::Theme{}, 1920, 1080);
  model::Slide s;
  s.type = model::SlideType::results;
  const auto text =
      all_text(layout.slide(layout::moment_for(c, kZone, at("2026-11-27T10:00")), s, ""));
  for (const auto& r : c.results) {
    if (r.applicant_kind != model::ApplicantKind::person) continue;
    CAPTURE(r.applicant);
    CHECK(text.find(r.applicant) == std::string::npos);
  }
  CHECK(text.find("＊") != std::string::npos);
}

TEST_CASE("outside opening hours the roster says when the hall opens") {
  const model::Content c = demo();
  FakeMeasure measure;
  layout::PageLayout layout(measure, layout::Theme{}, 1920, 1080);
  model::Slide s;
  s.type = model::SlideType::roster;
  const auto text =
      all_text(layout.slide(layout::moment_for(c, kZone, at("2026-11-28T10:00")), s, ""));
  CHECK(text.find("非工作时间") != std::string::npos);
  CHECK(text.find("下次开放：11月30日 星期一 09:00") != std::string::npos);
}

}  // namespace hb::test

namespace hb::test {

TEST_CASE("a text longer than a page flows over pages instead of running off") {
  std::string long_text;
  for (int i = 0; i < 40; ++i)
    long_text += "窗口实行首问负责制，对服务对象的咨询做到有问必答，一次性告知。";
  model::Diagnostics out;
  std::vector<model::Feed> feeds;
  feeds.push_back(
      *feed::parse_feed(feed_doc("<hall name=\"大厅\"><commitment title=\"首问负责\">" + long_text +
                                 "</commitment></hall><pledges><pledge title=\"集体承诺\">" +
                                 long_text + "</pledge></pledges>"),
                        "long.xml", out));
  const auto c = feed::merge(std::move(feeds), out);
  REQUIRE(out.empty());
  FakeMeasure measure;
  for (const auto& [w, h] : kSizes) {
    CAPTURE(w);
    layout::PageLayout layout(measure, layout::Theme{}, w, h);
    for (const auto type : {model::SlideType::commitments, model::SlideType::pledges}) {
      model::Slide s;
      s.type = type;
      const auto pages = layout.slide(layout::moment_for(c, kZone, at("2026-11-27T10:00")), s, "");
      CHECK(pages.size() > 1);
      for (const auto& p : pages)
        for (const auto& e : p.elements)
          if (const auto* t = std::get_if<layout::TextRun>(&e))
            CHECK(t->box.y + t->box.h <= h - layout.metrics().footer_height);
      CHECK(contains_in_order(squeeze(all_text(pages)), squeeze(long_text)));
    }
  }
}

}  // namespace hb::test
