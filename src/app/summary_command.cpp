#include "app/summary_command.h"

#include <unistd.h>
#include <algorithm>
#include <climits>
#include <iostream>
#include <map>

#include "app/content_loader.h"
#include "app/hand_over.h"
#include "model/privacy.h"

namespace hb::app {
namespace {

std::string exe_dir() {
  char buf[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return ".";
  std::string path(buf, static_cast<std::size_t>(n));
  return path.substr(0, path.rfind('/'));
}

bool exists(const std::string& path) {
  return ::access(path.c_str(), R_OK) == 0;
}

}  // namespace

std::string default_config_path() {
  const std::string dir = exe_dir();
  // The last but one: hallboard-screen, installed in <prefix>/libexec/hallboard.
  for (const std::string& candidate :
       {dir + "/../content/player.xml", dir + "/content/player.xml",
        dir + "/../share/hallboard/content/player.xml",
        dir + "/../../share/hallboard/content/player.xml", std::string("content/player.xml")})
    if (exists(candidate)) return candidate;
  return "content/player.xml";
}

int summary_command(const std::vector<std::string>& args) {
  std::string config_path = default_config_path();
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--config" && i + 1 < args.size()) {
      config_path = args[++i];
    } else {
      std::cerr << "usage: hallboard summary [--config FILE]\n";
      return 2;
    }
  }
  const ScreenContent loaded = load_screen_content(config_path, feed::Limits{});
  if (loaded.needs_full_program) return kHandOver;
  for (const auto& error : loaded.errors)
    std::cerr << "hallboard summary: " << error << "\n";
  if (!loaded.errors.empty()) return 2;
  if (!loaded.config) {
    for (const auto& d : loaded.findings)
      std::cerr << model::format_diagnostic(d) << "\n";
    return 1;
  }
  const model::PlayerConfig* config = &*loaded.config;
  const model::Content& c = loaded.content;
  const auto errors =
      std::count_if(loaded.findings.begin(), loaded.findings.end(),
                    [](const auto& d) { return d.severity == model::Severity::error; });

  std::cout << "屏幕 screen: " << (config->screen.empty() ? "(default)" : config->screen) << "  "
            << config->display.width << "x" << config->display.height << "\n";
  if (c.hall)
    std::cout << "大厅 hall: " << c.hall->name
              << (c.hall->subtitle.empty() ? "" : " — " + c.hall->subtitle) << "\n";
  std::map<std::string, int> per_category;
  for (const auto& item : c.items)
    ++per_category[item.category.empty() ? "(none)" : item.category];
  std::cout << "事项 items: " << c.items.size() << "\n";
  for (const auto& [category, count] : per_category)
    std::cout << "  " << category << ": " << count << "\n";
  std::cout << "窗口 windows: " << c.roster.windows.size()
            << ", 工作人员 staff: " << c.roster.staff.size()
            << ", 请假 absences: " << c.roster.absences.size() << "\n";
  for (const auto& w : c.roster.windows)
    std::cout << "  " << w.name << " " << w.service << "\n";
  std::cout << "党员承诺 pledges: " << c.pledges.size()
            << ", 服务承诺 commitments: " << (c.hall ? c.hall->commitments.size() : 0)
            << ", 公告 notices: " << c.notices.size() << "\n";
  std::cout << "办理结果 results: " << c.results.size() << "\n";
  for (std::size_t i = 0; i < c.results.size() && i < 3; ++i) {
    const auto& r = c.results[i];
    std::cout << "  " << model::to_string(r.date) << " "
              << (r.applicant_kind == model::ApplicantKind::person
                      ? model::mask_person_name(r.applicant)
                      : r.applicant)
              << (r.decision == model::Decision::approve ? " 准予" : " 不予") << "\n";
  }
  if (c.stats)
    std::cout << "月度统计 stats: " << c.stats->year << "-" << (c.stats->month < 10 ? "0" : "")
              << c.stats->month << ", " << c.stats->windows.size() << " windows\n";
  std::cout << "播放列表 playlists: " << c.playlists.size() << "\n";
  if (c.calendar)
    std::cout << "日历 calendar: " << c.calendar->hours.size() << " opening periods, "
              << c.calendar->holidays.size() << " holidays, " << c.calendar->workdays.size()
              << " make-up workdays\n";
  std::cout << (errors ? std::to_string(errors) + " errors: run hallboard lint " + config_path
                       : std::string("no errors"))
            << "\n";
  return errors ? 1 : 0;
}

}  // namespace hb::app
