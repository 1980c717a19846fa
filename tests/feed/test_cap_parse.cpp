// Emergency alerts in CAP 1.2 (issue 20): the three shapes read (an
// <alert>, an Atom feed, an RSS feed), what each problem is said as and
// where, and the bounds hostile input meets. The documents in
// tests/feed/cap/ were written from the CAP 1.2 schema.
#include <doctest/doctest.h>

#include <algorithm>

#include "feed/cap_parse.h"
#include "files.h"
#include "schedule_support.h"
#include "support.h"

namespace hb::test::cap_parse_tests {
namespace {

std::string cap_file(const std::string& name) {
  return read_bytes(source_dir() / "tests" / "feed" / "cap" / name);
}

std::optional<model::AlertDocument> parse(const std::string& bytes, model::Diagnostics& out,
                                          const feed::CapLimits& limits = {}) {
  return feed::parse_alerts(bytes, "a.xml", out, limits);
}

bool says(const model::Diagnostics& out, const std::string& part, int line = 0) {
  return std::any_of(out.begin(), out.end(), [&](const auto& d) {
    return d.message.find(part) != std::string::npos && (line == 0 || d.where.line == line);
  });
}

std::string alert(const std::string& body, const std::string& head = "") {
  return "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">" + head +
         "<identifier>A1</identifier><sender>s@example.cn</sender>"
         "<sent>2026-12-05T10:00:00+08:00</sent><status>Actual</status><msgType>Alert</msgType>"
         "<scope>Public</scope>" +
         body + "</alert>";
}

}  // namespace

TEST_CASE("cap: a typhoon warning in two languages is read whole") {
  model::Diagnostics out;
  const auto doc = parse(cap_file("typhoon.xml"), out);
  REQUIRE(doc);
  CHECK_MESSAGE(out.empty(), dump(out));
  REQUIRE(doc->alerts.size() == 1);
  const auto& a = doc->alerts[0];
  CHECK(a.identifier == "44000041600000_20261205100000");
  CHECK(a.sender == "gd-weather@example.gov.cn");
  CHECK(a.sent == at("2026-12-05T10:00:00+08:00"));
  CHECK(a.status == model::CapStatus::actual);
  CHECK(a.msg_type == model::CapMsgType::alert);
  REQUIRE(a.infos.size() == 2);
  CHECK(a.infos[0].language == "en-US");
  const auto& zh = a.infos[1];
  CHECK(zh.language == "zh-CN");
  CHECK(zh.urgency == model::CapUrgency::immediate);
  CHECK(zh.severity == "Severe");
  CHECK(zh.certainty == "Likely");
  CHECK(zh.event == "台风");
  CHECK(zh.effective == at("2026-12-05T10:00:00+08:00"));
  CHECK(zh.expires == at("2026-12-06T10:00:00+08:00"));
  CHECK(zh.headline == "深圳市气象台发布台风橙色预警信号");
  CHECK(zh.instruction == "请市民减少外出，远离广告牌和临时搭建物。");
  REQUIRE(zh.areas.size() == 1);
  CHECK(zh.areas[0].description == "广东省深圳市");
  REQUIRE(zh.areas[0].geocodes.size() == 1);
  CHECK(zh.areas[0].geocodes[0].value_name == "GB/T 2260");
  CHECK(zh.areas[0].geocodes[0].value == "440300");
  CHECK(zh.where.line == 29);
}

TEST_CASE("cap: an Update and a Cancel carry their references") {
  model::Diagnostics out;
  const auto update = parse(cap_file("typhoon_update.xml"), out);
  const auto cancel = parse(cap_file("typhoon_cancel.xml"), out);
  CHECK_MESSAGE(out.empty(), dump(out));
  REQUIRE(update);
  REQUIRE(cancel);
  CHECK(update->alerts.at(0).msg_type == model::CapMsgType::update);
  REQUIRE(update->alerts[0].references.size() == 1);
  CHECK(update->alerts[0].references[0].identifier == "44000041600000_20261205100000");
  CHECK(update->alerts[0].references[0].sender == "gd-weather@example.gov.cn");
  CHECK(update->alerts[0].references[0].sent == "2026-12-05T10:00:00+08:00");
  CHECK(cancel->alerts.at(0).msg_type == model::CapMsgType::cancel);
  CHECK(cancel->alerts[0].references.size() == 2);
}

TEST_CASE("cap: an Atom feed's entries, with and without a prefix") {
  model::Diagnostics out;
  const auto doc = parse(cap_file("atom.xml"), out);
  REQUIRE(doc);
  CHECK_MESSAGE(out.empty(), dump(out));
  REQUIRE(doc->alerts.size() == 2);
  CHECK(doc->alerts[0].infos.at(0).areas.size() == 2);
  CHECK(!doc->alerts[0].infos[0].effective);
  CHECK(doc->alerts[1].identifier == "44010041400000_20261205080000");
  CHECK(doc->alerts[1].infos.at(0).headline == "广州市高温橙色预警信号生效中");
}

TEST_CASE("cap: an RSS feed's items; an item with only a link is said and left out") {
  model::Diagnostics out;
  const auto doc = parse(cap_file("rss.xml"), out);
  REQUIRE(doc);
  REQUIRE(doc->alerts.size() == 1);
  CHECK(doc->alerts[0].infos.at(0).event == "地质灾害");
  REQUIRE(out.size() == 1);
  CHECK(out[0].severity == model::Severity::warning);
  CHECK(out[0].where.line == 33);
  CHECK(says(out, "carries no CAP <alert>"));
}

TEST_CASE("cap: a broken alert gets a message for each problem, at its place") {
  model::Diagnostics out;
  // Errors and no alert readable: unreadable, so the last good alerts stay.
  CHECK(!parse(cap_file("broken.xml"), out));
  CHECK(says(out, "<alert> needs a <identifier>", 3));
  CHECK(says(out, "<sent> \"2026-12-05 10:00\" is not a CAP date-time", 5));
  CHECK(says(out, "<status> \"Real\" is not one of CAP's values", 6));
  CHECK(says(out, "<urgency> \"Now\"", 11));
  CHECK(says(out, "<expires> \"tomorrow\"", 14));
  CHECK(says(out, "unknown element <headlin>", 15));
  CHECK(says(out, "<info> needs a <language>") == false);
  CHECK(model::has_errors(out));
}

TEST_CASE("cap: times in the wrong order, no namespace, an Update naming nothing") {
  model::Diagnostics out;
  const auto doc = parse(cap_file("broken_times.xml"), out);
  REQUIRE(doc);
  REQUIRE(doc->alerts.size() == 1);
  CHECK(says(out, "<alert> names no namespace", 3));
  CHECK(says(out, "<expires> is not after <effective>", 17));
  CHECK(says(out, "an Update with no <references>", 3));
  CHECK(doc->alerts[0].infos.at(0).language == "en-US");  // CAP's default
}

TEST_CASE("cap: documents that are no alerts source at all") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"<queue/>", "the root element is <queue>"},
      {"<alert", "cut short"},
      {"", ""},
  };
  for (const auto& [xml, part] : cases) {
    CAPTURE(xml);
    model::Diagnostics out;
    CHECK(!parse(xml, out));
    CHECK(model::has_errors(out));
    if (!part.empty()) CHECK_MESSAGE(says(out, part), dump(out));
  }
}

TEST_CASE("cap: date-times take their offset; Z and -00:00 are UTC; none is an error") {
  const std::vector<std::pair<std::string, std::optional<model::UnixSeconds>>> cases = {
      {"2026-12-05T10:00:00+08:00", at("2026-12-05T10:00:00+08:00")},
      {"2026-12-05T02:00:00-00:00", at("2026-12-05T10:00:00+08:00")},
      {"2026-12-05T02:00:00Z", at("2026-12-05T10:00:00+08:00")},
      {"2026-12-04T21:00:00-05:00", at("2026-12-05T10:00:00+08:00")},
      {"2026-12-05T10:00:00", std::nullopt},
      {"2026-13-05T10:00:00+08:00", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& [text, expected] : cases) {
    CAPTURE(text);
    model::Diagnostics out;
    const auto doc = parse(alert("<info><event>e</event><urgency>Immediate</urgency>"
                                 "<severity>Minor</severity><certainty>Likely</certainty>"
                                 "<expires>" + text + "</expires></info>"),
                           out);
    REQUIRE(doc);
    REQUIRE(doc->alerts.size() == 1);
    if (expected) {
      REQUIRE(doc->alerts[0].infos.size() == 1);
      CHECK(doc->alerts[0].infos[0].expires == expected);
    } else {
      // An info whose end cannot be read is never shown.
      CHECK(doc->alerts[0].infos.empty());
      CHECK(model::has_errors(out));
    }
  }
}

TEST_CASE("cap: bounds on size, counts and lengths") {
  SUBCASE("size") {
    model::Diagnostics out;
    feed::CapLimits limits;
    limits.max_bytes = 100;
    CHECK(!parse(alert(""), out, limits));
    CHECK(says(out, "larger than"));
  }
  SUBCASE("alerts in a feed") {
    std::string feed = "<feed xmlns=\"http://www.w3.org/2005/Atom\">";
    for (int i = 0; i < 5; ++i)
      feed += "<entry><content>" + alert("") + "</content></entry>";
    feed += "</feed>";
    model::Diagnostics out;
    feed::CapLimits limits;
    limits.max_alerts = 3;
    const auto doc = parse(feed, out, limits);
    REQUIRE(doc);
    CHECK(doc->alerts.size() == 3);
    CHECK(says(out, "5 alerts, more than 3; only the 3 newest by <sent> are read"));
  }
  SUBCASE("infos") {
    std::string infos;
    for (int i = 0; i < 12; ++i)
      infos += "<info><event>e</event><urgency>Immediate</urgency><severity>Minor</severity>"
               "<certainty>Likely</certainty></info>";
    model::Diagnostics out;
    const auto doc = parse(alert(infos), out);
    REQUIRE(doc);
    CHECK(doc->alerts.at(0).infos.size() == feed::CapLimits{}.max_infos);
    CHECK(says(out, "more than 10 <info>"));
  }
  SUBCASE("a long description is cut, not dropped") {
    std::string text;
    for (int i = 0; i < 2500; ++i)
      text += "雨";
    model::Diagnostics out;
    const auto doc = parse(alert("<info><event>e</event><urgency>Immediate</urgency>"
                                 "<severity>Minor</severity><certainty>Likely</certainty>"
                                 "<description>" + text + "</description></info>"),
                           out);
    REQUIRE(doc);
    CHECK(doc->alerts.at(0).infos.at(0).description.size() == 3 * feed::kMaxCapDescriptionChars);
    CHECK(says(out, "only the first 2000 are shown"));
  }
  SUBCASE("a long identifier leaves its alert out") {
    model::Diagnostics out;
    const auto doc = parse("<alert><identifier>" + std::string(300, 'x') +
                               "</identifier><sender>s</sender><sent>2026-12-05T10:00:00+08:00"
                               "</sent><status>Actual</status><msgType>Alert</msgType>"
                               "<scope>Public</scope></alert>",
                           out);
    CHECK(!doc);  // its one alert left out: unreadable, not "no alerts"
    CHECK(says(out, "<identifier> has more than 256 characters"));
  }
}

TEST_CASE("cap: a second element where CAP allows one is an error; only the first is read") {
  model::Diagnostics out;
  const auto doc = parse(alert("", "<note>x</note>") , out);
  REQUIRE(doc);
  CHECK(out.empty());
  model::Diagnostics twice;
  const auto d2 = parse("<alert><identifier>A</identifier><identifier>B</identifier>"
                        "<sender>s</sender><sent>2026-12-05T10:00:00+08:00</sent><status>Actual"
                        "</status><msgType>Alert</msgType><scope>Public</scope></alert>",
                        twice);
  REQUIRE(d2);
  CHECK(d2->alerts.at(0).identifier == "A");
  CHECK(says(twice, "<identifier> appears more than once"));
}

}  // namespace hb::test::cap_parse_tests

namespace hb::test::cap_parse_tests {

TEST_CASE("cap: <scope> is kept; a missing or unknown one leaves the alert out") {
  const auto with_scope = [](const std::string& scope) {
    return "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>A1</identifier>"
           "<sender>s@example.cn</sender><sent>2026-12-05T10:00:00+08:00</sent>"
           "<status>Actual</status><msgType>Alert</msgType>" +
           scope + "</alert>";
  };
  struct Case {
    const char* scope;
    std::optional<model::CapScope> read;
  };
  const std::vector<Case> cases = {
      {"<scope>Public</scope>", model::CapScope::public_},
      {"<scope>Restricted</scope><restriction>x</restriction>", model::CapScope::restricted},
      {"<scope>Private</scope><addresses>a</addresses>", model::CapScope::private_},
      {"<scope>public</scope>", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& c : cases) {
    CAPTURE(c.scope);
    model::Diagnostics out;
    const auto doc = parse(with_scope(c.scope), out);
    if (c.read) {
      REQUIRE(doc);
      REQUIRE(doc->alerts.size() == 1);
      CHECK(doc->alerts[0].scope == *c.read);
    } else {
      CHECK(!doc);  // its one alert left out: unreadable
      CHECK(says(out, "scope"));
    }
  }
}

}  // namespace hb::test::cap_parse_tests

namespace hb::test::cap_parse_tests {

TEST_CASE("cap: over the cap, the newest alerts by <sent> are kept, in document order") {
  const auto entry = [](const std::string& id, const std::string& sent) {
    return "<item><alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>" + id +
           "</identifier><sender>s</sender><sent>" + sent +
           "</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope>"
           "</alert></item>";
  };
  struct Case {
    std::vector<std::pair<std::string, std::string>> alerts;  // identifier, sent
    std::vector<std::string> kept;
  };
  const std::vector<Case> cases = {
      // An archive oldest first: the newest three, the Cancel among them.
      {{{"a1", "2026-12-01T10:00:00+08:00"}, {"a2", "2026-12-02T10:00:00+08:00"},
        {"a3", "2026-12-03T10:00:00+08:00"}, {"a4", "2026-12-04T10:00:00+08:00"},
        {"cancel", "2026-12-05T10:00:00+08:00"}},
       {"a3", "a4", "cancel"}},
      // Newest first: the first three.
      {{{"n5", "2026-12-05T10:00:00+08:00"}, {"n4", "2026-12-04T10:00:00+08:00"},
        {"n3", "2026-12-03T10:00:00+08:00"}, {"n2", "2026-12-02T10:00:00+08:00"}},
       {"n5", "n4", "n3"}},
      // Offsets count; an unreadable <sent> is the oldest; ties: the later ones.
      {{{"utc", "2026-12-05T03:00:00-00:00"}, {"bad", "yesterday"},
        {"east", "2026-12-05T10:00:00+08:00"}, {"tie1", "2026-12-01T00:00:00+08:00"},
        {"tie2", "2026-12-01T00:00:00+08:00"}},
       {"utc", "east", "tie2"}},
      {{{"x", "2026-12-01T10:00:00+08:00"}, {"y", "2026-12-02T10:00:00+08:00"}}, {"x", "y"}},
  };
  for (const auto& c : cases) {
    std::string rss = "<rss version=\"2.0\"><channel>";
    for (const auto& [id, sent] : c.alerts)
      rss += entry(id, sent);
    rss += "</channel></rss>";
    CAPTURE(rss);
    model::Diagnostics out;
    feed::CapLimits limits;
    limits.max_alerts = 3;
    const auto doc = parse(rss, out, limits);
    REQUIRE(doc);
    std::vector<std::string> ids;
    for (const auto& a : doc->alerts)
      ids.push_back(a.identifier);
    CHECK(ids == c.kept);
    CHECK(says(out, "newest by <sent>") == (c.alerts.size() > 3));
  }
}

TEST_CASE("cap: a broken document withdraws nothing: unreadable, not empty") {
  struct Case {
    const char* what;
    std::string bytes;
    bool readable;
    std::size_t alerts;
  };
  const std::string good = alert("");
  const std::vector<Case> cases = {
      {"rss without channel", "<rss version=\"2.0\"><item>" + good + "</item></rss>", false, 0},
      {"an alert with errors only", "<alert><identifier>x</identifier></alert>", false, 0},
      {"a feed whose every alert is broken",
       "<feed><entry><alert><sender>s</sender></alert></entry></feed>", false, 0},
      {"an empty feed: the authority has nothing in force", "<feed></feed>", true, 0},
      {"an empty channel", "<rss><channel></channel></rss>", true, 0},
      {"entries without alerts (warnings only)", "<feed><entry><link/></entry></feed>", true, 0},
      {"one good alert beside a broken one",
       "<feed><entry>" + good + "</entry><entry><alert/></entry></feed>", true, 1},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    model::Diagnostics out;
    const auto doc = parse(c.bytes, out);
    CHECK(doc.has_value() == c.readable);
    if (doc) CHECK(doc->alerts.size() == c.alerts);
  }
}

}  // namespace hb::test::cap_parse_tests
