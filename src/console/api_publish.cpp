// Publishing, versions, republishing and the published feeds (console.md).
#include <ctime>
#include <map>

#include "console/assets.h"
#include "console/auth.h"
#include "console/feed_files.h"
#include "console/feed_records.h"
#include "console/handlers.h"

namespace hb::console {

namespace {

std::string http_date(std::int64_t t) {
  const std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

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

namespace {

Response asset_answer(Console& console, const Request& request, const std::string& name) {
  const auto asset = is_asset_name(name) ? console.store().asset(name)
                                         : store::Result<store::Asset>(store::Error{store::ErrorKind::not_found, ""});
  if (!asset) return json_error(404, "没有这个文件");
  Response r;
  const std::string etag = "\"" + asset->sha256 + "\"";
  r.set_header("ETag", etag);
  r.set_header("Cache-Control", "no-cache");
  if (request.header("if-none-match") == etag) {
    r.status = 304;
    return r;
  }
  r.content_type = name.ends_with(".png") || name.ends_with(".PNG") ? "image/png" : "image/jpeg";
  r.body = asset->bytes;
  return r;
}

// A feed or its signature, both from the database: the .sig served is
// always that of the bytes served. The signature's ETag names it too, so a
// new key's signature of unchanged bytes is fetched again.
Response feed_answer(const Request& request, const store::FeedFile& f, bool signature) {
  if (signature && f.signature.empty()) return json_error(404, "数据源未签名");
  Response r;
  const std::string etag = "\"" + f.sha256 +
                           (signature ? "-sig-" + sha256_hex(f.signature).substr(0, 16) + "\"" : "\"");
  r.set_header("ETag", etag);
  r.set_header("Last-Modified", http_date(f.generated_unix));
  r.set_header("Cache-Control", "no-cache");
  if (request.header("if-none-match") == etag) {
    r.status = 304;
    return r;
  }
  r.body = signature ? f.signature : f.bytes;
  r.content_type = signature ? "application/octet-stream" : "application/xml; charset=utf-8";
  return r;
}

}  // namespace

Response get_feed_asset(Console& console, const Request& request, const Caller&, const Params& params) {
  return asset_answer(console, request, params.at("dir") + "/" + params.at("name"));
}

Response get_feed(Console& console, const Request& request, const Caller&, const Params& params) {
  const std::string& name = params.at("name");
  if (is_asset_name(name)) return asset_answer(console, request, name);
  const auto names = feed_names();
  const bool signature = name.size() > 4 && name.ends_with(".sig");
  const std::string feed = signature ? name.substr(0, name.size() - 4) : name;
  // Only the fixed names: nothing from the request reaches the file system.
  if (std::find(names.begin(), names.end(), feed) == names.end()) {
    return json_error(404, "没有这个数据源");
  }
  const auto latest = console.store().latest_version();
  if (!latest || !*latest) return json_error(404, "尚未发布");
  const auto files = console.store().version_feeds((*latest)->number);
  if (!files) return json_error(500, files.error().message);
  for (const store::FeedFile& f : *files) {
    if (f.name == feed) return feed_answer(request, f, signature);
  }
  return json_error(404, "没有这个数据源");
}

}  // namespace hb::console
