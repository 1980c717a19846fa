#include "hostile_feeds.h"

#include <string_view>

#include "model/unicode.h"

namespace hb::test {
namespace {

// Sentences an editor might paste in, over and over: clauses end at "，"
// and "。", where a line reads best broken.
constexpr std::string_view kClauses =
    "申请人应当如实提交有关材料和反映真实情况，并对申请材料实质内容的真实性负责。"
    "材料不齐全或者不符合法定形式的，窗口工作人员一次性告知需要补正的全部内容。"
    "办理过程中如需现场核查，承办处室应当在五个工作日内完成并出具核查意见，";
// The same without a mark or a space: only the breaks between hanzi.
constexpr std::string_view kHanzi =
    "建设工程规划许可证核发建筑工程施工许可房地产开发企业资质核定商品房预售许可"
    "公共租赁住房保障资格审核城镇燃气经营许可物业服务企业备案城市道路挖掘占用许可";
// One word with no opportunity at all: a code pasted from another system.
constexpr std::string_view kLatin = "ZWFW2026ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

std::string repeat_to(std::string_view pool, std::size_t chars) {
  std::string r;
  std::size_t i = 0;
  for (std::size_t n = 0; n < chars; ++n) {
    if (i >= pool.size()) i = 0;
    model::append_utf8(r, model::next_code_point(pool, i));
  }
  return r;
}

std::string head(std::string_view generated = "2026-11-27T08:00:00+08:00") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<hallboard version=\"1\" generated=\"" +
         std::string(generated) + "\">\n";
}

constexpr std::string_view kFoot = "</hallboard>\n";

std::string attr(std::string_view name, std::string_view value) {
  return " " + std::string(name) + "=\"" + std::string(value) + "\"";
}

std::string element(std::string_view name, std::string_view attrs, std::string_view text) {
  return "<" + std::string(name) + std::string(attrs) + ">" + std::string(text) + "</" +
         std::string(name) + ">\n";
}

std::string number(std::size_t n, std::size_t digits) {
  std::string s = std::to_string(n);
  return std::string(s.size() < digits ? digits - s.size() : 0, '0') + s;
}

// A plain hall: windows 1 and 2 with staff s1-s4, open Mon-Fri.
std::string small_roster() {
  return "<roster>\n"
         "<staff id=\"s1\" name=\"李娜\" title=\"科员\" badge=\"ZJ0101\" party=\"true\"/>\n"
         "<staff id=\"s2\" name=\"王强\" title=\"科员\" badge=\"ZJ0102\"/>\n"
         "<staff id=\"s3\" name=\"赵敏\" title=\"副科长\" badge=\"ZJ0201\"/>\n"
         "<staff id=\"s4\" name=\"陈静\" title=\"科员\" badge=\"ZJ0202\"/>\n"
         "<window id=\"1\" name=\"1号窗口\" service=\"综合受理\"><post role=\"A\" staff=\"s1\"/>"
         "<post role=\"B\" staff=\"s2\"/></window>\n"
         "<window id=\"2\" name=\"2号窗口\" service=\"住房保障\"><post role=\"A\" staff=\"s3\"/>"
         "<post role=\"B\" staff=\"s4\"/></window>\n"
         "</roster>\n";
}

std::string small_hall() {
  return "<hall name=\"昆明市住房和城乡建设局政务服务窗口\">"
         "<phone kind=\"consult\">0871-63123456</phone>"
         "<link kind=\"online\" "
         "url=\"https://zwfw.example.gov.cn/km/zjj\">扫码进入网上办事大厅</link>"
         "</hall>\n";
}

std::string playlist(std::string_view slides) {
  return "<playlist screen=\"*\" transition=\"fade\">\n" + std::string(slides) + "</playlist>\n";
}

}  // namespace

std::string long_text(std::size_t chars, Breaks breaks) {
  switch (breaks) {
    case Breaks::clauses:
      return repeat_to(kClauses, chars);
    case Breaks::none:
      return repeat_to(kHanzi, chars);
    case Breaks::latin:
      return repeat_to(kLatin, chars);
  }
  return {};
}

HostileFeed long_texts_feed(std::size_t chars, Breaks breaks) {
  const std::string t = long_text(chars, breaks);
  // URLs are Latin whatever the text: a 5,000-character one no QR code holds.
  const std::string url = "https://zwfw.example.gov.cn/item/" + long_text(chars, Breaks::latin);
  const char* kinds[] = {"clauses", "hanzi", "latin"};
  HostileFeed f;
  f.name =
      "long-texts-" + std::string(kinds[static_cast<int>(breaks)]) + "-" + std::to_string(chars);
  f.description = "every text field " + std::to_string(chars) + " characters (" +
                  kinds[static_cast<int>(breaks)] + ")";
  std::string x = head();
  x += "<hall" + attr("name", t) + attr("subtitle", t) + ">\n";
  x += element("phone", attr("kind", "consult"), t);
  x += element("phone", attr("kind", "complaint"), t);
  x += element("commitment", attr("title", t), t);
  x += element("commitment", "", t);
  x += element("link", attr("kind", "feedback") + attr("url", url), t);
  x += element("link", attr("kind", "online") + attr("url", "https://zwfw.example.gov.cn/km"), t);
  x += "</hall>\n";
  x += "<calendar>\n<hours days=\"mon-fri\" open=\"09:00\" close=\"17:00\"/>\n";
  x += "<holiday from=\"2026-10-01\" to=\"2026-10-07\"" + attr("name", t) + "/>\n";
  x += "<workday date=\"2026-10-10\" as=\"wed\"" + attr("name", t) + "/>\n</calendar>\n";
  x += "<items>\n";
  const auto item = [&](std::string_view id, std::string_view fees, std::string_view online) {
    std::string i = "<item" + attr("id", id) + attr("category", t) + attr("window", "1") + ">\n";
    i += element("name", "", t) + element("department", "", t) + element("kind", "", t);
    i += element("basis", "", t);
    i += "<deadline promised=\"3\" statutory=\"20\" unit=\"workday\"/>\n";
    i += std::string(fees);
    i += "<materials>\n";
    i += element("material", attr("copies", "2") + attr("form", "both"), t);
    i += element("material", attr("form", "copy") + attr("required", "false"), t);
    i += element("material", "", t);
    i += "</materials>\n<procedure>\n";
    i += element("step", attr("name", t) + attr("limit", "1") + attr("unit", "workday"), t);
    i += element("step", attr("name", t), t);
    i += "</procedure>\n";
    if (!online.empty()) i += "<online" + attr("url", online) + "/>\n";
    i += element("result", "", t);
    return i + "</item>\n";
  };
  const std::string fee = "<fee" + attr("name", t) + attr("amount", "10.50") + attr("per", t) +
                          attr("basis", t) + "/>\n";
  x += item("H-1", "<fees>\n" + fee + fee + "</fees>\n", url);
  x += item("H-2", "<fees>\n" + fee + "</fees>\n", "https://zwfw.example.gov.cn/item/H-2");
  x += item("H-3", "<fees free=\"true\"/>\n", "");
  x += "</items>\n<results>\n";
  for (const char* kind : {"person", "org"})
    x += "<result item=\"H-1\"" + attr("number", t) + " date=\"2026-11-20\" decision=\"approve\"" +
         attr("applicant", t) + attr("applicant-kind", kind) + "/>\n";
  x += "</results>\n<roster>\n";
  for (const char* id : {"s1", "s2", "s3"})
    x += "<staff" + attr("id", id) + attr("name", t) + attr("title", t) + attr("badge", t) +
         " party=\"true\"/>\n";
  x += "<window id=\"1\"" + attr("name", t) + attr("service", t) + attr("closed-note", t) +
       "><post role=\"A\" staff=\"s1\"/><post role=\"B\" staff=\"s2\"/></window>\n";
  x += "<absence staff=\"s1\" from=\"2026-11-26T09:00\" to=\"2026-11-27T17:00\"" +
       attr("reason", t) + " substitute=\"s3\"/>\n";
  x += "</roster>\n<pledges>\n";
  x += element("pledge", attr("staff", "s1") + attr("post", t), t);
  x += element("pledge", attr("post", t) + attr("title", t), t);
  x += "</pledges>\n<notices>\n";
  x += element("notice",
               attr("id", "n1") + attr("level", "info") + attr("from", "2026-11-01T00:00"), t);
  x += element("notice",
               attr("id", "n2") + attr("level", "urgent") + attr("from", "2026-11-27T00:00") +
                   attr("to", "2026-11-28T00:00"),
               t);
  x += "</notices>\n";
  x += "<stats month=\"2026-10\"><window id=\"1\" handled=\"100\" ontime=\"90\" rated=\"80\" "
       "satisfied=\"70\"/></stats>\n";
  x += playlist(
      "<slide type=\"items\" seconds=\"15\"/>\n<slide type=\"items\" seconds=\"15\"" +
      attr("category", t) +
      "/>\n<slide type=\"item\" seconds=\"20\"/>\n<slide type=\"item\" seconds=\"20\" "
      "item=\"H-1\"/>\n<slide type=\"roster\" seconds=\"15\"/>\n<slide type=\"pledges\" "
      "seconds=\"15\"/>\n<slide type=\"commitments\" seconds=\"12\"/>\n<slide type=\"results\" "
      "seconds=\"15\" days=\"30\"/>\n<slide type=\"stats\" seconds=\"12\"/>\n<slide "
      "type=\"notices\" seconds=\"10\"/>\n<slide type=\"windows\" seconds=\"15\"/>\n");
  f.xml = x + std::string(kFoot);
  return f;
}

HostileFeed many_items_feed(std::size_t count) {
  HostileFeed f;
  f.name = "many-items-" + std::to_string(count);
  f.description = std::to_string(count) + " items, listed by one items slide";
  std::string x = head() + small_hall() + "<items>\n";
  x.reserve(count * 120);
  for (std::size_t i = 0; i < count; ++i) {
    const std::string n = number(i, 6);
    x += "<item id=\"M" + n + "\" category=\"类" + std::to_string(i % 10) + "\" window=\"" +
         std::to_string(1 + i % 2) + "\"><name>事项" + n +
         "</name><deadline promised=\"3\" unit=\"workday\"/><fees free=\"true\"/></item>\n";
  }
  x += "</items>\n" + small_roster();
  x += playlist(
      "<slide type=\"items\" seconds=\"15\"/>\n<slide type=\"items\" seconds=\"15\" "
      "category=\"类3\"/>\n<slide type=\"item\" seconds=\"20\"/>\n<slide type=\"roster\" "
      "seconds=\"15\"/>\n");
  f.xml = x + std::string(kFoot);
  return f;
}

HostileFeed many_materials_feed(std::size_t materials, std::size_t notice_bytes) {
  HostileFeed f;
  f.name = "many-materials-" + std::to_string(materials);
  f.description = "one item with " + std::to_string(materials) +
                  " materials and an info notice of " + std::to_string(notice_bytes / 1000) + " KB";
  std::string x = head() + small_hall() + "<items>\n";
  x += "<item id=\"BIG-1\" category=\"建设工程\" window=\"1\"><name>建筑工程施工许可证核发</name>\n"
       "<deadline promised=\"3\" statutory=\"7\" unit=\"workday\"/><fees free=\"true\"/>\n"
       "<materials>\n";
  for (std::size_t i = 0; i < materials; ++i)
    x += "<material form=\"copy\">第" + std::to_string(i + 1) +
         "项申请材料：建设工程规划许可证及附图（加盖公章）</material>\n";
  x += "</materials>\n<online url=\"https://zwfw.example.gov.cn/item/BIG-1\"/>\n</item>\n";
  x += "</items>\n" + small_roster() + "<notices>\n";
  // Three bytes a hanzi.
  x += element("notice", attr("id", "big") + attr("level", "info"),
               long_text(notice_bytes / 3, Breaks::clauses));
  x += "</notices>\n";
  x += playlist(
      "<slide type=\"item\" seconds=\"20\" item=\"BIG-1\"/>\n<slide type=\"item\" "
      "seconds=\"20\"/>\n<slide type=\"notices\" seconds=\"10\"/>\n");
  f.xml = x + std::string(kFoot);
  return f;
}

HostileFeed year_of_notices_feed() {
  HostileFeed f;
  f.name = "year-of-notices";
  f.description = "a notice a day for 2026, each in force from its day to the end of the year";
  std::string x = head() + small_hall() + small_roster() + "<notices>\n";
  const int days_in[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int n = 0;
  for (int month = 1; month <= 12; ++month)
    for (int day = 1; day <= days_in[month - 1]; ++day) {
      const std::string date = "2026-" + number(static_cast<std::size_t>(month), 2) + "-" +
                               number(static_cast<std::size_t>(day), 2);
      x += element("notice",
                   attr("id", "n" + std::to_string(++n)) + attr("level", "info") +
                       attr("from", date + "T00:00") + attr("to", "2026-12-31T23:59"),
                   date + "起，" + long_text(60, Breaks::clauses));
    }
  x += "</notices>\n";
  x += playlist(
      "<slide type=\"notices\" seconds=\"10\"/>\n<slide type=\"roster\" seconds=\"15\"/>\n");
  f.xml = x + std::string(kFoot);
  return f;
}

HostileFeed all_absent_feed() {
  HostileFeed f;
  f.name = "all-absent";
  f.description = "every staff member absent for two months, substitutes too";
  std::string x = head() + small_hall() + "<roster>\n";
  constexpr int kWindows = 8;
  for (int s = 1; s <= 2 * kWindows; ++s)
    x += "<staff id=\"s" + std::to_string(s) + "\" name=\"工作人员" + std::to_string(s) +
         "\" title=\"科员\" badge=\"ZJ" + number(static_cast<std::size_t>(s), 4) + "\"" +
         (s % 2 ? " party=\"true\"" : "") + "/>\n";
  for (int w = 1; w <= kWindows; ++w)
    x += "<window id=\"" + std::to_string(w) +
         "\" closed-note=\"请到综合窗口咨询\">"
         "<post role=\"A\" staff=\"s" +
         std::to_string(2 * w - 1) + "\"/><post role=\"B\" staff=\"s" + std::to_string(2 * w) +
         "\"/></window>\n";
  // Each names the next person as substitute, who is away too.
  for (int s = 1; s <= 2 * kWindows; ++s)
    x += "<absence staff=\"s" + std::to_string(s) +
         "\" from=\"2026-11-01T00:00\" to=\"2026-12-31T23:59\" reason=\"外出培训\" substitute=\"s" +
         std::to_string(s % (2 * kWindows) + 1) + "\"/>\n";
  x += "</roster>\n<pledges>\n";
  for (int s = 1; s <= 2 * kWindows; s += 2)
    x += "<pledge staff=\"s" + std::to_string(s) +
         "\" post=\"党员示范岗\">亮明身份，首问负责，限时办结。</pledge>\n";
  x += "</pledges>\n";
  x += playlist(
      "<slide type=\"roster\" seconds=\"15\"/>\n<slide type=\"pledges\" seconds=\"15\"/>\n");
  f.xml = x + std::string(kFoot);
  return f;
}

HostileFeed far_times_feed() {
  HostileFeed f;
  f.name = "far-times";
  f.description = "notices, holidays, absences and results in the years 1 and 9999";
  std::string x = head() + small_hall();
  x += "<calendar>\n<hours days=\"mon-sun\" open=\"00:00\" close=\"23:59\"/>\n"
       "<holiday from=\"0001-01-01\" to=\"0001-12-31\" name=\"公元元年\"/>\n"
       "<holiday from=\"9999-12-01\" to=\"9999-12-31\" name=\"万年\"/>\n"
       "</calendar>\n";
  x += "<items>\n<item id=\"T-1\" window=\"1\"><name>远期事项</name>"
       "<deadline promised=\"999999\" statutory=\"999999\" unit=\"day\"/></item>\n</items>\n";
  x += "<results>\n"
       "<result item=\"T-1\" number=\"A1\" date=\"0001-01-01\" decision=\"approve\" "
       "applicant=\"张三丰\"/>\n"
       "<result item=\"T-1\" number=\"A2\" date=\"9999-12-31\" decision=\"deny\" "
       "applicant=\"欧阳雪晴\"/>\n</results>\n";
  x += small_roster().substr(0, small_roster().size() - std::string_view("</roster>\n").size());
  x += "<absence staff=\"s1\" from=\"0001-01-01T00:00\" to=\"9999-12-31T23:59\" reason=\"长期\" "
       "substitute=\"s3\"/>\n</roster>\n";
  x += "<notices>\n"
       "<notice id=\"past\" level=\"info\" from=\"0001-01-01T00:00\" to=\"9999-12-31T23:59\">"
       "自公元元年起至9999年底有效的通知。</notice>\n"
       "<notice id=\"future\" level=\"urgent\" from=\"9999-12-31T23:00\">九九九九年的紧急通知。"
       "</notice>\n"
       "<notice id=\"ended\" level=\"urgent\" "
       "to=\"0001-01-01T01:00\">公元元年的紧急通知。</notice>\n"
       "</notices>\n";
  x += playlist(
      "<slide type=\"results\" seconds=\"15\" days=\"3660\"/>\n<slide type=\"item\" "
      "seconds=\"20\"/>\n<slide type=\"roster\" seconds=\"15\"/>\n<slide type=\"notices\" "
      "seconds=\"10\"/>\n");
  f.xml = x + std::string(kFoot);
  return f;
}

std::vector<HostileFeed> hostile_feeds() {
  std::vector<HostileFeed> r;
  for (const Breaks b : {Breaks::clauses, Breaks::none, Breaks::latin})
    r.push_back(long_texts_feed(5000, b));
  r.push_back(many_items_feed(100000));
  r.push_back(many_materials_feed(10000, 100000));
  r.push_back(year_of_notices_feed());
  r.push_back(all_absent_feed());
  r.push_back(far_times_feed());
  return r;
}

std::string hostile_player_config(const HostileFeed& feed, const std::string& feed_file) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- " + feed.description +
         " -->\n<player screen=\"lobby-1\" timezone=\"+08:00\">\n  <feed url=\"" + feed_file +
         "\"/>\n  <cache dir=\"/tmp/hallboard-hostile-" + feed.name + "\"/>\n  <display width=\"" +
         std::to_string(feed.width) + "\" height=\"" + std::to_string(feed.height) +
         "\" rotate=\"0\"/>\n</player>\n";
}

}  // namespace hb::test
