#include <map>
#include <set>
#include <unordered_map>

#include "feed/feed.h"

namespace hb::feed {
namespace {

std::string at(const model::Where& w) {
  return w.file + ":" + std::to_string(w.line) + ":" + std::to_string(w.column);
}

class Merger {
 public:
  explicit Merger(model::Diagnostics& out) : out_(out) {}

  void add(model::Feed&& feed) {
    if (feed.hall) take_once(content_.hall, std::move(*feed.hall), "<hall>");
    if (feed.calendar) take_once(content_.calendar, std::move(*feed.calendar), "<calendar>");
    if (feed.stats) take_once(content_.stats, std::move(*feed.stats), "<stats>");
    has_items_ = has_items_ || feed.has_items_section;
    // Reserved, so a large hall's items are moved once, not at every doubling.
    content_.items.reserve(content_.items.size() + feed.items.size());
    for (auto& item : feed.items)
      if (unique(item_ids_, item.id, item.where, "item")) content_.items.push_back(std::move(item));
    if (feed.roster) {
      content_.has_roster = true;
      for (auto& s : feed.roster->staff)
        if (unique(staff_ids_, s.id, s.where, "staff"))
          content_.roster.staff.push_back(std::move(s));
      for (auto& w : feed.roster->windows)
        if (unique(window_ids_, w.id, w.where, "window"))
          content_.roster.windows.push_back(std::move(w));
      for (auto& a : feed.roster->absences)
        content_.roster.absences.push_back(std::move(a));
    }
    for (auto& n : feed.notices)
      if (n.id.empty() || unique(notice_ids_, n.id, n.where, "notice"))
        content_.notices.push_back(std::move(n));
    for (auto& r : feed.results)
      content_.results.push_back(std::move(r));
    for (auto& p : feed.pledges)
      content_.pledges.push_back(std::move(p));
    for (auto& p : feed.playlists) {
      bool clash = false;
      for (const auto& screen : p.screens) {
        const auto [it, fresh] = playlist_screens_.emplace(screen, p.where);
        if (!fresh && it->second.file != p.where.file) {
          error(p.where, "a second <playlist> for screen \"" + screen + "\" (the first is at " +
                             at(it->second) + "); each screen value has one playlist");
          clash = true;
        }
      }
      if (!clash) content_.playlists.push_back(std::move(p));
    }
  }

  model::Content finish() {
    check_references();
    return std::move(content_);
  }

 private:
  template <class T>
  void take_once(std::optional<T>& slot, T&& value, const char* what) {
    if (slot) {
      error(value.where, std::string("a second ") + what + " (the first is at " + at(slot->where) +
                             "); it may come from one feed only");
      return;
    }
    slot = std::move(value);
  }

  bool unique(std::unordered_map<std::string, model::Where>& ids, const std::string& id,
              const model::Where& where, const char* what) {
    const auto [it, fresh] = ids.emplace(id, where);
    if (!fresh)
      error(where, std::string(what) + " id \"" + id + "\" is already defined at " +
                       at(it->second) + "; ids must be unique across all feeds");
    return fresh;
  }

  void error(const model::Where& w, std::string message) {
    out_.push_back({w, model::Severity::error, std::move(message)});
  }
  void warning(const model::Where& w, std::string message) {
    out_.push_back({w, model::Severity::warning, std::move(message)});
  }

  // References into the roster are only checked when some feed has one: an
  // editor linting an items feed alone gets one warning, not one per item.
  bool roster_ref(const std::unordered_map<std::string, model::Where>& ids, const std::string& id,
                  const model::Where& where) {
    if (!content_.has_roster) {
      if (!warned_no_roster_)
        warning(where,
                "no <roster> in the feeds read together, so window and staff references "
                "are not checked; lint all the hall's feeds (or its player config) at once");
      warned_no_roster_ = true;
      return true;
    }
    return ids.count(id) > 0;
  }

  void check_references() {
    for (const auto& item : content_.items)
      if (!item.window.empty() && !roster_ref(window_ids_, item.window, item.window_where))
        error(item.window_where, "<item id=\"" + item.id + "\"> window=\"" + item.window +
                                     "\": no roster <window> has this id");
    for (const auto& w : content_.roster.windows)
      for (const auto& post : w.posts)
        if (!staff_ids_.count(post.staff))
          error(post.staff_where, "<post staff=\"" + post.staff + "\"> in <window id=\"" + w.id +
                                      "\">: no <staff> has this id");
    for (const auto& a : content_.roster.absences) {
      if (!staff_ids_.count(a.staff))
        error(a.staff_where, "<absence staff=\"" + a.staff + "\">: no <staff> has this id");
      if (!a.substitute.empty() && !staff_ids_.count(a.substitute))
        error(a.substitute_where,
              "<absence> substitute=\"" + a.substitute + "\": no <staff> has this id");
    }
    for (const auto& p : content_.pledges)
      if (!p.staff.empty() && !roster_ref(staff_ids_, p.staff, p.staff_where))
        error(p.staff_where, "<pledge staff=\"" + p.staff + "\">: no roster <staff> has this id");
    if (content_.stats) {
      std::set<std::string> seen;
      for (const auto& w : content_.stats->windows) {
        if (!seen.insert(w.window).second)
          error(w.id_where, "<stats> gives window \"" + w.window + "\" twice");
        else if (!roster_ref(window_ids_, w.window, w.id_where))
          error(w.id_where,
                "<stats> window id=\"" + w.window + "\": no roster <window> has this id");
      }
    }
    check_item_references();
  }

  // Like roster_ref, for references to items.
  bool item_ref(const std::string& id, const model::Where& where) {
    if (!has_items_) {
      if (!warned_no_items_)
        warning(where,
                "no <items> in the feeds read together, so references to items are not "
                "checked; lint all the hall's feeds (or its player config) at once");
      warned_no_items_ = true;
      return true;
    }
    return item_ids_.count(id) > 0;
  }

  void check_item_references() {
    std::map<std::string, model::Where> numbers;
    for (const auto& r : content_.results) {
      if (!item_ref(r.item, r.item_where))
        error(r.item_where, "<result item=\"" + r.item + "\">: no <item> has this id");
      if (r.number.empty()) continue;
      const auto [it, fresh] = numbers.emplace(r.number, r.where);
      if (!fresh)
        warning(r.where, "<result number=\"" + r.number + "\"> appears twice (also at " +
                             at(it->second) + ")");
    }
    std::set<std::string> categories;
    for (const auto& item : content_.items)
      categories.insert(item.category);
    for (const auto& playlist : content_.playlists) {
      for (const auto& slide : playlist.slides) {
        if (!slide.item.empty() && !item_ref(slide.item, slide.item_where))
          error(slide.item_where, "<slide item=\"" + slide.item + "\">: no <item> has this id");
        if (!slide.category.empty() && has_items_ && !categories.count(slide.category))
          warning(slide.category_where,
                  "<slide category=\"" + slide.category +
                      "\">: no item has this category, so the slide is skipped");
      }
    }
  }

  model::Diagnostics& out_;
  model::Content content_;
  bool has_items_ = false;
  bool warned_no_roster_ = false;
  bool warned_no_items_ = false;
  std::unordered_map<std::string, model::Where> item_ids_, staff_ids_, window_ids_, notice_ids_;
  std::unordered_map<std::string, model::Where> playlist_screens_;
};

}  // namespace

model::Content merge(std::vector<model::Feed> feeds, model::Diagnostics& out) {
  Merger merger(out);
  for (auto& feed : feeds)
    merger.add(std::move(feed));
  return merger.finish();
}

}  // namespace hb::feed
