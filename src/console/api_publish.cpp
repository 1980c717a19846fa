// Publishing, versions and republishing (console.md); the published feeds
// are served by feed_serving.cpp.
#include <map>

#include "console/auth.h"
#include "console/feed_records.h"
#include "console/handlers.h"

namespace hb::console {

namespace {

int status_of(PublishErrorKind kind) {
  switch (kind) {
    case PublishErrorKind::invalid_content: return 422;
    case PublishErrorKind::not_found: return 404;
    default: return 500;
  }
}

// Records without a key attribute get made-up keys; when republishing, the
// same element keeps the key it has in the drafts, so the audit log shows
// only what really changes.
std::vector<store::Record> records_of_version(const std::vector<store::FeedFile>& feeds,
                                              const std::vector<store::Record>& drafts) {
  std::multimap<std::pair<std::string, std::string>, std::string> keys_by_body;
  for (const store::Record& r : drafts) keys_by_body.emplace(std::pair(r.kind, r.body), r.key);
  std::vector<store::Record> out;
  for (const store::FeedFile& f : feeds) {
    for (store::Record r : records_from_feed(f.bytes, random_key, nullptr)) {
      const auto kind = find_record_kind(r.kind);
      if (kind && !*kind->key_attribute && *kind->section) {
        const auto found = keys_by_body.find({r.kind, r.body});
        if (found != keys_by_body.end()) {
          r.key = found->second;
          keys_by_body.erase(found);
        }
      }
      out.push_back(std::move(r));
    }
  }
  std::map<std::string, std::int64_t> next;
  for (store::Record& r : out) r.position = ++next[r.kind];
  return out;
}

}  // namespace

base::Result<Published, PublishError> publish_drafts(Console& console, const std::string& user) {
  auto records = console.store().all_records();
  if (!records) return PublishError{PublishErrorKind::storage, {records.error().message}};
  return publish_records(console.store(), *records, console.publish_settings(), std::nullopt, user,
                         console.now());
}

Response api_publish(Console& console, const Request&, const Caller& caller, const Params&) {
  return published_answer(console, publish_drafts(console, caller.session->user.name));
}

Response api_versions(Console& console, const Request&, const Caller&, const Params&) {
  auto versions = console.store().versions();
  if (!versions) return json_error(500, versions.error().message);
  const int offset = console.utc_offset_minutes();
  nlohmann::json list = nlohmann::json::array();
  for (const store::Version& v : *versions) {
    list.push_back({{"version", v.number},
                    {"published", model::to_iso_string(v.published_at, offset)},
                    {"by", v.by}});
  }
  return json_response(200, list);
}

base::Result<Published, PublishError> republish_version(Console& console, std::int64_t number,
                                                        const std::string& user) {
  auto feeds = console.store().version_feeds(number);
  if (!feeds) return PublishError{PublishErrorKind::not_found, {"没有第" + std::to_string(number) + "版"}};
  auto drafts = console.store().all_records();
  if (!drafts) return PublishError{PublishErrorKind::storage, {drafts.error().message}};
  const auto records = records_of_version(*feeds, *drafts);
  // Published first (checked by lint), so a refused republish loses no
  // draft; then the drafts go back to that version too, so the next
  // publish starts from it, not from the content that was rolled back.
  auto published = publish_records(console.store(), records, console.publish_settings(), number,
                                   user, console.now());
  if (!published) return published;
  if (auto replaced = console.store().replace_records(records, "republish", user, console.now());
      !replaced) {
    return PublishError{PublishErrorKind::storage, {replaced.error().message}};
  }
  return published;
}

Response published_answer(Console& console,
                          const base::Result<Published, PublishError>& published) {
  if (!published) {
    return json_errors(status_of(published.error().kind), lint_problems(published.error().messages));
  }
  nlohmann::json urls = nlohmann::json::array();
  for (const std::string& name : published->feed_names) {
    urls.push_back(console.options().base_url + "/feeds/" + name);
  }
  return json_response(201, {{"version", published->version.number}, {"feeds", urls}});
}

Response api_republish(Console& console, const Request&, const Caller& caller,
                       const Params& params) {
  const auto number = version_number(params.at("n"));
  if (!number) return json_error(404, "没有这个版本");
  return published_answer(console, republish_version(console, *number, caller.session->user.name));
}

std::optional<std::int64_t> version_number(const std::string& text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  std::int64_t n = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

}  // namespace hb::console
