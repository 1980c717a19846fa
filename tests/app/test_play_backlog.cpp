// Proof of play's sequence numbers, the backlog a heartbeat-2 carries and
// the acknowledgement it gets back (app/play_backlog.h).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/play_backlog.h"

namespace hb::app {
namespace {

std::string line(int seq, const std::string& rest = "\"screen\":\"a\"") {
  return "{\"seq\":" + std::to_string(seq) + "," + rest + "}";
}

TEST_CASE("line_sequence: the number a line starts with, when it is whole") {
  struct Case {
    std::string line;
    std::optional<std::int64_t> seq;
  };
  const std::vector<Case> cases = {
      {"{\"seq\":1,\"screen\":\"a\"}", 1},
      {"{\"seq\":41}", 41},
      {"{\"seq\":12,\"scr", 12},      // cut after the number: the number is whole
      {"{\"seq\":12", std::nullopt},  // cut inside the number: maybe 123
      {"{\"seq\":", std::nullopt},
      {"{\"seq\":-1,", std::nullopt},
      {"{\"seq\":+1,", std::nullopt},
      {"{\"seq\":99999999999999999999,", std::nullopt},  // does not fit
      {"{\"seq\":9223372036854775807,", 9223372036854775807},
      {"{\"screen\":\"a\",\"seq\":3}", std::nullopt},  // an older player's line
      {"creen\":\"a\"}", std::nullopt},                // a tail read from mid-line
      {"", std::nullopt},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    CHECK(line_sequence(c.line) == c.seq);
  }
}

TEST_CASE("sendable_line: only JSON objects with their number are sent") {
  CHECK(sendable_line(line(3)));
  CHECK_FALSE(sendable_line("{\"seq\":3,\"screen\":\"a"));
  CHECK_FALSE(sendable_line("{\"screen\":\"a\"}"));
  CHECK_FALSE(sendable_line("{\"seq\":3,\"item\":\"a}"));     // cut after a brace in a string
  CHECK_FALSE(sendable_line("{\"seq\":3,\"item\":\"\\\"}"));  // an escaped quote
  CHECK(sendable_line("{\"seq\":3,\"item\":\"{a}\\\\\"}"));
  CHECK_FALSE(sendable_line("{\"seq\":3}}"));
  // Damage a brace count would not see: the parser does.
  CHECK_FALSE(sendable_line("{\"seq\":3,\"a\":1 \"b\":2}"));
  CHECK_FALSE(sendable_line("{\"seq\":3,}"));
  CHECK_FALSE(sendable_line("{\"seq\":3,\"a\":\"\xff\"}"));  // not UTF-8
  CHECK_FALSE(sendable_line("{\"seq\":3,\"seq\":4}"));       // the number the console reads differs
}

TEST_CASE("next_sequence: from what is on disk and what was acknowledged") {
  struct Case {
    const char* name;
    std::string tail;
    std::int64_t acknowledged;
    std::int64_t next;
  };
  const std::vector<Case> cases = {
      {"a new screen", "", 0, 1},
      {"after whole lines", line(1) + "\n" + line(2) + "\n", 0, 3},
      {"kill -9 mid-line, number whole", line(1) + "\n{\"seq\":2,\"scr", 0, 3},
      {"kill -9 mid-number", line(1) + "\n{\"seq\":2", 0, 2},
      {"a cut line ended by the next start", line(4) + "\n{\"seq\":5,\"s\n", 0, 6},
      {"tail starting mid-line", "een\":\"a\"}\n" + line(7) + "\n", 0, 8},
      {"files gone, acknowledged number kept", "", 40, 41},
      {"acknowledged behind the file", line(9) + "\n", 5, 10},
      {"older lines without numbers", "{\"screen\":\"a\"}\n", 0, 1},
      {"garbage", "\x01\x02 not json\n", 0, 1},
      {"a negative acknowledged number", "", -5, 1},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    CHECK(next_sequence(c.tail, c.acknowledged) == c.next);
  }
}

TEST_CASE("with_sequence puts seq first") {
  CHECK(with_sequence("{\"screen\":\"a\"}", 7) == "{\"seq\":7,\"screen\":\"a\"}");
  CHECK(with_sequence("{}", 7) == "{\"seq\":7}");
  CHECK(line_sequence(with_sequence("{\"screen\":\"a\",\"seconds\":15}", 12)) == 12);
}

TEST_CASE("play_backlog: the lines after the acknowledged number, capped") {
  const std::string old_file = line(1) + "\n" + line(2) + "\n" + line(3) + "\n";
  const std::string current = line(4) + "\n{\"seq\":5,\"cut\n" + line(6) + "\n" + line(7) + "\n";
  const std::string damaged = line(8) + "\n{\"seq\":9,\"a\":1 \"b\":2}\n" + line(10) + "\n";
  struct Case {
    const char* name;
    std::vector<std::string> files;
    std::int64_t acknowledged;
    BacklogCap cap;
    std::vector<std::int64_t> sent;
    std::int64_t last_sent;
    std::int64_t last;
    bool more;
  };
  const std::vector<Case> cases = {
      {"nothing on disk", {}, 0, {}, {}, 0, 0, false},
      {"all, across a rotation, the cut 5 passed",
       {old_file, current},
       0,
       {},
       {1, 2, 3, 4, 6, 7},
       7,
       7,
       false},
      {"after the acknowledged", {old_file, current}, 3, {}, {4, 6, 7}, 7, 7, false},
      {"all acknowledged", {old_file, current}, 7, {}, {}, 7, 7, false},
      {"capped by lines", {old_file, current}, 0, {2, 1 << 20}, {1, 2}, 2, 2, true},
      {"capped by bytes", {old_file, current}, 0, {100, line(1).size() * 2}, {1, 2}, 2, 2, true},
      {"one line over the byte cap still goes", {old_file}, 0, {100, 3}, {1}, 1, 1, true},
      {"a damaged line is passed, not sent", {damaged}, 0, {}, {8, 10}, 10, 10, false},
      {"a damaged last line passes too", {line(8) + "\n{\"seq\":9,}\n"}, 0, {}, {8}, 8, 9, false},
      {"only damaged lines", {"{\"seq\":9,}\n"}, 4, {}, {}, 4, 9, false},
      {"an unended last line waits", {"{\"seq\":1,\"a\":"}, 0, {}, {}, 0, 0, false},
      {"a whole line without its newline waits too",
       {line(1) + "\n" + line(2)},
       0,
       {},
       {1},
       1,
       1,
       false},
      {"an older file's unended line was cut: passed",
       {"{\"seq\":1,\"a\"", line(2) + "\n"},
       0,
       {},
       {2},
       2,
       2,
       false},
      {"out of order skipped",
       {line(5) + "\n" + line(2) + "\n" + line(6) + "\n"},
       0,
       {},
       {5, 6},
       6,
       6,
       false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const PlayBacklog b = play_backlog(c.files, c.acknowledged, c.cap);
    std::vector<std::int64_t> sent;
    for (const auto& l : b.lines)
      sent.push_back(*line_sequence(l));
    CHECK(sent == c.sent);
    CHECK(b.last_sent == c.last_sent);
    CHECK(b.last == c.last);
    CHECK(b.more == c.more);
  }
}

TEST_CASE("acknowledged_after: what an answer lets the player forget") {
  const auto sent = [](std::vector<std::string> lines, std::int64_t last_sent, std::int64_t last) {
    return PlayBacklog{std::move(lines), last_sent, last, false};
  };
  struct Case {
    const char* name;
    PlayBacklog backlog;
    std::int64_t ack;
    std::int64_t forgotten;
  };
  const std::vector<Case> cases = {
      {"all sent acknowledged", sent({line(4), line(5)}, 5, 5), 5, 5},
      {"part acknowledged", sent({line(4), line(5)}, 5, 5), 4, 4},
      {"beyond what was sent", sent({line(4), line(5)}, 5, 5), 99, 5},
      {"skipped lines after the last sent go with it", sent({line(4)}, 4, 6), 4, 6},
      {"but not when the last sent is not acknowledged", sent({line(3), line(4)}, 4, 6), 3, 3},
      {"nothing sent: skipped lines pass with any ack", sent({}, 3, 6), 0, 6},
      {"nothing sent, nothing skipped", sent({}, 3, 3), 0, 3},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    CHECK(acknowledged_after(c.backlog, c.ack) == c.forgotten);
  }
}

TEST_CASE("parse_ack: only 200 {\"ack\": N} acknowledges") {
  struct Case {
    long status;
    std::string body;
    std::optional<std::int64_t> ack;
  };
  const std::vector<Case> cases = {
      {200, "{\"ack\": 12}", 12},
      {200, " {\"ack\":0}\n", 0},
      {200, "{ \"ack\" : 9223372036854775807 }", 9223372036854775807},
      {204, "", std::nullopt},
      {202, "{\"ack\": 12}", std::nullopt},
      {500, "{\"ack\": 12}", std::nullopt},
      {200, "", std::nullopt},
      {200, "{\"ack\": -1}", std::nullopt},
      {200, "{\"ack\": 1.5}", std::nullopt},
      {200, "{\"ack\": 1e3}", std::nullopt},
      {200, "{\"ack\": \"12\"}", std::nullopt},
      {200, "{\"ack\": 99999999999999999999}", std::nullopt},
      {200, "{\"ack\": 12} trailing", std::nullopt},
      {200, "{\"ack\": 12, \"x\": 1}", std::nullopt},
      {200, "<html>ok</html>", std::nullopt},
  };
  for (const auto& c : cases) {
    CAPTURE(c.status);
    CAPTURE(c.body);
    CHECK(parse_ack(c.status, c.body) == c.ack);
  }
}

TEST_CASE("parse_ack_file: a damaged file acknowledges nothing") {
  CHECK(parse_ack_file("42\n") == 42);
  CHECK(parse_ack_file("") == 0);
  CHECK(parse_ack_file("42") == 0);  // cut before its newline
  CHECK(parse_ack_file("4x\n") == 0);
  CHECK(parse_ack_file("-3\n") == 0);
}

}  // namespace
}  // namespace hb::app
