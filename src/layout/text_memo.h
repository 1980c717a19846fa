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
#include <functional>
#include <string>
#include <string_view>

#include "base/lru_cache.h"

namespace hb::layout {

// cost: the estimate of bytes held that the bound applies to.
using MemoStats = base::CacheStats;

template <class Value>
class TextMemo {
 public:
  // What an entry costs besides its key and value: the list and hash nodes,
  // the key's own allocation and the allocator's headers (measured: a
  // memo of widths at 33 MB by this count took 45 MB).
  static constexpr std::size_t kEntryOverhead = 160;

  // max_bytes 0: remembers nothing (every find misses). An answer dearer
  // than the whole bound is not kept: it can always be computed again.
  explicit TextMemo(std::size_t max_bytes) : memo_(max_bytes, base::Oversize::refuse) {}

  // Copies start empty: a memo is a cache, and its copy need not share it.
  TextMemo(const TextMemo& other) : memo_(other.memo_.max_cost(), base::Oversize::refuse) {}
  TextMemo& operator=(const TextMemo& other) {
    if (this != &other) memo_ = Memo(other.memo_.max_cost(), base::Oversize::refuse);
    return *this;
  }
  TextMemo(TextMemo&&) noexcept = default;
  TextMemo& operator=(TextMemo&&) noexcept = default;

  // The value, now the most recently used; null when absent. The pointer
  // holds until the next insert or clear.
  const Value* find(std::string_view key) { return memo_.find(key); }

  // Remembers value under key (value_bytes: what the value holds beyond its
  // own size, such as its strings' bytes), evicting the least recently used
  // until the whole fits. Returns the value kept, valid like find's; null
  // when it is dearer than the whole bound and so not kept.
  const Value* insert(std::string_view key, Value value, std::size_t value_bytes = 0) {
    const std::size_t cost = key.size() + sizeof(Value) + value_bytes + kEntryOverhead;
    return memo_.insert(key, std::move(value), cost);
  }

  void clear() { memo_.clear(); }

  MemoStats stats() const { return memo_.stats(); }

 private:
  // Lookups by string_view: a find allocates nothing.
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const {
      return std::hash<std::string_view>{}(key);
    }
  };
  using Memo = base::LruCache<std::string, Value, KeyHash, std::equal_to<>>;
  Memo memo_;
};

}  // namespace hb::layout
