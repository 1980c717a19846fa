// Several feeds read together: ids unique across all, single-source
// sections, references that cross feeds.
#include <doctest/doctest.h>

#include "support.h"

namespace hb::test {

TEST_CASE("feeds refer to each other across files") {
  const auto out = lint({
      {"items.xml", feed_doc("<items><item id=\"A1\" window=\"1\"><name>事项</name><deadline "
                             "unit=\"immediate\"/></item></items>")},
      {"roster.xml", feed_doc(roster())},
      {"hall.xml", feed_doc("<pledges><pledge staff=\"s1\">亮明身份</pledge></pledges>"
                            "<playlist><slide type=\"item\" item=\"A1\"/></playlist>")},
  });
  INFO(dump(out));
  CHECK(out.empty());
}

TEST_CASE("rules across feeds point at the second place and name the first") {
  struct Row {
    const char* rule;
    std::string first;
    std::string second_marked;  // the finding points at ⚑ in b.xml
    const char* message;
  };
  const std::string item = "<item id=\"A1\"><name>事项</name><deadline unit=\"immediate\"/></item>";
  const std::vector<Row> rows = {
      {"item id defined twice", feed_doc("<items>" + item + "</items>"),
       feed_doc("<items>\n⚑" + item + "</items>"),
       "item id \"A1\" is already defined at a.xml:3:8"},
      {"staff id defined twice", feed_doc(roster()),
       feed_doc("<roster>⚑<staff id=\"s2\" name=\"又一个\"/></roster>"),
       "staff id \"s2\" is already defined at a.xml:3:"},
      {"window id defined twice", feed_doc(roster()),
       feed_doc("<roster><staff id=\"s8\" name=\"钱\"/><staff id=\"s9\" name=\"孙\"/>\n⚑<window "
                "id=\"1\">"
                "<post role=\"A\" staff=\"s8\"/><post role=\"B\" staff=\"s9\"/></window></roster>"),
       "window id \"1\" is already defined"},
      {"notice id defined twice", feed_doc("<notices><notice id=\"n1\">甲</notice></notices>"),
       feed_doc("<notices>⚑<notice id=\"n1\">乙</notice></notices>"),
       "notice id \"n1\" is already defined"},
      {"hall from one feed only", feed_doc("<hall name=\"甲\"/>"), feed_doc("⚑<hall name=\"乙\"/>"),
       "a second <hall> (the first is at a.xml:3:1)"},
      {"calendar from one feed only",
       feed_doc("<calendar><hours days=\"mon\" open=\"09:00\" close=\"10:00\"/></calendar>"),
       feed_doc("⚑<calendar><hours days=\"tue\" open=\"09:00\" close=\"10:00\"/></calendar>"),
       "a second <calendar>"},
      {"playlist per screen from one feed only",
       feed_doc("<playlist screen=\"*\"><slide type=\"roster\"/></playlist>"),
       feed_doc("⚑<playlist><slide type=\"roster\"/></playlist>"),
       "a second <playlist> for screen \"*\""},
      {"stats from one feed only", feed_doc("<stats month=\"2026-10\"/>"),
       feed_doc("⚑<stats month=\"2026-10\"/>"), "a second <stats>"},
  };
  for (const auto& row : rows) {
    CAPTURE(std::string(row.rule));
    const Marked m = unmark(row.second_marked);
    const auto out = lint({{"a.xml", row.first}, {"b.xml", m.text}});
    INFO(dump(out));
    REQUIRE(out.size() == 1);
    CHECK(out[0].severity == model::Severity::error);
    CHECK(out[0].where.file == "b.xml");
    CHECK(out[0].where.line == m.line);
    CHECK(out[0].where.column == m.column);
    CHECK(out[0].message.find(row.message) != std::string::npos);
  }
}

TEST_CASE("a feed linted without any roster warns once instead of failing every reference") {
  const auto out = lint_one(feed_doc(
      "<items><item id=\"A1\" window=\"1\"><name>甲</name><deadline unit=\"immediate\"/></item>"
      "<item id=\"A2\" window=\"2\"><name>乙</name><deadline unit=\"immediate\"/></item></items>"));
  INFO(dump(out));
  REQUIRE(out.size() == 1);
  CHECK(out[0].severity == model::Severity::warning);
  CHECK(out[0].message.find("no <roster>") != std::string::npos);
}

TEST_CASE("merged content keeps everything in feed order") {
  model::Diagnostics out;
  std::vector<model::Feed> feeds;
  for (const auto& xml :
       {feed_doc(
            "<items><item id=\"B\"><name>乙</name><deadline unit=\"immediate\"/></item></items>"),
        feed_doc(
            "<items><item id=\"A\"><name>甲</name><deadline unit=\"immediate\"/></item></items>" +
            roster())})
    feeds.push_back(*feed::parse_feed(xml, "f.xml", out));
  const auto content = feed::merge(std::move(feeds), out);
  CHECK(out.empty());
  REQUIRE(content.items.size() == 2);
  CHECK(content.items[0].id == "B");
  CHECK(content.items[1].id == "A");
  CHECK(content.has_roster);
  CHECK(content.roster.windows.at(0).a_staff == "s1");
}

}  // namespace hb::test
