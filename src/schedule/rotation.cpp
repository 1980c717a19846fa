#include "schedule/rotation.h"

#include <algorithm>
#include <numeric>

namespace hb::schedule {
namespace {

// The rotation before urgent notices: cycles of the playlist, each rotating
// item slide showing the next item in each cycle. The sequence repeats after
// RotationIndex::cycles() cycles, which is the "super-cycle".

// One showing of one slide within a cycle of the playlist.
struct Showing {
  int slide = 0;
  int pages = 0;
  int seconds = 0;
  std::size_t item = 0;  // index into item_ids (rotating item slides)
  bool rotating = false;
  // A poster's pictures: each page its own seconds (at most
  // model::kMaxPosterImages, so walking them is cheap). Null: `seconds` each.
  const std::vector<model::PosterImage>* images = nullptr;
  int seconds_of(int page) const {
    return images && static_cast<std::size_t>(page) < images->size()
               ? (*images)[static_cast<std::size_t>(page)].seconds
               : seconds;
  }
  // Seconds from the showing's start to the start of `page`.
  model::UnixSeconds before(int page) const {
    if (!images) return static_cast<model::UnixSeconds>(page) * seconds;
    model::UnixSeconds r = 0;
    for (int p = 0; p < page; ++p)
      r += seconds_of(p);
    return r;
  }
  // The page `into` seconds after the showing's start (inside it).
  int page_at(model::UnixSeconds into) const {
    if (!images) return static_cast<int>(into / seconds);
    int p = 0;
    for (model::UnixSeconds at = seconds_of(0); p + 1 < pages && at <= into; at += seconds_of(p))
      ++p;
    return p;
  }
  model::UnixSeconds length() const { return before(pages); }
  bool shown() const { return pages > 0 && seconds > 0; }
};

// Steps through the slides of one cycle in order, yielding each showing,
// empty ones included (callers skip those that are not shown).
class CycleWalk {
 public:
  CycleWalk(const RotationInput& in, int rotating, int cycle)
      : in_(in), rotating_(rotating), cycle_(cycle) {}

  // False when the cycle's slides are done.
  bool next(Showing& s) {
    while (i_ < in_.slides.size()) {
      const std::size_t i = i_++;
      const auto& slide = in_.slides[i];
      const SlidePages& p = i < in_.pages.size() ? in_.pages[i] : kNone;
      s = Showing{static_cast<int>(i), p.pages, slide.seconds, 0, false,
                  slide.type == model::SlideType::poster ? &slide.images : nullptr};
      if (is_rotating_item_slide(slide)) {
        const auto n = static_cast<long long>(in_.item_ids.size());
        const long long showing = static_cast<long long>(cycle_) * rotating_ + ordinal_++;
        if (n == 0) continue;  // no items: the slide is not part of the rotation
        s.item = static_cast<std::size_t>(showing % n);
        s.rotating = true;
        s.pages = s.item < p.per_item.size() ? p.per_item[s.item] : 0;
      }
      return true;
    }
    return false;
  }

 private:
  static inline const SlidePages kNone{};
  const RotationInput& in_;
  int rotating_;
  int cycle_;
  std::size_t i_ = 0;
  int ordinal_ = 0;
};

model::UnixSeconds floor_mod(model::UnixSeconds a, model::UnixSeconds b) {
  const model::UnixSeconds r = a % b;
  return r < 0 ? r + b : r;
}

PageRef page_in(const RotationInput& in, const Showing& s, model::UnixSeconds showing_start,
                model::UnixSeconds t) {
  const int page = s.page_at(t - showing_start);
  PageRef r;
  r.slide = s.slide;
  r.page = page;
  r.page_count = s.pages;
  if (s.rotating)
    r.item = in.item_ids[s.item];
  else if (in.slides[static_cast<std::size_t>(s.slide)].type == model::SlideType::item)
    r.item = in.slides[static_cast<std::size_t>(s.slide)].item;
  r.start = showing_start + s.before(page);
  r.end = r.start + s.seconds_of(page);
  return r;
}

PageRef urgent_page(model::UnixSeconds start, int seconds) {
  PageRef r;
  r.urgent = true;
  r.start = start;
  r.end = start + seconds;
  return r;
}

// The last cycle c with weight_before(c) <= x, for x inside the super-cycle
// (weight_before is non-decreasing and weight_before(0) = 0 <= x).
template <class WeightBefore>
int cycle_at(const RotationIndex& index, model::UnixSeconds x, WeightBefore weight_before) {
  int lo = 0, hi = index.cycles();  // weight_before(lo) <= x < weight_before(hi)
  while (hi - lo > 1) {
    const int mid = lo + (hi - lo) / 2;
    if (weight_before(mid) <= x)
      lo = mid;
    else
      hi = mid;
  }
  return lo;
}

// The showing of the plain rotation that contains x (seconds into the
// super-cycle), where it starts (seconds into the super-cycle) and its
// position among the super-cycle's showings.
struct Found {
  Showing showing;
  model::UnixSeconds start = 0;
  std::int64_t ordinal = 0;
};

Found find_plain(const RotationInput& in, const RotationIndex& index, model::UnixSeconds x) {
  const int c = cycle_at(index, x, [&](int k) { return index.length_before(k); });
  Found f;
  f.start = index.length_before(c);
  f.ordinal = index.showings_before(c);
  CycleWalk walk(in, index.rotating(), c);
  while (walk.next(f.showing)) {
    if (!f.showing.shown()) continue;
    if (x < f.start + f.showing.length()) return f;
    f.start += f.showing.length();
    ++f.ordinal;
  }
  return f;  // unreachable: x lies inside cycle c, which has a shown slide
}

std::optional<PageRef> plain_page_at(const RotationInput& in, const RotationIndex& index,
                                     model::UnixSeconds t) {
  const model::UnixSeconds x = floor_mod(t, index.super_length());
  const Found f = find_plain(in, index, x);
  return page_in(in, f.showing, t - x + f.start, t);
}

// With urgent notices: the urgent page at once, then the slide after the
// interrupted one, then the urgent page after every slide. That interleaved
// sequence repeats every super-cycle plus one urgent page per showing; in it,
// the showings before a cycle weigh their length plus one urgent page each.
std::optional<PageRef> urgent_page_at(const RotationInput& in, const RotationIndex& index,
                                      model::UnixSeconds t) {
  const model::UnixSeconds since = *in.urgent_since;
  const int d = in.urgent_seconds;
  if (t < since + d || index.super_length() == 0) {
    const model::UnixSeconds k = (t - since) / d;
    return urgent_page(since + k * d, d);
  }
  const auto weight_before = [&](int c) {
    return index.length_before(c) + index.showings_before(c) * d;
  };
  const model::UnixSeconds period = weight_before(index.cycles());
  // The showing after the one interrupted at `since` comes first.
  const Found interrupted = find_plain(in, index, floor_mod(since, index.super_length()));
  std::int64_t first = interrupted.ordinal + 1;
  model::UnixSeconds first_start = interrupted.start + interrupted.showing.length();
  if (first == index.showings()) first = 0, first_start = 0;
  // x: where t falls in the interleaved super-cycle, from its own start.
  model::UnixSeconds x = first_start + first * d + (t - since - d) % period;
  if (x >= period) x -= period;
  const int c = cycle_at(index, x, weight_before);
  model::UnixSeconds at = weight_before(c);
  CycleWalk walk(in, index.rotating(), c);
  Showing s;
  while (walk.next(s)) {
    if (!s.shown()) continue;
    if (x < at + s.length()) return page_in(in, s, t - (x - at), t);
    at += s.length();
    if (x < at + d) return urgent_page(t - (x - at), d);
    at += d;
  }
  return std::nullopt;  // unreachable: x lies inside cycle c
}

std::optional<PageRef> indexed_page_at(const RotationInput& in, const RotationIndex& index,
                                       model::UnixSeconds t) {
  if (in.urgent_since && t >= *in.urgent_since && in.urgent_seconds > 0)
    return urgent_page_at(in, index, t);
  if (index.super_length() == 0) return std::nullopt;
  return plain_page_at(in, index, t);
}

std::vector<PageRef> indexed_cycle_pages(const RotationInput& in, const RotationIndex& index,
                                         model::UnixSeconds t) {
  if (index.super_length() == 0) return {};
  const model::UnixSeconds x = floor_mod(t, index.super_length());
  const int c = cycle_at(index, x, [&](int k) { return index.length_before(k); });
  model::UnixSeconds at = t - x + index.length_before(c);
  std::vector<PageRef> r;
  CycleWalk walk(in, index.rotating(), c);
  Showing s;
  while (walk.next(s)) {
    if (!s.shown()) continue;
    for (int p = 0; p < s.pages; ++p)
      r.push_back(page_in(in, s, at, at + s.before(p)));
    at += s.length();
  }
  return r;
}

}  // namespace

bool is_rotating_item_slide(const model::Slide& slide) {
  return slide.type == model::SlideType::item && slide.item.empty();
}

RotationIndex::RotationIndex(const RotationInput& in) {
  for (const auto& s : in.slides)
    if (is_rotating_item_slide(s)) ++rotating_;
  const int n = static_cast<int>(in.item_ids.size());
  const int cycles = rotating_ > 0 && n > 0 ? n / std::gcd(n, rotating_) : 1;
  // The slides that are not rotating item slides weigh the same in every cycle.
  model::UnixSeconds fixed_length = 0;
  std::int64_t fixed_showings = 0;
  std::vector<int> rotating_slides;
  {
    CycleWalk walk(in, rotating_, 0);
    Showing s;
    while (walk.next(s)) {
      if (s.rotating) {
        rotating_slides.push_back(s.slide);
      } else if (s.shown()) {
        fixed_length += s.length();
        ++fixed_showings;
      }
    }
  }
  length_before_.reserve(static_cast<std::size_t>(cycles) + 1);
  showings_before_.reserve(static_cast<std::size_t>(cycles) + 1);
  length_before_.push_back(0);
  showings_before_.push_back(0);
  for (int c = 0; c < cycles; ++c) {
    model::UnixSeconds length = fixed_length;
    std::int64_t showings = fixed_showings;
    for (std::size_t o = 0; o < rotating_slides.size(); ++o) {
      const auto i = static_cast<std::size_t>(rotating_slides[o]);
      const auto k = static_cast<std::size_t>(
          (static_cast<long long>(c) * rotating_ + static_cast<long long>(o)) % n);
      const std::vector<int>* per_item = i < in.pages.size() ? &in.pages[i].per_item : nullptr;
      const int pages = per_item && k < per_item->size() ? (*per_item)[k] : 0;
      const int seconds = in.slides[i].seconds;
      if (pages > 0 && seconds > 0) {
        length += static_cast<model::UnixSeconds>(pages) * seconds;
        ++showings;
      }
    }
    length_before_.push_back(length_before_.back() + length);
    showings_before_.push_back(showings_before_.back() + showings);
  }
}

std::optional<PageRef> Rotation::page_at(model::UnixSeconds t) const {
  return indexed_page_at(input_, index_, t);
}

std::vector<PageRef> Rotation::cycle_pages(model::UnixSeconds t) const {
  return indexed_cycle_pages(input_, index_, t);
}

std::optional<PageRef> page_at(const RotationInput& input, model::UnixSeconds t) {
  return indexed_page_at(input, RotationIndex(input), t);
}

std::vector<PageRef> cycle_pages(const RotationInput& input, model::UnixSeconds t) {
  return indexed_cycle_pages(input, RotationIndex(input), t);
}

}  // namespace hb::schedule
