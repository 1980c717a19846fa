#include "app/play_recorder.h"

namespace hb::app {

PlayRecorder::PlayRecorder(std::string screen, int utc_offset_minutes, const std::string& cache_dir)
    : proof_(std::move(screen), utc_offset_minutes), file_(cache_dir + "/play.jsonl") {}

std::string PlayRecorder::write(const std::optional<std::string>& line) {
  if (!line) return {};
  const std::string error = file_.append(*line);
  return error.empty() ? error : "proof of play not recorded: " + error;
}

std::string PlayRecorder::showing(OnScreen what, model::UnixSeconds t) {
  if (what == on_screen_) return {};
  on_screen_ = what;
  return write(proof_.begin(std::move(what), t));
}

std::string PlayRecorder::stop(model::UnixSeconds t) {
  return write(proof_.end(t));
}

}  // namespace hb::app
