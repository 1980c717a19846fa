#include "app/render_command.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <tuple>

#include "app/content_loader.h"
#include "app/load.h"
#include "app/picture_sizes.h"
#include "app/screen_pages.h"
#include "app/size_text.h"
#include "app/theme_file.h"
#include "app/time_text.h"
#include "feed/cap_parse.h"
#include "feed/queue_parse.h"
#include "render/canvas.h"
#include "render/font_set.h"
#include "render/png_file.h"
#include "render/ttf_measurer.h"
#include "schedule/alerts.h"
#include "schedule/queue_calls.h"
#include "schedule/screen.h"

namespace hb::app {
namespace {

constexpr const char* kRenderUsage =
    "usage: hallboard render --config FILE [--at TIME] [--size WxH] [--pages N] [--queue FILE] "
    "[--alerts FILE] --out DIR\n";

std::string file_name(int n, const std::string& type) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%03d", n);
  return std::string(buf) + "-" + type;
}

// "12" → 12, for --pages: 1 to 100000, digits only.
std::optional<std::size_t> parse_count(const std::string& text) {
  if (text.empty() || text.size() > 6) return std::nullopt;
  std::size_t n = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  if (n < 1 || n > 100000) return std::nullopt;
  return n;
}

// The bytes of an extra document (--queue, --alerts), at most `max_bytes`;
// nothing, with status 2 and the reason said, when the file cannot be had.
std::optional<std::string> extra_bytes(const std::string& path, std::size_t max_bytes, int& status) {
  feed::Limits load_limits;
  load_limits.max_bytes = max_bytes;
  Loaded loaded = load_source(path, load_limits);
  if (!loaded.bytes) {
    std::cerr << "hallboard render: " << loaded.error << "\n";
    status = 2;
  }
  return std::move(loaded.bytes);
}

// An extra document's findings on stderr; its status 1 when it could not
// be read, as for the config and the feeds.
template <class Document>
std::optional<Document> said(std::optional<Document> doc, model::Diagnostics findings,
                             const std::string& path, const char* kind, int& status) {
  model::sort_for_report(findings);
  for (const auto& d : findings)
    std::cerr << model::format_diagnostic(d) << "\n";
  status = 1;
  if (!doc) std::cerr << "hallboard render: " << path << " is not " << kind << " it can read\n";
  return doc;
}

// The queue document of --queue, read as the live screen reads one: what
// it could read, its findings on stderr; nothing when it cannot be read.
std::optional<model::QueueDocument> read_queue(const std::string& path, int utc_offset_minutes,
                                               int& status) {
  feed::QueueLimits limits;
  limits.utc_offset_minutes = utc_offset_minutes;
  const auto bytes = extra_bytes(path, limits.max_bytes, status);
  if (!bytes) return std::nullopt;
  model::Diagnostics findings;
  auto queue = feed::parse_queue(*bytes, canonical_location(path), findings, limits);
  return said(std::move(queue), std::move(findings), path, "a queue document", status);
}

// The alerts of --alerts (issue 20), read as the live screen reads them.
std::optional<model::AlertDocument> read_alerts(const std::string& path, int& status) {
  const feed::CapLimits limits;
  const auto bytes = extra_bytes(path, limits.max_bytes, status);
  if (!bytes) return std::nullopt;
  model::Diagnostics findings;
  auto alerts = feed::parse_alerts(*bytes, canonical_location(path), findings, limits);
  return said(std::move(alerts), std::move(findings), path, "an alerts source (CAP)", status);
}

bool write_text(const std::string& path, const std::vector<std::string>& lines) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (const auto& l : lines)
    out << l << "\n";
  return static_cast<bool>(out);
}

}  // namespace

int render_command(const std::vector<std::string>& args, long long now) {
  std::string config_path, size_text, out_dir, pages_text, queue_path, alerts_path;
  std::optional<std::string> at_text;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if (args[i] == "--config" && has_value)
      config_path = args[++i];
    else if (args[i] == "--at" && has_value)
      at_text = args[++i];
    else if (args[i] == "--size" && has_value)
      size_text = args[++i];
    else if (args[i] == "--out" && has_value)
      out_dir = args[++i];
    else if (args[i] == "--pages" && has_value)
      pages_text = args[++i];
    else if (args[i] == "--queue" && has_value)
      queue_path = args[++i];
    else if (args[i] == "--alerts" && has_value)
      alerts_path = args[++i];
    else {
      std::cerr << "hallboard render: unexpected argument " << args[i] << "\n" << kRenderUsage;
      return 2;
    }
  }
  if (config_path.empty() || out_dir.empty()) {
    std::cerr << "hallboard render: --config and --out are required\n" << kRenderUsage;
    return 2;
  }
  std::optional<std::pair<int, int>> size;
  if (!size_text.empty() && !(size = parse_size(size_text))) {
    std::cerr << "hallboard render: --size \"" << size_text
              << "\" is not a size this player draws; write WxH from 640x360 to 16384x16384, "
                 "such as 1920x1080\n";
    return 2;
  }

  // --pages N (an extra): only the first N pages, so the console's preview
  // shows the first pages of a long rotation in well under a second.
  std::size_t max_pages = SIZE_MAX;
  if (!pages_text.empty()) {
    const auto n = parse_count(pages_text);
    if (!n) {
      std::cerr << "hallboard render: --pages \"" << pages_text
                << "\" is not a number of pages; write a whole number from 1 to 100000\n";
      return 2;
    }
    max_pages = *n;
  }

  const ScreenContent loaded = load_screen_content(config_path, feed::Limits{});
  if (!loaded.config) {
    for (const auto& e : loaded.errors)
      std::cerr << "hallboard render: " << e << "\n";
    for (const auto& d : loaded.findings)
      std::cerr << model::format_diagnostic(d) << "\n";
    return loaded.errors.empty() ? 1 : 2;
  }
  if (!loaded.errors.empty() || model::has_errors(loaded.findings)) {
    for (const auto& e : loaded.errors)
      std::cerr << "hallboard render: " << e << "\n";
    model::Diagnostics findings = loaded.findings;
    model::sort_for_report(findings);
    for (const auto& d : findings)
      if (d.severity == model::Severity::error) std::cerr << model::format_diagnostic(d) << "\n";
    std::cerr << "hallboard render: the content has errors and there is no earlier valid content "
                 "to render (the live player's cache keeps the last valid feeds); nothing drawn\n";
    return 1;
  }
  const model::PlayerConfig& config = *loaded.config;
  const int offset = config.utc_offset_minutes;
  const auto instant = instant_for("render", at_text, offset, now);
  if (!instant) return 2;
  const model::UnixSeconds t = *instant;
  // --queue FILE (an extra, issue 19): the queue as if its source had just
  // answered, so the live numbers are shown.
  std::optional<model::QueueDocument> queue;
  int queue_status = 0;
  if (!queue_path.empty() && !(queue = read_queue(queue_path, offset, queue_status)))
    return queue_status;
  // --alerts FILE (an extra, issue 20): the alerts in force at t join the
  // notices, as the live screen adds them, for the config's area.
  model::Content content = loaded.content;
  if (!alerts_path.empty()) {
    int alerts_status = 0;
    const auto alerts = read_alerts(alerts_path, alerts_status);
    if (!alerts) return alerts_status;
    for (auto& n : schedule::alert_notices(*alerts, config.alerts ? config.alerts->area : "", t,
                                           offset))
      content.notices.push_back(std::move(n));
  }
  auto [width, height] = upright_size(config);
  if (size) std::tie(width, height) = *size;

  auto fonts = render::FontSet::open();
  if (!fonts.fonts) {
    std::cerr << "hallboard render: " << fonts.error << "\n";
    return 1;
  }
  const render::TtfMeasurer measure(*fonts.fonts);
  const PictureBytes load_picture = [](const std::string& source) -> std::optional<std::string> {
    feed::Limits limits;
    limits.max_bytes = 8u << 20;
    return load_source(source, limits).bytes;
  };
  render::Canvas canvas(*fonts.fonts, load_picture);
  // Posters are laid out at the sizes of the pictures drawn, each read once.
  const layout::PictureSizes picture_sizes = picture_sizes_from(load_picture);

  ScreenPages screen(content, config.screen, offset, measure, load_theme(), width, height);
  screen.set_picture_sizes(&picture_sizes);
  // A call made less than its display time before t is on every page drawn,
  // as an urgent notice is (answers.md, issue 19): its own page first, its
  // strip on the others. Set before the plan counts pages.
  const model::QueueCall* call = queue ? schedule::call_at(*queue, t) : nullptr;
  if (queue) screen.set_queue(&*queue);
  screen.set_call(call);
  screen.set_band(config.queue && config.queue->band);
  const schedule::RotationInput input = schedule::rotation_input(screen.plan(0), t);
  std::vector<layout::Page> pages;
  if (call) pages.push_back(screen.call(*call, t));
  if (input.urgent_since) {
    // Every page of the urgent notices: a long one, or several, take more than one.
    schedule::PageRef urgent;
    urgent.urgent = true;
    for (urgent.page = 0; urgent.page < screen.urgent_count(t) && pages.size() < max_pages; ++urgent.page)
      pages.push_back(*screen.page(urgent, t));
  }
  for (const auto& ref : schedule::cycle_pages(input, t)) {
    if (pages.size() >= max_pages) break;
    if (auto page = screen.page(ref, t)) pages.push_back(std::move(*page));
  }
  if (pages.empty())
    pages.push_back(screen.waiting("暂无可显示的内容", t));  // never a blank screen

  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) {
    std::cerr << "hallboard render: cannot create " << out_dir << ": " << ec.message() << "\n";
    return 2;
  }
  int n = 0;
  for (const auto& page : pages) {
    const std::string base =
        (std::filesystem::path(out_dir) / file_name(++n, page.slide_type)).string();
    auto result = canvas.render(page, width, height);
    if (!result.surface) {
      std::cerr << "hallboard render: " << base << ".png: " << result.error << "\n";
      return 1;
    }
    for (const auto& problem : result.report.problems)
      std::cerr << "hallboard render: " << base << ".png: " << problem << "\n";
    const auto saved = render::save_png(*result.surface, base + ".png");
    // The text as drawn: a poster's alt text only where its picture failed.
    const auto& failed = result.report.failed_pictures;
    const auto drawn = [&failed](const layout::Picture& p) {
      return std::find(failed.begin(), failed.end(), p.source) == failed.end();
    };
    if (!saved.ok || !write_text(base + ".txt", layout::text_in_reading_order(page, drawn))) {
      std::cerr << "hallboard render: "
                << (saved.ok ? "cannot write " + base + ".txt" : saved.error) << "\n";
      return 1;
    }
  }
  std::cout << "hallboard render: " << n << " pages at " << width << "x" << height << " as of "
            << local_text(t, offset) << " in " << out_dir << "\n";
  return 0;
}

}  // namespace hb::app
