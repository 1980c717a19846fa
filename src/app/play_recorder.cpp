#include "app/play_recorder.h"

#include "app/play_backlog.h"
#include "app/play_files.h"

namespace hb::app {

PlayRecorder::PlayRecorder(std::string screen, int utc_offset_minutes, const std::string& cache_dir,
                           std::mutex& rotation, bool delivered)
    : proof_(std::move(screen), utc_offset_minutes),
      file_(play_log_path(cache_dir), play_log_options(cache_dir, rotation, delivered)),
      next_(next_sequence(read_play_tail(cache_dir), read_acknowledged(cache_dir))) {}

net::RotatingLogOptions play_log_options(const std::string& cache_dir, std::mutex& rotation,
                                         bool delivered) {
  net::RotatingLogOptions options;
  options.rotation_lock = &rotation;
  options.max_keep = kPlayMaxRotated;
  if (!delivered) return options;
  // Lines the console has not acknowledged are kept through rotations.
  options.may_remove = [cache_dir](const std::string& path) {
    return play_file_acknowledged(path, cache_dir);
  };
  return options;
}

std::string PlayRecorder::write(const std::optional<std::string>& line) {
  if (!line) return {};
  // The number is used even when the write fails: a gap is harmless, a
  // number written twice (half a line, then the line) is not.
  const std::string error = file_.append(with_sequence(*line, next_++));
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
