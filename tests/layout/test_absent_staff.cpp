// The screen never reveals who is away or why (feed-format-v1.md, roster):
// no absent person's name or photo on any page while they are away, and no
// reason for leave ever. A pledge is the one place a name stands whoever is
// at work: the pledges slide shows every pledge every day, so it tells
// nobody who is away.
#include <doctest/doctest.h>

#include "demo_content.h"
#include "every_page.h"
#include "model/unicode.h"

namespace hb::test {
namespace {

// All text of a page on one line, without the breaks layout put in.
std::string page_text(const layout::Page& page) {
  std::string r;
  for (const auto& line : layout::text_in_reading_order(page))
    for (std::size_t i = 0; i < line.size();) {
      const std::size_t start = i;
      const auto c = model::next_code_point(line, i);
      if (c != '\n' && c != ' ' && c != 0x2005) r.append(line, start, i - start);
    }
  return r;
}

std::vector<std::string> pictures(const layout::Page& page) {
  std::vector<std::string> r;
  for (const auto& e : page.elements)
    if (const auto* p = std::get_if<layout::Picture>(&e)) r.push_back(p->source);
  return r;
}

bool away(const model::Absence& a, model::UnixSeconds t) {
  return model::to_unix(a.from, kZone) <= t && t < model::to_unix(a.to, kZone);
}

}  // namespace

TEST_SUITE_BEGIN("unit");

TEST_CASE("absent staff never appear: no name, photo or reason, on any page at any size") {
  const model::Content c = demo_content();
  REQUIRE_FALSE(c.roster.absences.empty());
  std::size_t checked = 0;
  for (const char* when : kDemoMoments) {
    const auto t = at(when);
    std::vector<const model::Staff*> absent;
    for (const auto& a : c.roster.absences)
      if (away(a, t))
        for (const auto& s : c.roster.staff)
          if (s.id == a.staff) absent.push_back(&s);
    for (const auto& [w, h] : kScreenSizes) {
      CAPTURE(when);
      CAPTURE(w);
      CAPTURE(h);
      for (const auto& page : every_page(c, w, h, t)) {
        CAPTURE(page.slide_type);
        const std::string text = page_text(page);
        for (const auto& a : c.roster.absences) {
          CAPTURE(a.reason);
          CHECK(text.find(a.reason) == std::string::npos);
        }
        if (page.slide_type == "pledges") continue;
        const auto photos = pictures(page);
        for (const model::Staff* s : absent) {
          CAPTURE(s->name);
          CHECK(text.find(s->name) == std::string::npos);
          CHECK(text.find(s->badge) == std::string::npos);
          for (const auto& photo : photos)
            CHECK(photo.find(s->photo) == std::string::npos);
          ++checked;
        }
      }
    }
  }
  CHECK(checked > 100);
}

TEST_SUITE_END();

}  // namespace hb::test
