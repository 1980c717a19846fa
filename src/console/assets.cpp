#include "console/assets.h"

#include <set>

#include "base/image_header.h"
#include "console/auth.h"
#include "console/feed_files.h"

namespace hb::console {

namespace {

bool safe_part(std::string_view part) {
  if (part.empty() || part == "." || part == ".." || part.size() > 64) return false;
  for (const char c : part) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

bool picture_ending(const std::string& name) {
  for (const char* end : {".png", ".PNG", ".jpg", ".JPG", ".jpeg", ".JPEG"}) {
    if (name.ends_with(end)) return true;
  }
  return false;
}

void add_picture(const model::Feed& feed, const std::string& name, std::set<std::string>& seen,
                 std::vector<store::Asset>& out, std::vector<std::string>& problems) {
  if (name.empty() || !is_asset_name(name) || !seen.insert(name).second) return;
  const auto path = std::filesystem::path(feed.source).parent_path() / name;
  const auto bytes = read_whole_file(path);
  if (!bytes) {
    problems.push_back(path.string() + ": cannot be read; the screens will show a placeholder");
    return;
  }
  if (const auto why = base::check_picture(*bytes, base::PictureLimits{}); !why.empty()) {
    problems.push_back(path.string() + ": " + why);
    return;
  }
  out.push_back(store::Asset{name, *bytes, sha256_hex(*bytes)});
}

}  // namespace

base::PictureLimits photo_upload_limits() {
  base::PictureLimits limits;
  limits.max_bytes = 2u * 1024u * 1024u;
  return limits;
}

std::string photo_problem(std::string_view bytes, const base::PictureLimits& limits) {
  if (bytes.empty()) return "所选文件是空的，请重新选择照片";
  if (bytes.size() > limits.max_bytes) {
    return "照片文件过大（" + std::to_string(bytes.size() / 1024) + " KB），请选择不超过 " +
           std::to_string(limits.max_bytes / 1024 / 1024) + " MB 的照片";
  }
  const auto header = base::read_image_header(bytes);
  if (!header) return "这不是 PNG 或 JPEG 图片，请选择照片文件";
  if (header->width > limits.max_width || header->height > limits.max_height) {
    return "照片为 " + std::to_string(header->width) + "×" + std::to_string(header->height) +
           " 像素，超过 " + std::to_string(limits.max_width) + "×" +
           std::to_string(limits.max_height) + " 的上限，请缩小后再上传";
  }
  // Whatever else the screens' own check refuses is refused here too.
  if (!base::check_picture(bytes, limits).empty()) return "无法使用这张图片，请换一张照片";
  return {};
}

std::optional<std::string> uploaded_photo_name(std::string_view bytes, const std::string& sha256_hex) {
  const auto header = base::read_image_header(bytes);
  if (!header || sha256_hex.size() < 16) return std::nullopt;
  for (const char c : sha256_hex.substr(0, 16)) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
  }
  const std::string name = "photos/up-" + sha256_hex.substr(0, 16) +
                           (header->kind == base::ImageKind::png ? ".png" : ".jpg");
  if (!is_asset_name(name)) return std::nullopt;
  return name;
}

bool is_asset_name(const std::string& name) {
  if (name.size() > 160 || !picture_ending(name)) return false;
  int parts = 0;
  std::size_t start = 0;
  while (true) {
    const auto slash = name.find('/', start);
    if (!safe_part(std::string_view(name).substr(start, slash - start)) || ++parts > 3) return false;
    if (slash == std::string::npos) return true;
    start = slash + 1;
  }
}

std::vector<std::string> asset_names(const model::Content& content) {
  std::set<std::string> names;
  if (content.hall && is_asset_name(content.hall->logo)) names.insert(content.hall->logo);
  for (const auto& s : content.roster.staff) {
    if (is_asset_name(s.photo)) names.insert(s.photo);
  }
  return {names.begin(), names.end()};
}

std::vector<store::Asset> read_local_assets(const std::vector<model::Feed>& feeds,
                                            std::vector<std::string>& problems) {
  std::vector<store::Asset> out;
  std::set<std::string> seen;
  for (const model::Feed& feed : feeds) {
    if (feed.hall) add_picture(feed, feed.hall->logo, seen, out, problems);
    if (!feed.roster) continue;
    for (const auto& s : feed.roster->staff) add_picture(feed, s.photo, seen, out, problems);
  }
  return out;
}

std::optional<std::string> write_assets(const std::filesystem::path& dir,
                                        const std::vector<store::Asset>& assets) {
  for (const auto& a : assets) {
    if (!is_asset_name(a.name)) continue;
    const auto target = dir / a.name;
    if (read_whole_file(target) == a.bytes) continue;
    std::error_code ec;
    std::filesystem::create_directories(target.parent_path(), ec);
    if (auto failed = write_file_atomically(target.parent_path(), target.filename().string(), a.bytes)) {
      return failed;
    }
  }
  return std::nullopt;
}

}  // namespace hb::console
