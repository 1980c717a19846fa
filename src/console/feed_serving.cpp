// The published feeds, their signatures and the pictures they name, all
// from the database (console.md "Feeds"): what the console serves is
// always the latest version as committed, whatever happened to the files
// in DATA/feeds, which are only written for a web server in front.
#include <algorithm>
#include <ctime>

#include "console/assets.h"
#include "console/auth.h"
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
