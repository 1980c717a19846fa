#include "schedule/rotation.h"

#include <numeric>

namespace hb::schedule {
namespace {

// One showing of one slide within a cycle of the playlist.
struct Showing {
  int slide = 0;
  int pages = 0;
  int seconds = 0;
  std::string item;
  model::UnixSeconds length() const { return static_cast<model::UnixSeconds>(pages) * seconds; }
};

// The rotation before urgent notices: cycles of the playlist, each rotating
// item slide showing the next item in each cycle. The sequence repeats after
// `cycles` cycles, which is the "super-cycle".
class Sequence {
 public:
  explicit Sequence(const RotationInput& in) : in_(in) {
    for (const auto& s : in.slides)
      if (is_rotating_item_slide(s)) ++rotating_;
    const int n = static_cast<int>(in.item_ids.size());
    cycles_ = rotating_ > 0 && n > 0 ? n / std::gcd(n, rotating_) : 1;
    for (int c = 0; c < cycles_; ++c) {
      const auto cycle = showings(c);
      showings_per_super_ += static_cast<model::UnixSeconds>(cycle.size());
      for (const auto& s : cycle)
        super_length_ += s.length();
    }
  }

  model::UnixSeconds super_length() const { return super_length_; }
  model::UnixSeconds showings_per_super() const { return showings_per_super_; }
  int cycles() const { return cycles_; }

  // The non-empty showings of cycle c, in order.
  std::vector<Showing> showings(int c) const {
    std::vector<Showing> r;
    int ordinal = 0;
    for (std::size_t i = 0; i < in_.slides.size(); ++i) {
      const auto& slide = in_.slides[i];
      const SlidePages& p = i < in_.pages.size() ? in_.pages[i] : SlidePages{};
      Showing s{static_cast<int>(i), p.pages, slide.seconds, {}};
      if (is_rotating_item_slide(slide)) {
        const auto n = static_cast<long long>(in_.item_ids.size());
        const long long showing = static_cast<long long>(c) * rotating_ + ordinal++;
        if (n == 0) continue;
        const auto k = static_cast<std::size_t>(showing % n);
        s.item = in_.item_ids[k];
        s.pages = k < p.per_item.size() ? p.per_item[k] : 0;
      } else if (slide.type == model::SlideType::item) {
        s.item = slide.item;
      }
      if (s.pages > 0 && s.seconds > 0) r.push_back(std::move(s));
    }
    return r;
  }

 private:
  const RotationInput& in_;
  int rotating_ = 0;
  int cycles_ = 1;
  model::UnixSeconds super_length_ = 0;
  model::UnixSeconds showings_per_super_ = 0;
};

model::UnixSeconds floor_mod(model::UnixSeconds a, model::UnixSeconds b) {
  const model::UnixSeconds r = a % b;
  return r < 0 ? r + b : r;
}

PageRef page_in(const Showing& s, model::UnixSeconds showing_start, model::UnixSeconds t) {
  const auto page = static_cast<int>((t - showing_start) / s.seconds);
  PageRef r;
  r.slide = s.slide;
  r.page = page;
  r.page_count = s.pages;
  r.item = s.item;
  r.start = showing_start + static_cast<model::UnixSeconds>(page) * s.seconds;
  r.end = r.start + s.seconds;
  return r;
}

PageRef urgent_page(model::UnixSeconds start, int seconds) {
  PageRef r;
  r.urgent = true;
  r.start = start;
  r.end = start + seconds;
  return r;
}

// Position of the showing that contains t in the plain rotation: cycle,
// index within the cycle, and when it started.
struct Cursor {
  int cycle = 0;
  std::size_t index = 0;
  model::UnixSeconds start = 0;
};

Cursor locate(const Sequence& seq, model::UnixSeconds t) {
  const model::UnixSeconds super_start = t - floor_mod(t, seq.super_length());
  model::UnixSeconds at = super_start;
  for (int c = 0; c < seq.cycles(); ++c) {
    const auto cycle = seq.showings(c);
    for (std::size_t i = 0; i < cycle.size(); ++i) {
      if (t < at + cycle[i].length()) return Cursor{c, i, at};
      at += cycle[i].length();
    }
  }
  return Cursor{};  // unreachable: t lies inside its super-cycle
}

// Steps a cursor to the next non-empty showing.
Cursor next_showing(const Sequence& seq, Cursor cur, std::vector<Showing>& cycle) {
  cur.start += cycle[cur.index].length();
  if (++cur.index >= cycle.size()) {
    cur.index = 0;
    do {
      cur.cycle = (cur.cycle + 1) % seq.cycles();
      cycle = seq.showings(cur.cycle);
    } while (cycle.empty());
  }
  return cur;
}

std::optional<PageRef> plain_page_at(const Sequence& seq, model::UnixSeconds t) {
  const Cursor cur = locate(seq, t);
  const auto cycle = seq.showings(cur.cycle);
  return page_in(cycle[cur.index], cur.start, t);
}

// With urgent notices: the urgent page at once, then the slide after the
// interrupted one, then the urgent page after every slide.
std::optional<PageRef> urgent_page_at(const Sequence& seq, const RotationInput& in,
                                      model::UnixSeconds t) {
  const model::UnixSeconds since = *in.urgent_since;
  const int d = in.urgent_seconds;
  if (t < since + d || seq.super_length() == 0) {
    const model::UnixSeconds k = (t - since) / d;
    return urgent_page(since + k * d, d);
  }
  Cursor cur = locate(seq, since);
  auto cycle = seq.showings(cur.cycle);
  cur = next_showing(seq, cur, cycle);
  // The interleaved sequence repeats every super-cycle plus one urgent page per showing.
  const model::UnixSeconds period = seq.super_length() + seq.showings_per_super() * d;
  model::UnixSeconds at = since + d + ((t - since - d) / period) * period;
  while (true) {
    const Showing& s = cycle[cur.index];
    if (t < at + s.length()) return page_in(s, at, t);
    at += s.length();
    if (t < at + d) return urgent_page(at, d);
    at += d;
    cur = next_showing(seq, cur, cycle);
  }
}

}  // namespace

bool is_rotating_item_slide(const model::Slide& slide) {
  return slide.type == model::SlideType::item && slide.item.empty();
}

std::optional<PageRef> page_at(const RotationInput& input, model::UnixSeconds t) {
  const Sequence seq(input);
  if (input.urgent_since && t >= *input.urgent_since && input.urgent_seconds > 0)
    return urgent_page_at(seq, input, t);
  if (seq.super_length() == 0) return std::nullopt;
  return plain_page_at(seq, t);
}

std::vector<PageRef> cycle_pages(const RotationInput& input, model::UnixSeconds t) {
  const Sequence seq(input);
  if (seq.super_length() == 0) return {};
  const Cursor cur = locate(seq, t);
  const auto cycle = seq.showings(cur.cycle);
  model::UnixSeconds at = cur.start;
  for (std::size_t i = 0; i < cur.index; ++i)
    at -= cycle[i].length();
  std::vector<PageRef> r;
  for (const auto& s : cycle) {
    for (int p = 0; p < s.pages; ++p)
      r.push_back(page_in(s, at, at + static_cast<model::UnixSeconds>(p) * s.seconds));
    at += s.length();
  }
  return r;
}

}  // namespace hb::schedule
