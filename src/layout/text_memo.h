// A memo of values computed from text (a measured width, the lines of a
// paragraph), bounded by the bytes it holds and forgetting the least
// recently used first. Laying out a large feed asks the same questions
// again and again (every page's header and footer, a table trying column
// widths, the same paragraph after a notice changes); the answers come from
// a deterministic function of the key, so a remembered one is exactly what
// computing it again would give.
//
// Keys are bytes the caller composes (say, the style and then the text);
// find and insert take a view, so a lookup allocates nothing. One thread.
#pragma once

#include <cstddef>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace hb::layout {

struct MemoStats {
  std::size_t hits = 0;
  std::size_t misses = 0;
  std::size_t evictions = 0;
  std::size_t entries = 0;
  std::size_t bytes = 0;  // the estimate the bound applies to
};

template <class Value>
class TextMemo {
 public:
  // What an entry costs besides its key and value: the list and hash nodes,
  // the key's own allocation and the allocator's headers (measured: a
  // memo of widths at 33 MB by this count took 45 MB).
  static constexpr std::size_t kEntryOverhead = 160;

  // max_bytes 0: remembers nothing (every find misses).
  explicit TextMemo(std::size_t max_bytes) : max_bytes_(max_bytes) {}

  // Copies start empty: a copy must not share views into another's keys.
  TextMemo(const TextMemo& other) : max_bytes_(other.max_bytes_) {}
  TextMemo& operator=(const TextMemo& other) {
    if (this != &other) {
      clear();
      max_bytes_ = other.max_bytes_;
    }
    return *this;
  }
  TextMemo(TextMemo&&) noexcept = default;
  TextMemo& operator=(TextMemo&&) noexcept = default;

  // The value, now the most recently used; null when absent. The pointer
  // holds until the next insert or clear.
  const Value* find(std::string_view key) {
    const auto it = index_.find(key);
    if (it == index_.end()) {
      ++stats_.misses;
      return nullptr;
    }
    ++stats_.hits;
    order_.splice(order_.begin(), order_, it->second);
    return &it->second->value;
  }

  // Remembers value under key (value_bytes: what the value holds beyond its
  // own size, such as its strings' bytes), evicting the least recently used
  // until the whole fits. Returns the value kept, valid like find's; null
  // when it is dearer than the whole bound and so not kept.
  const Value* insert(std::string_view key, Value value, std::size_t value_bytes = 0) {
    const std::size_t cost = key.size() + sizeof(Value) + value_bytes + kEntryOverhead;
    if (cost > max_bytes_) return nullptr;
    erase(key);
    while (!order_.empty() && stats_.bytes + cost > max_bytes_) {
      const Entry& victim = order_.back();
      stats_.bytes -= victim.cost;
      index_.erase(std::string_view(victim.key));
      order_.pop_back();
      ++stats_.evictions;
    }
    order_.push_front(Entry{std::string(key), std::move(value), cost});
    // The view points into the list node's string, which never moves.
    index_.emplace(std::string_view(order_.front().key), order_.begin());
    stats_.bytes += cost;
    return &order_.front().value;
  }

  void clear() {
    index_.clear();
    order_.clear();
    stats_.bytes = 0;
  }

  MemoStats stats() const {
    MemoStats s = stats_;
    s.entries = order_.size();
    return s;
  }

 private:
  struct Entry {
    std::string key;
    Value value;
    std::size_t cost;
  };

  void erase(std::string_view key) {
    const auto it = index_.find(key);
    if (it == index_.end()) return;
    stats_.bytes -= it->second->cost;
    const auto node = it->second;
    index_.erase(it);
    order_.erase(node);
  }

  std::size_t max_bytes_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<std::string_view, typename std::list<Entry>::iterator> index_;
  MemoStats stats_;
};

}  // namespace hb::layout
