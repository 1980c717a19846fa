// Which CAP alerts are in force (schedule/alerts.h): status and msgType,
// Update and Cancel chains, the clock at the edges, the language shown,
// the configured area.
#include <doctest/doctest.h>

#include "feed/cap_parse.h"
#include "files.h"
#include "schedule/alerts.h"
#include "schedule/notices.h"
#include "schedule_support.h"

namespace hb::test::alert_tests {
namespace {

model::CapInfo info(const std::string& language, model::CapUrgency urgency,
                    std::optional<std::string> effective, std::optional<std::string> expires,
                    const std::string& headline = "预警") {
  model::CapInfo i;
  i.language = language;
  i.urgency = urgency;
  if (effective) i.effective = at(*effective);
  if (expires) i.expires = at(*expires);
  i.event = "事件";
  i.headline = headline;
  i.description = headline + "的说明";
  i.areas = {model::CapArea{"广东省深圳市", {{"GB/T 2260", "440300"}}}};
  return i;
}

model::CapAlert cap(const std::string& id, model::CapMsgType type, const std::string& sent,
                    std::vector<std::string> refs = {},
                    model::CapStatus status = model::CapStatus::actual) {
  model::CapAlert a;
  a.identifier = id;
  a.sender = "s";
  a.sent = at(sent);
  a.status = status;
  a.msg_type = type;
  for (auto& r : refs)
    a.references.push_back({"s", r, ""});
  a.infos = {info("zh-CN", model::CapUrgency::immediate, std::nullopt, "2026-12-06T10:00:00",
                  "预警" + id)};
  return a;
}

std::vector<std::string> ids_at(const model::AlertDocument& doc, const std::string& t,
                                const std::string& area = "") {
  std::vector<std::string> out;
  for (const auto& n : schedule::alert_notices(doc, area, at(t), kZone))
    out.push_back(n.id);
  return out;
}

using Ids = std::vector<std::string>;

model::AlertDocument files(std::initializer_list<const char*> names) {
  model::AlertDocument doc;
  for (const char* name : names) {
    model::Diagnostics out;
    auto d = feed::parse_alerts(read_bytes(source_dir() / "tests" / "feed" / "cap" / name), name,
                                out);
    REQUIRE(d);
    for (auto& a : d->alerts)
      doc.alerts.push_back(std::move(a));
  }
  return doc;
}

}  // namespace

TEST_CASE("alerts: only Actual alerts and updates are shown") {
  using T = model::CapMsgType;
  using S = model::CapStatus;
  const std::vector<std::tuple<T, S, bool>> cases = {
      {T::alert, S::actual, true},     {T::update, S::actual, true},
      {T::cancel, S::actual, false},   {T::ack, S::actual, false},
      {T::error, S::actual, false},    {T::alert, S::exercise, false},
      {T::alert, S::system, false},    {T::alert, S::test, false},
      {T::alert, S::draft, false},
  };
  for (const auto& [type, status, shown] : cases) {
    CAPTURE(static_cast<int>(type));
    CAPTURE(static_cast<int>(status));
    model::AlertDocument doc{"a", {cap("A", type, "2026-12-05T10:00", {}, status)}};
    CHECK(ids_at(doc, "2026-12-05T12:00").size() == (shown ? 1u : 0u));
  }
}

TEST_CASE("alerts: urgency Immediate or Expected") {
  using U = model::CapUrgency;
  for (const auto& [urgency, shown] : std::vector<std::pair<U, bool>>{
           {U::immediate, true}, {U::expected, true}, {U::future, false}, {U::past, false},
           {U::unknown, false}}) {
    auto a = cap("A", model::CapMsgType::alert, "2026-12-05T10:00");
    a.infos[0].urgency = urgency;
    CHECK(ids_at({"a", {a}}, "2026-12-05T12:00").size() == (shown ? 1u : 0u));
  }
}

TEST_CASE("alerts: the clock at the edges of effective and expires") {
  auto a = cap("A", model::CapMsgType::alert, "2026-12-05T09:00");
  a.infos[0].effective = at("2026-12-05T10:00:00");
  a.infos[0].expires = at("2026-12-05T18:00:00");
  const model::AlertDocument doc{"a", {a}};
  const std::vector<std::pair<const char*, bool>> cases = {
      {"2026-12-05T09:59:59", false}, {"2026-12-05T10:00:00", true},
      {"2026-12-05T17:59:59", true},  {"2026-12-05T18:00:00", false},
      {"2026-12-04T12:00:00", false}, {"2026-12-07T12:00:00", false},
  };
  for (const auto& [t, shown] : cases) {
    CAPTURE(t);
    CHECK(ids_at(doc, t).size() == (shown ? 1u : 0u));
  }
}

TEST_CASE("alerts: without effective from sent; without expires a day") {
  auto a = cap("A", model::CapMsgType::alert, "2026-12-05T10:00");
  a.infos[0].expires.reset();
  const model::AlertDocument doc{"a", {a}};
  CHECK(ids_at(doc, "2026-12-05T09:59:59").empty());
  CHECK(ids_at(doc, "2026-12-05T10:00:00") == Ids{"cap:s:A"});
  CHECK(ids_at(doc, "2026-12-06T09:59:59") == Ids{"cap:s:A"});
  CHECK(ids_at(doc, "2026-12-06T10:00:00").empty());
}

TEST_CASE("alerts: the notice's time of force agrees with is_active to the second") {
  auto a = cap("A", model::CapMsgType::alert, "2026-12-05T09:00");
  a.infos[0].effective = at("2026-12-05T10:00:00");
  a.infos[0].expires = at("2026-12-05T18:00:00");
  const auto notices = schedule::alert_notices({"a", {a}}, "", at("2026-12-05T12:00"), kZone);
  REQUIRE(notices.size() == 1);
  const auto& n = notices[0];
  CHECK(n.level == model::NoticeLevel::urgent);
  for (const char* t : {"2026-12-05T09:59:59", "2026-12-05T10:00:00", "2026-12-05T17:59:59",
                        "2026-12-05T18:00:00"}) {
    CAPTURE(t);
    CHECK(schedule::is_active(n, at(t), kZone) ==
          !ids_at({"a", {a}}, t).empty());
  }
}

TEST_CASE("alerts: an Update replaces, a Cancel withdraws, each from its sent") {
  using T = model::CapMsgType;
  const model::AlertDocument doc{
      "a",
      {cap("A", T::alert, "2026-12-05T10:00"), cap("B", T::update, "2026-12-05T16:00", {"A"}),
       cap("C", T::cancel, "2026-12-06T08:00", {"A", "B"}), cap("D", T::alert, "2026-12-05T11:00")}};
  CHECK(ids_at(doc, "2026-12-05T10:30") == Ids{"cap:s:A"});
  CHECK(ids_at(doc, "2026-12-05T12:00") == Ids{"cap:s:A", "cap:s:D"});
  CHECK(ids_at(doc, "2026-12-05T15:59:59") == Ids{"cap:s:A", "cap:s:D"});
  CHECK(ids_at(doc, "2026-12-05T16:00") == Ids{"cap:s:B", "cap:s:D"});
  CHECK(ids_at(doc, "2026-12-06T07:59:59") == Ids{"cap:s:B", "cap:s:D"});
  CHECK(ids_at(doc, "2026-12-06T08:00") == Ids{"cap:s:D"});
}

TEST_CASE("alerts: a reference names sender and identifier both; a Test cancel withdraws nothing") {
  using T = model::CapMsgType;
  auto other_sender = cap("X", T::cancel, "2026-12-05T11:00", {"A"});
  other_sender.references[0].sender = "someone-else";
  auto test_cancel = cap("Y", T::cancel, "2026-12-05T11:00", {"A"}, model::CapStatus::test);
  const model::AlertDocument doc{"a",
                                 {cap("A", T::alert, "2026-12-05T10:00"), other_sender, test_cancel}};
  CHECK(ids_at(doc, "2026-12-05T12:00") == Ids{"cap:s:A"});
}

TEST_CASE("alerts: the Chinese info is shown, else the first") {
  auto a = cap("A", model::CapMsgType::alert, "2026-12-05T10:00");
  a.infos = {info("en-US", model::CapUrgency::immediate, {}, {}, "Typhoon"),
             info("zh-CN", model::CapUrgency::immediate, {}, {}, "台风"),
             info("zh-TW", model::CapUrgency::immediate, {}, {}, "颱風")};
  CHECK(schedule::shown_info(a)->headline == "台风");
  a.infos[1].language = "ZH-hans";
  CHECK(schedule::shown_info(a)->headline == "台风");
  a.infos.erase(a.infos.begin() + 1, a.infos.end());
  CHECK(schedule::shown_info(a)->headline == "Typhoon");
  a.infos.clear();
  CHECK(schedule::shown_info(a) == nullptr);
  CHECK(ids_at({"a", {a}}, "2026-12-05T12:00").empty());
}

TEST_CASE("alerts: the shown info decides urgency and time, not another language's") {
  auto a = cap("A", model::CapMsgType::alert, "2026-12-05T10:00");
  a.infos = {info("en-US", model::CapUrgency::immediate, {}, {}, "Typhoon"),
             info("zh-CN", model::CapUrgency::future, {}, {}, "台风")};
  CHECK(ids_at({"a", {a}}, "2026-12-05T12:00").empty());
}

TEST_CASE("alerts: the configured area, by areaDesc text or geocode value") {
  const model::AlertDocument doc{"a", {cap("A", model::CapMsgType::alert, "2026-12-05T10:00")}};
  const std::vector<std::pair<const char*, bool>> cases = {
      {"", true},         {"深圳", true},    {"广东省深圳市", true}, {"440300", true},
      {"4403", false},    {"广州", false},   {"440100", false},      {"GB/T 2260", false},
  };
  for (const auto& [area, shown] : cases) {
    CAPTURE(area);
    CHECK(ids_at(doc, "2026-12-05T12:00", area).size() == (shown ? 1u : 0u));
  }
  auto no_area = cap("B", model::CapMsgType::alert, "2026-12-05T10:00");
  no_area.infos[0].areas.clear();
  CHECK(ids_at({"a", {no_area}}, "2026-12-05T12:00").size() == 1);
  CHECK(ids_at({"a", {no_area}}, "2026-12-05T12:00", "深圳").empty());
}

TEST_CASE("alerts: the notice's text is headline, description and instruction") {
  auto a = cap("A", model::CapMsgType::alert, "2026-12-05T10:00");
  a.infos[0].headline = "台风橙色预警";
  a.infos[0].description = "第一段\n第二段";
  a.infos[0].instruction = "请减少外出";
  auto n = schedule::alert_notices({"a", {a}}, "", at("2026-12-05T12:00"), kZone);
  REQUIRE(n.size() == 1);
  CHECK(n[0].text == "台风橙色预警\n第一段\n第二段\n请减少外出");
  a.infos[0].headline.clear();
  a.infos[0].description.clear();
  a.infos[0].instruction.clear();
  n = schedule::alert_notices({"a", {a}}, "", at("2026-12-05T12:00"), kZone);
  CHECK(n.at(0).text == "事件");
}

TEST_CASE("alerts: the same alert twice (two entries) is one notice") {
  const auto a = cap("A", model::CapMsgType::alert, "2026-12-05T10:00");
  CHECK(ids_at({"a", {a, a}}, "2026-12-05T12:00") == Ids{"cap:s:A"});
}

TEST_CASE("alerts: the example documents, through a day") {
  const auto doc = files({"typhoon.xml", "typhoon_update.xml", "typhoon_cancel.xml"});
  const std::string orange = "cap:gd-weather@example.gov.cn:44000041600000_20261205100000";
  const std::string red = "cap:gd-weather@example.gov.cn:44000041600000_20261205160000";
  CHECK(ids_at(doc, "2026-12-05T09:00:00", "深圳").empty());
  CHECK(ids_at(doc, "2026-12-05T10:00:00", "深圳") == Ids{orange});
  CHECK(ids_at(doc, "2026-12-05T16:00:00", "440300") == Ids{red});
  CHECK(ids_at(doc, "2026-12-05T16:00:00", "广州").empty());
  CHECK(ids_at(doc, "2026-12-06T08:00:00", "深圳").empty());
  const auto n = schedule::alert_notices(doc, "", at("2026-12-05T11:00:00"), kZone);
  REQUIRE(n.size() == 1);
  CHECK(n[0].text.rfind("深圳市气象台发布台风橙色预警信号\n", 0) == 0);

  const auto feeds = files({"atom.xml", "rss.xml"});
  CHECK(ids_at(feeds, "2026-12-05T12:30:00", "福田").size() == 1);
  CHECK(ids_at(feeds, "2026-12-05T12:30:00", "440100").size() == 1);
  CHECK(ids_at(feeds, "2026-12-05T12:30:00").size() == 3);
  CHECK(ids_at(feeds, "2026-12-05T20:30:00").size() == 2);  // 高温 ended at 20:00
}

}  // namespace hb::test::alert_tests
