// The console's state in one SQLite file (the only SQL in hallboard): users,
// sessions, login failures, the draft content, published versions, the
// audit log and registered screens. Times are Unix seconds given by the
// caller; nothing here reads a clock.
//
// Draft content is kept as records: one row per item, staff member, window,
// absence, notice … whose body is that record's element in the v1 feed
// format, written by the feed writer and read back by the feed parser. So
// what is stored is exactly what gets published, and one parser judges both.
//
// One connection serves every thread, behind a mutex; other processes
// (`console user add` while `serve` runs) share the file through WAL.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "store/sqlite.h"

namespace hb::store {

enum class ErrorKind {
  storage,    // SQLite failed: disk, permissions, a damaged file
  not_found,  // no such record, user, version or screen
  conflict,   // the record changed since the caller read it; a revoked screen
  exists,     // a user, screen or record with that name already exists
};

struct Error {
  ErrorKind kind = ErrorKind::storage;
  std::string message;
};

template <class T>
using Result = base::Result<T, Error>;
struct Done {};

enum class Role { editor, approver, admin };
const char* role_name(Role role);
std::optional<Role> role_from_name(std::string_view name);

struct User {
  std::int64_t id = 0;
  std::string name;
  Role role = Role::editor;
  std::string password_hash;  // libsodium's crypto_pwhash_str form
};

struct Session {
  std::string token_hash;
  User user;
  std::string csrf;
  std::int64_t created_at = 0;
  std::int64_t last_used = 0;
};

struct Record {
  std::string kind;  // "item", "staff", "window", "absence", "notice", …
  std::string key;   // unique within its kind
  std::int64_t position = 0;  // order within its kind, as published
  std::string body;           // the record's feed element
  std::int64_t rev = 0;       // optimistic version: 1 when created, +1 per change
  std::int64_t updated_at = 0;
  std::string updated_by;
};

struct FeedFile {
  std::string name;  // "roster.xml"
  std::string bytes;
  std::string sha256;  // hex
  std::string generated;
  std::int64_t generated_unix = 0;
  std::string signature;  // the raw Ed25519 signature of `bytes`; empty: unsigned
};

struct Version {
  std::int64_t number = 0;
  std::int64_t published_at = 0;
  std::string by;
  std::optional<std::int64_t> source;  // the version republished, if any
};

struct AuditEntry {
  std::int64_t id = 0;
  std::int64_t at = 0;
  std::string user;
  std::string action;  // "create", "update", "delete", "publish", "republish", "login" …
  std::string kind;
  std::string key;
  std::optional<std::string> before;
  std::optional<std::string> after;
};

// A picture a feed names by a relative path ("photos/s01.png").
struct Asset {
  std::string name;
  std::string bytes;
  std::string sha256;
};

struct Screen {
  std::string id;
  std::string token_hash;
  std::int64_t created_at = 0;
  bool revoked = false;
  std::optional<std::int64_t> last_seen;  // when the last heartbeat came
  int interval_seconds = 60;              // the interval it reported
  std::string last_report;                // its JSON, without any screenshot
  std::optional<std::int64_t> screenshot_at;  // when its latest screenshot came; none yet
};

// One heartbeat as the history of contacts keeps it.
struct Contact {
  std::int64_t at = 0;
  std::string report;  // its JSON, without any screenshot
};

// How many heartbeats the history keeps per screen.
inline constexpr int kContactsKept = 20;

// One proof-of-play line a screen reported: what was on screen, from when,
// for how long (app/proof_of_play.h writes them).
struct PlayLine {
  std::int64_t seq = 0;   // the screen's number: a line is kept once per screen, seq and start
  std::string start;      // ISO 8601, as reported
  std::int64_t seconds = 0;
  std::string slide;      // the slide type, "dark", "waiting"
  std::string item;       // the item an item page showed; may be empty
  std::string line;       // the whole JSON object, as reported
  std::int64_t start_unix = 0;  // start and end as instants, for the monthly report
  std::int64_t end_unix = 0;
};

// A screen's lines of one slide type and item within a window: how often
// one started in it and how many of its seconds lie in it.
struct PlayTotal {
  std::string slide;
  std::string item;
  std::int64_t count = 0;
  std::int64_t seconds = 0;
};

// One row of the daily roll-up (schema.cpp, play_days.h): added to the
// row with the same key, never replacing it.
struct PlayDay {
  std::string screen;
  std::int64_t day_start = 0;  // Unix seconds of the hall-local midnight
  std::string slide;
  std::string item;
  std::int64_t shown = 0;
  std::int64_t seconds = 0;
};

// The longest a play line may last (a dark night is one line): a window's
// index range over raw lines starts this much before it, to find lines reaching into it.
inline constexpr std::int64_t kLongestPlay = 86400;

// Raw lines are kept this long after they came (the roll-up 13 months).
inline constexpr std::int64_t kRawPlaysKept = 40 * 86400;
inline constexpr std::int64_t kPlaysDeletedAtOnce = 20000;

// A screen's latest screenshot.
struct Screenshot {
  std::string png;
  int width = 0;
  int height = 0;
  std::int64_t taken_at = 0;  // when the console received it
};

class Store {
 public:
  // A new database at `path`; refuses a path that exists.
  static Result<Store> create(const std::string& path);
  // An existing database, migrated to the current schema.
  static Result<Store> open(const std::string& path);

  Store(Store&& other) noexcept;
  ~Store();

  // --- users and sessions ------------------------------------------------
  Result<User> add_user(const std::string& name, Role role, const std::string& password_hash,
                        std::int64_t now);
  Result<User> user(const std::string& name);
  Result<std::vector<User>> users();

  Result<Done> add_session(const Session& session);
  Result<Session> session(const std::string& token_hash);
  Result<Done> touch_session(const std::string& token_hash, std::int64_t now);
  Result<Done> drop_session(const std::string& token_hash);
  Result<Done> drop_sessions_idle_since(std::int64_t before);

  Result<int> login_failures_since(const std::string& user_name, std::int64_t since);
  // The newest `n` failure times, newest first.
  Result<std::vector<std::int64_t>> latest_login_failures(const std::string& user_name, int n);
  Result<Done> add_login_failure(const std::string& user_name, std::int64_t at);
  Result<Done> clear_login_failures(const std::string& user_name);

  // --- draft records ------------------------------------------------------
  // A number that changes whenever any draft record does: the drafts read
  // as content are cached under it.
  Result<std::int64_t> drafts_generation();
  Result<std::vector<Record>> records(const std::string& kind);
  Result<std::vector<Record>> all_records();
  Result<Record> record(const std::string& kind, const std::string& key);
  // Creates (expected_rev 0) or changes (expected_rev = the rev the editor
  // read) one record, with its audit entry. conflict when the stored rev is
  // another one; the record is unchanged then.
  Result<Record> put_record(const Record& record, std::int64_t expected_rev,
                            const std::string& user, std::int64_t now);
  Result<Done> delete_record(const std::string& kind, const std::string& key,
                             std::optional<std::int64_t> expected_rev, const std::string& user,
                             std::int64_t now);
  // Creates or changes many records in one transaction (an import), each
  // audited under `action`; records whose body is unchanged are left alone.
  Result<Done> upsert_records(const std::vector<Record>& records, const std::string& action,
                              const std::string& user, std::int64_t now);
  // Makes the drafts exactly `records` (init, republish), auditing each
  // record that appears, changes or goes under `action`.
  Result<Done> replace_records(const std::vector<Record>& records, const std::string& action,
                               const std::string& user, std::int64_t now);

  // --- published versions ---------------------------------------------------
  // Stores version `latest + 1` with its complete set of feeds, audited.
  Result<Version> add_version(const std::vector<FeedFile>& feeds, std::optional<std::int64_t> source,
                              const std::string& user, std::int64_t now);
  Result<std::vector<Version>> versions();  // newest first
  Result<std::optional<Version>> latest_version();
  Result<std::vector<FeedFile>> version_feeds(std::int64_t number);
  // Signs a feed of a version published unsigned or before signatures were
  // stored (serve's start); only where the bytes are still `sha256`.
  Result<Done> set_feed_signature(std::int64_t number, const std::string& name,
                                  const std::string& sha256, const std::string& signature);
  // The latest `generated` any version gave this feed, to give the next one a later one.
  Result<std::optional<std::int64_t>> last_generated(const std::string& feed_name);

  // --- audit ----------------------------------------------------------------
  Result<Done> audit(const AuditEntry& entry);
  Result<std::vector<AuditEntry>> audit_log(std::int64_t before_id, int limit);

  // --- screens --------------------------------------------------------------
  Result<Screen> add_screen(const std::string& id, const std::string& token_hash, std::int64_t now);
  Result<std::vector<Screen>> screens();
  Result<Done> record_heartbeat(const std::string& id, std::int64_t now, int interval_seconds,
                                const std::string& report);
  // The screen's newest heartbeats, newest first (at most kContactsKept).
  Result<std::vector<Contact>> screen_contacts(const std::string& id);
  // A new token for a registered screen; the old one stops working (not_found: no such
  // screen; conflict: a revoked one, which stays revoked).
  Result<Done> replace_screen_token(const std::string& id, const std::string& token_hash);
  // Replaces the screen's screenshot (only the latest is kept).
  Result<Done> put_screenshot(const std::string& screen, const Screenshot& shot);
  Result<Screenshot> screenshot(const std::string& screen);  // not_found: none yet
  // When the screen's screenshot was taken, without reading its bytes.
  Result<std::optional<std::int64_t>> screenshot_taken_at(const std::string& screen);
  // Stores the lines a screen has not sent before (by seq and start), in
  // one transaction, adding each newly stored one to the daily roll-up by
  // the hall's local days (`utc_offset_minutes`).
  Result<Done> record_plays(const std::string& screen, std::int64_t now, int utc_offset_minutes,
                            const std::vector<PlayLine>& lines);
  // A screen's stored lines, by seq (then start).
  Result<std::vector<PlayLine>> plays(const std::string& screen);
  // A screen's `limit` latest lines by start, latest first (its page).
  Result<std::vector<PlayLine>> latest_plays(const std::string& screen, int limit);
  // Seconds of [from, to) the screen's raw lines cover, each clipped to it
  // (lines of one screen follow each other, so their clipped lengths add up).
  Result<std::int64_t> play_seconds(const std::string& screen, std::int64_t from, std::int64_t to);
  // Adds rows to the roll-up in one transaction (record_plays does it for
  // each new line; a benchmark fills a month with it).
  Result<Done> add_play_days(const std::vector<PlayDay>& rows);
  // The roll-up of the days starting in [from, to) (local midnights),
  // grouped by slide and item; a month of a screen is a few hundred rows.
  Result<std::vector<PlayTotal>> play_day_totals(const std::string& screen, std::int64_t from,
                                                 std::int64_t to);
  // The seconds the roll-up holds for the days starting in [from, to).
  Result<std::int64_t> play_day_seconds(const std::string& screen, std::int64_t from, std::int64_t to);
  // Retention: deletes at most `most` raw lines received before `cutoff`
  // (call again while `most` went: a day of 500 screens is ~3M lines, and
  // heartbeats wait for the store meanwhile); how many went.
  Result<std::int64_t> delete_plays_received_before(std::int64_t cutoff, std::int64_t most = kPlaysDeletedAtOnce);
  // Retention: deletes the roll-up's days starting before `cutoff`; how many rows went.
  Result<std::int64_t> delete_play_days_before(std::int64_t cutoff);

  // --- assets ---------------------------------------------------------------
  Result<Done> put_asset(const Asset& asset, const std::string& user, std::int64_t now);
  Result<Asset> asset(const std::string& name);
  Result<std::vector<Asset>> assets();

  // --- settings -------------------------------------------------------------
  Result<std::optional<std::string>> setting(const std::string& name);
  Result<Done> set_setting(const std::string& name, const std::string& value);

 private:
  explicit Store(Database db);
  template <class F>
  auto locked(F&& f) -> decltype(f());

  Database db_;
  std::unique_ptr<std::mutex> mutex_ = std::make_unique<std::mutex>();
};

}  // namespace hb::store
