// The queue document (docs/feed-format.md section 17): what is read, what is
// left out with which finding, and the bounds hostile input meets.
#include <doctest/doctest.h>

#include <algorithm>

#include "feed/queue_parse.h"
#include "schedule_support.h"
#include "support.h"

namespace hb::test {
namespace {

const char* const kIssueExample = R"(<queue generated="2026-12-02T10:15:03+08:00">
  <window id="1" serving="A023" waiting="5"/>
  <window id="2" state="paused"/>
  <call id="c-1042" ticket="A024" window="1" at="2026-12-02T10:15:02+08:00" name="张三" title="女士"/>
</queue>)";

std::optional<model::QueueDocument> queue(const std::string& xml, model::Diagnostics& out,
                                          const feed::QueueLimits& limits = {}) {
  return feed::parse_queue(xml, "q.xml", out, limits);
}

// `depth` elements, each inside the one before.
std::string nested(int depth) {
  std::string xml;
  for (int i = 0; i < depth; ++i)
    xml += "<a>";
  for (int i = 0; i < depth; ++i)
    xml += "</a>";
  return xml;
}

std::string calls_of(const std::string& body) {
  return "<queue>" + body + "</queue>";
}

std::string call(int n, const std::string& at) {
  return "<call id=\"c" + std::to_string(n) + "\" ticket=\"A" + std::to_string(n) +
         "\" window=\"1\" at=\"" + at + "\"/>";
}

}  // namespace

TEST_CASE("queue: the issue's example") {
  model::Diagnostics out;
  const auto q = queue(kIssueExample, out);
  INFO(dump(out));
  CHECK(out.empty());
  REQUIRE(q);
  CHECK(q->generated == at("2026-12-02T10:15:03"));
  REQUIRE(q->windows.size() == 2);
  CHECK(q->windows[0].id == "1");
  CHECK(q->windows[0].serving == "A023");
  CHECK(q->windows[0].waiting == 5);
  CHECK(q->windows[0].state == model::QueueWindowState::open);
  CHECK(q->windows[1].serving.empty());
  CHECK_FALSE(q->windows[1].waiting);
  CHECK(q->windows[1].state == model::QueueWindowState::paused);
  REQUIRE(q->calls.size() == 1);
  const model::QueueCall& c = q->calls[0];
  CHECK(c.id == "c-1042");
  CHECK(c.ticket == "A024");
  CHECK(c.window == "1");
  CHECK(c.at == at("2026-12-02T10:15:02"));
  CHECK(c.name == "张三");
  CHECK(c.title == "女士");
  CHECK(c.where.line == 4);
}

TEST_CASE("queue: times without an offset are in the player's zone") {
  const std::string xml = calls_of(call(1, "2026-12-02T10:15:02"));
  for (const int zone : {480, 0, -300}) {
    CAPTURE(zone);
    model::Diagnostics out;
    feed::QueueLimits limits;
    limits.utc_offset_minutes = zone;
    const auto q = queue(xml, out, limits);
    REQUIRE(q);
    REQUIRE(q->calls.size() == 1);
    CHECK(q->calls[0].at == at("2026-12-02T10:15:02+00:00") - zone * 60);
  }
}

TEST_CASE("queue: the same encodings as a feed") {
  // GB18030 for 张三 and 女士, declared; and UTF-8 with a byte-order mark.
  const std::string gbk =
      "<?xml version=\"1.0\" encoding=\"GB18030\"?><queue><call id=\"c\" "
      "ticket=\"A1\" window=\"1\" at=\"2026-12-02T10:15\" name=\"\xD5\xC5"
      "\xC8\xFD\" title=\"\xC5\xAE\xCA\xBF\"/></queue>";
  const std::string bom = "\xEF\xBB\xBF" + calls_of(call(1, "2026-12-02T10:15"));
  for (const auto& bytes : {gbk, bom}) {
    model::Diagnostics out;
    const auto q = queue(bytes, out);
    INFO(dump(out));
    CHECK(out.empty());
    REQUIRE(q);
    REQUIRE(q->calls.size() == 1);
    if (&bytes == &gbk) CHECK(q->calls[0].name + q->calls[0].title == "张三女士");
  }
}

TEST_CASE("queue: mistakes leave out the element, at the right place") {
  struct Row {
    const char* name;
    std::string marked;
    model::Severity severity;
    const char* message;
    std::size_t windows;  // kept
    std::size_t calls;    // kept
  };
  using model::Severity;
  const std::string ok_call = call(9, "2026-12-02T10:00");
  const std::vector<Row> rows = {
      {"window without id", "<queue>⚑<window serving=\"A1\"/></queue>", Severity::error,
       "<window> needs the attribute id", 0, 0},
      {"waiting is no number", "<queue><window id=\"1\" ⚑waiting=\"many\"/></queue>",
       Severity::error, "waiting=\"many\" is not valid: expected a whole number of at most 9999", 0,
       0},
      {"waiting above 9999", "<queue><window id=\"1\" ⚑waiting=\"10000\"/></queue>",
       Severity::error, "of at most 9999", 0, 0},
      {"unknown state", "<queue><window id=\"1\" ⚑state=\"busy\"/></queue>", Severity::error,
       "expected open, paused or closed", 0, 0},
      {"a ticket of 17 characters",
       "<queue><window id=\"1\" ⚑serving=\"A0000000000000000\"/></queue>", Severity::error,
       "serving has 17 characters; at most 16", 0, 0},
      {"a window twice", "<queue><window id=\"1\"/>\n⚑<window id=\"1\"/></queue>", Severity::error,
       "a second <window id=\"1\">", 1, 0},
      {"call without ticket",
       "<queue>⚑<call id=\"c\" window=\"1\" at=\"2026-12-02T10:00\"/>" + ok_call + "</queue>",
       Severity::error, "<call id=\"c\"> needs the attribute ticket", 0, 1},
      {"call at a bad time",
       "<queue><call id=\"c\" ticket=\"A1\" window=\"1\" ⚑at=\"10:00\"/>" + ok_call + "</queue>",
       Severity::error, "at=\"10:00\" is not valid", 0, 1},
      {"call at in Z",
       "<queue><call id=\"c\" ticket=\"A1\" window=\"1\" ⚑at=\"2026-12-02T10:00Z\"/></queue>",
       Severity::error, "not Z", 0, 0},
      {"a call twice", "<queue>" + ok_call + "\n⚑" + ok_call + "</queue>", Severity::error,
       "a second <call id=\"c9\">", 0, 1},
      {"a name too long: the call without it",
       "<queue><call id=\"c\" ticket=\"A1\" window=\"1\" at=\"2026-12-02T10:00\" "
       "⚑name=\"一二三四五六七八九十一二三四五六七八九十一\"/></queue>",
       Severity::warning, "name is longer than 20 characters; the call is shown without", 0, 1},
      {"an unknown attribute: a warning, as in feeds",
       "<queue><window id=\"1\" ⚑colour=\"red\"/></queue>", Severity::warning,
       "unknown attribute colour on <window id=\"1\"> is ignored", 1, 0},
      {"an unknown element: a warning, as in feeds", "<queue>⚑<counter id=\"1\"/></queue>",
       Severity::warning, "unknown element <counter> in <queue> is ignored", 0, 0},
      {"a bad generated", "<queue ⚑generated=\"yesterday\"/>", Severity::error,
       "generated=\"yesterday\" is not valid", 0, 0},
  };
  for (const auto& row : rows) {
    CAPTURE(std::string(row.name));
    const Marked m = unmark(row.marked);
    model::Diagnostics out;
    const auto q = queue(m.text, out);
    INFO(dump(out));
    REQUIRE(q);
    REQUIRE(out.size() == 1);
    CHECK(out[0].severity == row.severity);
    CHECK(out[0].where.line == m.line);
    CHECK(out[0].where.column == m.column);
    CHECK(out[0].message.find(row.message) != std::string::npos);
    CHECK(q->windows.size() == row.windows);
    CHECK(q->calls.size() == row.calls);
  }
}

TEST_CASE("queue: documents that cannot be read at all") {
  struct Row {
    const char* name;
    std::string bytes;
    const char* message;
  };
  const std::vector<Row> rows = {
      {"a feed", "<hallboard version=\"1\"/>", "a queue document is <queue>"},
      {"not XML", "<queue><window id=\"1\"></queue>", "not well-formed"},
      {"cut short", "<queue><window id=\"1\"/>", "cut short"},
      {"bytes that are not UTF-8", "<queue><window id=\"\xFF\"/></queue>", "UTF-8"},
      {"an entity", "<!DOCTYPE q [<!ENTITY a \"b\">]><queue/>", "DOCTYPE"},
      {"nested deeper than any document is", "<queue>" + nested(40) + "</queue>",
       "nested more than 32 deep"},
      {"larger than 256 KiB", "<queue>" + std::string(300 * 1024, ' ') + "</queue>",
       "larger than 256 KiB"},
  };
  for (const auto& row : rows) {
    CAPTURE(std::string(row.name));
    model::Diagnostics out;
    CHECK_FALSE(queue(row.bytes, out));
    INFO(dump(out));
    REQUIRE_FALSE(out.empty());
    CHECK(out[0].message.find(row.message) != std::string::npos);
  }
}

TEST_CASE("queue: beyond 50 calls the oldest are left out, with one warning") {
  std::string body;
  // Written newest first: the order kept is by `at`, not by the document.
  for (int i = 79; i >= 0; --i) {
    const int minute = i % 60;
    body += call(i, "2026-12-02T10:" + std::string(minute < 10 ? "0" : "") +
                        std::to_string(minute) + (i >= 60 ? ":30" : ":00"));
  }
  model::Diagnostics out;
  const auto q = queue(calls_of(body), out);
  REQUIRE(q);
  REQUIRE(out.size() == 1);
  CHECK(out[0].severity == model::Severity::warning);
  CHECK(out[0].message == "<queue> holds 80 calls; only the latest 50 are kept");
  REQUIRE(q->calls.size() == 50);
  CHECK(std::is_sorted(q->calls.begin(), q->calls.end(),
                       [](const auto& a, const auto& b) { return a.at < b.at; }));
  CHECK(q->calls.back().at == at("2026-12-02T10:59:00"));
}

TEST_CASE("queue: windows beyond the cap are left out, with one warning") {
  std::string body;
  for (int i = 0; i < 5; ++i)
    body += "<window id=\"" + std::to_string(i) + "\"/>";
  feed::QueueLimits limits;
  limits.max_windows = 3;
  model::Diagnostics out;
  const auto q = queue(calls_of(body), out, limits);
  REQUIRE(q);
  CHECK(q->windows.size() == 3);
  REQUIRE(out.size() == 1);
  CHECK(out[0].message == "more than 3 <window> elements; the rest are left out");
}

TEST_CASE("queue: a hostile document costs findings up to the budget, and no more") {
  // 256 KiB of broken windows: each an error, listed up to max_findings.
  std::string body;
  while (body.size() < 250 * 1024)
    body += "<window waiting=\"x\"/>";
  model::Diagnostics out;
  const auto q = queue(calls_of(body), out);
  REQUIRE(q);
  CHECK(q->windows.empty());
  CHECK(out.size() == feed::QueueLimits{}.max_findings);
  CHECK(model::has_errors(out));
  // An id of 200,000 characters is said once, without repeating it, and
  // nothing else of its element is read (messages name elements by id).
  model::Diagnostics long_out;
  (void)queue(
      "<queue><call id=\"" + std::string(200000, 'x') + "\" a=\"1\" b=\"2\" window=\"x\"/></queue>",
      long_out);
  REQUIRE(long_out.size() == 1);
  CHECK(long_out[0].message.size() < 200);
}

TEST_CASE("queue: lint tells it apart from feeds and configs") {
  model::Diagnostics out;
  const feed::Document d = feed::parse_document(kIssueExample, "q.xml", out);
  CHECK(out.empty());
  CHECK(d.queue);
  CHECK_FALSE(d.feed);
  CHECK_FALSE(d.config);
  model::Diagnostics as_feed;
  CHECK_FALSE(feed::parse_feed(kIssueExample, "q.xml", as_feed));
  REQUIRE(as_feed.size() == 1);
  CHECK(as_feed[0].message == "this is a queue document (<queue>), not a feed (<hallboard>)");
  model::Diagnostics as_config;
  CHECK_FALSE(feed::parse_player_config(kIssueExample, "q.xml", as_config));
  REQUIRE(as_config.size() == 1);
  CHECK(as_config[0].message.find("not a player config") != std::string::npos);
  // Over the queue's own bound, though under a feed's.
  model::Diagnostics big;
  const feed::Document d2 =
      feed::parse_document("<queue>" + std::string(300 * 1024, ' ') + "</queue>", "q.xml", big);
  CHECK_FALSE(d2.queue);
  REQUIRE(big.size() == 1);
  CHECK(big[0].message.find("larger than 256 KiB") != std::string::npos);
}

}  // namespace hb::test
