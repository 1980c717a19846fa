#include "app/render_command.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <tuple>

#include "app/content_loader.h"
#include "app/load.h"
#include "app/theme_file.h"
#include "app/time_text.h"
#include "layout/pages.h"
#include "render/canvas.h"
#include "render/font_set.h"
#include "render/png_file.h"
#include "render/ttf_measurer.h"
#include "schedule/playlist.h"
#include "schedule/screen.h"

namespace hb::app {
namespace {

constexpr const char* kUsage =
    "usage: hallboard render --config FILE [--at TIME] [--size WxH] --out DIR\n";

std::optional<std::pair<int, int>> parse_size(const std::string& s) {
  int w = 0, h = 0;
  char x = 0, extra = 0;
  if (std::sscanf(s.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X'))
    return std::nullopt;
  // Below 640x360 text at the legible floor (34 px) leaves no room for content.
  if (w < 640 || h < 360 || w > 16384 || h > 16384) return std::nullopt;
  return std::pair{w, h};
}

std::string file_name(int n, const std::string& type) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%03d", n);
  return std::string(buf) + "-" + type;
}

bool write_text(const std::string& path, const std::vector<std::string>& lines) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (const auto& l : lines)
    out << l << "\n";
  return static_cast<bool>(out);
}

}  // namespace

int render_command(const std::vector<std::string>& args, long long now) {
  std::string config_path, at_text, size_text, out_dir;
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
    else {
      std::cerr << "hallboard render: unexpected argument " << args[i] << "\n" << kUsage;
      return 2;
    }
  }
  if (config_path.empty() || out_dir.empty()) {
    std::cerr << "hallboard render: --config and --out are required\n" << kUsage;
    return 2;
  }
  std::optional<std::pair<int, int>> size;
  if (!size_text.empty() && !(size = parse_size(size_text))) {
    std::cerr << "hallboard render: --size \"" << size_text
              << "\" is not a size this player draws; write WxH from 640x360 to 16384x16384, "
                 "such as 1920x1080\n";
    return 2;
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
  // The page as the viewer sees it: a screen turned by 90 or 270 degrees is laid out upright.
  int width = config.display.given ? config.display.width : 1920;
  int height = config.display.given ? config.display.height : 1080;
  if (config.display.rotate == 90 || config.display.rotate == 270) std::swap(width, height);
  if (size) std::tie(width, height) = *size;

  auto fonts = render::FontSet::open();
  if (!fonts.fonts) {
    std::cerr << "hallboard render: " << fonts.error << "\n";
    return 1;
  }
  const render::TtfMeasurer measure(*fonts.fonts);
  layout::PageLayout layout(measure, load_theme(), width, height);
  render::Canvas canvas(*fonts.fonts, [](const std::string& source) -> std::optional<std::string> {
    feed::Limits limits;
    limits.max_bytes = 8u << 20;
    return load_source(source, limits).bytes;
  });

  const model::Content& content = loaded.content;
  const layout::Moment moment = layout::moment_for(content, offset, t);
  schedule::ScreenPlan plan;
  plan.content = &content;
  plan.playlist = schedule::select_playlist(content, config.screen);
  plan.utc_offset_minutes = offset;
  // Everything is drawn as of t, so a slide laid out to count its pages is
  // the same slide drawn below: lay each (slide, item) out once and keep it.
  std::map<std::tuple<std::string, int, int, std::string>, std::vector<layout::Page>> laid_out;
  const auto pages_of = [&](const model::Slide& s,
                            const std::string& item) -> const std::vector<layout::Page>& {
    auto [it, fresh] = laid_out.try_emplace({s.where.file, s.where.line, s.where.column, item});
    if (fresh) it->second = layout.slide(moment, s, item);
    return it->second;
  };
  plan.pages = [&](const model::Slide& s, model::UnixSeconds) {
    schedule::SlidePages r;
    if (schedule::is_rotating_item_slide(s)) {
      for (const auto& item : content.items)
        r.per_item.push_back(static_cast<int>(pages_of(s, item.id).size()));
    } else {
      r.pages = static_cast<int>(pages_of(s, s.item).size());
    }
    return r;
  };
  const schedule::RotationInput input = schedule::rotation_input(plan, t);

  std::vector<layout::Page> pages;
  if (input.urgent_since) pages.push_back(layout.urgent(moment));
  for (const auto& ref : schedule::cycle_pages(input, t)) {
    const auto& slide_pages = pages_of(input.slides[static_cast<std::size_t>(ref.slide)], ref.item);
    if (ref.page < static_cast<int>(slide_pages.size()))
      pages.push_back(slide_pages[static_cast<std::size_t>(ref.page)]);
  }
  if (pages.empty())  // never a blank screen
    pages.push_back(
        layout.waiting(config.screen.empty() ? "*" : config.screen, "暂无可显示的内容", moment));

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
    if (!saved.ok || !write_text(base + ".txt", layout::text_in_reading_order(page))) {
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
