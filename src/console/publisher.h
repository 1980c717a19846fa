// Publishing (审核发布): the drafts become a version of v1 feeds. A feed
// whose bytes would not change keeps its bytes, `generated` and ETag; one
// that changes gets a `generated` later than any it had (a second later when
// the clock has not moved on), so screens accept it — also when an old
// version is republished. The version is committed to the database first,
// then the files are written; sync_published_files() repairs the files
// after a crash between the two, so the folder always ends up equal to the
// latest version.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "console/drafts.h"
#include "store/store.h"

namespace hb::console {

struct SigningError {
  std::string message;
};
// The raw 64-byte Ed25519 signature of some bytes, or why not.
using Signer = std::function<base::Result<std::string, SigningError>(std::string_view bytes)>;

struct PublishSettings {
  std::filesystem::path feeds_dir;  // DATA/feeds
  std::string hall_id;              // the root's hall="…", "" for none
  int utc_offset_minutes = 8 * 60;
  Signer signer;  // empty: feeds are unsigned
  // Makes publishes one at a time (the Console's); null when the caller
  // is alone anyway (init).
  std::mutex* one_at_a_time = nullptr;
};

enum class PublishErrorKind { invalid_content, storage, files, not_found };

struct PublishError {
  PublishErrorKind kind = PublishErrorKind::storage;
  std::vector<std::string> messages;  // lint's lines for invalid content
};

struct Published {
  store::Version version;
  std::vector<std::string> feed_names;  // every feed of the version
  std::vector<std::string> changed;     // those whose bytes changed
};

// The feed files `records` make, each with the generated it needs. Pure
// apart from reading nothing: `previous` is the latest version's feeds,
// `last_generated` the latest generated each name ever had.
std::vector<store::FeedFile> next_feed_files(
    const std::vector<store::Record>& records, const PublishSettings& settings,
    const std::vector<store::FeedFile>& previous,
    const std::function<std::optional<std::int64_t>(const std::string&)>& last_generated,
    std::int64_t now);

base::Result<Published, PublishError> publish_records(store::Store& store,
                                                      const std::vector<store::Record>& records,
                                                      const PublishSettings& settings,
                                                      std::optional<std::int64_t> source,
                                                      const std::string& user, std::int64_t now);

// Makes DATA/feeds equal the latest version (after a crash, at start).
std::optional<std::string> sync_published_files(store::Store& store, const PublishSettings& settings);

}  // namespace hb::console
