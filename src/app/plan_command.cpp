#include "app/plan_command.h"

#include <algorithm>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/content_loader.h"
#include "app/summary_command.h"
#include "app/theme_file.h"
#include "app/time_text.h"
#if HALLBOARD_WITH_RENDER
#include "app/screen_pages.h"
#include "render/font_set.h"
#include "render/ttf_measurer.h"
#endif
#include "schedule/calendar.h"
#include "schedule/duty.h"
#include "schedule/local_time.h"
#include "schedule/notices.h"
#include "schedule/panel_power.h"
#include "schedule/playlist.h"
#include "schedule/screen.h"
#include "schedule/slide_schedule.h"

namespace hb::app {
namespace {

constexpr const char* kPlanUsage = "usage: hallboard plan [--config FILE] [--at TIME] [--minutes N]\n";

std::string slide_name(model::SlideType type) {
  const auto& names = model::slide_type_names(type);
  return std::string(names.chinese) + " " + std::string(names.word);
}

std::string clock(model::UnixSeconds t, int offset) {
  return clock_text(t, offset);
}

void print_state(std::ostream& out, const model::Content& c, const model::Calendar& calendar,
                 model::UnixSeconds t, int offset) {
  const auto board = schedule::duty_board(c, calendar, t, offset);
  if (board.open) {
    const auto end = schedule::period_end(calendar, t, offset);
    out << "大厅 hall: 开放中 open" << (end ? " until " + clock(*end, offset).substr(0, 5) : "")
        << "\n";
  } else {
    out << "大厅 hall: 非工作时间 closed; 下次开放 next opening "
        << (board.next_opening ? local_text(*board.next_opening, offset, false)
                               : "(none within 400 days)")
        << "\n";
  }
  out << "\n窗口 windows:\n";
  for (const auto& w : c.roster.windows) {
    out << "  " << w.name << "  " << w.service << "\n    ";
    if (!board.open) {
      out << "非工作时间 closed\n";
      continue;
    }
    const auto duty = schedule::duty_at(c.roster, w, t, offset);
    if (!duty.staff) {
      out << "暂停服务 suspended" << (w.closed_note.empty() ? "" : ": " + w.closed_note) << "\n";
      continue;
    }
    out << duty.staff->name << "  " << schedule::role_label(duty.role)
        << (duty.staff->party ? "  党员" : "") << "\n";
  }
  out << "\n公告 notices:\n";
  bool any = false;
  for (const auto& n : c.notices) {
    if (!schedule::is_active(n, t, offset)) continue;
    any = true;
    out << "  " << (n.level == model::NoticeLevel::urgent ? "[紧急 urgent] " : "[info] ")
        << (n.id.empty() ? "" : n.id + ": ") << n.text << "\n";
  }
  if (!any) out << "  (none active)\n";
}

// How far ahead `plan` lists the panel's power changes: a week shows a
// weekend, and most holidays' first or last days.
constexpr int kPowerPlanDays = 7;

std::string power_word(bool on) {
  return on ? "开屏 on" : "关屏 off";
}

// The panel's power (<display power>, issue 20): its state at t and its
// changes in the week ahead; printed only with power control.
void print_power(std::ostream& out, const model::PlayerConfig& config, const model::Content& c,
                 const model::Calendar& calendar, model::UnixSeconds t) {
  const auto& display = config.display;
  if (display.power == "none" || !display.blank_outside_hours_minutes) return;
  const int offset = config.utc_offset_minutes;
  const int margin = *display.blank_outside_hours_minutes;
  out << "\n电源 panel power (" << display.power
      << "): " << power_word(schedule::panel_on(c, calendar, t, offset, margin)) << " now\n";
  const auto changes =
      schedule::power_changes(c, calendar, t, t + kPowerPlanDays * 86400, offset, margin);
  for (const auto& change : changes)
    out << "  " << local_text(change.at, offset, false) << " "
        << weekday_zh(model::weekday_of(schedule::to_local(change.at, offset).date)) << "  "
        << power_word(change.on) << "\n";
  if (changes.empty()) out << "  (no change within " << kPowerPlanDays << " days)\n";
}

bool has_schedules(const model::Playlist& playlist) {
  return playlist.schedule.any() ||
         std::any_of(playlist.slides.begin(), playlist.slides.end(),
                     [](const auto& s) { return s.schedule.any(); });
}

// Which slides are in force at t and when that changes; printed only for a
// playlist with schedules, so plans of the others read as they always did.
void print_schedules(std::ostream& out, const model::Playlist* playlist, model::UnixSeconds t,
                     int offset) {
  if (!playlist || !has_schedules(*playlist)) return;
  out << "\n定时 slides on a schedule:\n";
  for (const auto& slide : playlist->slides) {
    out << "  " << slide_name(slide.type);
    if (!slide.category.empty()) out << " " << slide.category;
    if (!slide.item.empty()) out << " " << slide.item;
    const bool on = schedule::in_force(slide, t, offset);
    out << (on ? "  在播 in force" : "  停播 not in force");
    const auto change = schedule::next_schedule_change(slide, t, offset);
    if (change)
      out << " until " << local_text(*change, offset, false);
    else if (slide.schedule.any() || slide.inherited.any())
      out << (on ? " (no end within 400 days)" : " (not within 400 days)");
    out << "\n";
  }
}

void print_timeline(std::ostream& out, const schedule::ScreenPlan& plan, model::UnixSeconds t,
                    int minutes, bool real_counts) {
  out << "\n播放 pages from " << clock(t, plan.utc_offset_minutes) << " for " << minutes
      << (minutes == 1 ? " minute" : " minutes")
      << (real_counts ? ":\n"
                      : " (one page per slide: this build has no fonts to lay pages out):\n");
  if (!plan.playlist) {
    out << "  (no playlist for this screen)\n";
    return;
  }
  const auto pages = schedule::screen_timeline(plan, t, t + minutes * 60);
  if (pages.empty()) out << "  (nothing to show)\n";
  for (const auto& p : pages) {
    out << "  " << clock(p.start, plan.utc_offset_minutes) << "-"
        << clock(p.end, plan.utc_offset_minutes) << "  ";
    if (p.urgent) {
      out << "紧急通知 urgent notice\n";
      continue;
    }
    const auto& slide = plan.playlist->slides[static_cast<std::size_t>(p.slide)];
    out << slide_name(slide.type);
    if (!slide.category.empty()) out << " " << slide.category;
    if (!p.item.empty()) out << " " << p.item;
    if (slide.type == model::SlideType::poster &&
        static_cast<std::size_t>(p.page) < slide.images.size())
      out << " " << model::poster_image_label(slide.images[static_cast<std::size_t>(p.page)]);
    if (p.page_count > 1) out << " (" << p.page + 1 << "/" << p.page_count << ")";
    out << "\n";
  }
}

}  // namespace

int plan_command(const std::vector<std::string>& args, long long now) {
  std::string config_path = default_config_path();
  std::optional<std::string> at_text;
  int minutes = 10;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if (args[i] == "--config" && has_value) {
      config_path = args[++i];
    } else if (args[i] == "--at" && has_value) {
      at_text = args[++i];
    } else if (args[i] == "--minutes" && has_value) {
      const std::string& m = args[++i];
      if (m.empty() || m.size() > 5 || m.find_first_not_of("0123456789") != std::string::npos) {
        std::cerr << "hallboard plan: --minutes takes a whole number\n" << kPlanUsage;
        return 2;
      }
      minutes = std::stoi(m);
      if (minutes < 1) {
        std::cerr << "hallboard plan: --minutes must be at least 1\n" << kPlanUsage;
        return 2;
      }
    } else {
      std::cerr << kPlanUsage;
      return 2;
    }
  }
  const ScreenContent loaded = load_screen_content(config_path, feed::Limits{});
  for (const auto& error : loaded.errors)
    std::cerr << "hallboard plan: " << error << "\n";
  if (!loaded.errors.empty()) return 2;
  if (!loaded.config || model::has_errors(loaded.findings)) {
    for (const auto& d : loaded.findings)
      std::cerr << model::format_diagnostic(d) << "\n";
    std::cerr << "hallboard plan: the content has errors; fix them first (hallboard lint "
              << config_path << ")\n";
    return 1;
  }
  const int offset = loaded.config->utc_offset_minutes;
  const auto instant = instant_for("plan", at_text, offset, now);
  if (!instant) return 2;
  const model::UnixSeconds t = *instant;
  const model::Content& c = loaded.content;
  const model::Calendar calendar = c.calendar ? *c.calendar : model::default_calendar();
  const auto local = schedule::to_local(t, offset);

  std::ostringstream out;
  out << "hallboard plan: " << date_zh(local.date) << " " << clock(t, offset) << " ("
      << offset_text(offset) << "), screen "
      << (loaded.config->screen.empty() ? "*" : loaded.config->screen) << "\n";
  print_state(out, c, calendar, t, offset);
  schedule::ScreenPlan plan;
  plan.content = &c;
  plan.playlist = schedule::select_playlist(c, loaded.config->screen);
  plan.utc_offset_minutes = offset;
  bool real_counts = false;
#if HALLBOARD_WITH_RENDER
  // The real page counts, as the screen lays the pages out.
  auto fonts = render::FontSet::open();
  std::unique_ptr<render::TtfMeasurer> measure;
  std::unique_ptr<ScreenPages> screen;
  if (fonts.fonts) {
    real_counts = true;
    measure = std::make_unique<render::TtfMeasurer>(*fonts.fonts);
    const auto [width, height] = upright_size(*loaded.config);
    screen = std::make_unique<ScreenPages>(c, loaded.config->screen, offset, *measure, load_theme(),
                                           width, height);
    plan = screen->plan(0);
  }
#endif
  if (!plan.pages) plan.pages = schedule::one_page_each(c, offset);
  print_power(out, *loaded.config, c, calendar, t);
  print_schedules(out, plan.playlist, t, offset);
  print_timeline(out, plan, t, minutes, real_counts);
  std::cout << out.str();
  return 0;
}

}  // namespace hb::app
