#include "console/drafts.h"

#include "console/feed_records.h"
#include "feed/feed.h"
#include "layout/slide_estimate.h"
#include "schedule/checks.h"

namespace hb::console {

namespace {

// The feeds merged and checked across, as lint does after parsing each.
void merge_and_check(std::vector<model::Feed> parsed, int utc_offset_minutes, ReadContent& out) {
  out.content = feed::merge(std::move(parsed), out.findings);
  schedule::check_absence_cover(out.content, utc_offset_minutes, out.findings);
  layout::check_slide_lengths(out.content, out.findings);
}

}  // namespace

ReadContent read_feeds(const std::vector<NamedFeed>& feeds, int utc_offset_minutes) {
  ReadContent out;
  std::vector<model::Feed> parsed;
  for (const NamedFeed& f : feeds) {
    if (auto feed = feed::parse_feed(f.bytes, f.name, out.findings)) parsed.push_back(std::move(*feed));
  }
  merge_and_check(std::move(parsed), utc_offset_minutes, out);
  return out;
}

std::vector<NamedFeed> draft_feeds(const std::vector<store::Record>& records, const std::string& hall_id) {
  std::vector<NamedFeed> feeds;
  for (const FeedDraft& d : feeds_from_records(records, hall_id)) {
    feeds.push_back(NamedFeed{d.name, d.bytes("")});
  }
  return feeds;
}

ReadContent read_drafts(const std::vector<store::Record>& records, const std::string& hall_id,
                        int utc_offset_minutes) {
  return read_feeds(draft_feeds(records, hall_id), utc_offset_minutes);
}

namespace {

// FNV-1a, 64 bits: which feeds a change touched, not a defence against anyone.
struct Fingerprint {
  std::uint64_t value = 14695981039346656037ull;
  void add(std::string_view bytes) {
    for (const unsigned char c : bytes) value = (value ^ c) * 1099511628211ull;
    value = (value ^ 0xff) * 1099511628211ull;  // ends the field: "ab","c" is not "a","bc"
  }
};

std::map<std::string, std::uint64_t> fingerprints(const std::vector<store::Record>& records,
                                                  const std::string& hall_id) {
  std::map<std::string, Fingerprint> prints;
  for (const std::string& name : feed_names()) prints[name].add(hall_id);
  for (const store::Record& r : records) {
    const RecordKind* kind = find_record_kind(r.kind);
    if (!kind) continue;
    Fingerprint& f = prints[kind->feed];
    f.add(r.kind);
    f.add(r.key);
    f.add(std::to_string(r.position));
    f.add(r.body);
  }
  std::map<std::string, std::uint64_t> out;
  for (const auto& [name, f] : prints) out[name] = f.value;
  return out;
}

}  // namespace

ReadContent DraftReader::read(const std::vector<store::Record>& records, const std::string& hall_id,
                              int utc_offset_minutes) {
  const auto prints = fingerprints(records, hall_id);
  ReadContent out;
  std::vector<model::Feed> parsed;
  std::lock_guard lock(mutex_);
  for (const FeedDraft& d : feeds_from_records(records, hall_id)) {
    ParsedFeed& cached = feeds_[d.name];
    const std::uint64_t print = prints.at(d.name);
    if (cached.fingerprint != print) {
      cached.findings.clear();
      cached.feed = feed::parse_feed(d.bytes(""), d.name, cached.findings);
      cached.fingerprint = print;
    }
    out.findings.insert(out.findings.end(), cached.findings.begin(), cached.findings.end());
    if (cached.feed) parsed.push_back(*cached.feed);
  }
  merge_and_check(std::move(parsed), utc_offset_minutes, out);
  return out;
}

std::vector<std::string> error_lines(const model::Diagnostics& findings) {
  std::vector<std::string> out;
  for (const model::Diagnostic& d : findings) {
    if (d.severity == model::Severity::error) out.push_back(model::format_diagnostic(d));
  }
  return out;
}

}  // namespace hb::console
