#include "store/schema.h"

#include <array>
#include <string>

namespace hb::store {

namespace {

// Migration 1: the console's first schema.
constexpr const char* kSchema1 = R"sql(
CREATE TABLE users(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK(role IN ('editor', 'approver', 'admin')),
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE sessions(
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_used INTEGER NOT NULL
);
CREATE TABLE login_failures(
  user_name TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX login_failures_by_name ON login_failures(user_name, at);
CREATE TABLE records(
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  position INTEGER NOT NULL,
  body TEXT NOT NULL,
  rev INTEGER NOT NULL CHECK(rev >= 1),
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY(kind, key)
);
CREATE TABLE blobs(
  sha256 TEXT PRIMARY KEY,
  bytes BLOB NOT NULL
);
CREATE TABLE versions(
  number INTEGER PRIMARY KEY,
  published_at INTEGER NOT NULL,
  published_by TEXT NOT NULL,
  source INTEGER REFERENCES versions(number)
);
CREATE TABLE version_feeds(
  version INTEGER NOT NULL REFERENCES versions(number),
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL REFERENCES blobs(sha256),
  generated TEXT NOT NULL,
  generated_unix INTEGER NOT NULL,
  PRIMARY KEY(version, name)
);
CREATE TABLE audit(
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  user_name TEXT NOT NULL,
  action TEXT NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  before TEXT,
  after TEXT
);
CREATE TRIGGER audit_is_never_changed BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
CREATE TRIGGER audit_is_never_deleted BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
CREATE TABLE screens(
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE settings(
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)sql";

// Migration 2: what screens last reported (the heartbeat).
constexpr const char* kSchema2 = R"sql(
ALTER TABLE screens ADD COLUMN last_seen INTEGER;
ALTER TABLE screens ADD COLUMN interval_seconds INTEGER NOT NULL DEFAULT 60;
ALTER TABLE screens ADD COLUMN last_report TEXT;
)sql";

// Migration 3: pictures the feeds name (staff photos, the hall's logo),
// served beside the feeds under the relative names the feeds use.
constexpr const char* kSchema3 = R"sql(
CREATE TABLE assets(
  name TEXT PRIMARY KEY,
  bytes BLOB NOT NULL,
  sha256 TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
)sql";

// Migration 4: each published feed's signature, kept with its bytes so the
// console serves the .sig of exactly the bytes it serves (NULL: unsigned,
// or published before this migration).
constexpr const char* kSchema4 = R"sql(
ALTER TABLE version_feeds ADD COLUMN signature BLOB;
)sql";

// Migration 5: each screen's recent heartbeats, for the 屏幕 page's history
// of contacts. Bounded: record_heartbeat keeps the newest few per screen.
constexpr const char* kSchema5 = R"sql(
CREATE TABLE screen_contacts(
  id INTEGER PRIMARY KEY,
  screen TEXT NOT NULL,
  at INTEGER NOT NULL,
  report TEXT NOT NULL
);
CREATE INDEX screen_contacts_by_screen ON screen_contacts(screen, id);
)sql";

// Migration 6: proof of play the screens report (hallboard-heartbeat-2).
// plays: one row per screen, sequence number and start, so a line sent
// twice counts once, while a screen whose cache was wiped (numbers from 1
// again) is not taken for a resend. The line is kept whole (~300 bytes a
// row) to answer "what exactly was on screen at 10:03 on the 3rd", so only
// for 40 days (received_at, indexed for the sweep); start and end are also
// Unix seconds, indexed by screen, for a screen's latest lines and the
// edges of a report's watched window.
// play_days: the monthly report's source, kept 13 months: per screen,
// hall-local day, slide and item, how often a line started and how many
// seconds lines covered, added to in the transaction that inserts each new
// line (store/play_days.h). A month of 500 screens is a few hundred
// thousand rows however many lines came; WITHOUT ROWID, as the key is the
// only way in; the daily retention sweep scans it (~4M rows at most).
// screenshots: each screen's latest screenshot only, as PNG bytes.
constexpr const char* kSchema6 = R"sql(
CREATE TABLE plays(
  screen TEXT NOT NULL,
  seq INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  start TEXT NOT NULL,
  start_unix INTEGER NOT NULL,
  end_unix INTEGER NOT NULL CHECK(end_unix >= start_unix),
  seconds INTEGER NOT NULL,
  slide TEXT NOT NULL,
  item TEXT NOT NULL,
  line TEXT NOT NULL,
  PRIMARY KEY(screen, seq, start)
);
CREATE INDEX plays_by_screen_start ON plays(screen, start_unix, end_unix);
CREATE INDEX plays_by_received ON plays(received_at);
CREATE TABLE play_days(
  screen TEXT NOT NULL,
  day_start INTEGER NOT NULL,
  slide TEXT NOT NULL,
  item TEXT NOT NULL,
  shown INTEGER NOT NULL,
  seconds INTEGER NOT NULL,
  PRIMARY KEY(screen, day_start, slide, item)
) WITHOUT ROWID;
-- The daily retention's DELETE ... WHERE day_start < ?: without it, a
-- scan of every screen's 13 months under the store's lock.
CREATE INDEX play_days_by_day ON play_days(day_start);
CREATE TABLE screenshots(
  screen TEXT PRIMARY KEY,
  png BLOB NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  taken_at INTEGER NOT NULL
);
)sql";

constexpr std::array kMigrations = {kSchema1, kSchema2, kSchema3, kSchema4, kSchema5, kSchema6};

int user_version(Database& db) {
  Statement s(db, "PRAGMA user_version");
  return s.step() ? static_cast<int>(s.integer(0)) : 0;
}

}  // namespace

int schema_version() { return static_cast<int>(kMigrations.size()); }

void migrate(Database& db) {
  const int have = user_version(db);
  if (have > schema_version()) {
    throw SqliteFailure(SQLITE_ERROR, "the database was made by a newer hallboard (schema " +
                                          std::to_string(have) + ", this build knows " +
                                          std::to_string(schema_version()) + ")");
  }
  for (int next = have; next < schema_version(); ++next) {
    Transaction tx(db);
    db.exec(kMigrations[static_cast<std::size_t>(next)]);
    // PRAGMA takes no bound values; the number is ours, not a request's.
    db.exec(("PRAGMA user_version=" + std::to_string(next + 1)).c_str());
    tx.commit();
  }
}

}  // namespace hb::store
