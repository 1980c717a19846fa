// A map bounded by the total cost (bytes) of its values, evicting the least
// recently used first: rendered text, scaled pictures, measured widths,
// broken lines. One thread; the caller says what an entry costs.
#pragma once

#include <cstddef>
#include <functional>
#include <list>
#include <unordered_map>
#include <utility>

namespace hb::base {

struct CacheStats {
  std::size_t hits = 0;
  std::size_t misses = 0;
  std::size_t evictions = 0;
  std::size_t entries = 0;
  std::size_t cost = 0;
};

// What insert does with an entry that costs more than the whole bound.
enum class Oversize {
  // Kept alone, until the next insert: the caller draws with it now (a
  // rendered line wider than the text cache).
  keep_until_next_insert,
  // Not kept: insert returns null (a memo, which can always compute again).
  refuse,
};

// With a transparent Hash and Equal (is_transparent), find takes any key
// they accept, such as a string_view for string keys, without a copy.
template <class Key, class Value, class Hash = std::hash<Key>, class Equal = std::equal_to<Key>>
class LruCache {
 public:
  explicit LruCache(std::size_t max_cost, Oversize oversize = Oversize::keep_until_next_insert)
      : max_cost_(max_cost), oversize_(oversize) {}

  // Moving keeps the entries: the order list points into the index's nodes,
  // which a move hands over as they are. A copy would have to rebuild it.
  LruCache(LruCache&&) noexcept = default;
  LruCache& operator=(LruCache&&) noexcept = default;
  LruCache(const LruCache&) = delete;
  LruCache& operator=(const LruCache&) = delete;

  // The value, now the most recently used; null when absent. The pointer
  // holds until the next insert or clear.
  template <class K>
  Value* find(const K& key) {
    const auto it = index_.find(key);
    if (it == index_.end()) {
      ++stats_.misses;
      return nullptr;
    }
    ++stats_.hits;
    order_.splice(order_.begin(), order_, it->second.place);
    return &it->second.value;
  }

  // Replaces any entry of this key and evicts the least recently used until
  // the new one fits. Returns the value kept, valid like find's; null only
  // when Oversize::refuse turned it away (an entry already there stays).
  template <class K>
  Value* insert(K&& key, Value value, std::size_t cost) {
    if (cost > max_cost_ && oversize_ == Oversize::refuse) return nullptr;
    erase(key);
    while (!order_.empty() && stats_.cost + cost > max_cost_)
      evict_oldest();
    const auto [it, added] =
        index_.try_emplace(Key(std::forward<K>(key)), Slot{std::move(value), cost, {}});
    // The key lives once, in the index's node, which never moves.
    order_.push_front(&it->first);
    it->second.place = order_.begin();
    stats_.cost += cost;
    return &it->second.value;
  }

  void clear() {
    index_.clear();
    order_.clear();
    stats_.cost = 0;
  }

  CacheStats stats() const {
    auto s = stats_;
    s.entries = order_.size();
    return s;
  }

  std::size_t max_cost() const { return max_cost_; }

 private:
  using Order = std::list<const Key*>;  // most recently used first
  struct Slot {
    Value value;
    std::size_t cost;
    typename Order::iterator place;
  };

  template <class K>
  void erase(const K& key) {
    const auto it = index_.find(key);
    if (it == index_.end()) return;
    stats_.cost -= it->second.cost;
    order_.erase(it->second.place);
    index_.erase(it);
  }

  void evict_oldest() {
    const auto it = index_.find(*order_.back());
    stats_.cost -= it->second.cost;
    order_.pop_back();
    index_.erase(it);
    ++stats_.evictions;
  }

  std::size_t max_cost_;
  Oversize oversize_;
  Order order_;
  std::unordered_map<Key, Slot, Hash, Equal> index_;
  CacheStats stats_;
};

}  // namespace hb::base
