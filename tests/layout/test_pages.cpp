// Layout tested as text: every slide type at every screen size, with the
// demo content; nothing lost, nothing outside the screen, nothing too small.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "demo_content.h"
#include "every_page.h"
#include "fake_measure.h"
#include "files.h"
#include "layout/blocks.h"
#include "layout/pages.h"
#include "schedule/playlist.h"
#include "schedule_support.h"

namespace hb::test {
namespace {

// The text of runs that start left of x_limit, in reading order: the first
// column of a table or the main column of a page with a side panel.
std::string column_text(const std::vector<layout::Page>& pages, int x_limit) {
  std::string r;
  for (const auto& p : pages) {
    layout::Page column = p;
    column.elements.clear();
    for (const auto& e : p.elements)
      if (const auto* t = std::get_if<layout::TextRun>(&e); t && t->box.x < x_limit)
        column.elements.push_back(e);
    for (const auto& t : layout::text_in_reading_order(column))
      r += t + "\n";
  }
  return r;
}

// Text is broken into lines: compare without line breaks and the spaces
// put between scripts.
std::string squeeze(std::string s) {
  std::string r;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t start = i;
    const auto c = model::next_code_point(s, i);
    if (c == '\n' || c == ' ' || c == 0x2005) continue;
    r.append(s, start, i - start);
  }
  return r;
}

// Every character of `needle` in `haystack`, in order (other text may stand
// between them: a photo's caption beside a pledge).
bool contains_in_order(const std::string& haystack, const std::string& needle) {
  std::size_t h = 0, n = 0;
  while (n < needle.size() && h < haystack.size()) {
    std::size_t n_end = n, h_end = h;
    const auto want = model::next_code_point(needle, n_end);
    const auto got = model::next_code_point(haystack, h_end);
    h = h_end;
    if (want == got) n = n_end;
  }
  return n >= needle.size();
}

constexpr auto& kSizes = kScreenSizes;

}  // namespace

TEST_CASE("every slide type at every screen size keeps everything and stays on screen") {
  const model::Content c = demo_content();
  FakeMeasure measure;
  const auto now = at("2026-11-27T10:00");
  const auto moment = layout::moment_for(c, kZone, now);
  for (const auto& [w, h] : kSizes) {
    CAPTURE(w);
    CAPTURE(h);
    layout::PageLayout layout(measure, layout::Theme{}, w, h);
    const int min_text = layout::Theme{}.min_text;
    std::string everything, first_column;
    for (const auto type : kWholeHallSlides) {
      model::Slide s;
      s.type = type;
      const auto pages = layout.slide(moment, s, "");
      CHECK_FALSE(pages.empty());
      for (const auto& p : pages) {
        CHECK(p.page_count == static_cast<int>(pages.size()));
        for (const auto& e : p.elements) {
          if (const auto* t = std::get_if<layout::TextRun>(&e)) {
            CAPTURE(t->text);
            CHECK(t->style.size >= min_text);
            CHECK(t->box.x >= 0);
            CHECK(t->box.y >= 0);
            CHECK(t->box.x + t->box.w <= w);
            CHECK(t->box.y + t->box.h <= h);
          }
        }
      }
      everything += pages_text(pages);
      // Table cells and the commitments' side column share rows with the first column.
      // (The table's first column starts at margin + padding; commitments' cards fill 60%.)
      first_column += column_text(pages, type == model::SlideType::items
                                             ? layout.metrics().margin + layout.metrics().gap
                                             : w * 60 / 100);
    }
    for (const auto& it : c.items) {
      model::Slide s;
      s.type = model::SlideType::item;
      const auto pages = layout.slide(moment, s, it.id);
      REQUIRE_FALSE(pages.empty());
      // The main column (a side panel shares its rows on landscape screens).
      const std::string text = squeeze(column_text(pages, h > w ? w : w * 65 / 100));
      // Every material and step of every item appears on its pages.
      for (const auto& mat : it.materials) {
        CAPTURE(mat.name);
        CHECK(text.find(squeeze(mat.name)) != std::string::npos);
      }
      for (const auto& step : it.procedure)
        CHECK(text.find(squeeze(step.name)) != std::string::npos);
      CHECK(text.find(squeeze(it.name)) != std::string::npos);
    }
    const std::string squeezed = squeeze(everything), first = squeeze(first_column);
    for (const auto& it : c.items) {
      CAPTURE(it.name);
      CHECK(first.find(squeeze(it.name)) != std::string::npos);  // in the items table
    }
    for (const auto& p : c.pledges)
      CHECK(contains_in_order(squeezed, squeeze(p.text)));
    for (const auto& cm : c.hall->commitments)
      CHECK(first.find(squeeze(cm.text)) != std::string::npos);
  }
}

TEST_CASE("persons in results are masked") {  // absent staff: layout/test_absent_staff.cpp
  const model::Content c = demo_content();
  FakeMeasure measure;
  layout::PageLayout layout(measure, layout::Theme{}, 1920, 1080);
  model::Slide s;
  s.type = model::SlideType::results;
  const auto text =
      pages_text(layout.slide(layout::moment_for(c, kZone, at("2026-11-27T10:00")), s, ""));
  for (const auto& r : c.results) {
    if (r.applicant_kind != model::ApplicantKind::person) continue;
    CAPTURE(r.applicant);
    CHECK(text.find(r.applicant) == std::string::npos);
  }
  CHECK(text.find("＊") != std::string::npos);
}

TEST_CASE("outside opening hours the roster says when the hall opens") {
  const model::Content c = demo_content();
  FakeMeasure measure;
  layout::PageLayout layout(measure, layout::Theme{}, 1920, 1080);
  model::Slide s;
  s.type = model::SlideType::roster;
  const auto text =
      pages_text(layout.slide(layout::moment_for(c, kZone, at("2026-11-28T10:00")), s, ""));
  CHECK(text.find("非工作时间") != std::string::npos);
  CHECK(text.find("下次开放：11月30日 星期一 09:00") != std::string::npos);
}

}  // namespace hb::test

namespace hb::test {

TEST_CASE("a text longer than a page flows over pages instead of running off") {
  std::string long_text;
  for (int i = 0; i < 40; ++i)
    long_text += "窗口实行首问负责制，对服务对象的咨询做到有问必答，一次性告知。";
  model::Diagnostics out;
  std::vector<model::Feed> feeds;
  feeds.push_back(
      *feed::parse_feed(feed_doc("<hall name=\"大厅\"><commitment title=\"首问负责\">" + long_text +
                                 "</commitment></hall><pledges><pledge title=\"集体承诺\">" +
                                 long_text + "</pledge></pledges>"),
                        "long.xml", out));
  const auto c = feed::merge(std::move(feeds), out);
  REQUIRE(out.empty());
  FakeMeasure measure;
  for (const auto& [w, h] : kSizes) {
    CAPTURE(w);
    layout::PageLayout layout(measure, layout::Theme{}, w, h);
    for (const auto type : {model::SlideType::commitments, model::SlideType::pledges}) {
      model::Slide s;
      s.type = type;
      const auto pages = layout.slide(layout::moment_for(c, kZone, at("2026-11-27T10:00")), s, "");
      CHECK(pages.size() > 1);
      for (const auto& p : pages)
        for (const auto& e : p.elements)
          if (const auto* t = std::get_if<layout::TextRun>(&e))
            CHECK(t->box.y + t->box.h <= h - layout.metrics().footer_height);
      CHECK(contains_in_order(squeeze(pages_text(pages)), squeeze(long_text)));
    }
  }
}

}  // namespace hb::test

namespace hb::test {
namespace {

// The demo's items and roster with a hall feed of the test's own (its
// notices), merged as a screen would.
model::Content demo_with_hall(const std::string& hall_body, const std::string& more = "") {
  model::Diagnostics out;
  const auto dir = source_dir() / "content";
  std::vector<model::Feed> feeds;
  for (const char* f : {"items.xml", "roster.xml"}) {
    const auto path = (dir / f).string();
    feeds.push_back(*feed::parse_feed(read_bytes(path), path, out));
  }
  feeds.push_back(*feed::parse_feed(feed_doc(hall_body), "hall.xml", out));
  if (!more.empty()) feeds.push_back(*feed::parse_feed(feed_doc(more), "more.xml", out));
  auto c = feed::merge(std::move(feeds), out);
  INFO(dump(out));
  REQUIRE_FALSE(model::has_errors(out));
  return c;
}

const layout::Theme kTheme{};

// The top of the footer: the ticker's band reaches the bottom of the screen.
int footer_top(const layout::Page& p, int h) {
  int top = h;
  for (const auto& e : p.elements)
    if (const auto* r = std::get_if<layout::FillRect>(&e);
        r && r->color == kTheme.ticker && r->box.y + r->box.h == h)
      top = std::min(top, r->box.y);
  return top;
}

// Nothing runs into the footer or off the screen, and no text is smaller
// than the floor.
void check_inside(const layout::Page& p, int w, int h) {
  const int bottom = footer_top(p, h);
  CAPTURE(p.slide_type);
  CAPTURE(p.page);
  for (const auto& e : p.elements) {
    if (std::holds_alternative<layout::Ticker>(e)) continue;  // the footer's own
    if (const auto* l = std::get_if<layout::LineSegment>(&e)) {
      CHECK(std::max(l->y1, l->y2) <= bottom);
      CHECK(std::min(l->x1, l->x2) >= 0);
      CHECK(std::max(l->x1, l->x2) <= w);
      continue;
    }
    const layout::Box box = std::visit(
        [](const auto& el) -> layout::Box {
          if constexpr (requires { el.box; }) return el.box;
          return {};
        },
        e);
    if (const auto* r = std::get_if<layout::FillRect>(&e); r && r->color == kTheme.ticker) continue;
    if (const auto* t = std::get_if<layout::TextRun>(&e)) {
      CAPTURE(t->text);
      CHECK(t->style.size >= kTheme.min_text);
    }
    CHECK(box.x >= 0);
    CHECK(box.y >= 0);
    CHECK(box.x + box.w <= w);
    CHECK(box.y + box.h <= bottom);
  }
}

std::vector<const layout::TextRun*> runs(const layout::Page& p) {
  std::vector<const layout::TextRun*> r;
  for (const auto& e : p.elements)
    if (const auto* t = std::get_if<layout::TextRun>(&e)) r.push_back(t);
  return r;
}

std::string repeated(const std::string& s, std::size_t code_points) {
  std::string r;
  std::size_t n = 0;
  while (n < code_points)
    for (std::size_t i = 0; i < s.size() && n < code_points; ++n) {
      const std::size_t start = i;
      model::next_code_point(s, i);
      r.append(s, start, i - start);
    }
  return r;
}

const std::string kFireDrill = repeated(
    "因市政供水管网抢修，大厅所在楼宇今日下午将临时停水停电，部分自助终端和叫号系统将暂停使用。"
    "请正在等候的群众保管好个人物品和号票，听从工作人员指引，有序到一楼东侧临时服务区继续办理。",
    600);

}  // namespace

TEST_CASE(
    "a long urgent notice, or four at once, flows over urgent pages: never clipped or shrunk") {
  const std::vector<std::vector<std::string>> cases = {
      {kFireDrill},
      {"10:00—11:00大厅开展消防应急疏散演练，请听从工作人员指引。",
       "今日10:30起暂停办理商品房预售许可业务。",
       repeated("因系统升级，不动产登记业务暂停受理，恢复时间另行通知。", 150),
       "请勿使用电梯，走楼梯疏散；疏散集合点：大厅北侧广场。"},
  };
  FakeMeasure measure;
  for (const auto& notices : cases) {
    std::string xml = "<hall name=\"昆明市住房和城乡建设局政务服务窗口\"/><notices>";
    for (std::size_t i = 0; i < notices.size(); ++i)
      xml +=
          "<notice id=\"u" + std::to_string(i) + "\" level=\"urgent\">" + notices[i] + "</notice>";
    const auto c = demo_with_hall(xml + "</notices>");
    const auto moment = layout::moment_for(c, kZone, at("2026-12-03T10:05"));
    for (const auto& [w, h] : kSizes) {
      CAPTURE(w);
      CAPTURE(h);
      layout::PageLayout layout(measure, kTheme, w, h);
      const auto pages = layout.urgent_pages(moment);
      REQUIRE_FALSE(pages.empty());
      if (notices.front().size() > 1000 || w == 1366) CHECK(pages.size() > 1);
      for (std::size_t i = 0; i < pages.size(); ++i) {
        const auto& p = pages[i];
        CHECK(p.slide_type == "urgent");
        CHECK(p.page == static_cast<int>(i));
        CHECK(p.page_count == static_cast<int>(pages.size()));
        check_inside(p, w, h);
        const auto text = layout::text_in_reading_order(p);
        // The page is the notice itself: no banner repeating it.
        for (const auto& t : text)
          CHECK(t.rfind("紧急通知：", 0) == std::string::npos);
        if (pages.size() > 1) {
          const std::string indicator = std::to_string(i + 1) + "/" + std::to_string(pages.size());
          CHECK(std::find(text.begin(), text.end(), indicator) != text.end());
        }
      }
      // Every notice whole, in order, over the pages.
      std::string all;
      for (const auto& n : notices)
        all += n;
      CHECK(contains_in_order(squeeze(pages_text(pages)), squeeze(all)));
      // urgent() is the first page, for callers that show one.
      CHECK(layout::text_in_reading_order(layout.urgent(moment)) ==
            layout::text_in_reading_order(pages.front()));
    }
  }
}

TEST_CASE("a notice short enough for one urgent page is set larger than body text") {
  const auto c = demo_with_hall(
      "<hall name=\"大厅\"/><notices><notice id=\"u\" "
      "level=\"urgent\">大厅开展消防演练。</notice></notices>");
  FakeMeasure measure;
  layout::PageLayout layout(measure, kTheme, 1920, 1080);
  const auto pages = layout.urgent_pages(layout::moment_for(c, kZone, at("2026-12-03T10:05")));
  REQUIRE(pages.size() == 1);
  bool found = false;
  for (const auto* t : runs(pages.front()))
    if (t->text == "大厅开展消防演练。") {
      found = true;
      CHECK(t->style.size > layout.metrics().body);
    }
  CHECK(found);
}

TEST_CASE("the urgent banner on other pages is one line, cut with an ellipsis") {
  const auto c = demo_with_hall(
      "<hall name=\"昆明市住房和城乡建设局政务服务窗口\"/><notices>"
      "<notice id=\"u\" level=\"urgent\">" +
      kFireDrill + "</notice></notices>");
  FakeMeasure measure;
  for (const auto& [w, h] : kSizes) {
    CAPTURE(w);
    layout::PageLayout layout(measure, kTheme, w, h);
    model::Slide s;
    s.type = model::SlideType::items;
    const auto pages = layout.slide(layout::moment_for(c, kZone, at("2026-12-03T10:05")), s, "");
    REQUIRE_FALSE(pages.empty());
    for (const auto& p : pages) {
      check_inside(p, w, h);
      int banners = 0, tickers = 0;
      for (const auto* t : runs(p))
        if (t->text.rfind("紧急通知：", 0) == 0) {
          ++banners;
          CHECK(t->text.size() < kFireDrill.size());
          CHECK(t->text.ends_with("…"));
          CHECK_FALSE(t->text.ends_with("，…"));
          CHECK(t->box.x + t->box.w <= w - layout.metrics().margin);
          CHECK(measure.width(t->text, t->style) == t->box.w);
        }
      for (const auto& e : p.elements)
        tickers += std::holds_alternative<layout::Ticker>(e) ? 1 : 0;
      CHECK(banners == 1);
      CHECK(tickers == 1);  // only the footer moves
    }
  }
}

namespace {

// An item with everything long: 12 fees, 20 materials, a long name and basis.
std::string heavy_item(bool with_url = true) {
  std::string fees, mats;
  for (int i = 0; i < 12; ++i)
    fees += "<fee name=\"收费项目" + std::to_string(i + 1) + "号（不动产登记）\" amount=\"" +
            std::to_string(10 * (i + 1)) + "\" per=\"件\"/>";
  // Names of every length, so some notes fall where a line ends.
  for (int i = 0; i < 20; ++i)
    mats += "<material copies=\"2\" form=\"both\">第" + std::to_string(i + 1) + "项：" +
            repeated("申请人及其委托代理人的身份证明材料和授权委托书",
                     8 + 3 * static_cast<std::size_t>(i)) +
            "</material>";
  return "<items><item id=\"H-1\" category=\"不动产\">"
         "<name>国有建设用地使用权及房屋所有权首次登记、转移登记、变更登记一并申请</name>"
         "<department>市不动产登记中心</department><kind>行政确认</kind>"
         "<basis>" +
         repeated("《不动产登记暂行条例》第十四条；", 200) +
         "</basis>"
         "<deadline promised=\"5\" statutory=\"30\" unit=\"workday\"/>"
         "<fees>" +
         fees + "</fees><materials>" + mats +
         "</materials>"
         "<procedure><step name=\"受理\" limit=\"1\" unit=\"workday\">窗口核验</step>"
         "<step name=\"审核\" limit=\"2\" unit=\"workday\">登记机构审核</step>"
         "<step name=\"登簿\" limit=\"1\" unit=\"workday\">登簿发证</step></procedure>" +
         (with_url ? "<online url=\"https://zwfw.example.gov.cn/item/H-1\"/>" : "") +
         "<result>不动产权证书</result></item></items>";
}

}  // namespace

TEST_CASE(
    "an item with 12 fees and 20 materials: the side column holds what fits, the rest "
    "flows, nothing clipped") {
  for (const bool banner : {false, true}) {
    CAPTURE(banner);
    const auto c =
        demo_with_hall(std::string("<hall name=\"昆明市住房和城乡建设局政务服务窗口\"/>") +
                           (banner ? "<notices><notice id=\"u\" "
                                     "level=\"urgent\">大厅开展消防演练。</notice></notices>"
                                   : ""),
                       heavy_item());
    const model::Item* item = nullptr;
    for (const auto& it : c.items)
      if (it.id == "H-1") item = &it;
    REQUIRE(item);
    FakeMeasure measure;
    for (const auto& [w, h] : kSizes) {
      CAPTURE(w);
      CAPTURE(h);
      layout::PageLayout layout(measure, kTheme, w, h);
      model::Slide s;
      s.type = model::SlideType::item;
      const auto pages =
          layout.slide(layout::moment_for(c, kZone, at("2026-12-03T10:05")), s, "H-1");
      REQUIRE(pages.size() > 1);
      int qr_codes = 0;
      for (const auto& p : pages) {
        check_inside(p, w, h);
        for (const auto& e : p.elements)
          if (std::holds_alternative<layout::QrCode>(e)) ++qr_codes;
      }
      CHECK(qr_codes >= 1);
      // A material's note is never broken: "（原件及复印件 2份）" stays on one line.
      for (const auto& p : pages)
        for (const auto* t : runs(p))
          if (t->text.find("份）") != std::string::npos) {
            CAPTURE(t->text);
            CHECK(t->text.find("（") != std::string::npos);
          }
      // The main column (a side column shares its rows on landscape screens).
      const std::string text = squeeze(column_text(pages, h > w ? w : w * 65 / 100));
      for (const auto& f : item->fees->fees) {
        CAPTURE(f.name);
        CHECK(text.find(squeeze(f.name)) != std::string::npos);
      }
      // (A material longer than a page's room flows on under "申请材料（续）".)
      for (const auto& mat : item->materials)
        CHECK(contains_in_order(text, squeeze(mat.name)));
      CHECK(contains_in_order(text, squeeze(item->basis)));
      CHECK(text.find("收费标准") != std::string::npos);
    }
  }
}

namespace {

// Every QR code big enough for a phone at a metre: 160 px and modules of
// 4 px at 1366x768, scaled with the screen.
void check_qr_codes(const std::vector<layout::Page>& pages, const layout::Metrics& m) {
  for (const auto& p : pages)
    for (const auto& e : p.elements)
      if (const auto* q = std::get_if<layout::QrCode>(&e)) {
        CAPTURE(q->data);
        const int side = std::min(q->box.w, q->box.h);
        CHECK(side >= std::lround(160 * std::min(m.width, m.height) / 768.0) - 1);
        const int modules = layout::qr_modules(q->data.size());
        REQUIRE(modules > 0);
        CHECK(side / modules >= 4);
      }
}

}  // namespace

TEST_CASE(
    "QR codes are at least 160 px with 4 px modules at 1366x768, and larger on larger "
    "screens") {
  const model::Content c = demo_content();
  FakeMeasure measure;
  const auto moment = layout::moment_for(c, kZone, at("2026-11-27T10:00"));
  for (const auto& [w, h] : kSizes) {
    CAPTURE(w);
    layout::PageLayout layout(measure, kTheme, w, h);
    int seen = 0;
    for (const auto& it : c.items) {
      model::Slide s;
      s.type = model::SlideType::item;
      const auto pages = layout.slide(moment, s, it.id);
      check_qr_codes(pages, layout.metrics());
      for (const auto& p : pages)
        for (const auto& e : p.elements)
          seen += std::holds_alternative<layout::QrCode>(e) ? 1 : 0;
    }
    CHECK(seen > 0);
    model::Slide s;
    s.type = model::SlideType::commitments;
    check_qr_codes(layout.slide(moment, s, ""), layout.metrics());
  }
}

TEST_CASE("QR code sizes follow the data: whole modules as render draws them") {
  CHECK(layout::qr_modules(14) == 21 + 8);
  CHECK(layout::qr_modules(15) == 25 + 8);
  CHECK(layout::qr_modules(42) == 29 + 8);
  CHECK(layout::qr_modules(43) == 33 + 8);
  CHECK(layout::qr_modules(2331) == 177 + 8);
  CHECK(layout::qr_modules(2332) == 0);
}

TEST_CASE("every slide of the demo stays on screen at every size, at every time of day") {
  const model::Content c = demo_content();
  FakeMeasure measure;
  for (const char* when : {"2026-11-27T10:00", "2026-11-27T12:30", "2027-02-10T10:00"}) {
    CAPTURE(when);
    const auto moment = layout::moment_for(c, kZone, at(when));
    for (const auto& [w, h] : kSizes) {
      CAPTURE(w);
      CAPTURE(h);
      layout::PageLayout layout(measure, kTheme, w, h);
      for (const auto& slide : c.playlists.front().slides) {
        std::vector<std::string> ids{slide.item};
        if (slide.type == model::SlideType::item && slide.item.empty()) {
          ids.clear();
          for (const auto& it : c.items)
            ids.push_back(it.id);
        }
        for (const auto& id : ids) {
          const auto pages = layout.slide(moment, slide, id);
          for (const auto& p : pages)
            check_inside(p, w, h);
          // Every page shows some of the slide's content, not just its heading
          // and frames (a row of cards cut off its foot once gave a page of
          // empty frames).
          if (pages.size() < 2) continue;
          std::vector<std::set<std::string>> texts;
          for (const auto& p : pages) {
            auto t = layout::text_in_reading_order(p);
            texts.emplace_back(t.begin(), t.end());
          }
          for (std::size_t k = 0; k < pages.size(); ++k) {
            int own = 0;
            for (const auto& t : texts[k]) {
              const bool everywhere = std::all_of(texts.begin(), texts.end(),
                                                  [&](const auto& set) { return set.count(t); });
              const bool indicator = t.find('/') != std::string::npos && t.size() <= 5;
              if (!everywhere && !indicator) ++own;
            }
            CAPTURE(k);
            CHECK(own > 0);
          }
        }
      }
    }
  }
}

TEST_CASE("the procedure's connectors join two steps on one page and never hang below") {
  const model::Content c = demo_content();
  FakeMeasure measure;
  const auto moment = layout::moment_for(c, kZone, at("2026-11-27T10:00"));
  for (const auto& [w, h] : kSizes) {
    CAPTURE(w);
    layout::PageLayout layout(measure, kTheme, w, h);
    for (const auto& it : c.items) {
      model::Slide s;
      s.type = model::SlideType::item;
      for (const auto& p : layout.slide(moment, s, it.id)) {
        check_inside(p, w, h);
        for (const auto& e : p.elements) {
          const auto* l = std::get_if<layout::LineSegment>(&e);
          if (!l || l->x1 != l->x2) continue;
          // Its lower end is the top of the next step's dot.
          bool lands = false;
          for (const auto& o : p.elements)
            if (const auto* dot = std::get_if<layout::FillRect>(&o);
                dot && dot->color == kTheme.header && dot->box.y == l->y2 &&
                dot->box.x + dot->box.w / 2 == l->x1)
              lands = true;
          CAPTURE(it.id);
          CHECK(lands);
        }
      }
    }
  }
}

namespace {

// The header's runs of the hall's name: bold, in the header, left of the clock.
std::vector<std::string> header_name(const layout::Page& p, const layout::Metrics& m) {
  const auto* band = std::get_if<layout::FillRect>(&p.elements.front());
  REQUIRE(band);
  std::vector<std::string> r;
  for (const auto* t : runs(p))
    if (t->box.y + t->box.h <= band->box.h && t->style.weight == layout::Weight::bold &&
        t->box.x < m.width / 2)
      r.push_back(t->text);
  return r;
}

}  // namespace

TEST_CASE("the hall's name breaks after an institution or a place, never inside a word") {
  struct Case {
    std::string name;
    int w, h;
    std::vector<std::string> lines;
  };
  const Case cases[] = {
      {"昆明市住房和城乡建设局政务服务窗口",
       1080,
       1920,
       {"昆明市住房和城乡建设局", "政务服务窗口"}},
      {"昆明市住房和城乡建设局政务服务窗口", 1920, 1080, {"昆明市住房和城乡建设局政务服务窗口"}},
      {"云南省昆明市五华区政务服务中心", 1080, 1920, {}},
      {"西双版纳傣族自治州景洪市政务服务中心", 1080, 1920, {}},
  };
  FakeMeasure measure;
  for (const auto& k : cases) {
    CAPTURE(k.name);
    CAPTURE(k.w);
    const auto c = demo_with_hall("<hall name=\"" + k.name +
                                  "\" subtitle=\"一站式管理 一个窗口对外\" "
                                  "logo=\"logo.png\"/>");
    layout::PageLayout layout(measure, kTheme, k.w, k.h);
    model::Slide s;
    s.type = model::SlideType::items;
    const auto pages = layout.slide(layout::moment_for(c, kZone, at("2026-11-27T10:00")), s, "");
    REQUIRE_FALSE(pages.empty());
    const auto& p = pages.front();
    check_inside(p, k.w, k.h);
    const auto lines = header_name(p, layout.metrics());
    std::string joined;
    for (const auto& l : lines)
      joined += l;
    CHECK(joined == k.name);
    if (!k.lines.empty()) {
      CHECK(lines == k.lines);
    } else {
      REQUIRE(lines.size() == 2);
      const std::string& first = lines.front();
      CHECK((first.ends_with("市") || first.ends_with("区") || first.ends_with("州") ||
             first.ends_with("局")));
    }
    // No text of the header overlaps another (the name, the clock, the state, the date).
    const auto* band = std::get_if<layout::FillRect>(&p.elements.front());
    std::vector<const layout::TextRun*> header;
    for (const auto* t : runs(p))
      if (t->box.y + t->box.h <= band->box.h) header.push_back(t);
    for (std::size_t i = 0; i < header.size(); ++i)
      for (std::size_t j = i + 1; j < header.size(); ++j) {
        const auto &a = header[i]->box, &b = header[j]->box;
        CAPTURE(header[i]->text);
        CAPTURE(header[j]->text);
        CHECK_FALSE((a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h));
      }
  }
}

TEST_CASE("the items table's short columns never wrap, a very long window name does") {
  FakeMeasure measure;
  for (const bool long_window : {false, true}) {
    CAPTURE(long_window);
    const model::Content c =
        long_window
            ? demo_with_hall(
                  "<hall name=\"大厅\"/>",
                  "<roster><window id=\"9\" name=\"" +
                      repeated("综合受理窗口（不动产登记、房屋交易）", 30) +
                      "\"><post role=\"A\" staff=\"z1\"/><post role=\"B\" staff=\"z2\"/></window>"
                      "<staff id=\"z1\" name=\"甲\"/><staff id=\"z2\" "
                      "name=\"乙\"/></roster><items><item id=\"W-9\" "
                      "category=\"建设工程\" window=\"9\"><name>"
                      "综合受理</name><deadline promised=\"10\" "
                      "unit=\"workday\"/></item></items>")
            : demo_content();
    for (const auto& [w, h] : kSizes) {
      CAPTURE(w);
      layout::PageLayout layout(measure, kTheme, w, h);
      model::Slide s;
      s.type = model::SlideType::items;
      for (const auto& p :
           layout.slide(layout::moment_for(c, kZone, at("2026-11-27T10:00")), s, "")) {
        check_inside(p, w, h);
        // "10个工作日" whole: no line starts inside it or ends inside it.
        for (const auto* t : runs(p)) {
          CAPTURE(t->text);
          for (const char* tail : {"作日", "工作日", "个工作日"})
            CHECK_FALSE(t->text.starts_with(tail));
          for (const char* head : {"个", "个工", "个工作"})
            CHECK_FALSE(t->text.ends_with(head));
        }
      }
    }
  }
}

TEST_CASE("a number stays with the measure word after it") {
  layout::LineBreaker breaker;
  FakeMeasure measure;
  const layout::TextStyle s{10, layout::Weight::regular};
  // "共需提交材料10" fits 75 px, but "10" and "份" go on together.
  CHECK(breaker.break_lines("共需提交材料10份", s, 75, measure) ==
        std::vector<std::string>{"共需提交材料", "10份"});
}

namespace {

layout::Block text_block(int height, const std::string& text, bool keep = false) {
  layout::Block b;
  b.height = height;
  b.keep_with_next = keep;
  b.elements.push_back(
      layout::TextRun{{0, 0, 10, height}, text, {34, layout::Weight::regular}, {}});
  return b;
}

std::vector<std::string> texts(const std::vector<layout::Element>& page) {
  std::vector<std::string> r;
  for (const auto& e : page)
    if (const auto* t = std::get_if<layout::TextRun>(&e)) r.push_back(t->text);
  return r;
}

}  // namespace

TEST_CASE("pagination: a heading stays with what follows it") {
  const std::vector<layout::Block> blocks{text_block(40, "a"), text_block(40, "b"),
                                          text_block(20, "heading", true), text_block(40, "c")};
  const auto pages = layout::paginate(blocks, 110);
  REQUIRE(pages.size() == 2);
  CHECK(texts(pages[0]) == std::vector<std::string>{"a", "b"});
  CHECK(texts(pages[1]) == std::vector<std::string>{"heading", "c"});
}

TEST_CASE("pagination: a continued section's head opens the next page; joins stay on one page") {
  auto head = std::make_shared<const layout::Block>(text_block(10, "（续）"));
  std::vector<layout::Block> blocks;
  for (const char* t : {"1", "2", "3"}) {
    auto b = text_block(40, t);
    b.continues = head;
    b.joins_next.push_back(layout::LineSegment{5, 10, 5, 50, {}, 2});
    blocks.push_back(std::move(b));
  }
  const auto pages = layout::paginate(blocks, 90);
  REQUIRE(pages.size() == 2);
  CHECK(texts(pages[0]) == std::vector<std::string>{"1", "2"});
  CHECK(texts(pages[1]) == std::vector<std::string>{"（续）", "3"});
  const auto lines = [](const std::vector<layout::Element>& page) {
    return std::count_if(page.begin(), page.end(), [](const auto& e) {
      return std::holds_alternative<layout::LineSegment>(e);
    });
  };
  CHECK(lines(pages[0]) == 1);  // 1 to 2; not 2 to 3, which is over the page
  CHECK(lines(pages[1]) == 0);
}

TEST_CASE("pagination: a row a little taller than a page loses only the foot of its frames") {
  layout::Block row = text_block(60, "card");
  row.height = 120;
  row.elements.insert(row.elements.begin(), layout::FillRect{{0, 0, 100, 120}, {}, 4});
  const auto pages = layout::paginate({row}, 100);
  REQUIRE(pages.size() == 1);
  const auto* frame = std::get_if<layout::FillRect>(&pages[0].front());
  REQUIRE(frame);
  CHECK(frame->box.h == 100);
}

TEST_CASE("pagination: a list is spread evenly, not left with one row on its last page") {
  std::vector<layout::Block> rows;
  for (int i = 0; i < 9; ++i)
    rows.push_back(text_block(30, std::to_string(i)));
  const auto full = layout::paginate(rows, 120);
  REQUIRE(full.size() == 3);
  CHECK(texts(full[2]).size() == 1);
  const auto even = layout::paginate_evenly(rows, 120);
  REQUIRE(even.size() == 3);
  for (const auto& p : even)
    CHECK(texts(p).size() == 3);
}

}  // namespace hb::test

// What the lobby sees of the demo hall's lists: pages of a slide evenly
// shared, and no page but a slide's last leaving much of its body empty.
namespace hb::layout {
namespace {

constexpr auto& kSizes = test::kScreenSizes;

const model::SlideType kListSlides[] = {model::SlideType::items,   model::SlideType::roster,
                                        model::SlideType::pledges, model::SlideType::commitments,
                                        model::SlideType::results, model::SlideType::stats};

// The share of a page's body, from under the slide's heading to the
// footer, that nothing reaches into.
double empty_share(const Page& page, const Metrics& metrics) {
  int footer = metrics.height, heading = 0;
  for (const auto& e : page.elements)
    if (const auto* t = std::get_if<Ticker>(&e)) footer = std::min(footer, t->box.y);
  for (const auto& e : page.elements)
    if (const auto* t = std::get_if<TextRun>(&e);
        t && t->style.size == metrics.heading && t->style.weight == Weight::bold)
      heading = std::max(heading, t->box.y + t->box.h);
  int content = heading;
  for (const auto& e : page.elements)
    if (!std::holds_alternative<Ticker>(e) && bottom_of(e) < footer - metrics.gap / 2)
      content = std::max(content, bottom_of(e));
  return static_cast<double>(footer - metrics.gap - content) /
         static_cast<double>(std::max(footer - metrics.gap - heading, 1));
}

// The rows of cards on a page: their frames' distinct tops.
std::size_t card_rows_on(const Page& page) {
  std::vector<int> tops;
  for (const auto& e : page.elements)
    if (const auto* frame = std::get_if<StrokeRect>(&e)) tops.push_back(frame->box.y);
  std::sort(tops.begin(), tops.end());
  return static_cast<std::size_t>(std::unique(tops.begin(), tops.end()) - tops.begin());
}

std::size_t cards_on(const Page& page) {
  return static_cast<std::size_t>(
      std::count_if(page.elements.begin(), page.elements.end(),
                    [](const Element& e) { return std::holds_alternative<StrokeRect>(e); }));
}

}  // namespace

// A page of one row of cards is exempt: nothing on it can be spread, and
// two rows do not fit (the pledges at 1366x768 leave 40% of the body).
TEST_CASE("the demo's list pages leave at most 30% of the body empty, but the last") {
  const model::Content content = test::demo_content();
  test::FakeMeasure measure;
  const auto moment = moment_for(content, test::kZone, test::at("2026-11-27T10:00"));
  for (const auto& [width, height] : kSizes) {
    PageLayout layout(measure, Theme{}, width, height);
    for (const auto type : kListSlides) {
      model::Slide slide;
      slide.type = type;
      const auto pages = layout.slide(moment, slide, "");
      for (std::size_t i = 0; i + 1 < pages.size(); ++i) {
        CAPTURE(width);
        CAPTURE(height);
        CAPTURE(model::slide_type_word(type));
        CAPTURE(i);
        if (card_rows_on(pages[i]) != 1) CHECK(empty_share(pages[i], layout.metrics()) <= 0.3);
      }
    }
  }
}

TEST_CASE("the demo's cards share a slide's pages evenly, give or take one") {
  const model::Content content = test::demo_content();
  test::FakeMeasure measure;
  // A Friday morning, and a morning under the urgent banner (less room).
  for (const char* at : {"2026-11-27T10:00", "2026-12-03T10:05"})
    for (const auto& [width, height] : kSizes) {
      const auto moment = moment_for(content, test::kZone, test::at(at));
      PageLayout layout(measure, Theme{}, width, height);
      CAPTURE(at);
      for (const auto type : {model::SlideType::roster, model::SlideType::pledges}) {
        model::Slide slide;
        slide.type = type;
        const auto pages = layout.slide(moment, slide, "");
        std::size_t fewest = static_cast<std::size_t>(-1), most = 0;
        for (const auto& page : pages) {
          fewest = std::min(fewest, cards_on(page));
          most = std::max(most, cards_on(page));
        }
        CAPTURE(width);
        CAPTURE(height);
        CAPTURE(model::slide_type_word(type));
        CHECK(most - fewest <= 1);
      }
    }
}

}  // namespace hb::layout
