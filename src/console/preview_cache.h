// The pictures of the last few previews, kept in memory so the preview
// page can show them by number: no request ever names a file.
#pragma once

#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace hb::console {

class PreviewCache {
 public:
  static constexpr std::size_t kKept = 6;  // previews; each is a few MB at most

  std::string add(std::string id, std::vector<std::string> pngs) {
    std::lock_guard lock(mutex_);
    entries_.push_back({id, std::move(pngs)});
    while (entries_.size() > kKept) entries_.pop_front();
    return id;
  }
  std::optional<std::string> png(const std::string& id, std::size_t index) const {
    std::lock_guard lock(mutex_);
    for (const auto& e : entries_) {
      if (e.id == id && index < e.pngs.size()) return e.pngs[index];
    }
    return std::nullopt;
  }

 private:
  struct Entry {
    std::string id;
    std::vector<std::string> pngs;
  };
  mutable std::mutex mutex_;
  std::deque<Entry> entries_;
};

}  // namespace hb::console
