// Files uploaded for a dry run, kept in memory until the editor confirms
// the import (or for half an hour): the confirmation names the upload by a
// random token, and only the user who uploaded it may use it.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>

namespace hb::console {

class PendingUploads {
 public:
  static constexpr std::size_t kKept = 8;
  static constexpr std::int64_t kLifetime = 30 * 60;

  void add(const std::string& token, const std::string& user, std::string bytes, std::int64_t now) {
    std::lock_guard lock(mutex_);
    entries_.push_back({token, user, std::move(bytes), now + kLifetime});
    while (entries_.size() > kKept) entries_.pop_front();
  }
  // Takes the upload out: a confirmation is used once.
  std::optional<std::string> take(const std::string& token, const std::string& user, std::int64_t now) {
    std::lock_guard lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->token != token || it->user != user) continue;
      std::optional<std::string> bytes;
      if (now < it->expires) bytes = std::move(it->bytes);
      entries_.erase(it);
      return bytes;
    }
    return std::nullopt;
  }

 private:
  struct Entry {
    std::string token;
    std::string user;
    std::string bytes;
    std::int64_t expires = 0;
  };
  std::mutex mutex_;
  std::deque<Entry> entries_;
};

}  // namespace hb::console
