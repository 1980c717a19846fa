// A map bounded by the total cost (bytes) of its values, evicting the least
// recently used first. Used for rendered text and scaled pictures.
#pragma once

#include <cstddef>
#include <list>
#include <unordered_map>
#include <utility>

namespace hb::render {

struct CacheStats {
  std::size_t hits = 0;
  std::size_t misses = 0;
  std::size_t evictions = 0;
  std::size_t entries = 0;
  std::size_t cost = 0;
};

template <class Key, class Value, class Hash = std::hash<Key>>
class LruCache {
 public:
  explicit LruCache(std::size_t max_cost) : max_cost_(max_cost) {}

  // The value, now the most recently used; null when absent.
  Value* find(const Key& key) {
    const auto it = index_.find(key);
    if (it == index_.end()) {
      ++stats_.misses;
      return nullptr;
    }
    ++stats_.hits;
    order_.splice(order_.begin(), order_, it->second);
    return &it->second->value;
  }

  // Evicts older entries until the new one fits; a value costlier than the
  // whole bound is still kept until the next insert, so the caller can use it.
  Value& insert(Key key, Value value, std::size_t cost) {
    erase(key);
    while (!order_.empty() && stats_.cost + cost > max_cost_) {
      auto& victim = order_.back();
      stats_.cost -= victim.cost;
      index_.erase(victim.key);
      order_.pop_back();
      ++stats_.evictions;
    }
    order_.push_front({key, std::move(value), cost});
    index_.emplace(std::move(key), order_.begin());
    stats_.cost += cost;
    return order_.front().value;
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

 private:
  struct Entry {
    Key key;
    Value value;
    std::size_t cost;
  };

  void erase(const Key& key) {
    const auto it = index_.find(key);
    if (it == index_.end()) return;
    stats_.cost -= it->second->cost;
    order_.erase(it->second);
    index_.erase(it);
  }

  std::size_t max_cost_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<Key, typename std::list<Entry>::iterator, Hash> index_;
  CacheStats stats_;
};

}  // namespace hb::render
