// The drafts as content: the store's records joined into feeds, read back
// by the same parser, merge and checks as `hallboard lint`. What an editor
// saves and what an approver publishes is judged by exactly lint's rules.
#pragma once

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

// Lint's error lines (FILE:LINE:COL: error: MESSAGE), for answers and pages.
std::vector<std::string> error_lines(const model::Diagnostics& findings);

}  // namespace hb::console
