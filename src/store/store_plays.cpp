// Proof of play the screens report with their heartbeats (console.md,
// issue 18): each raw line kept once per screen, sequence number and start,
// whatever the resends, for 40 days; the daily roll-up the monthly report
// sums, for 13 months; and each screen's latest screenshot.
#include "store/play_days.h"
#include "store/store_internal.h"

namespace hb::store {

namespace {

// The roll-up adds, never replaces: a day's row grows with each new line.
constexpr const char* kAddPlayDay =
    "INSERT INTO play_days(screen, day_start, slide, item, shown, seconds) VALUES(?, ?, ?, ?, ?, ?) "
    "ON CONFLICT(screen, day_start, slide, item) DO UPDATE SET shown = shown + excluded.shown, "
    "seconds = seconds + excluded.seconds";

void add_play_day(Statement& s, const PlayDay& row) {
  s.reset();
  s.bind(1, row.screen).bind(2, row.day_start).bind(3, row.slide).bind(4, row.item);
  s.bind(5, row.shown).bind(6, row.seconds).run();
}

PlayLine play_line(Statement& s) {
  return {s.integer(0), s.text(1), s.integer(2), s.text(3), s.text(4), s.text(5), s.integer(6), s.integer(7)};
}

}  // namespace

// Only a line the insert really stored reaches the roll-up: one sent twice
// (DO NOTHING, no change) must not count twice.
Result<Done> Store::record_plays(const std::string& screen, std::int64_t now, int utc_offset_minutes,
                                 const std::vector<PlayLine>& lines) {
  return locked([&]() -> Result<Done> {
    Transaction tx(db_);
    Statement s(db_,
                "INSERT INTO plays(screen, seq, received_at, start, start_unix, end_unix, seconds, "
                "slide, item, line) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(screen, seq, start) DO NOTHING");
    Statement day(db_, kAddPlayDay);
    for (const auto& l : lines) {
      s.reset();
      s.bind(1, screen).bind(2, l.seq).bind(3, now).bind(4, l.start).bind(5, l.start_unix);
      s.bind(6, l.end_unix).bind(7, l.seconds).bind(8, l.slide).bind(9, l.item).bind(10, l.line);
      s.run();
      if (db_.changes() != 1) continue;
      for (const auto& share : day_shares(l.start_unix, l.end_unix, utc_offset_minutes))
        add_play_day(day, {screen, share.day_start, l.slide, l.item, share.shown, share.seconds});
    }
    tx.commit();
    return Done{};
  });
}

Result<std::vector<PlayLine>> Store::plays(const std::string& screen) {
  return locked([&]() -> Result<std::vector<PlayLine>> {
    Statement s(db_,
                "SELECT seq, start, seconds, slide, item, line, start_unix, end_unix FROM plays "
                "WHERE screen = ? ORDER BY seq, start");
    s.bind(1, screen);
    std::vector<PlayLine> out;
    while (s.step()) out.push_back(play_line(s));
    return out;
  });
}

Result<std::vector<PlayLine>> Store::latest_plays(const std::string& screen, int limit) {
  return locked([&]() -> Result<std::vector<PlayLine>> {
    Statement s(db_,
                "SELECT seq, start, seconds, slide, item, line, start_unix, end_unix FROM plays "
                "WHERE screen = ? ORDER BY start_unix DESC, seq DESC LIMIT ?");
    s.bind(1, screen).bind(2, limit);
    std::vector<PlayLine> out;
    while (s.step()) out.push_back(play_line(s));
    return out;
  });
}

// The start_unix range keeps the query on the (screen, start_unix) index:
// a line overlapping the window starts at most kLongestPlay before it.
Result<std::int64_t> Store::play_seconds(const std::string& screen, std::int64_t from, std::int64_t to) {
  return locked([&]() -> Result<std::int64_t> {
    Statement s(db_,
                "SELECT coalesce(sum(min(end_unix, ?3) - max(start_unix, ?2)), 0) FROM plays "
                "WHERE screen = ?1 AND start_unix >= ?2 - ?4 AND start_unix < ?3 AND end_unix > ?2");
    s.bind(1, screen).bind(2, from).bind(3, to).bind(4, kLongestPlay);
    return s.step() ? s.integer(0) : std::int64_t{0};
  });
}

Result<Done> Store::add_play_days(const std::vector<PlayDay>& rows) {
  return locked([&]() -> Result<Done> {
    Transaction tx(db_);
    Statement s(db_, kAddPlayDay);
    for (const auto& row : rows) add_play_day(s, row);
    tx.commit();
    return Done{};
  });
}

Result<std::vector<PlayTotal>> Store::play_day_totals(const std::string& screen, std::int64_t from,
                                                      std::int64_t to) {
  return locked([&]() -> Result<std::vector<PlayTotal>> {
    Statement s(db_,
                "SELECT slide, item, sum(shown), sum(seconds) FROM play_days "
                "WHERE screen = ? AND day_start >= ? AND day_start < ? "
                "GROUP BY slide, item ORDER BY slide, item");
    s.bind(1, screen).bind(2, from).bind(3, to);
    std::vector<PlayTotal> out;
    while (s.step()) out.push_back({s.text(0), s.text(1), s.integer(2), s.integer(3)});
    return out;
  });
}

Result<std::int64_t> Store::play_day_seconds(const std::string& screen, std::int64_t from, std::int64_t to) {
  return locked([&]() -> Result<std::int64_t> {
    Statement s(db_,
                "SELECT coalesce(sum(seconds), 0) FROM play_days "
                "WHERE screen = ? AND day_start >= ? AND day_start < ?");
    s.bind(1, screen).bind(2, from).bind(3, to);
    return s.step() ? s.integer(0) : std::int64_t{0};
  });
}

Result<std::int64_t> Store::delete_plays_received_before(std::int64_t cutoff, std::int64_t most) {
  return locked([&]() -> Result<std::int64_t> {
    Statement(db_, "DELETE FROM plays WHERE rowid IN (SELECT rowid FROM plays WHERE received_at < ? LIMIT ?)")
        .bind(1, cutoff)
        .bind(2, most)
        .run();
    return static_cast<std::int64_t>(db_.changes());
  });
}

Result<std::int64_t> Store::delete_play_days_before(std::int64_t cutoff) {
  return locked([&]() -> Result<std::int64_t> {
    Statement(db_, "DELETE FROM play_days WHERE day_start < ?").bind(1, cutoff).run();
    return static_cast<std::int64_t>(db_.changes());
  });
}

// A screen sends a screenshot with each heartbeat; one written every few
// minutes is enough for the page (see screenshot_due in console/screenshot.h).
Result<Done> Store::put_screenshot(const std::string& screen, const Screenshot& shot) {
  return locked([&]() -> Result<Done> {
    Statement(db_,
              "INSERT INTO screenshots(screen, png, width, height, taken_at) VALUES(?, ?, ?, ?, ?) "
              "ON CONFLICT(screen) DO UPDATE SET png = excluded.png, width = excluded.width, "
              "height = excluded.height, taken_at = excluded.taken_at")
        .bind(1, screen)
        .bind_blob(2, shot.png)
        .bind(3, shot.width)
        .bind(4, shot.height)
        .bind(5, shot.taken_at)
        .run();
    return Done{};
  });
}

Result<Screenshot> Store::screenshot(const std::string& screen) {
  return locked([&]() -> Result<Screenshot> {
    Statement s(db_, "SELECT png, width, height, taken_at FROM screenshots WHERE screen = ?");
    s.bind(1, screen);
    if (!s.step()) return Error{ErrorKind::not_found, "屏幕“" + screen + "”还没有截图"};
    return Screenshot{s.text(0), static_cast<int>(s.integer(1)), static_cast<int>(s.integer(2)),
                      s.integer(3)};
  });
}

Result<std::optional<std::int64_t>> Store::screenshot_taken_at(const std::string& screen) {
  return locked([&]() -> Result<std::optional<std::int64_t>> {
    Statement s(db_, "SELECT taken_at FROM screenshots WHERE screen = ?");
    s.bind(1, screen);
    if (!s.step()) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(s.integer(0));
  });
}

}  // namespace hb::store
