// Draft records and the audit log: every change to a record writes its
// audit entry in the same transaction, so neither exists without the other.
#include <map>
#include <utility>

#include "store/store_internal.h"

namespace hb::store {

namespace {

const std::string kRecordColumns =
    "SELECT kind, key, position, body, rev, updated_at, updated_by FROM records ";

Record record_from_row(const Statement& s) {
  return Record{s.text(0),    s.text(1),    s.integer(2), s.text(3),
                s.integer(4), s.integer(5), s.text(6)};
}

std::optional<Record> find_record(Database& db, const std::string& kind, const std::string& key) {
  Statement s(db, kRecordColumns + "WHERE kind = ? AND key = ?");
  s.bind(1, kind).bind(2, key);
  if (!s.step()) return std::nullopt;
  return record_from_row(s);
}

void insert_audit(Database& db, const AuditEntry& e) {
  Statement s(db,
              "INSERT INTO audit(at, user_name, action, kind, key, before, after) "
              "VALUES(?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, e.at).bind(2, e.user).bind(3, e.action).bind(4, e.kind).bind(5, e.key);
  s.bind(6, e.before).bind(7, e.after).run();
}

void bump_generation(Database& db) {
  Statement(db,
            "INSERT INTO settings(name, value) VALUES('drafts_generation', '1') "
            "ON CONFLICT(name) DO UPDATE SET value = CAST(value AS INTEGER) + 1")
      .run();
}

void write_record(Database& db, const Record& r) {
  bump_generation(db);
  Statement s(db,
              "INSERT INTO records(kind, key, position, body, rev, updated_at, updated_by) "
              "VALUES(?, ?, ?, ?, ?, ?, ?) ON CONFLICT(kind, key) DO UPDATE SET "
              "position = excluded.position, body = excluded.body, rev = excluded.rev, "
              "updated_at = excluded.updated_at, updated_by = excluded.updated_by");
  s.bind(1, r.kind).bind(2, r.key).bind(3, r.position).bind(4, r.body).bind(5, r.rev);
  s.bind(6, r.updated_at).bind(7, r.updated_by).run();
}

void remove_record(Database& db, const std::string& kind, const std::string& key) {
  bump_generation(db);
  Statement(db, "DELETE FROM records WHERE kind = ? AND key = ?").bind(1, kind).bind(2, key).run();
}

std::int64_t next_position(Database& db, const std::string& kind) {
  Statement s(db, "SELECT coalesce(max(position), 0) + 1 FROM records WHERE kind = ?");
  s.bind(1, kind);
  return s.step() ? s.integer(0) : 1;
}

Error conflict_error(const std::optional<Record>& now_stored) {
  if (!now_stored) return Error{ErrorKind::conflict, "这条记录已被他人删除，您的修改未保存"};
  return Error{ErrorKind::conflict, "这条记录已被" + now_stored->updated_by +
                                        "修改，您的修改未保存；请查看最新内容后再改"};
}

}  // namespace

Result<std::int64_t> Store::drafts_generation() {
  return locked([&]() -> Result<std::int64_t> {
    Statement s(db_, "SELECT CAST(value AS INTEGER) FROM settings WHERE name = 'drafts_generation'");
    return s.step() ? s.integer(0) : std::int64_t{0};
  });
}

Result<std::vector<Record>> Store::records(const std::string& kind) {
  return locked([&]() -> Result<std::vector<Record>> {
    Statement s(db_, kRecordColumns + "WHERE kind = ? ORDER BY position, key");
    s.bind(1, kind);
    std::vector<Record> out;
    while (s.step()) out.push_back(record_from_row(s));
    return out;
  });
}

Result<std::vector<Record>> Store::all_records() {
  return locked([&]() -> Result<std::vector<Record>> {
    Statement s(db_, kRecordColumns + "ORDER BY kind, position, key");
    std::vector<Record> out;
    while (s.step()) out.push_back(record_from_row(s));
    return out;
  });
}

Result<Record> Store::record(const std::string& kind, const std::string& key) {
  return locked([&]() -> Result<Record> {
    auto found = find_record(db_, kind, key);
    if (!found) return Error{ErrorKind::not_found, "没有这条记录（可能已被删除）"};
    return std::move(*found);
  });
}

Result<Record> Store::put_record(const Record& record, std::int64_t expected_rev,
                                 const std::string& user, std::int64_t now) {
  return locked([&]() -> Result<Record> {
    Transaction tx(db_);
    const auto stored = find_record(db_, record.kind, record.key);
    if (expected_rev == 0 && stored) {
      return Error{ErrorKind::exists, "编号“" + record.key + "”已被使用"};
    }
    if (expected_rev != 0 && (!stored || stored->rev != expected_rev)) return conflict_error(stored);
    Record next = record;
    next.rev = stored ? stored->rev + 1 : 1;
    next.position = stored ? stored->position : next_position(db_, record.kind);
    if (record.position > 0) next.position = record.position;
    next.updated_at = now;
    next.updated_by = user;
    write_record(db_, next);
    const std::optional<std::string> before =
        stored ? std::optional<std::string>(stored->body) : std::nullopt;
    insert_audit(db_, AuditEntry{0, now, user, stored ? "update" : "create", record.kind,
                                 record.key, before, next.body});
    tx.commit();
    return next;
  });
}

Result<Done> Store::delete_record(const std::string& kind, const std::string& key,
                                  std::optional<std::int64_t> expected_rev, const std::string& user,
                                  std::int64_t now) {
  return locked([&]() -> Result<Done> {
    Transaction tx(db_);
    const auto stored = find_record(db_, kind, key);
    if (!stored) return Error{ErrorKind::not_found, "没有这条记录（可能已被删除）"};
    if (expected_rev && stored->rev != *expected_rev) return conflict_error(stored);
    remove_record(db_, kind, key);
    insert_audit(db_, AuditEntry{0, now, user, "delete", kind, key, stored->body, std::nullopt});
    tx.commit();
    return Done{};
  });
}

Result<Done> Store::upsert_records(const std::vector<Record>& records, const std::string& action,
                                   const std::string& user, std::int64_t now) {
  return locked([&]() -> Result<Done> {
    Transaction tx(db_);
    for (const Record& r : records) {
      const auto stored = find_record(db_, r.kind, r.key);
      if (stored && stored->body == r.body) continue;
      Record next = r;
      next.rev = stored ? stored->rev + 1 : 1;
      next.position = stored ? stored->position : (r.position > 0 ? r.position : next_position(db_, r.kind));
      next.updated_at = now;
      next.updated_by = user;
      write_record(db_, next);
      std::optional<std::string> before;
      if (stored) before = stored->body;
      insert_audit(db_, AuditEntry{0, now, user, action, r.kind, r.key, before, r.body});
    }
    tx.commit();
    return Done{};
  });
}

Result<Done> Store::replace_records(const std::vector<Record>& records, const std::string& action,
                                    const std::string& user, std::int64_t now) {
  return locked([&]() -> Result<Done> {
    Transaction tx(db_);
    std::map<std::pair<std::string, std::string>, Record> old;
    {
      Statement s(db_, kRecordColumns);
      while (s.step()) {
        Record r = record_from_row(s);
        old.emplace(std::pair(r.kind, r.key), std::move(r));
      }
    }
    for (const Record& r : records) {
      const auto found = old.find({r.kind, r.key});
      const bool same = found != old.end() && found->second.body == r.body;
      Record next = r;
      next.rev = found == old.end() ? 1 : found->second.rev + (same ? 0 : 1);
      next.updated_at = same ? found->second.updated_at : now;
      next.updated_by = same ? found->second.updated_by : user;
      write_record(db_, next);
      if (!same) {
        std::optional<std::string> before;
        if (found != old.end()) before = found->second.body;
        insert_audit(db_, AuditEntry{0, now, user, action, r.kind, r.key, before, r.body});
      }
      if (found != old.end()) old.erase(found);
    }
    for (const auto& [k, r] : old) {
      remove_record(db_, r.kind, r.key);
      insert_audit(db_, AuditEntry{0, now, user, action, r.kind, r.key, r.body, std::nullopt});
    }
    tx.commit();
    return Done{};
  });
}

Result<Done> Store::audit(const AuditEntry& entry) {
  return locked([&]() -> Result<Done> {
    insert_audit(db_, entry);
    return Done{};
  });
}

Result<std::vector<AuditEntry>> Store::audit_log(std::int64_t before_id, int limit) {
  return locked([&]() -> Result<std::vector<AuditEntry>> {
    Statement s(db_,
                "SELECT id, at, user_name, action, kind, key, before, after FROM audit "
                "WHERE id < ? ORDER BY id DESC LIMIT ?");
    s.bind(1, before_id).bind(2, limit);
    std::vector<AuditEntry> out;
    while (s.step()) {
      out.push_back(AuditEntry{s.integer(0), s.integer(1), s.text(2), s.text(3), s.text(4),
                               s.text(5), s.optional_text(6), s.optional_text(7)});
    }
    return out;
  });
}

}  // namespace hb::store
