// Proof of play the screens report with their heartbeats (console.md,
// issue 18): kept once per screen, sequence number and start, whatever the
// resends.
#include "store/store_internal.h"

namespace hb::store {

Result<Done> Store::record_plays(const std::string& screen, std::int64_t now,
                                 const std::vector<PlayLine>& lines) {
  return locked([&]() -> Result<Done> {
    Transaction tx(db_);
    Statement s(db_,
                "INSERT INTO plays(screen, seq, received_at, start, seconds, slide, item, line) "
                "VALUES(?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(screen, seq, start) DO NOTHING");
    for (const auto& l : lines) {
      s.reset();
      s.bind(1, screen).bind(2, l.seq).bind(3, now).bind(4, l.start).bind(5, l.seconds);
      s.bind(6, l.slide).bind(7, l.item).bind(8, l.line);
      s.run();
    }
    tx.commit();
    return Done{};
  });
}

Result<std::vector<PlayLine>> Store::plays(const std::string& screen) {
  return locked([&]() -> Result<std::vector<PlayLine>> {
    Statement s(db_,
                "SELECT seq, start, seconds, slide, item, line FROM plays WHERE screen = ? "
                "ORDER BY seq, start");
    s.bind(1, screen);
    std::vector<PlayLine> out;
    while (s.step())
      out.push_back({s.integer(0), s.text(1), s.integer(2), s.text(3), s.text(4), s.text(5)});
    return out;
  });
}

}  // namespace hb::store
