// 窗口状态 and the call page (issue 19) as text: what the windows slide says
// live, silent and closed, that the roster's duty state wins over the queue,
// and that both stay on the page above min_text at the four sizes, with 200
// windows and with hostile lengths.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "demo_content.h"
#include "every_page.h"
#include "fake_measure.h"
#include "feed/queue_parse.h"
#include "files.h"
#include "layout/call_page.h"
#include "layout/pages.h"
#include "layout/window_band.h"
#include "schedule/duty.h"
#include "schedule_support.h"

namespace hb::test {
namespace {

const std::pair<int, int> kCallSizes[] = {{1920, 1080}, {1080, 1920}, {1280, 720}, {3840, 2160}};

// Every element inside the page, every text at least min_text.
void check_on_page(const layout::Page& page, int w, int h) {
  const int min_text = layout::Theme{}.min_text;
  for (const auto& e : page.elements)
    std::visit(
        [&](const auto& el) {
          if constexpr (requires { el.box; }) {
            CHECK(el.box.x >= 0);
            CHECK(el.box.y >= 0);
            CHECK(el.box.x + el.box.w <= w);
            CHECK(el.box.y + el.box.h <= h);
          }
          if constexpr (requires { el.style.size; }) CHECK(el.style.size >= min_text);
        },
        e);
}

// No text run over another: a cell's text never runs into its neighbour's.
void check_apart(const layout::Page& page) {
  std::vector<layout::Box> runs;
  for (const auto& e : page.elements)
    if (const auto* t = std::get_if<layout::TextRun>(&e)) runs.push_back(t->box);
  for (std::size_t i = 0; i < runs.size(); ++i)
    for (std::size_t j = i + 1; j < runs.size(); ++j) {
      const auto &a = runs[i], &b = runs[j];
      CHECK_FALSE((a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h));
    }
}

model::QueueDocument queue_of(const std::string& xml) {
  model::Diagnostics out;
  const auto q = feed::parse_queue(xml, "queue.xml", out);
  REQUIRE(q);
  return *q;
}

// Every demo window serving T<id>, 7 waiting; one call to window 1.
model::QueueDocument demo_queue(const model::Content& c) {
  std::string xml = "<queue>";
  for (const auto& w : c.roster.windows)
    xml += "<window id=\"" + w.id + "\" serving=\"T" + w.id + "\" waiting=\"7\"/>";
  xml += "<call id=\"c1\" ticket=\"A024\" window=\"1\" at=\"2026-12-02T10:00:00+08:00\" "
         "name=\"张三\" title=\"女士\"/></queue>";
  return queue_of(xml);
}

// The demo hall with demo_queue, at an instant, live or silent.
struct Demo {
  model::Content c = demo_content();
  model::QueueDocument q = demo_queue(c);
  FakeMeasure measure;
  layout::Moment moment(const char* time, bool live, bool band = false) const {
    auto m = layout::moment_for(c, kZone, at(time));
    if (live) m.queue = &q;
    m.band = band;
    return m;
  }
};

// A hall of `n` windows "N号综合窗口", each staffed; its queue serves
// `ticket` at every window (empty: A<N>) with `waiting` waiting (-1: N).
struct Hall {
  model::Content c;
  model::QueueDocument q;
};
Hall hall_of(int windows, const std::string& ticket = "", int waiting = -1) {
  std::string roster = "<roster>";
  std::string queue = "<queue>";
  for (int i = 1; i <= windows; ++i) {
    const std::string n = std::to_string(i);
    roster += "<staff id=\"s" + n + "\" name=\"李娜\"/><window id=\"" + n + "\" name=\"" + n +
              "号综合窗口\"><post role=\"A\" staff=\"s" + n + "\"/></window>";
    queue += "<window id=\"" + n + "\" serving=\"" + (ticket.empty() ? "A" + n : ticket) +
             "\" waiting=\"" + std::to_string(waiting < 0 ? i : waiting) + "\"/>";
  }
  model::Diagnostics out;
  auto f = feed::parse_feed(feed_doc(roster + "</roster>"), "r.xml", out);
  REQUIRE(f);
  std::vector<model::Feed> feeds;
  feeds.push_back(std::move(*f));
  return {feed::merge(std::move(feeds), out), queue_of(queue + "</queue>")};
}

// A call to the first window with the longest ticket the queue format allows.
model::QueueCall longest_ticket_call(const model::Content& c, const std::string& name,
                                     const std::string& title) {
  model::QueueCall call;
  call.ticket = "ABCDEFGHIJKLMNOP";
  call.window = c.roster.windows.front().id;
  call.name = name;
  call.title = title;
  return call;
}

std::vector<layout::Page> windows_slide(layout::PageLayout& layout, const layout::Moment& m) {
  model::Slide s;
  s.type = model::SlideType::windows;
  return layout.slide(m, s, "");
}

}  // namespace

TEST_CASE("a call's words: the ticket, the roster's window name, the caller only masked") {
  const model::Content c = demo_content();
  model::QueueCall call;
  call.ticket = "A024";
  call.window = c.roster.windows.front().id;
  call.name = "张三";
  call.title = "女士";
  const layout::CallWords words = layout::call_words(c, call);
  CHECK(words.please == "请 张＊女士");
  CHECK(words.ticket == "A024 号");
  CHECK(words.to == "到 " + c.roster.windows.front().name + " 办理");
  call.name.clear();  // a bare title says nothing
  CHECK(layout::call_words(c, call).please == "请");
  call.window = "no-such-window";
  CHECK(layout::call_words(c, call).to == "到 no-such-window号窗口 办理");
}

TEST_CASE("the call page: on the page at the four sizes, the ticket largest and never the full name") {
  const Demo demo;
  const auto& q = demo.q;
  const auto& measure = demo.measure;
  const auto moment = demo.moment("2026-12-02T10:00:03", true);
  for (const auto& [w, h] : kCallSizes) {
    CAPTURE(w);
    CAPTURE(h);
    layout::PageLayout layout(measure, layout::Theme{}, w, h);
    const layout::Page page = layout.call(moment, q.calls.front());
    CHECK(page.slide_type == "call");
    check_on_page(page, w, h);
    const std::string text = pages_text({page});
    CHECK(text.find("A024 号") != std::string::npos);
    CHECK(text.find("请 张＊女士") != std::string::npos);
    CHECK(text.find("张三") == std::string::npos);
    int ticket = 0, largest_other = 0;
    for (const auto& e : page.elements)
      if (const auto* t = std::get_if<layout::TextRun>(&e))
        (t->text == "A024 号" ? ticket : largest_other) =
            std::max(t->text == "A024 号" ? ticket : largest_other, t->style.size);
    // Read from 5 m: the ticket at least twice the body size of the theme.
    CHECK(ticket >= 2 * layout.metrics().body);
    CHECK(ticket > largest_other);
  }
}

TEST_CASE("the call page keeps a 16-character ticket and a very long window name on the page") {
  model::Content c = demo_content();
  c.roster.windows.front().name = std::string(300 * 3, 'x');  // 900 narrow characters
  for (std::size_t i = 0; i < 200; ++i)
    c.roster.windows.front().name += "综合";
  const model::QueueCall call = longest_ticket_call(c, "欧阳雪晴晴晴晴晴", "女士");
  const FakeMeasure measure;
  const auto moment = layout::moment_for(c, kZone, at("2026-12-02T10:00:03"));
  for (const auto& [w, h] : kCallSizes) {
    CAPTURE(w);
    CAPTURE(h);
    layout::PageLayout layout(measure, layout::Theme{}, w, h);
    const layout::Page page = layout.call(moment, call);
    check_on_page(page, w, h);
    CHECK(pages_text({page}).find("ABCDEFGHIJKLMNOP 号") != std::string::npos);
  }
}

TEST_CASE("windows slide, live: each window's ticket and waiting; 暂停服务 wins over the queue") {
  const Demo demo;
  // 12-02 10:00: a window has nobody on duty (tests/layout/every_page.h).
  const auto moment = demo.moment("2026-12-02T10:00", true);
  const auto board = schedule::duty_board(demo.c, moment.calendar, moment.now, kZone);
  for (const auto& [w, h] : kCallSizes) {
    CAPTURE(w);
    CAPTURE(h);
    layout::PageLayout layout(demo.measure, layout::Theme{}, w, h);
    const auto pages = windows_slide(layout, moment);
    REQUIRE_FALSE(pages.empty());
    for (const auto& p : pages) {
      CHECK(p.slide_type == "windows");
      check_on_page(p, w, h);
    }
    const std::string text = pages_text(pages);
    CHECK(text.find("叫号信息暂不可用") == std::string::npos);
    int suspended = 0;
    for (const auto& duty : board.windows) {
      CAPTURE(duty.window->id);
      CHECK(text.find(duty.window->name) != std::string::npos);
      const bool has_ticket = text.find("T" + duty.window->id + "\n") != std::string::npos;
      CHECK(has_ticket == (duty.staff != nullptr));
      suspended += duty.staff == nullptr;
    }
    CHECK(suspended > 0);
    CHECK(text.find("暂停服务") != std::string::npos);
    CHECK(text.find("7人") != std::string::npos);
  }
}

TEST_CASE("windows slide, silent source: duty states only, a note, never a number") {
  const Demo demo;
  const auto moment = demo.moment("2026-12-02T10:00", false);
  for (const auto& [w, h] : kCallSizes) {
    layout::PageLayout layout(demo.measure, layout::Theme{}, w, h);
    const std::string text = pages_text(windows_slide(layout, moment));
    CHECK(text.find("叫号信息暂不可用") != std::string::npos);
    CHECK(text.find("正在办理") == std::string::npos);
    CHECK(text.find("人\n") == std::string::npos);
    CHECK(text.find("暂停服务") != std::string::npos);
    CHECK(text.find("在岗") != std::string::npos);
  }
}

TEST_CASE("windows slide outside opening hours: 非工作时间, marked as the windows slide") {
  const Demo demo;
  layout::PageLayout layout(demo.measure, layout::Theme{}, 1920, 1080);
  const auto moment = demo.moment("2026-11-28T20:00", true);
  const auto pages = windows_slide(layout, moment);
  REQUIRE_FALSE(pages.empty());
  CHECK(pages.front().slide_type == "windows");
  const std::string text = pages_text(pages);
  CHECK(text.find("非工作时间") != std::string::npos);
  CHECK(text.find("T1\n") == std::string::npos);
}

TEST_CASE("200 windows: every page on the page, pages bounded, every window shown") {
  const Hall hall = hall_of(200);
  const model::Content& c = hall.c;
  const model::QueueDocument& q = hall.q;
  REQUIRE(c.roster.windows.size() == 200);
  const FakeMeasure measure;
  auto moment = layout::moment_for(c, kZone, at("2026-11-27T10:00"));
  moment.queue = &q;
  moment.band = true;  // and the band under them: one line, whatever the count
  for (const auto& [w, h] : kCallSizes) {
    CAPTURE(w);
    CAPTURE(h);
    layout::PageLayout layout(measure, layout::Theme{}, w, h);
    const auto pages = windows_slide(layout, moment);
    CHECK(pages.size() <= static_cast<std::size_t>(layout::max_slide_pages(15)));
    for (const auto& p : pages)
      check_on_page(p, w, h);
    // Rows the cap leaves out are pointed to on the last page; those shown
    // are complete and in roster order.
    const std::string text = pages_text(pages);
    CHECK(text.find("1号综合窗口") != std::string::npos);
    if (pages.size() < static_cast<std::size_t>(layout::max_slide_pages(15)))
      CHECK(text.find("200号综合窗口") != std::string::npos);
  }
}

}  // namespace hb::test

namespace hb::test {

TEST_CASE("a call on screen: its strip on every page of every slide, not twice on its own page") {
  const Demo demo;
  const auto& q = demo.q;
  const auto& measure = demo.measure;
  auto moment = demo.moment("2026-12-02T10:00:03", true);
  moment.call = &q.calls.front();
  const std::string strip = "请 张＊女士 A024 号 到 " + demo.c.roster.windows.front().name + " 办理";
  for (const auto& [w, h] : kCallSizes) {
    CAPTURE(w);
    CAPTURE(h);
    layout::PageLayout layout(measure, layout::Theme{}, w, h);
    for (const auto type : {model::SlideType::windows, model::SlideType::items,
                            model::SlideType::roster, model::SlideType::notices}) {
      model::Slide s;
      s.type = type;
      for (const auto& p : layout.slide(moment, s, "")) {
        check_on_page(p, w, h);
        CHECK(pages_text({p}).find(strip) != std::string::npos);
      }
    }
    CHECK(pages_text({layout.call(moment, q.calls.front())}).find(strip) == std::string::npos);
  }
}

}  // namespace hb::test

namespace hb::test {

TEST_CASE("the call page shows a long window name whole, on up to three lines, at the four sizes") {
  Demo demo;
  demo.c.roster.windows.front().name = "住房公积金提取与不动产登记综合服务窗口";
  const auto moment = demo.moment("2026-12-02T10:00:03", true);
  for (const auto& [w, h] : kCallSizes) {
    CAPTURE(w);
    CAPTURE(h);
    layout::PageLayout layout(demo.measure, layout::Theme{}, w, h);
    const layout::Page page = layout.call(moment, demo.q.calls.front());
    check_on_page(page, w, h);
    std::string text = pages_text({page});
    CHECK(text.find("…") == std::string::npos);
    // Lines may break at a space and drop it.
    std::erase_if(text, [](char ch) { return ch == '\n' || ch == ' '; });
    CHECK(text.find("到住房公积金提取与不动产登记综合服务窗口办理") != std::string::npos);
  }
}

}  // namespace hb::test

namespace hb::test {

TEST_CASE("the window band: one line above the ticker on every page, a group of windows at a time") {
  Demo demo;
  const auto moment = demo.moment("2026-12-02T10:00:03", true, true);
  for (const auto& [w, h] : kCallSizes) {
    CAPTURE(w);
    CAPTURE(h);
    layout::PageLayout layout(demo.measure, layout::Theme{}, w, h);
    std::string seen;  // over a minute of groups, every window appears
    for (int s = 0; s < 60; s += hb::layout::kBandGroupSeconds) {
      auto m = moment;
      m.now += s;
      model::Slide slide;
      slide.type = model::SlideType::items;
      const auto pages = layout.slide(m, slide, "");
      REQUIRE_FALSE(pages.empty());
      for (const auto& p : pages)
        check_on_page(p, w, h);
      seen += pages_text({pages.front()});
    }
    for (const auto& window : demo.c.roster.windows)
      CHECK(seen.find(window.name + " ") != std::string::npos);
    CHECK(seen.find("T1 · 7人") != std::string::npos);
  }
  // Before 1970 the group still comes from the windows (a negative time
  // once picked a group past the end). 1969-06-02 is a Monday.
  for (int s = 0; s < 60; s += hb::layout::kBandGroupSeconds) {
    auto m = demo.moment("1969-06-02T10:00:03", true, true);
    REQUIRE(m.now < 0);
    m.now += s;
    layout::PageLayout layout(demo.measure, layout::Theme{}, 1920, 1080);
    model::Slide slide;
    slide.type = model::SlideType::items;
    const auto pages = layout.slide(m, slide, "");
    REQUIRE_FALSE(pages.empty());
    check_on_page(pages.front(), 1920, 1080);
  }
  // Outside opening hours there is no band.
  const auto closed = demo.moment("2026-11-28T20:00", true, true);
  layout::PageLayout layout(demo.measure, layout::Theme{}, 1920, 1080);
  model::Slide slide;
  slide.type = model::SlideType::items;
  CHECK(pages_text(layout.slide(closed, slide, "")).find("T1 · 7人") == std::string::npos);
}

}  // namespace hb::test

namespace hb::test {

TEST_CASE("the window band: one very long window name leaves the others room") {
  Demo demo;
  demo.c.roster.windows.front().name = "住房公积金提取与不动产登记综合服务窗口";
  const auto moment = demo.moment("2026-12-02T10:00:03", true, true);
  for (const auto& [w, h] : kCallSizes) {
    CAPTURE(w);
    CAPTURE(h);
    layout::PageLayout layout(demo.measure, layout::Theme{}, w, h);
    model::Slide slide;
    slide.type = model::SlideType::items;
    const auto page = layout.slide(moment, slide, "").front();
    check_on_page(page, w, h);
    // The band is the lowest full-width fill but the ticker's (a Ticker,
    // not a TextRun): the texts below its top are the band's.
    int band_top = h;
    for (const auto& e : page.elements)
      if (const auto* f = std::get_if<layout::FillRect>(&e); f && f->box.w == w && f->box.y > h / 2)
        band_top = std::min(band_top, f->box.y);
    int in_band = 0;
    for (const auto& e : page.elements)
      if (const auto* t = std::get_if<layout::TextRun>(&e); t && t->box.y > band_top) ++in_band;
    CHECK(in_band >= 2);
  }
}

}  // namespace hb::test

namespace hb::test {

// Pages of the windows slide for 1..20 windows, a line a screen size.
std::string window_page_counts(const std::string& ticket, int waiting) {
  const FakeMeasure measure;
  std::string table;
  for (const auto& [w, h] : kScreenSizes) {
    table += std::to_string(w) + "x" + std::to_string(h) + ":";
    layout::PageLayout layout(measure, layout::Theme{}, w, h);
    for (int n = 1; n <= 20; ++n) {
      const Hall hall = hall_of(n, ticket, waiting);
      auto moment = layout::moment_for(hall.c, kZone, at("2026-11-27T10:00"));
      moment.queue = &hall.q;
      const auto pages = windows_slide(layout, moment);
      for (const auto& p : pages) {
        check_on_page(p, w, h);
        check_apart(p);
      }
      table += " " + std::to_string(pages.size());
    }
    table += "\n";
  }
  return table;
}

TEST_CASE("windows slide: two columns on a landscape screen, 7-14 windows on one 1080p page") {
  // Portrait keeps one column (its rows are long enough); 4K is 1080p doubled.
  const std::string expected =
      "1920x1080: 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 2 2 2 2\n"
      "1080x1920: 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 2\n"
      "3840x2160: 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 2 2 2 2\n"
      "1366x768: 1 1 1 1 1 1 1 1 1 1 1 1 1 1 2 2 2 2 2 2\n";
  CHECK(window_page_counts("", -1) == expected);
  // The numbers never change the count (the queue changes them every
  // second; the rotation counts pages once): the longest ticket the queue
  // format allows and 9999 waiting give the same pages.
  CHECK(window_page_counts("ABCDEFGHIJKLMNOP", 9999) == expected);
  CHECK(window_page_counts("A1", 0) == expected);
}

TEST_CASE("windows slide: the numbers at the rows' size, in full, in both columns") {
  const Hall hall = hall_of(14, "A0024", 9999);
  const FakeMeasure measure;
  auto moment = layout::moment_for(hall.c, kZone, at("2026-11-27T10:00"));
  moment.queue = &hall.q;
  layout::PageLayout layout(measure, layout::Theme{}, 1920, 1080);
  const auto pages = windows_slide(layout, moment);
  REQUIRE(pages.size() == 1);
  int left = 0, right = 0, name_size = 0;
  for (const auto& e : pages.front().elements)
    if (const auto* t = std::get_if<layout::TextRun>(&e); t && t->text.ends_with("号综合窗口")) {
      (t->box.x < 1920 / 2 ? left : right) += 1;
      name_size = t->style.size;
    }
  CHECK(left == 7);
  CHECK(right == 7);
  // Same size as a one-column page: heading size, read from across the hall.
  CHECK(name_size == layout.metrics().heading);
  for (const auto& e : pages.front().elements)
    if (const auto* t = std::get_if<layout::TextRun>(&e); t && (t->text == "A0024" || t->text == "9999人"))
      CHECK(t->style.size == name_size);
}

}  // namespace hb::test

namespace hb::test {

TEST_CASE("the window band: the longest ticket and 9999 waiting whole in every cell, four sizes") {
  // The worst the queue format allows (16-character tickets, 9999 waiting)
  // at 20 windows, one with a very long name; each line of the band as many
  // windows as hold their numbers whole, at the band's size.
  Hall hall = hall_of(20, "ABCDEFGHIJKLMNOP", 9999);
  hall.c.roster.windows[3].name = "住房公积金提取与不动产登记综合服务窗口";
  const FakeMeasure measure;
  const std::string numbers = " ABCDEFGHIJKLMNOP · 9999人";
  std::string table;
  for (const auto& [w, h] : kScreenSizes) {
    CAPTURE(w);
    CAPTURE(h);
    layout::PageLayout layout(measure, layout::Theme{}, w, h);
    std::string seen;
    int per_line = 0, size = 0;
    for (int s = 0; s < 20 * layout::kBandGroupSeconds; s += layout::kBandGroupSeconds) {
      auto m = layout::moment_for(hall.c, kZone, at("2026-11-27T10:00") + s);
      m.queue = &hall.q;
      m.band = true;
      const auto page = windows_slide(layout, m).front();
      check_on_page(page, w, h);
      check_apart(page);
      int in_band = 0;
      for (const auto& e : page.elements)
        if (const auto* t = std::get_if<layout::TextRun>(&e); t && t->text.ends_with(numbers)) {
          ++in_band;
          size = t->style.size;
          seen += "|" + t->text;
        }
      per_line = std::max(per_line, in_band);
    }
    for (int n = 1; n <= 20; ++n)
      if (n != 4) CHECK(seen.find("|" + std::to_string(n) + "号") != std::string::npos);
    CHECK(seen.find("|住房") != std::string::npos);
    table += std::to_string(w) + "x" + std::to_string(h) + ": " + std::to_string(per_line) +
             " a line, " + std::to_string(size) + " px\n";
  }
  CHECK(table ==
        "1920x1080: 2 a line, 36 px\n"
        "1080x1920: 1 a line, 36 px\n"
        "3840x2160: 2 a line, 72 px\n"
        "1366x768: 2 a line, 34 px\n");
}

TEST_CASE("the call page: a 16-character ticket, the longest names, masked, at the four sizes") {
  model::Content c = demo_content();
  // The roster does not bound a window's name: a very long one is cut with
  // "…" at the smallest size; the caller's name at the queue format's most
  // (20 characters, a title of 8) is masked and shown whole.
  c.roster.windows.front().name = "住房公积金提取与不动产登记综合服务窗口";
  for (int i = 0; i < 6; ++i)
    c.roster.windows.front().name += c.roster.windows.front().name;
  const model::QueueCall call =
      longest_ticket_call(c, "欧阳雪晴晴晴晴晴晴晴晴晴晴晴晴晴晴晴晴", "女士女士女士女士");
  const layout::CallWords words = layout::call_words(c, call);
  REQUIRE(words.please.find("欧阳＊") != std::string::npos);
  const FakeMeasure measure;
  const auto moment = layout::moment_for(c, kZone, at("2026-12-02T10:00:03"));
  for (const auto& [w, h] : kScreenSizes) {
    CAPTURE(w);
    CAPTURE(h);
    layout::PageLayout layout(measure, layout::Theme{}, w, h);
    const layout::Page page = layout.call(moment, call);
    check_on_page(page, w, h);
    check_apart(page);
    std::string text = pages_text({page});
    CHECK(text.find("ABCDEFGHIJKLMNOP 号\n") != std::string::npos);
    CHECK(text.find("晴") == std::string::npos);
    std::erase_if(text, [](char ch) { return ch == '\n' || ch == ' '; });
    CHECK(text.find(words.please.substr(0, words.please.find(' ')) +
                    words.please.substr(words.please.find(' ') + 1)) != std::string::npos);
    CHECK(text.find("到住房公积金") != std::string::npos);
  }
}

}  // namespace hb::test
