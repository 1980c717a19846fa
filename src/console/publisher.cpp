#include "console/publisher.h"

#include <algorithm>
#include <map>
#include <mutex>

#include "console/assets.h"
#include "console/auth.h"
#include "console/feed_files.h"
#include "console/feed_records.h"

namespace hb::console {

namespace {

const store::FeedFile* find_feed(const std::vector<store::FeedFile>& feeds, const std::string& name) {
  for (const store::FeedFile& f : feeds) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

PublishError storage_failure(const store::Error& e) {
  return PublishError{PublishErrorKind::storage, {e.message}};
}

// The feed and, when it has one, its signature (from the database, so the
// file nginx serves and the one the console serves are the same bytes).
std::optional<std::string> write_feed_files(const PublishSettings& settings,
                                            const store::FeedFile& f) {
  std::error_code ec;
  std::filesystem::create_directories(settings.feeds_dir, ec);
  if (auto failed = write_file_atomically(settings.feeds_dir, f.name, f.bytes)) return failed;
  if (f.signature.empty()) return std::nullopt;
  return write_file_atomically(settings.feeds_dir, f.name + ".sig", f.signature);
}

// Whether the folder already holds exactly this feed (and its signature).
bool on_disk(const PublishSettings& settings, const store::FeedFile& f) {
  const auto bytes = read_whole_file(settings.feeds_dir / f.name);
  if (!bytes || *bytes != f.bytes) return false;
  return f.signature.empty() || read_whole_file(settings.feeds_dir / (f.name + ".sig")) == f.signature;
}

// Signs every feed's bytes (also those kept from the previous version: the
// key may have changed since). Ed25519 is deterministic, so an unchanged
// feed keeps its signature.
std::optional<std::string> sign_feeds(const PublishSettings& settings,
                                      std::vector<store::FeedFile>& files) {
  if (!settings.signer) return std::nullopt;
  for (store::FeedFile& f : files) {
    auto signature = settings.signer(f.bytes);
    if (!signature) return "cannot sign " + f.name + ": " + signature.error().message;
    f.signature = std::move(*signature);
  }
  return std::nullopt;
}

// The pictures the published content names, beside the feeds for nginx
// (the console itself serves them from the database). A name no picture
// was stored under is left to lint's warning.
std::optional<std::string> write_named_assets(store::Store& store, const PublishSettings& settings,
                                              const model::Content& content) {
  std::vector<store::Asset> pictures;
  for (const std::string& name : asset_names(content)) {
    if (auto picture = store.asset(name)) pictures.push_back(std::move(*picture));
  }
  return write_assets(settings.feeds_dir, pictures);
}

}  // namespace

std::vector<store::FeedFile> next_feed_files(
    const std::vector<store::Record>& records, const PublishSettings& settings,
    const std::vector<store::FeedFile>& previous,
    const std::function<std::optional<std::int64_t>(const std::string&)>& last_generated,
    std::int64_t now) {
  std::vector<store::FeedFile> out;
  for (const FeedDraft& draft : feeds_from_records(records, settings.hall_id)) {
    const store::FeedFile* before = find_feed(previous, draft.name);
    if (before && draft.bytes(before->generated) == before->bytes) {
      out.push_back(*before);
      continue;
    }
    std::int64_t generated = now;
    if (const auto last = last_generated(draft.name)) generated = std::max(now, *last + 1);
    store::FeedFile f;
    f.name = draft.name;
    f.generated_unix = generated;
    f.generated = model::to_iso_string(generated, settings.utc_offset_minutes);
    f.bytes = draft.bytes(f.generated);
    f.sha256 = sha256_hex(f.bytes);
    out.push_back(std::move(f));
  }
  return out;
}

base::Result<Published, PublishError> publish_records(store::Store& store,
                                                      const std::vector<store::Record>& records,
                                                      const PublishSettings& settings,
                                                      std::optional<std::int64_t> source,
                                                      const std::string& user, std::int64_t now) {
  // One publish at a time: the server answers on several threads, and two
  // publishes at once would both start from the same previous version (a
  // changed feed's generated could go back) and write the same temporary
  // files (one rename then fails, or a file of the older version wins).
  std::unique_lock<std::mutex> lock;
  if (settings.one_at_a_time) lock = std::unique_lock(*settings.one_at_a_time);
  std::vector<store::FeedFile> previous;
  const auto latest = store.latest_version();
  if (!latest) return storage_failure(latest.error());
  if (*latest) {
    auto feeds = store.version_feeds((*latest)->number);
    if (!feeds) return storage_failure(feeds.error());
    previous = std::move(*feeds);
  }
  std::optional<store::Error> lookup_failure;
  auto files = next_feed_files(
      records, settings, previous,
      [&](const std::string& name) -> std::optional<std::int64_t> {
        auto last = store.last_generated(name);
        if (!last) lookup_failure = last.error();
        return last ? *last : std::nullopt;
      },
      now);
  if (lookup_failure) return storage_failure(*lookup_failure);

  std::vector<NamedFeed> named;
  for (const auto& f : files) named.push_back(NamedFeed{f.name, f.bytes});
  const ReadContent checked = read_feeds(named, settings.utc_offset_minutes);
  if (checked.has_errors()) {
    return PublishError{PublishErrorKind::invalid_content, error_lines(checked.findings)};
  }
  if (auto failed = sign_feeds(settings, files)) return PublishError{PublishErrorKind::files, {*failed}};
  auto version = store.add_version(files, source, user, now);
  if (!version) return storage_failure(version.error());

  Published out{*version, {}, {}};
  for (const auto& f : files) {
    out.feed_names.push_back(f.name);
    const store::FeedFile* before = find_feed(previous, f.name);
    if (before && before->bytes == f.bytes && on_disk(settings, f)) continue;
    out.changed.push_back(f.name);
    if (auto failed = write_feed_files(settings, f)) {
      return PublishError{PublishErrorKind::files, {*failed}};
    }
  }
  if (auto failed = write_named_assets(store, settings, checked.content)) {
    return PublishError{PublishErrorKind::files, {*failed}};
  }
  return out;
}

std::optional<std::string> sync_published_files(store::Store& store,
                                                 const PublishSettings& settings) {
  const auto latest = store.latest_version();
  if (!latest) return latest.error().message;
  if (!*latest) return std::nullopt;
  auto feeds = store.version_feeds((*latest)->number);
  if (!feeds) return feeds.error().message;
  for (store::FeedFile& f : *feeds) {
    // Signed again at every start: Ed25519 is deterministic, so the same
    // key gives the stored signature back, and anything else (published
    // before signatures were kept, unsigned then, or a key changed since)
    // is re-signed and kept — screens holding the new key accept at once.
    if (settings.signer) {
      std::vector<store::FeedFile> one{f};
      if (auto failed = sign_feeds(settings, one)) return failed;
      if (one.front().signature != f.signature) {
        f.signature = one.front().signature;
        const auto kept = store.set_feed_signature((*latest)->number, f.name, f.sha256, f.signature);
        if (!kept) return kept.error().message;
      }
    }
    if (on_disk(settings, f)) continue;
    if (auto failed = write_feed_files(settings, f)) return failed;
  }
  return std::nullopt;
}

}  // namespace hb::console
