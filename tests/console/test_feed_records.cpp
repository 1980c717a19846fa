// Records <-> feeds: the demo hall taken apart into the store's records and
// put back together gives feeds lint accepts, with the same content in the
// same order.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "console/drafts.h"
#include "console/feed_records.h"
#include "feed/encoding.h"
#include "feed/feed.h"
#include "files.h"

namespace hb::console {

namespace {

// The demo feeds as they are (roster.xml is GB18030), as lint reads them.
std::vector<NamedFeed> demo_files() {
  std::vector<NamedFeed> out;
  for (const char* name : {"hall.xml", "items.xml", "roster.xml"}) {
    out.push_back({name, test::read_bytes(test::source_dir() / "content" / name)});
  }
  return out;
}

// The demo feeds as init takes them apart: decoded to UTF-8.
std::vector<NamedFeed> demo_feeds() {
  std::vector<NamedFeed> out;
  for (const NamedFeed& f : demo_files()) {
    model::Diagnostics findings;
    const auto decoded = feed::decode(f.bytes, f.name, findings);
    REQUIRE(decoded);
    out.push_back({f.name, decoded->utf8});
  }
  return out;
}

KeyMaker counting_keys() {
  auto next = std::make_shared<int>(0);
  return [next](const std::string& kind) { return kind + "-" + std::to_string(++*next); };
}

std::vector<store::Record> records_of(const std::vector<NamedFeed>& feeds, std::string* hall_id) {
  std::vector<store::Record> out;
  const KeyMaker keys = counting_keys();
  for (const NamedFeed& f : feeds) {
    for (store::Record& r : records_from_feed(f.bytes, keys, hall_id)) out.push_back(std::move(r));
  }
  std::map<std::string, std::int64_t> next;
  for (store::Record& r : out) r.position = ++next[r.kind];
  return out;
}

std::vector<NamedFeed> published(const std::vector<store::Record>& records, const std::string& hall,
                                 const std::string& generated) {
  std::vector<NamedFeed> out;
  for (const FeedDraft& d : feeds_from_records(records, hall)) out.push_back({d.name, d.bytes(generated)});
  return out;
}

std::vector<std::string> staff_ids(const model::Content& c) {
  std::vector<std::string> out;
  for (const auto& s : c.roster.staff) out.push_back(s.id);
  return out;
}

std::vector<std::string> item_ids(const model::Content& c) {
  std::vector<std::string> out;
  for (const auto& i : c.items) out.push_back(i.id);
  return out;
}

std::vector<std::string> absence_keys(const model::Content& c) {
  std::vector<std::string> out;
  for (const auto& a : c.roster.absences) {
    out.push_back(a.staff + "@" + model::to_string(a.from.date) + "+" + a.substitute);
  }
  return out;
}

}  // namespace

TEST_CASE("feed_names are the stable published names; every kind is published in one of them") {
  const auto names = feed_names();
  CHECK(names == std::vector<std::string>{"hall.xml", "roster.xml", "notices.xml", "items.xml",
                                          "results.xml", "stats.xml"});
  for (const RecordKind& k : record_kinds()) {
    CAPTURE(k.kind);
    CHECK(std::find(names.begin(), names.end(), std::string(k.feed)) != names.end());
    CHECK(find_record_kind(k.kind) == &k);
  }
  CHECK(find_record_kind("script") == nullptr);
}

TEST_CASE("the demo hall: records and back give feeds lint accepts, with the same content") {
  const auto demo = demo_feeds();
  const ReadContent before = read_feeds(demo_files(), model::kDefaultUtcOffsetMinutes);
  for (const auto& line : error_lines(before.findings)) FAIL_CHECK(line);
  REQUIRE_FALSE(before.has_errors());

  std::string hall_id;
  const auto records = records_of(demo, &hall_id);
  CHECK_FALSE(records.empty());
  for (const store::Record& r : records) {
    CAPTURE(r.kind);
    CHECK(find_record_kind(r.kind) != nullptr);
    CHECK_FALSE(r.key.empty());
    CHECK(r.body.rfind("<" + r.kind, 0) == 0);
  }

  const auto feeds = published(records, hall_id, "2026-12-01T08:00:00+08:00");
  REQUIRE(feeds.size() == feed_names().size());
  for (std::size_t i = 0; i < feeds.size(); ++i) CHECK(feeds[i].name == feed_names()[i]);
  const ReadContent after = read_feeds(feeds, model::kDefaultUtcOffsetMinutes);
  for (const auto& line : error_lines(after.findings)) FAIL_CHECK(line);
  CHECK_FALSE(after.has_errors());

  const model::Content& a = before.content;
  const model::Content& b = after.content;
  CHECK(b.hall.has_value() == a.hall.has_value());
  REQUIRE(b.hall);
  CHECK(b.hall->name == a.hall->name);
  CHECK(b.hall->commitments.size() == a.hall->commitments.size());
  CHECK(b.calendar.has_value() == a.calendar.has_value());
  REQUIRE(b.calendar);
  CHECK(b.calendar->holidays.size() == a.calendar->holidays.size());
  CHECK(b.calendar->workdays.size() == a.calendar->workdays.size());
  CHECK(b.items.size() == a.items.size());
  CHECK(b.roster.staff.size() == a.roster.staff.size());
  CHECK(b.roster.windows.size() == a.roster.windows.size());
  CHECK(b.roster.absences.size() == a.roster.absences.size());
  CHECK(b.notices.size() == a.notices.size());
  CHECK(b.pledges.size() == a.pledges.size());
  CHECK(b.playlists.size() == a.playlists.size());
  CHECK(b.stats.has_value() == a.stats.has_value());
  CHECK(b.results.size() == a.results.size());
  // Order kept.
  CHECK(staff_ids(b) == staff_ids(a));
  CHECK(item_ids(b) == item_ids(a));
  CHECK(absence_keys(b) == absence_keys(a));
  // Names survive the round trip, characters outside the BMP included (杨𠮷安).
  for (std::size_t i = 0; i < a.roster.staff.size() && i < b.roster.staff.size(); ++i) {
    CHECK(b.roster.staff[i].name == a.roster.staff[i].name);
  }

  // The generated given is the one written; the drafts' feeds have none.
  for (const NamedFeed& f : feeds) {
    CAPTURE(f.name);
    CHECK(f.bytes.find("generated=\"2026-12-01T08:00:00+08:00\"") != std::string::npos);
    CHECK(f.bytes.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);
  }
  for (const FeedDraft& d : feeds_from_records(records, hall_id)) {
    CHECK(d.bytes("").find("generated=") == std::string::npos);
    // The same records make the same bytes, every time.
    CHECK(d.bytes("2026-12-01T08:00:00+08:00") == d.bytes("2026-12-01T08:00:00+08:00"));
  }
}

TEST_CASE("records in a feed come back in their positions, not their order in the list") {
  auto records = records_of(demo_feeds(), nullptr);
  const auto straight = published(records, "", "2026-12-01T08:00:00+08:00");
  std::reverse(records.begin(), records.end());
  const auto reversed = published(records, "", "2026-12-01T08:00:00+08:00");
  REQUIRE(straight.size() == reversed.size());
  for (std::size_t i = 0; i < straight.size(); ++i) {
    CAPTURE(straight[i].name);
    CHECK(straight[i].bytes == reversed[i].bytes);
  }
}

TEST_CASE("markup in a name or a notice is text, and stays text") {
  const std::string feed = R"(<?xml version="1.0" encoding="UTF-8"?>
<hallboard version="1" hall="km-zjj">
  <roster>
    <staff id="s01" name="&lt;script&gt;alert(1)&lt;/script&gt;"/>
    <staff id="s02" name="李&amp;四 &quot;x&quot;"/>
  </roster>
  <notices>
    <notice id="n1" level="info">&lt;script&gt;alert(2)&lt;/script&gt; &amp; 其他</notice>
  </notices>
</hallboard>
)";
  std::string hall_id;
  const auto records = records_of({{"in.xml", feed}}, &hall_id);
  CHECK(hall_id == "km-zjj");
  REQUIRE(records.size() == 3);
  CHECK(records[0].key == "s01");
  CHECK(records[2].kind == "notice");
  CHECK(records[2].key == "n1");
  for (const auto& r : records) CHECK(r.body.find("<script") == std::string::npos);

  const auto feeds = published(records, hall_id, "2026-12-01T08:00:00+08:00");
  for (const NamedFeed& f : feeds) {
    CAPTURE(f.name);
    CHECK(f.bytes.find("<script") == std::string::npos);
    CHECK(f.bytes.find("hall=\"km-zjj\"") != std::string::npos);
  }
  model::Diagnostics findings;
  std::vector<model::Feed> parsed;
  for (const NamedFeed& f : feeds) {
    auto p = feed::parse_feed(f.bytes, f.name, findings);
    REQUIRE(p);
    CHECK(p->hall_id == "km-zjj");
    parsed.push_back(std::move(*p));
  }
  CHECK_FALSE(model::has_errors(findings));
  const model::Content c = feed::merge(std::move(parsed), findings);
  REQUIRE(c.roster.staff.size() == 2);
  CHECK(c.roster.staff[0].name == "<script>alert(1)</script>");
  CHECK(c.roster.staff[1].name == "李&四 \"x\"");
  REQUIRE(c.notices.size() == 1);
  CHECK(c.notices[0].text == "<script>alert(2)</script> & 其他");
}

TEST_CASE("records_from_feed: unknown elements dropped, keys made when the element has none") {
  const std::string feed = R"(<hallboard version="1">
  <roster>
    <staff id="s01" name="张三"/>
    <absence staff="s01" from="2026-12-07T09:00" to="2026-12-07T12:00" reason="调休"/>
    <absence staff="s01" from="2026-12-08T09:00" to="2026-12-08T12:00" reason="调休"/>
    <unknown x="1"/>
  </roster>
  <bogus/>
</hallboard>)";
  const auto records = records_of({{"in.xml", feed}}, nullptr);
  REQUIRE(records.size() == 3);
  CHECK(records[0].kind == "staff");
  CHECK(records[1].kind == "absence");
  CHECK(records[2].kind == "absence");
  CHECK(records[1].key != records[2].key);
  CHECK(records[1].key.rfind("absence-", 0) == 0);
  CHECK(record_attribute(records[1], "from") == "2026-12-07T09:00");
  CHECK(record_attribute(records[1], "nope").empty());
  CHECK(element_of_kind(feed, "absence") == records[1].body);
  CHECK_FALSE(element_of_kind(feed, "notice"));
  CHECK(records_from_feed("not xml <", counting_keys(), nullptr).empty());
}

// DraftReader keeps each feed's parse while its records stay the same; what
// it answers must be what read_drafts answers, change after change.
TEST_CASE("DraftReader answers as read_drafts does, through changes and back") {
  std::string hall;
  std::vector<store::Record> records = records_of(demo_feeds(), &hall);
  auto lines_of = [](const ReadContent& c) { return error_lines(c.findings); };
  auto staff_names = [](const ReadContent& c) {
    std::vector<std::string> out;
    for (const auto& s : c.content.roster.staff) out.push_back(s.name);
    return out;
  };
  store::Record& staff = *std::find_if(records.begin(), records.end(),
                                       [](const store::Record& r) { return r.kind == "staff"; });
  const std::string original = staff.body;
  const std::string renamed = [&] {
    std::string b = original;
    const auto at = b.find("name=\"") + 6;
    return b.insert(at, "新");
  }();
  const std::string broken = "<staff id=\"\" name=\"\"/>";
  DraftReader reader;
  for (const std::string& body : {original, renamed, broken, renamed, original}) {
    CAPTURE(body);
    staff.body = body;
    const ReadContent expected = read_drafts(records, hall, 480);
    const ReadContent got = reader.read(records, hall, 480);
    CHECK(lines_of(got) == lines_of(expected));
    CHECK(got.findings.size() == expected.findings.size());
    CHECK(staff_names(got) == staff_names(expected));
    CHECK(got.content.items.size() == expected.content.items.size());
  }
  // Another hall id is another feed, even with the same records.
  const ReadContent other = reader.read(records, "other-hall", 480);
  CHECK(lines_of(other) == lines_of(read_drafts(records, "other-hall", 480)));
}

}  // namespace hb::console
