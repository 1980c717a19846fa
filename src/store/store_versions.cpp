// Published versions: each holds the complete set of feeds it published.
// Feed bytes are kept once per distinct content (blobs, by SHA-256), so a
// version that changed one feed costs one feed.
#include "store/store_internal.h"

namespace hb::store {

namespace {

Version version_from_row(const Statement& s) {
  return Version{s.integer(0), s.integer(1), s.text(2), s.optional_integer(3)};
}

void insert_feed(Database& db, std::int64_t version, const FeedFile& f) {
  Statement(db, "INSERT OR IGNORE INTO blobs(sha256, bytes) VALUES(?, ?)")
      .bind(1, f.sha256)
      .bind_blob(2, f.bytes)
      .run();
  Statement s(db,
              "INSERT INTO version_feeds(version, name, sha256, generated, generated_unix, signature) "
              "VALUES(?, ?, ?, ?, ?, ?)");
  s.bind(1, version).bind(2, f.name).bind(3, f.sha256).bind(4, f.generated);
  s.bind(5, f.generated_unix);
  if (f.signature.empty()) {
    s.bind_null(6);
  } else {
    s.bind_blob(6, f.signature);
  }
  s.run();
}

}  // namespace

Result<Version> Store::add_version(const std::vector<FeedFile>& feeds,
                                   std::optional<std::int64_t> source, const std::string& user,
                                   std::int64_t now) {
  return locked([&]() -> Result<Version> {
    Transaction tx(db_);
    Statement(db_, "INSERT INTO versions(published_at, published_by, source) VALUES(?, ?, ?)")
        .bind(1, now)
        .bind(2, user)
        .bind(3, source)
        .run();
    const Version v{db_.last_insert_rowid(), now, user, source};
    for (const FeedFile& f : feeds) insert_feed(db_, v.number, f);
    Statement(db_,
              "INSERT INTO audit(at, user_name, action, kind, key, before, after) "
              "VALUES(?, ?, ?, 'version', ?, NULL, NULL)")
        .bind(1, now)
        .bind(2, user)
        .bind(3, source ? "republish" : "publish")
        .bind(4, std::to_string(v.number))
        .run();
    tx.commit();
    return v;
  });
}

Result<std::vector<Version>> Store::versions() {
  return locked([&]() -> Result<std::vector<Version>> {
    Statement s(db_,
                "SELECT number, published_at, published_by, source FROM versions "
                "ORDER BY number DESC");
    std::vector<Version> out;
    while (s.step()) out.push_back(version_from_row(s));
    return out;
  });
}

Result<std::optional<Version>> Store::latest_version() {
  return locked([&]() -> Result<std::optional<Version>> {
    Statement s(db_,
                "SELECT number, published_at, published_by, source FROM versions "
                "ORDER BY number DESC LIMIT 1");
    if (!s.step()) return std::optional<Version>();
    return std::optional<Version>(version_from_row(s));
  });
}

Result<std::vector<FeedFile>> Store::version_feeds(std::int64_t number) {
  return locked([&]() -> Result<std::vector<FeedFile>> {
    Statement s(db_,
                "SELECT f.name, b.bytes, f.sha256, f.generated, f.generated_unix, f.signature "
                "FROM version_feeds f JOIN blobs b ON b.sha256 = f.sha256 "
                "WHERE f.version = ? ORDER BY f.name");
    s.bind(1, number);
    std::vector<FeedFile> out;
    while (s.step()) {
      out.push_back(FeedFile{s.text(0), s.text(1), s.text(2), s.text(3), s.integer(4),
                             s.optional_text(5).value_or("")});
    }
    if (out.empty()) return Error{ErrorKind::not_found, "没有第" + std::to_string(number) + "版"};
    return out;
  });
}

Result<Done> Store::set_feed_signature(std::int64_t number, const std::string& name,
                                       const std::string& sha256, const std::string& signature) {
  return locked([&]() -> Result<Done> {
    Statement(db_, "UPDATE version_feeds SET signature = ? WHERE version = ? AND name = ? AND sha256 = ?")
        .bind_blob(1, signature)
        .bind(2, number)
        .bind(3, name)
        .bind(4, sha256)
        .run();
    return Done{};
  });
}

Result<Done> Store::put_asset(const Asset& asset, const std::string& user, std::int64_t now) {
  return locked([&]() -> Result<Done> {
    Transaction tx(db_);
    Statement(db_,
              "INSERT INTO assets(name, bytes, sha256, updated_at) VALUES(?, ?, ?, ?) "
              "ON CONFLICT(name) DO UPDATE SET bytes = excluded.bytes, sha256 = excluded.sha256, "
              "updated_at = excluded.updated_at")
        .bind(1, asset.name)
        .bind_blob(2, asset.bytes)
        .bind(3, asset.sha256)
        .bind(4, now)
        .run();
    Statement(db_,
              "INSERT INTO audit(at, user_name, action, kind, key, before, after) "
              "VALUES(?, ?, 'upload', 'asset', ?, NULL, ?)")
        .bind(1, now)
        .bind(2, user)
        .bind(3, asset.name)
        .bind(4, asset.sha256)
        .run();
    tx.commit();
    return Done{};
  });
}

Result<Asset> Store::asset(const std::string& name) {
  return locked([&]() -> Result<Asset> {
    Statement s(db_, "SELECT name, bytes, sha256 FROM assets WHERE name = ?");
    s.bind(1, name);
    if (!s.step()) return Error{ErrorKind::not_found, "没有这个文件"};
    return Asset{s.text(0), s.text(1), s.text(2)};
  });
}

Result<std::vector<Asset>> Store::assets() {
  return locked([&]() -> Result<std::vector<Asset>> {
    Statement s(db_, "SELECT name, bytes, sha256 FROM assets ORDER BY name");
    std::vector<Asset> out;
    while (s.step()) out.push_back(Asset{s.text(0), s.text(1), s.text(2)});
    return out;
  });
}

Result<std::optional<std::int64_t>> Store::last_generated(const std::string& feed_name) {
  return locked([&]() -> Result<std::optional<std::int64_t>> {
    Statement s(db_, "SELECT max(generated_unix) FROM version_feeds WHERE name = ?");
    s.bind(1, feed_name);
    if (!s.step()) return std::optional<std::int64_t>();
    return s.optional_integer(0);
  });
}

}  // namespace hb::store
