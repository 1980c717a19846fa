// SQLite, wrapped once: the connection and prepared statements as RAII
// owners. Every value reaches SQL through bind(), never by pasting text into
// a statement. Failures inside the store throw SqliteFailure; the store's
// public functions turn it into an error value (store.h), so nothing throws
// past src/store.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace hb::store {

struct SqliteFailure : std::runtime_error {
  SqliteFailure(int sqlite_code, const std::string& what)
      : std::runtime_error(what), code(sqlite_code) {}
  int code;
};

class Database {
 public:
  // Opens (and with `create`, creates) the file; WAL, foreign keys on,
  // FULL sync (a published version survives a power cut), a busy timeout so
  // `console user add` can write while `console serve` runs.
  static Database open(const std::string& path, bool create);

  sqlite3* get() const { return db_.get(); }
  void exec(const char* sql);  // statements without values only
  std::int64_t last_insert_rowid() const;
  int changes() const;

 private:
  struct Close {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  explicit Database(sqlite3* db) : db_(db) {}
  std::unique_ptr<sqlite3, Close> db_;
};

class Statement {
 public:
  Statement(const Database& db, std::string_view sql);

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Statement& bind_blob(int index, std::string_view bytes);
  Statement& bind_null(int index);
  Statement& bind(int index, const std::optional<std::int64_t>& value);
  Statement& bind(int index, const std::optional<std::string>& value);

  bool step();  // true: a row is ready
  void run();   // steps to the end (a statement without rows)
  void reset();

  std::int64_t integer(int column) const;
  std::string text(int column) const;  // also blobs, as bytes
  bool is_null(int column) const;
  std::optional<std::int64_t> optional_integer(int column) const;
  std::optional<std::string> optional_text(int column) const;

 private:
  struct Finalize {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
  };
  void check(int rc) const;
  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, Finalize> stmt_;
};

// BEGIN IMMEDIATE … COMMIT, rolled back when left without commit(): a
// writer takes the lock at once, so two writers never deadlock upgrading.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace hb::store
