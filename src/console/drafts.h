// The drafts as content: the store's records joined into feeds, read back
// by the same parser, merge and checks as `hallboard lint`. What an editor
// saves and what an approver publishes is judged by exactly lint's rules.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "model/content.h"
#include "model/diagnostic.h"
#include "store/store.h"

namespace hb::console {

struct NamedFeed {
  std::string name;
  std::string bytes;
};

struct ReadContent {
  model::Content content;
  model::Diagnostics findings;  // lint's, with the feed names as files
  bool has_errors() const { return model::has_errors(findings); }
};

// Parses, merges and checks feeds as lint does for files given together.
ReadContent read_feeds(const std::vector<NamedFeed>& feeds, int utc_offset_minutes);

// The drafts' feeds, without `generated`.
std::vector<NamedFeed> draft_feeds(const std::vector<store::Record>& records, const std::string& hall_id);

// The drafts' feeds and what lint makes of them.
ReadContent read_drafts(const std::vector<store::Record>& records, const std::string& hall_id,
                        int utc_offset_minutes);

// read_drafts that keeps each feed's parse while the records in it stay
// the same: a save re-writes and re-parses only the feed it touches (a
// notice costs notices.xml, not the 2,000 items beside it). Merge and the
// checks across feeds still run on the whole. Safe to share between threads.
class DraftReader {
 public:
  ReadContent read(const std::vector<store::Record>& records, const std::string& hall_id,
                   int utc_offset_minutes);

 private:
  struct ParsedFeed {
    std::optional<std::uint64_t> fingerprint;  // of its records (kind, key, position, body) and the hall id
    std::optional<model::Feed> feed;  // nothing when the parser refused the whole feed
    model::Diagnostics findings;
  };
  std::mutex mutex_;
  std::map<std::string, ParsedFeed> feeds_;
};

// Lint's error lines (FILE:LINE:COL: error: MESSAGE), for answers and pages.
std::vector<std::string> error_lines(const model::Diagnostics& findings);

}  // namespace hb::console
