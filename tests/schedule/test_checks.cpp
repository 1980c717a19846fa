// The bundled demo must lint clean and be as complete as the issue asks:
// it is what a new user sees first.
#include <doctest/doctest.h>

#include <set>

#include "files.h"
#include "schedule/checks.h"
#include "support.h"

namespace hb::test {
namespace {

struct Loaded {
  model::PlayerConfig config;
  model::Content content;
  model::Diagnostics findings;
};

Loaded load_demo(const std::string& config_name) {
  Loaded r;
  const auto config_path = (source_dir() / "content" / config_name).string();
  r.config = *feed::parse_player_config(read_bytes(config_path), config_path, r.findings);
  std::vector<model::Feed> feeds;
  for (const auto& f : r.config.feeds)
    if (auto feed = feed::parse_feed(read_bytes(f.url), f.url, r.findings))
      feeds.push_back(std::move(*feed));
  r.content = feed::merge(std::move(feeds), r.findings);
  schedule::check_absence_cover(r.content, r.config.utc_offset_minutes, r.findings);
  return r;
}

}  // namespace

TEST_CASE("the demo content lints clean on both screens") {
  for (const char* config : {"player.xml", "player-portrait.xml"}) {
    CAPTURE(std::string(config));
    const auto demo = load_demo(config);
    INFO(dump(demo.findings));
    CHECK(demo.findings.empty());
    CHECK(demo.config.feeds.size() >= 2);
  }
}

TEST_CASE("the demo content is a complete hall") {
  const auto demo = load_demo("player.xml");
  const auto& c = demo.content;
  REQUIRE(c.hall);
  CHECK(c.items.size() >= 30);
  std::set<std::string> categories;
  int immediate = 0, paid = 0;
  for (const auto& item : c.items) {
    categories.insert(item.category);
    if (item.deadline.unit == model::DeadlineUnit::immediate) ++immediate;
    if (item.fees && !item.fees->free) ++paid;
  }
  CHECK(categories.size() >= 4);
  CHECK(immediate > 0);
  CHECK(paid > 0);
  CHECK(c.roster.windows.size() >= 6);
  bool rare = false, party = false;
  for (const auto& s : c.roster.staff) {
    rare = rare || s.name.find("䶮") != std::string::npos || s.name.find("𠮷") != std::string::npos;
    party = party || s.party;
  }
  CHECK(rare);
  CHECK(party);
  bool with_sub = false, without_sub = false;
  for (const auto& a : c.roster.absences)
    (a.substitute.empty() ? without_sub : with_sub) = true;
  CHECK(with_sub);
  CHECK(without_sub);
  CHECK_FALSE(c.pledges.empty());
  CHECK_FALSE(c.hall->commitments.empty());
  CHECK_FALSE(c.notices.empty());
  REQUIRE(c.stats);
  bool person = false;
  for (const auto& r : c.results)
    person = person || r.applicant_kind == model::ApplicantKind::person;
  CHECK(person);
  REQUIRE(c.calendar);
  std::set<int> holiday_years;
  for (const auto& h : c.calendar->holidays)
    holiday_years.insert(h.from.year);
  CHECK(holiday_years.count(2026));
  CHECK(holiday_years.count(2027));
  CHECK_FALSE(c.calendar->workdays.empty());
  std::set<std::string> screens;
  for (const auto& p : c.playlists)
    screens.insert(p.screens.begin(), p.screens.end());
  CHECK(screens.count("*"));
  CHECK(screens.count(load_demo("player-portrait.xml").config.screen));
}

TEST_CASE("one demo feed is a real GB18030 export") {
  bool gb = false;
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "content")) {
    if (entry.path().extension() != ".xml") continue;
    const std::string head = read_bytes(entry.path()).substr(0, 100);
    gb = gb || head.find("encoding=\"GB18030\"") != std::string::npos;
  }
  CHECK(gb);
}

}  // namespace hb::test
