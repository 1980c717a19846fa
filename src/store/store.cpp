#include <fcntl.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "base/unique_fd.h"

#include "store/schema.h"
#include "store/store_internal.h"

namespace hb::store {

Error storage_error(const SqliteFailure& failure) {
  return Error{ErrorKind::storage, std::string("database: ") + failure.what()};
}

const char* role_name(Role role) {
  switch (role) {
    case Role::editor: return "editor";
    case Role::approver: return "approver";
    case Role::admin: return "admin";
  }
  return "editor";
}

std::optional<Role> role_from_name(std::string_view name) {
  for (const Role r : {Role::editor, Role::approver, Role::admin}) {
    if (name == role_name(r)) return r;
  }
  return std::nullopt;
}

Store::Store(Database db) : db_(std::move(db)) {}
Store::Store(Store&& other) noexcept = default;
Store::~Store() = default;

Result<Store> Store::create(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    return Error{ErrorKind::exists, path + " already exists"};
  }
  try {
    // The database holds password and token hashes: its owner only, also
    // for the -wal and -shm files SQLite makes with the same permissions.
    {
      base::UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
      if (!fd.valid()) return Error{ErrorKind::storage, "cannot create " + path + ": " + std::strerror(errno)};
    }
    Database db = Database::open(path, true);
    migrate(db);
    return Store(std::move(db));
  } catch (const SqliteFailure& failure) {
    return storage_error(failure);
  }
}

Result<Store> Store::open(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Error{ErrorKind::not_found, path + " does not exist"};
  }
  try {
    Database db = Database::open(path, false);
    migrate(db);
    return Store(std::move(db));
  } catch (const SqliteFailure& failure) {
    return storage_error(failure);
  }
}

// --- users ------------------------------------------------------------------

namespace {

User user_from_row(const Statement& s, int first) {
  User u;
  u.id = s.integer(first);
  u.name = s.text(first + 1);
  u.role = role_from_name(s.text(first + 2)).value_or(Role::editor);
  u.password_hash = s.text(first + 3);
  return u;
}

bool is_constraint(const SqliteFailure& f) { return (f.code & 0xff) == SQLITE_CONSTRAINT; }

}  // namespace

Result<User> Store::add_user(const std::string& name, Role role, const std::string& password_hash,
                             std::int64_t now) {
  return locked([&]() -> Result<User> {
    try {
      Statement s(db_,
                  "INSERT INTO users(name, role, password_hash, created_at) VALUES(?, ?, ?, ?)");
      s.bind(1, name).bind(2, role_name(role)).bind(3, password_hash).bind(4, now).run();
    } catch (const SqliteFailure& f) {
      if (is_constraint(f)) return Error{ErrorKind::exists, "用户“" + name + "”已存在"};
      throw;
    }
    return User{db_.last_insert_rowid(), name, role, password_hash};
  });
}

Result<User> Store::user(const std::string& name) {
  return locked([&]() -> Result<User> {
    Statement s(db_, "SELECT id, name, role, password_hash FROM users WHERE name = ?");
    s.bind(1, name);
    if (!s.step()) return Error{ErrorKind::not_found, "没有用户“" + name + "”"};
    return user_from_row(s, 0);
  });
}

Result<std::vector<User>> Store::users() {
  return locked([&]() -> Result<std::vector<User>> {
    Statement s(db_, "SELECT id, name, role, password_hash FROM users ORDER BY name");
    std::vector<User> out;
    while (s.step()) out.push_back(user_from_row(s, 0));
    return out;
  });
}

// --- sessions -----------------------------------------------------------------

Result<Done> Store::add_session(const Session& session) {
  return locked([&]() -> Result<Done> {
    Statement s(db_,
                "INSERT INTO sessions(token_hash, user_id, csrf, created_at, last_used) "
                "VALUES(?, ?, ?, ?, ?)");
    s.bind(1, session.token_hash).bind(2, session.user.id).bind(3, session.csrf);
    s.bind(4, session.created_at).bind(5, session.last_used).run();
    return Done{};
  });
}

Result<Session> Store::session(const std::string& token_hash) {
  return locked([&]() -> Result<Session> {
    Statement s(db_,
                "SELECT u.id, u.name, u.role, u.password_hash, s.csrf, s.created_at, s.last_used "
                "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?");
    s.bind(1, token_hash);
    if (!s.step()) return Error{ErrorKind::not_found, "no such session"};
    return Session{token_hash, user_from_row(s, 0), s.text(4), s.integer(5), s.integer(6)};
  });
}

Result<Done> Store::touch_session(const std::string& token_hash, std::int64_t now) {
  return locked([&]() -> Result<Done> {
    Statement s(db_, "UPDATE sessions SET last_used = ? WHERE token_hash = ?");
    s.bind(1, now).bind(2, token_hash).run();
    return Done{};
  });
}

Result<Done> Store::drop_session(const std::string& token_hash) {
  return locked([&]() -> Result<Done> {
    Statement(db_, "DELETE FROM sessions WHERE token_hash = ?").bind(1, token_hash).run();
    return Done{};
  });
}

Result<Done> Store::drop_sessions_idle_since(std::int64_t before) {
  return locked([&]() -> Result<Done> {
    Statement(db_, "DELETE FROM sessions WHERE last_used < ?").bind(1, before).run();
    return Done{};
  });
}

// --- login failures -----------------------------------------------------------

Result<int> Store::login_failures_since(const std::string& user_name, std::int64_t since) {
  return locked([&]() -> Result<int> {
    Statement s(db_, "SELECT count(*) FROM login_failures WHERE user_name = ? AND at >= ?");
    s.bind(1, user_name).bind(2, since);
    return s.step() ? static_cast<int>(s.integer(0)) : 0;
  });
}

Result<std::vector<std::int64_t>> Store::latest_login_failures(const std::string& user_name,
                                                                int n) {
  return locked([&]() -> Result<std::vector<std::int64_t>> {
    Statement s(db_, "SELECT at FROM login_failures WHERE user_name = ? ORDER BY at DESC LIMIT ?");
    s.bind(1, user_name).bind(2, n);
    std::vector<std::int64_t> out;
    while (s.step()) out.push_back(s.integer(0));
    return out;
  });
}

Result<Done> Store::add_login_failure(const std::string& user_name, std::int64_t at) {
  return locked([&]() -> Result<Done> {
    Statement(db_, "INSERT INTO login_failures(user_name, at) VALUES(?, ?)")
        .bind(1, user_name)
        .bind(2, at)
        .run();
    return Done{};
  });
}

Result<Done> Store::clear_login_failures(const std::string& user_name) {
  return locked([&]() -> Result<Done> {
    Statement(db_, "DELETE FROM login_failures WHERE user_name = ?").bind(1, user_name).run();
    return Done{};
  });
}

// --- screens and settings -------------------------------------------------------

Result<Screen> Store::add_screen(const std::string& id, const std::string& token_hash,
                                 std::int64_t now) {
  return locked([&]() -> Result<Screen> {
    try {
      Statement(db_, "INSERT INTO screens(id, token_hash, created_at) VALUES(?, ?, ?)")
          .bind(1, id)
          .bind(2, token_hash)
          .bind(3, now)
          .run();
    } catch (const SqliteFailure& f) {
      if (is_constraint(f)) return Error{ErrorKind::exists, "屏幕“" + id + "”已登记"};
      throw;
    }
    return Screen{id, token_hash, now, false, std::nullopt, 60, "", std::nullopt};
  });
}

Result<std::vector<Screen>> Store::screens() {
  return locked([&]() -> Result<std::vector<Screen>> {
    Statement s(db_,
                "SELECT id, token_hash, created_at, revoked, last_seen, interval_seconds, "
                "coalesce(last_report, ''), (SELECT taken_at FROM screenshots WHERE screen = id) "
                "FROM screens ORDER BY id");
    std::vector<Screen> out;
    while (s.step()) {
      out.push_back(Screen{s.text(0), s.text(1), s.integer(2), s.integer(3) != 0, s.optional_integer(4),
                           static_cast<int>(s.integer(5)), s.text(6), s.optional_integer(7)});
    }
    return out;
  });
}

Result<Done> Store::record_heartbeat(const std::string& id, std::int64_t now, int interval_seconds,
                                     const std::string& report) {
  return locked([&]() -> Result<Done> {
    Transaction tx(db_);
    Statement(db_,
              "UPDATE screens SET last_seen = ?, interval_seconds = ?, last_report = ? WHERE id = ?")
        .bind(1, now)
        .bind(2, interval_seconds)
        .bind(3, report)
        .bind(4, id)
        .run();
    if (db_.changes() == 0) return Done{};  // no such screen: no history either
    Statement(db_, "INSERT INTO screen_contacts(screen, at, report) VALUES(?, ?, ?)")
        .bind(1, id)
        .bind(2, now)
        .bind(3, report)
        .run();
    // Only the newest few are kept: the history is for "when did it last
    // talk", not an archive, and 500 screens every 30 s must not grow it.
    Statement(db_,
              "DELETE FROM screen_contacts WHERE screen = ? AND id NOT IN "
              "(SELECT id FROM screen_contacts WHERE screen = ? ORDER BY id DESC LIMIT ?)")
        .bind(1, id)
        .bind(2, id)
        .bind(3, static_cast<std::int64_t>(kContactsKept))
        .run();
    tx.commit();
    return Done{};
  });
}

Result<std::vector<Contact>> Store::screen_contacts(const std::string& id) {
  return locked([&]() -> Result<std::vector<Contact>> {
    Statement s(db_, "SELECT at, report FROM screen_contacts WHERE screen = ? ORDER BY id DESC LIMIT ?");
    s.bind(1, id).bind(2, static_cast<std::int64_t>(kContactsKept));
    std::vector<Contact> out;
    while (s.step()) out.push_back(Contact{s.integer(0), s.text(1)});
    return out;
  });
}

Result<Done> Store::replace_screen_token(const std::string& id, const std::string& token_hash) {
  return locked([&]() -> Result<Done> {
    // A revoked screen stays revoked: a new token must not bring back a
    // screen IT took out of service.
    Statement s(db_, "UPDATE screens SET token_hash = ? WHERE id = ? AND revoked = 0");
    s.bind(1, token_hash).bind(2, id).run();
    if (db_.changes() != 0) return Done{};
    Statement known(db_, "SELECT 1 FROM screens WHERE id = ?");
    known.bind(1, id);
    if (known.step()) return Error{ErrorKind::conflict, "屏幕“" + id + "”已停用，不能换发令牌"};
    return Error{ErrorKind::not_found, "没有屏幕“" + id + "”"};
  });
}

Result<std::optional<std::string>> Store::setting(const std::string& name) {
  return locked([&]() -> Result<std::optional<std::string>> {
    Statement s(db_, "SELECT value FROM settings WHERE name = ?");
    s.bind(1, name);
    if (!s.step()) return std::optional<std::string>();
    return std::optional<std::string>(s.text(0));
  });
}

Result<Done> Store::set_setting(const std::string& name, const std::string& value) {
  return locked([&]() -> Result<Done> {
    Statement(db_,
              "INSERT INTO settings(name, value) VALUES(?, ?) "
              "ON CONFLICT(name) DO UPDATE SET value = excluded.value")
        .bind(1, name)
        .bind(2, value)
        .run();
    return Done{};
  });
}

}  // namespace hb::store
