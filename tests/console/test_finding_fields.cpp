// A lint finding's position inside a record's element → the part of the
// record it is about (finding_fields.h), and that the positions lint
// reports on the console's generated feeds land on the right part.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "console/drafts.h"
#include "console/feed_records.h"
#include "console/finding_fields.h"
#include "feed/source_text.h"

namespace hb::console {

namespace {

// Lines as pugixml writes a feed. Line 4 has Chinese before its last
// attribute: columns count code points, not bytes.
constexpr std::string_view kFeed =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                       // 1
    "<hallboard version=\"1\">\n"                                                        // 2
    "  <roster>\n"                                                                       // 3
    "    <window name=\"一号窗口\" id=\"1\">\n"                                          // 4
    "      <post role=\"A\" staff=\"s01\" />\n"                                          // 5
    "      <post role=\"B\" staff=\"s99\" />\n"                                          // 6
    "      <note>暂停</note>\n"                                                          // 7
    "    </window>\n"                                                                    // 8
    "    <absence staff=\"s01\" from=\"2026-12-07T00:00+08:00\" to=\"x\">年休假</absence>\n"  // 9
    "    <window id=\"2\" />\n"                                                          // 10
    "  </roster>\n"                                                                      // 11
    "</hallboard>\n";                                                                    // 12

struct Case {
  const char* what;
  const char* element;  // the record's start tag, found in kFeed
  int line;
  int column;
  const char* field;
};

const std::vector<Case> kCases = {
    {"an attribute's name", "<window name", 4, 13, "name"},
    {"an attribute's value", "<window name", 4, 18, "name"},
    {"an attribute after Chinese (code points)", "<window name", 4, 25, "id"},
    {"the element's own <", "<window name", 4, 5, ""},
    {"the element's name", "<window name", 4, 6, ""},
    {"a child with a role: A", "<window name", 5, 7, "post[role=A]"},
    {"a child's attribute: B's staff", "<window name", 6, 22, "post[role=B]"},
    {"a child's text", "<window name", 7, 13, "note"},
    {"the element's own text", "<absence", 9, 63, "text"},
    {"between attributes", "<absence", 9, 13, ""},
    {"from", "<absence", 9, 26, "from"},
    {"to, at its value", "<absence", 9, 59, "to"},
    {"the next record is not this one", "<window name", 9, 5, ""},
    {"the record before is not this one", "<absence", 6, 22, ""},
    {"before the element", "<window name", 3, 3, ""},
    {"a self-closing element's attribute", "<window id=\"2\"", 10, 13, "id"},
    {"a line past the end", "<window name", 40, 1, ""},
    {"a column past the line's end", "<window name", 4, 90, ""},
    {"no position", "<window name", 0, 0, ""},
};

}  // namespace

TEST_CASE("field_of_finding: the part of the record at a finding's line and column") {
  for (const Case& c : kCases) {
    CAPTURE(c.what);
    const std::size_t start = kFeed.find(c.element);
    REQUIRE(start != std::string_view::npos);
    CHECK(field_of_finding(kFeed, start, model::Where{"roster.xml", c.line, c.column}) == c.field);
  }
}

TEST_CASE("offset_of: the inverse of the parser's line and column, at every character") {
  const feed::SourceText text("roster.xml", kFeed);
  for (std::size_t at = 0; at < kFeed.size(); ++at) {
    if ((static_cast<unsigned char>(kFeed[at]) & 0xC0) == 0x80) continue;  // inside a character
    CAPTURE(at);
    CHECK(offset_of(kFeed, text.where(at)) == at);
  }
}

TEST_CASE("record_element_starts: where a record's body stands in a feed") {
  CHECK(record_element_starts(kFeed, "window", R"(<window id="2" />)") ==
        std::vector<std::size_t>{kFeed.find("<window id=\"2\"")});
  const std::string first =
      R"(<window name="一号窗口" id="1"><post role="A" staff="s01" /><post role="B" staff="s99" /><note>暂停</note></window>)";
  CHECK(record_element_starts(kFeed, "window", first) == std::vector<std::size_t>{kFeed.find("<window name")});
  CHECK(record_element_starts(kFeed, "window", "<window id=\"3\" />").empty());
  CHECK(record_element_starts(kFeed, "absence", "<window id=\"2\" />").empty());
  CHECK(record_element_starts("not xml <", "window", "<window/>").empty());
}

// The positions lint itself reports on a feed made from records name the
// right part: the convention (attribute's name, element's "<") is the parser's.
TEST_CASE("field_of_finding: lint's own findings on a generated feed") {
  const auto record = [](const char* kind, const char* key, const char* body) {
    store::Record r;
    r.kind = kind;
    r.key = key;
    r.body = body;
    return r;
  };
  const std::vector<store::Record> records = {
      record("staff", "s01", R"(<staff id="s01" name="张丽华"/>)"),
      record("window", "1", R"(<window id="1" name="一号"><post role="A" staff="s01"/><post role="B" staff="s99"/></window>)"),
      record("result", "r1", R"(<result item="X" number="1" date="2026-13-45" decision="approve"/>)"),
  };
  std::vector<NamedFeed> feeds;
  for (const FeedDraft& d : feeds_from_records(records, "km")) feeds.push_back({d.name, d.bytes("")});
  const ReadContent read = read_feeds(feeds, 480);
  const auto text_of = [&](const std::string& name) {
    for (const auto& f : feeds) {
      if (f.name == name) return f.bytes;
    }
    return std::string();
  };
  std::vector<std::string> fields;
  for (const model::Diagnostic& d : read.findings) {
    if (d.severity != model::Severity::error) continue;
    const std::string text = text_of(d.where.file);
    for (const store::Record& r : records) {
      if (d.where.file != find_record_kind(r.kind)->feed) continue;
      for (const std::size_t start : record_element_starts(text, r.kind, r.body)) {
        const std::string field = field_of_finding(text, start, d.where);
        if (!field.empty()) fields.push_back(r.kind + ":" + field);
      }
    }
  }
  CHECK(std::count(fields.begin(), fields.end(), "window:post[role=B]") == 1);
  CHECK(std::count(fields.begin(), fields.end(), "result:date") == 1);
  CHECK(std::count(fields.begin(), fields.end(), "window:post[role=A]") == 0);
}

}  // namespace hb::console
