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

TEST_CASE("alerts: a Cancel of an alert withdraws its Updates too (the whole chain)") {
  using T = model::CapMsgType;
  const model::AlertDocument doc{
      "a",
      {cap("A", T::alert, "2026-12-05T10:00"), cap("B", T::update, "2026-12-05T11:00", {"A"}),
       cap("B2", T::update, "2026-12-05T11:30", {"B"}),
       cap("C", T::cancel, "2026-12-05T12:00", {"A"}), cap("D", T::alert, "2026-12-05T10:00")}};
  CHECK(ids_at(doc, "2026-12-05T11:00") == Ids{"cap:s:B", "cap:s:D"});
  CHECK(ids_at(doc, "2026-12-05T11:59") == Ids{"cap:s:B2", "cap:s:D"});
  CHECK(ids_at(doc, "2026-12-05T12:00") == Ids{"cap:s:D"});
  const model::AlertDocument short_chain{
      "a",
      {cap("A", T::alert, "2026-12-05T10:00"), cap("B", T::update, "2026-12-05T11:00", {"A"}),
       cap("C", T::cancel, "2026-12-05T12:00", {"A"})}};
  CHECK(ids_at(short_chain, "2026-12-05T12:00").empty());
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

TEST_CASE("alerts: the Chinese infos are preferred, else the first info's language") {
  auto a = cap("A", model::CapMsgType::alert, "2026-12-05T10:00");
  a.infos = {info("en-US", model::CapUrgency::immediate, {}, {}, "Typhoon"),
             info("zh-CN", model::CapUrgency::immediate, {}, {}, "台风"),
             info("fr", model::CapUrgency::immediate, {}, {}, "Typhon"),
             info("zh-TW", model::CapUrgency::immediate, {}, {}, "颱風")};
  const auto heads = [&] {
    std::vector<std::string> out;
    for (const auto* i : schedule::preferred_infos(a))
      out.push_back(i->headline);
    return out;
  };
  CHECK(heads() == Ids{"台风", "颱風"});
  CHECK(schedule::shown_info(a, "", at("2026-12-05T12:00"))->headline == "台风");
  a.infos[1].language = "ZH-hans";
  a.infos[3].language = "zha";  // Zhuang, not Chinese
  CHECK(heads() == Ids{"台风"});
  a.infos.erase(a.infos.begin() + 1);
  a.infos[2].language = "en-US";
  CHECK(heads() == Ids{"Typhoon", "颱風"});
  a.infos.clear();
  CHECK(heads().empty());
  CHECK(schedule::shown_info(a, "", at("2026-12-05T12:00")) == nullptr);
  CHECK(ids_at({"a", {a}}, "2026-12-05T12:00").empty());
}

TEST_CASE("alerts: which languages are Chinese") {
  const std::vector<std::pair<const char*, bool>> cases = {
      {"zh", true},   {"ZH", true},  {"zh-CN", true}, {"zh-Hans", true}, {"Zh-tw", true},
      {"zha", false}, {"zh-", false}, {"z", false},   {"", false},       {"en-US", false}};
  for (const auto& [language, chinese] : cases) {
    CAPTURE(language);
    CHECK(schedule::is_chinese_language(language) == chinese);
  }
}

TEST_CASE("alerts: several infos in one language, each for its own area and time") {
  auto a = cap("A", model::CapMsgType::alert, "2026-12-05T10:00");
  a.infos = {info("zh-CN", model::CapUrgency::immediate, {}, {}, "罗湖"),
             info("zh-CN", model::CapUrgency::immediate, {}, {}, "南山")};
  a.infos[0].areas = {model::CapArea{"罗湖区", {{"GB/T 2260", "440303"}}}};
  a.infos[1].areas = {model::CapArea{"南山区", {{"GB/T 2260", "440305"}}}};
  auto n = schedule::alert_notices({"a", {a}}, "440305", at("2026-12-05T12:00"), kZone);
  REQUIRE(n.size() == 1);
  CHECK(n[0].text.rfind("南山", 0) == 0);
  n = schedule::alert_notices({"a", {a}}, "罗湖", at("2026-12-05T12:00"), kZone);
  REQUIRE(n.size() == 1);
  CHECK(n[0].text.rfind("罗湖", 0) == 0);
  CHECK(ids_at({"a", {a}}, "2026-12-05T12:00", "440306").empty());

  auto b = cap("B", model::CapMsgType::alert, "2026-12-05T09:00");
  b.infos = {info("zh", model::CapUrgency::immediate, {}, "2026-12-05T11:00:00", "上午"),
             info("zh", model::CapUrgency::immediate, {}, "2026-12-05T18:00:00", "全天")};
  const std::vector<std::pair<const char*, std::string>> times = {
      {"2026-12-05T10:00", "上午"}, {"2026-12-05T12:00", "全天"}, {"2026-12-05T18:00", ""}};
  for (const auto& [t, head] : times) {
    CAPTURE(t);
    n = schedule::alert_notices({"a", {b}}, "", at(t), kZone);
    CHECK(n.size() == (head.empty() ? 0u : 1u));
    if (!n.empty()) CHECK(n[0].text.rfind(head, 0) == 0);
  }
}

TEST_CASE("alerts: only a Public scope is shown") {
  using C = model::CapScope;
  for (const auto& [scope, shown] : std::vector<std::pair<C, bool>>{
           {C::public_, true}, {C::restricted, false}, {C::private_, false}}) {
    auto a = cap("A", model::CapMsgType::alert, "2026-12-05T10:00");
    a.scope = scope;
    CHECK(ids_at({"a", {a}}, "2026-12-05T12:00").size() == (shown ? 1u : 0u));
  }
}

TEST_CASE("alerts: the shown info decides urgency and time, not another language's") {
  auto a = cap("A", model::CapMsgType::alert, "2026-12-05T10:00");
  a.infos = {info("en-US", model::CapUrgency::immediate, {}, {}, "Typhoon"),
             info("zh-CN", model::CapUrgency::future, {}, {}, "台风")};
  CHECK(ids_at({"a", {a}}, "2026-12-05T12:00").empty());
}

TEST_CASE("alerts: the configured area, by areaDesc name or geocode") {
  const model::AlertDocument doc{"a", {cap("A", model::CapMsgType::alert, "2026-12-05T10:00")}};
  const std::vector<std::pair<const char*, bool>> cases = {
      {"", true},         {"深圳", true},    {"广东省深圳市", true}, {"440300", true},
      {"440305", true},   {"440305000000", true}, {"4403", false},  {"广州", false},
      {"440100", false},  {"GB/T 2260", false},   {"圳", false},     {"东省", false},
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

TEST_CASE("alerts: a geocode covers the divisions under it (GB/T 2260)") {
  struct Case {
    const char* alert;
    const char* configured;
    bool covers;
  };
  const std::vector<Case> cases = {
      {"440305", "440305", true},        {"440300", "440305", true},
      {"440000", "440305", true},        {"440000", "440300", true},
      {"440305", "440300", false},       {"440303", "440305", false},
      {"440300", "440100", false},       {"450000", "440305", false},
      {"440305000000", "440305", true},  {"440300000000", "440305", true},
      {"440305", "440305000000", true},  {"000000", "440305", false},
      {"4403", "440305", false},         {"44030a", "440305", false},
      {"ABC", "ABC", true},              {"ABC", "ABCD", false},
      {"", "440305", false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.alert);
    CAPTURE(c.configured);
    CHECK(schedule::geocode_covers(c.alert, c.configured) == c.covers);
  }
}

TEST_CASE("alerts: a place name matches a whole name of areaDesc, not a part of one") {
  struct Case {
    const char* desc;
    const char* name;
    bool matches;
  };
  const std::vector<Case> cases = {
      {"深圳市南山区", "南山", true},      {"湖南山区", "南山", false},
      {"深圳市南山区", "南山区", true},    {"深圳市南山区", "深圳", true},
      {"深圳市南山区", "深圳市", false},   {"广东省深圳市", "广东", true},
      {"罗湖区、南山区", "南山", true},    {"罗湖区，福田区", "福田区", true},
      {"罗湖区 福田区;宝安区", "宝安", true}, {"罗湖区；龙岗区", "龙岗", true},
      {"南山", "南山", true},              {"南山路", "南山", false},
      {"粤海街道", "粤海", true},          {"深圳湾", "深圳", false},
      {"南山区", "", false},               {"", "南山", false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.desc);
    CAPTURE(c.name);
    CHECK(schedule::area_name_matches(c.desc, c.name) == c.matches);
  }
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
