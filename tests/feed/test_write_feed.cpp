// The writer is the reader's inverse: what it writes reads back as the same
// model, lints clean when the model was clean, and the same model always
// gives the same bytes.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "demo_content.h"
#include "feed/write_feed.h"
#include "hostile_feeds.h"
#include "same_feed.h"
#include "support.h"

namespace hb::test {
namespace {

model::Feed parse(const std::string& xml, const std::string& name = "t.xml") {
  model::Diagnostics out;
  auto feed = feed::parse_feed(xml, name, out);
  INFO(dump(out));
  REQUIRE(feed);
  CHECK(!model::has_errors(out));
  return std::move(*feed);
}

// parse(write(f)) holds what f holds, and writing that again gives the same bytes.
void check_round_trip(const model::Feed& f) {
  const std::string written = feed::write_feed(f);
  INFO(written);
  const model::Feed back = parse(written, "written.xml");
  CHECK_MESSAGE(feed_differences(f, back).empty(), feed_differences(f, back));
  CHECK(feed::write_feed(back) == written);
  CHECK(feed::write_feed(f) == written);
}

model::Feed demo_feed(const char* file) {
  const auto path = source_dir() / "content" / file;
  return parse(read_bytes(path), file);
}

constexpr const char* kDemoFeeds[] = {"hall.xml", "items.xml", "roster.xml"};

model::DateTime at(model::Date d, int seconds, std::optional<int> offset, bool with_seconds) {
  return model::DateTime{d, seconds, offset, with_seconds};
}

model::Item item(std::string id, model::Deadline deadline) {
  model::Item it;
  it.id = std::move(id);
  it.name = "事项" + it.id;
  it.deadline = deadline;
  return it;
}

model::Window window(std::string id, std::string a, std::string b) {
  model::Window w;
  w.id = id;
  w.name = id + "号窗口";
  w.a_staff = a;
  w.b_staff = b;
  w.posts = {{model::Role::a, a, {}, {}}, {model::Role::b, b, {}, {}}};
  return w;
}

model::Staff staff(std::string id, std::string name) {
  model::Staff s;
  s.id = std::move(id);
  s.name = std::move(name);
  return s;
}

// A feed with one of everything, every optional field filled.
model::Feed full_feed() {
  model::Feed f;
  f.generated = at({2026, 11, 27}, 8 * 3600, 480, false);
  f.hall_id = "530103-zwfw";
  model::Hall hall;
  hall.name = "昆明市住房和城乡建设局政务服务窗口";
  hall.subtitle = "一站式管理 一个窗口对外";
  hall.logo = "assets/logo.png";
  hall.phones = {{model::PhoneKind::consult, "0871-63123456", {}},
                 {model::PhoneKind::supervise, "0871-63123000", {}},
                 {model::PhoneKind::complaint, "12345", {}}};
  hall.commitments = {{"限时办结", "一般事项当天办结；\n复杂事项不超过3个工作日。", {}},
                      {"", "首问负责。", {}}};
  hall.links = {
      {model::LinkKind::feedback, "https://zwfw.example.gov.cn/pj?a=1&b=2", "扫码评价", {}},
      {model::LinkKind::online, "https://zwfw.example.gov.cn/", "", {}}};
  f.hall = hall;
  model::Calendar cal;
  std::array<bool, 7> weekdays{true, true, true, true, true, false, false};
  cal.hours = {{weekdays, {9 * 60}, {12 * 60}, {}},
               {weekdays, {13 * 60}, {24 * 60}, {}},
               {{false, false, false, false, false, true, false}, {9 * 60}, {12 * 60}, {}}};
  cal.holidays = {{{2026, 10, 1}, {2026, 10, 8}, "国庆节、中秋节", {}},
                  {{2027, 1, 1}, {2027, 1, 1}, "", {}}};
  cal.workdays = {{{2026, 10, 10}, model::Weekday::fri, "国庆节调休上班", {}},
                  {{2026, 9, 27}, model::Weekday::mon, "", {}}};
  f.calendar = cal;
  f.has_items_section = true;
  model::Item a = item("JS-0001", {model::DeadlineUnit::workday, 5, 15, {}});
  a.category = "建设工程";
  a.window = "3";
  a.department = "市住房和城乡建设局";
  a.kind = "行政许可";
  a.basis = "《中华人民共和国建筑法》第七条\n《建筑工程施工许可管理办法》";
  a.fees = model::Fees{false,
                       {{"工本费", {1000}, "本", "财政部文件", {}},
                        {"查询费", {250}, "", "", {}},
                        {"极大", {99999999999999}, "", "", {}}},
                       {}};
  a.materials = {{"申请表", 1, model::MaterialForm::original, true, {}},
                 {"规划许可证", 2, model::MaterialForm::copy, false, {}},
                 {"身份证明", 1000, model::MaterialForm::both, true, {}},
                 {"电子证照", 1, model::MaterialForm::electronic, true, {}},
                 {"其他", 1, model::MaterialForm::unspecified, true, {}}};
  a.procedure = {{"受理", "窗口审核材料\n当场受理", 1, model::DeadlineUnit::workday, {}},
                 {"审查", "", 3, model::DeadlineUnit::day, {}},
                 {"决定", "作出决定", std::nullopt, model::DeadlineUnit::workday, {}},
                 {"送达", "", 2, model::DeadlineUnit::hour, {}}};
  a.online_url = "https://zwfw.example.gov.cn/item/JS-0001";
  a.result = "建筑工程施工许可证";
  f.items = {a,
             item("JS-0002", {model::DeadlineUnit::immediate, std::nullopt, std::nullopt, {}}),
             item("JS-0003", {model::DeadlineUnit::day, std::nullopt, 20, {}}),
             item("JS-0004", {model::DeadlineUnit::hour, 999999999999, 999999999999, {}}),
             item("JS-0005", {model::DeadlineUnit::workday, 0, 20, {}}),
             item("JS-0006", {model::DeadlineUnit::workday, 3, std::nullopt, {}})};
  f.items[1].fees = model::Fees{true, {}, {}};
  f.results = {{"JS-0001",
                "JS2026112001",
                {2026, 11, 20},
                model::Decision::approve,
                "云南某某建设有限公司",
                model::ApplicantKind::org,
                {},
                {}},
               {"JS-0002",
                "",
                {2026, 11, 21},
                model::Decision::deny,
                "张三丰",
                model::ApplicantKind::person,
                {},
                {}},
               {"JS-0003",
                "",
                {2026, 11, 22},
                model::Decision::approve,
                "",
                model::ApplicantKind::person,
                {},
                {}}};
  model::Roster roster;
  roster.staff = {staff("s01", "李娜"), staff("s02", "王强"), staff("s07", "赵敏")};
  roster.staff[0].title = "科员";
  roster.staff[0].badge = "ZJ0301";
  roster.staff[0].photo = "photos/s01.jpg";
  roster.staff[0].party = true;
  roster.windows = {window("3", "s01", "s02"), window("4", "s07", "s01"),
                    window("5", "s02", "s07")};
  roster.windows[0].service = "建设工程审批";
  roster.windows[0].closed_note = "请到5号综合窗口办理";
  roster.windows[1].name = "综合窗口";
  roster.absences = {{"s01",
                      at({2026, 11, 27}, 9 * 3600, std::nullopt, false),
                      at({2026, 11, 28}, 17 * 3600, std::nullopt, false),
                      "年休假",
                      "s07",
                      {},
                      {},
                      {}},
                     {"s02",
                      at({2026, 11, 27}, 9 * 3600 + 30, 480, true),
                      at({2026, 11, 27}, 12 * 3600, -330, true),
                      "",
                      "",
                      {},
                      {},
                      {}}};
  f.roster = roster;
  f.pledges = {{"s01", "党员示范岗", "", "亮明身份，首问负责。\n不推诿、不扯皮。", {}, {}},
               {"", "党员责任岗", "集体承诺", "公开承诺，接受群众监督。", {}, {}}};
  f.notices = {{"n1",
                model::NoticeLevel::info,
                at({2026, 11, 27}, 0, std::nullopt, false),
                at({2026, 12, 31}, 23 * 3600 + 59 * 60, std::nullopt, false),
                "因系统升级，12月1日上午暂停办理。",
                {}},
               {"n2",
                model::NoticeLevel::urgent,
                at({2026, 11, 27}, 10 * 3600 + 30 * 60, 0, false),
                std::nullopt,
                "消防演练。\n请听从工作人员指引。",
                {}},
               {"", model::NoticeLevel::info, std::nullopt, std::nullopt, "常年有效。", {}}};
  model::Stats stats;
  stats.year = 2026;
  stats.month = 10;
  stats.windows = {{"3", 412, 409, 405, 398, std::nullopt, {}, {}},
                   {"4", 999999999999, 0, 400, 390, model::Ratings{350, 40, 0, 9, 1}, {}, {}},
                   {"5", 0, 0, std::nullopt, std::nullopt, std::nullopt, {}, {}}};
  f.stats = stats;
  model::Playlist all;
  all.transition = model::Transition::slide;
  all.screens = {"*"};
  for (const auto& names : model::kSlideTypeNames)
    all.slides.push_back(
        {names.type, 15, "", "", 30, {}, {}, {}, {}, {}, {}, "", model::PosterFrame::hall});
  all.slides[0].category = "建设工程";
  all.slides[1].item = "JS-0001";
  all.slides[5].days = 3660;
  all.slides[6].seconds = 3600;
  all.slides[7].seconds = 1;
  all.slides[9].frame = model::PosterFrame::full;
  all.slides[9].images = {{"posters/a.png", "宣传海报", 10, {}}, {"https://x.example/b.jpg", "", 3600, {}}};
  model::Playlist lobby;
  lobby.screens = {"lobby-1", "lobby-2"};
  lobby.transition = model::Transition::none;
  lobby.slides = {{model::SlideType::roster, 10, "", "", 7, {}, {}, {}, {}, {}, {}, "", {}}};
  model::Playlist fade;
  fade.screens = {"lobby-3"};
  fade.slides = {{model::SlideType::results, 12, "", "", 1, {}, {}, {}, {}, {}, {}, "", {}}};
  f.playlists = {all, lobby, fade};
  return f;
}

}  // namespace

TEST_CASE("write_feed: every demo feed reads back as the same model") {
  for (const char* file : kDemoFeeds) {
    CAPTURE(file);
    check_round_trip(demo_feed(file));
  }
}

TEST_CASE("write_feed: every valid example feed of the XSD tests reads back the same") {
  int feeds = 0;
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "tests/xsd/valid")) {
    const std::string name = entry.path().filename().string();
    // Player configs and queue documents, not feeds.
    if (name.rfind("player-", 0) == 0 || name.rfind("queue-", 0) == 0) continue;
    CAPTURE(name);
    check_round_trip(parse(read_bytes(entry.path()), name));
    ++feeds;
  }
  CHECK(feeds >= 10);
}

TEST_CASE("write_feed: the written demo feeds pass lint together, with no new warnings") {
  std::vector<std::pair<std::string, std::string>> original, written;
  for (const char* file : kDemoFeeds) {
    original.emplace_back(file, read_bytes(source_dir() / "content" / file));
    written.emplace_back(file, feed::write_feed(demo_feed(file)));
  }
  const auto before = lint(original);
  const auto after = lint(written);
  INFO(dump(after));
  CHECK(!model::has_errors(after));
  CHECK(after.size() <= before.size());
}

TEST_CASE("write_feed: a feed with every field, enum value and edge reads back the same") {
  check_round_trip(full_feed());
  // 即办 within a statutory limit keeps its promise of 0.
  CHECK(feed::write_feed(full_feed())
            .find("<deadline promised=\"0\" statutory=\"20\" unit=\"workday\" />") !=
        std::string::npos);
  // And it is a feed lint accepts as it stands.
  const auto findings = lint_one(feed::write_feed(full_feed()));
  CHECK_MESSAGE(!model::has_errors(findings), dump(findings));
}

TEST_CASE("write_feed: feeds with sections left out or empty") {
  struct Row {
    const char* name;
    model::Feed feed;
  };
  model::Feed bare;
  model::Feed empty_items;
  empty_items.has_items_section = true;
  model::Feed items_without_flag;  // made in code: items count even without the flag
  items_without_flag.items = {
      item("A1", {model::DeadlineUnit::immediate, std::nullopt, std::nullopt, {}})};
  model::Feed empty_roster;
  empty_roster.roster = model::Roster{};
  model::Feed hall_only;
  hall_only.hall = model::Hall{};
  hall_only.hall->name = "大厅";
  const Row rows[] = {{"nothing but the root", bare},
                      {"an empty <items>", empty_items},
                      {"an empty <roster>", empty_roster},
                      {"a hall with only its name", hall_only}};
  for (const auto& r : rows) {
    CAPTURE(r.name);
    check_round_trip(r.feed);
  }
  const model::Feed back = parse(feed::write_feed(items_without_flag));
  CHECK(back.has_items_section);
  CHECK(back.items.size() == 1);
}

TEST_CASE("write_feed: text that XML or a browser would take for markup stays text") {
  const std::vector<std::string> hostile = {
      "<script>alert(1)</script>", "A & B <c> \"d\" 'e'", "]]>",
      "&amp;&lt;&#20013;",         "<!-- 注释 -->",       "王<b>强</b>"};
  for (const auto& text : hostile) {
    CAPTURE(text);
    model::Feed f = full_feed();
    f.hall->name = text;
    f.hall->commitments[0].text = text + "\n" + text;
    f.items[0].name = text;
    f.items[0].fees->fees[0].name = text;
    f.roster->staff[1].name = text;
    f.roster->windows[0].service = text;
    f.notices[0].text = text;
    f.playlists[0].slides[0].category = text;
    check_round_trip(f);
    CHECK(feed::write_feed(f).find("<script>") == std::string::npos);
  }
}

TEST_CASE("write_feed: texts are written folded, as the reader would read them") {
  struct Row {
    const char* name;
    std::string model_text;  // what the console might hold
    std::string read_back;   // what every screen reads
  };
  const Row rows[] = {
      {"paragraphs", "第一段。\n第二段。\n第三段。", "第一段。\n第二段。\n第三段。"},
      {"blank and white-space-only paragraphs", "甲\n\n \n乙\n", "甲\n乙"},
      {"white space inside a paragraph", "  a \t b  c ", "a b c"},
      {"Windows line ends", "甲。\r\n乙。\r\n", "甲。\n乙。"},
      {"control characters XML forbids",
       "a\x01"
       "b\x1F"
       "c\x7F",
       "abc\x7F"},
      {"U+FFFE and U+FFFF",
       "a\xEF\xBF\xBE"
       "b\xEF\xBF\xBF",
       "ab"},
      {"CJK, emoji and rare characters", "㐀𠀀😀 中文", "㐀𠀀😀 中文"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    model::Feed f;
    f.notices = {{"n1", model::NoticeLevel::info, std::nullopt, std::nullopt, r.model_text, {}}};
    const std::string written = feed::write_feed(f);
    INFO(written);
    const model::Feed back = parse(written);
    REQUIRE(back.notices.size() == 1);
    CHECK(back.notices[0].text == r.read_back);
    CHECK(feed::write_feed(back) == written);
  }
}

TEST_CASE("write_feed: one line fields lose their line breaks as the reader folds them") {
  model::Feed f;
  f.hall = model::Hall{};
  f.hall->name = "昆明市\n政务服务中心";
  f.hall->subtitle = " a\nb ";
  const model::Feed back = parse(feed::write_feed(f));
  REQUIRE(back.hall);
  CHECK(back.hall->name == "昆明市政务服务中心");
  CHECK(back.hall->subtitle == "a b");
}

// The schema editors' tools use (schema/hallboard-v1.xsd) takes what the
// console publishes too.
TEST_CASE("write_feed: the written demo feeds and the full feed are valid against the XSD") {
  REQUIRE_MESSAGE(std::system("xmllint --version >/dev/null 2>&1") == 0,
                  "xmllint is not installed (scripts/setup.sh installs it)");
  TempDir dir;
  std::string files;
  for (const char* file : kDemoFeeds) {
    std::ofstream(dir / file, std::ios::binary) << feed::write_feed(demo_feed(file));
    files += " " + (dir / file).string();
  }
  std::ofstream(dir / "full.xml", std::ios::binary) << feed::write_feed(full_feed());
  files += " " + (dir / "full.xml").string();
  const std::string command = "xmllint --noout --nonet --schema " +
                              (source_dir() / "schema/hallboard-v1.xsd").string() + files + " 2>" +
                              (dir / "errors.txt").string();
  const int rc = std::system(command.c_str());
  INFO(read_bytes(dir / "errors.txt"));
  CHECK(rc == 0);
}

TEST_CASE("write_feed: the exact bytes: declaration, two-space indent, attribute order") {
  model::Feed f;
  f.generated = model::DateTime{{2026, 11, 27}, 8 * 3600, 480, false};
  f.hall_id = "530103-zwfw";
  f.items = {item("A1", {model::DeadlineUnit::workday, 5, 15, {}})};
  f.items[0].fees = model::Fees{false, {{"工本费", {1050}, "本", "", {}}}, {}};
  f.items[0].materials = {{"申请表", 2, model::MaterialForm::copy, false, {}}};
  f.items[0].basis = "第一条\n第二条";
  f.notices = {{"n1", model::NoticeLevel::urgent, std::nullopt, std::nullopt, "通知", {}}};
  CHECK(feed::write_feed(f) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<hallboard version=\"1\" generated=\"2026-11-27T08:00+08:00\" hall=\"530103-zwfw\">\n"
        "  <items>\n"
        "    <item id=\"A1\">\n"
        "      <name>事项A1</name>\n"
        "      <basis>第一条\n\n第二条</basis>\n"
        "      <deadline promised=\"5\" statutory=\"15\" unit=\"workday\" />\n"
        "      <fees>\n"
        "        <fee name=\"工本费\" amount=\"10.50\" per=\"本\" />\n"
        "      </fees>\n"
        "      <materials>\n"
        "        <material copies=\"2\" form=\"copy\" required=\"false\">申请表</material>\n"
        "      </materials>\n"
        "    </item>\n"
        "  </items>\n"
        "  <notices>\n"
        "    <notice id=\"n1\" level=\"urgent\">通知</notice>\n"
        "  </notices>\n"
        "</hallboard>\n");
}

TEST_CASE("write_feed: the same feed gives the same bytes") {
  const model::Feed f = full_feed();
  const std::string first = feed::write_feed(f);
  for (int i = 0; i < 3; ++i)
    CHECK(feed::write_feed(f) == first);
  for (const char* file : kDemoFeeds)
    CHECK(feed::write_feed(demo_feed(file)) == feed::write_feed(demo_feed(file)));
}

TEST_CASE("write_feed: timestamps keep their seconds and offsets") {
  struct Row {
    model::DateTime t;
    const char* written;
  };
  const Row rows[] = {
      {{{2026, 11, 27}, 8 * 3600, std::nullopt, false}, "2026-11-27T08:00"},
      {{{2026, 11, 27}, 8 * 3600, std::nullopt, true}, "2026-11-27T08:00:00"},
      {{{2026, 11, 27}, 8 * 3600 + 5, 480, true}, "2026-11-27T08:00:05+08:00"},
      {{{2026, 11, 27}, 23 * 3600 + 59 * 60 + 59, -330, true}, "2026-11-27T23:59:59-05:30"},
      {{{2026, 11, 27}, 0, 0, false}, "2026-11-27T00:00+00:00"},
      {{{1, 1, 1}, 0, 14 * 60 + 59, false}, "0001-01-01T00:00+14:59"},
      {{{9999, 12, 31}, 0, -(14 * 60 + 59), false}, "9999-12-31T00:00-14:59"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.written);
    model::Feed f;
    f.generated = r.t;
    const std::string written = feed::write_feed(f);
    CHECK(written.find(std::string("generated=\"") + r.written + "\"") != std::string::npos);
    check_round_trip(f);
  }
}

TEST_CASE("write_feed: opening days are written as ranges the reader accepts") {
  struct Row {
    std::array<bool, 7> days;
    const char* written;
  };
  const Row rows[] = {
      {{true, true, true, true, true, false, false}, "mon-fri"},
      {{true, true, true, true, true, true, true}, "mon-sun"},
      {{false, false, false, false, false, true, false}, "sat"},
      {{true, false, true, false, true, false, false}, "mon,wed,fri"},
      {{true, false, false, true, true, true, true}, "mon,thu-sun"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.written);
    model::Feed f;
    f.calendar = model::Calendar{};
    f.calendar->hours = {{r.days, {9 * 60}, {17 * 60}, {}}};
    CHECK(feed::write_feed(f).find(std::string("days=\"") + r.written + "\"") != std::string::npos);
    check_round_trip(f);
  }
}

TEST_CASE("write_feed: a window made in code with only its A and B staff gets both posts") {
  model::Window w;
  w.id = "1";
  w.a_staff = "s1";
  w.b_staff = "s2";
  model::Roster roster;
  roster.staff = {staff("s1", "甲"), staff("s2", "乙")};
  roster.windows = {w};
  model::Feed f;
  f.roster = std::move(roster);
  const model::Feed back = parse(feed::write_feed(f));
  REQUIRE(back.roster);
  REQUIRE(back.roster->windows.size() == 1);
  CHECK(back.roster->windows[0].a_staff == "s1");
  CHECK(back.roster->windows[0].b_staff == "s2");
  CHECK(back.roster->windows[0].name == "1号窗口");
}

TEST_CASE("write_feed: what breaks a rule is written as it is, for lint to report") {
  model::Feed f;
  f.items = {item("A1", {model::DeadlineUnit::workday, 20, 5, {}})};
  f.items[0].fees = model::Fees{false, {{"罚", {-150}, "", "", {}}}, {}};
  const std::string written = feed::write_feed(f);
  CHECK(written.find("amount=\"-1.50\"") != std::string::npos);
  const auto findings = lint_one(written);
  CHECK(model::has_errors(findings));
  const std::string text = dump(findings);
  CHECK(text.find("promised=\"20\" is longer than statutory=\"5\"") != std::string::npos);
  CHECK(text.find("amount=\"-1.50\" is not valid") != std::string::npos);
}

TEST_CASE("write_feed: the hostile feeds write back in time linear in their size") {
  for (const auto& h : hostile_feeds()) {
    CAPTURE(h.name);
    model::Diagnostics out;
    const auto start = std::chrono::steady_clock::now();
    const auto parsed = feed::parse_feed(h.xml, h.name + ".xml", out);
    const auto parsed_at = std::chrono::steady_clock::now();
    if (!parsed) continue;
    const std::string written = feed::write_feed(*parsed);
    const auto written_at = std::chrono::steady_clock::now();
    const double parse_s = std::chrono::duration<double>(parsed_at - start).count();
    const double write_s = std::chrono::duration<double>(written_at - parsed_at).count();
    // Relative to reading the same feed, so a slow machine or a sanitizer
    // build slows both alike; a quadratic writer would be far past this.
    INFO(write_s << " s to write, " << parse_s << " s to parse");
    CHECK(write_s <= 3 * parse_s + 0.5);
    CHECK(written.size() <= 2 * h.xml.size() + 4096);
    // One element a line with its indent is larger than the hostile feeds'
    // one item a line: 100,000 items grow past the 16 MiB a screen takes.
    INFO(h.xml.size(), " bytes read, ", written.size(), " written");
    feed::Limits larger;
    larger.max_bytes = 4 * h.xml.size();
    model::Diagnostics again;
    const auto back = feed::parse_feed(written, "written.xml", again, larger);
    REQUIRE(back);
    CHECK(feed_differences(*parsed, *back).empty());
  }
}

}  // namespace hb::test

namespace hb::test {
namespace {

TEST_CASE("write_feed: slides on a schedule keep on, between and from/to") {
  const model::Feed f =
      parse(read_bytes(source_dir() / "tests/xsd/valid/playlist-schedule.xml"), "s.xml");
  const std::string written = feed::write_feed(f);
  CHECK(written.find("<playlist screen=\"*\" transition=\"fade\" on=\"mon-fri\" "
                     "from=\"2026-01-01\" to=\"2027-12-31\">") != std::string::npos);
  CHECK(written.find("between=\"12:00-13:30\"") != std::string::npos);
  CHECK(written.find("on=\"mon,wed,fri\" between=\"09:00-24:00\"") != std::string::npos);
  CHECK(written.find("from=\"2026-12-01\" to=\"2026-12-14\"") != std::string::npos);
  check_round_trip(f);
}

}  // namespace
}  // namespace hb::test
