#include "app/clip_check.h"

#include <filesystem>
#include <system_error>

#include "schedule/speech_plan.h"

namespace hb::app {

void check_clip_folder(const model::PlayerConfig& config, model::Diagnostics& out) {
  if (!config.sound || config.sound->clips.empty()) return;
  const std::string& folder = config.sound->clips;
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) {
    out.push_back({config.sound->where, model::Severity::warning,
                   "<sound> clips=\"" + folder +
                       "\" is not a folder here: the screen speaks every call with espeak-ng"});
    return;
  }
  std::string missing;
  for (const auto& clip : schedule::standard_clips()) {
    const bool letter = clip.size() == 1 && clip[0] >= 'A' && clip[0] <= 'Z';
    if (letter || std::filesystem::exists(folder + "/" + clip + ".wav", ec)) continue;
    missing += (missing.empty() ? "" : ", ") + clip + ".wav";
  }
  if (!missing.empty())
    out.push_back({config.sound->where, model::Severity::warning,
                   "<sound> clips=\"" + folder + "\" has no " + missing +
                       ": calls that need them are spoken with espeak-ng"});
}

}  // namespace hb::app
