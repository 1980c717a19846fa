#include "console/publisher.h"

#include <algorithm>
#include <map>
#include <mutex>

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

std::optional<std::string> write_feed_files(const PublishSettings& settings,
                                            const store::FeedFile& f) {
  std::error_code ec;
  std::filesystem::create_directories(settings.feeds_dir, ec);
  if (auto failed = write_file_atomically(settings.feeds_dir, f.name, f.bytes)) return failed;
  if (!settings.signer) return std::nullopt;
  auto signature = settings.signer(f.bytes);
  if (!signature) return "cannot sign " + f.name + ": " + signature.error().message;
  return write_file_atomically(settings.feeds_dir, f.name + ".sig", *signature);
}

// Whether the folder already holds exactly this feed (and its signature).
bool on_disk(const PublishSettings& settings, const store::FeedFile& f) {
  const auto bytes = read_whole_file(settings.feeds_dir / f.name);
  if (!bytes || *bytes != f.bytes) return false;
  return !settings.signer || std::filesystem::exists(settings.feeds_dir / (f.name + ".sig"));
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
  const auto files = next_feed_files(
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
  return out;
}

std::optional<std::string> sync_published_files(store::Store& store,
                                                 const PublishSettings& settings) {
  const auto latest = store.latest_version();
  if (!latest) return latest.error().message;
  if (!*latest) return std::nullopt;
  const auto feeds = store.version_feeds((*latest)->number);
  if (!feeds) return feeds.error().message;
  for (const store::FeedFile& f : *feeds) {
    if (on_disk(settings, f)) continue;
    if (auto failed = write_feed_files(settings, f)) return failed;
  }
  return std::nullopt;
}

}  // namespace hb::console
