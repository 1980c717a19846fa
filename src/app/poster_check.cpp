#include "app/poster_check.h"

#include <set>

#include "layout/poster_fit.h"
#include "model/url.h"
#include "net/local_file.h"

namespace hb::app {
namespace {

std::string mib(std::uint64_t bytes) {
  return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MiB";
}

}  // namespace

std::vector<std::string> poster_picture_findings(const std::optional<base::ImageHeader>& header,
                                                 std::uint64_t file_bytes,
                                                 const base::PictureLimits& limits) {
  std::vector<std::string> r;
  // What the screen cannot draw (it shows the alt text), and what it draws badly.
  const auto error = [&](std::string m) {
    r.push_back(std::move(m) + "; the screen shows its alt text instead");
  };
  const auto warning = [&](std::string m) { r.push_back(std::move(m)); };
  if (file_bytes > limits.max_bytes)
    error("is " + mib(file_bytes) + "; the screen draws pictures of at most " +
          mib(limits.max_bytes) + " (save it as a JPEG, or smaller)");
  if (!header) {
    error("is not a PNG or JPEG picture (by its first bytes)");
    return r;
  }
  const int w = header->width, h = header->height;
  const std::string size = std::to_string(w) + "x" + std::to_string(h);
  if (w <= 0 || h <= 0) {
    error("says it is " + size + " pixels");
    return r;
  }
  if (w > limits.max_width || h > limits.max_height) {
    error("is " + size + " pixels; the screen draws pictures of at most " +
          std::to_string(limits.max_width) + "x" + std::to_string(limits.max_height));
    return r;
  }
  if (static_cast<long long>(w) * h > kMaxPosterPixels)
    warning("is " + size + " pixels (" + std::to_string(static_cast<long long>(w) * h / 1000000) +
            " MP); decoding it takes the screen's memory for nothing: 3840x2160 is sharp on "
            "any screen");
  const double scale = layout::fit_scale(layout::PictureSize{w, h}, 1920, 1080);
  if (scale > kMaxPosterUpscale)
    warning("is " + size + " pixels: a 1920x1080 screen enlarges it " +
            std::to_string(static_cast<int>(scale * 10) / 10) + "." +
            std::to_string(static_cast<int>(scale * 10) % 10) +
            " times and it looks blurred (prepare posters at 1920x1080 or 1080x1920)");
  return r;
}

void check_poster_pictures(const model::Content& content, model::Diagnostics& out) {
  const base::PictureLimits limits;
  std::set<std::string> seen;
  for (const auto& playlist : content.playlists)
    for (const auto& slide : playlist.slides)
      for (const auto& image : slide.images) {
        const std::string source = model::resolve_reference(slide.base_url, image.src);
        if (net::is_http_url(source) || !seen.insert(source).second) continue;
        if (seen.size() > kMaxPostersChecked) {
          out.push_back(
              model::Diagnostic{image.where, model::Severity::warning,
                                "more than " + std::to_string(kMaxPostersChecked) +
                                    " poster pictures: lint looked at the first of them only"});
          return;
        }
        const std::string name = "<image src=\"" + image.src + "\">";
        const std::string path = net::local_path(source);
        const auto stamp = net::stamp_of(path);
        auto head = stamp ? net::read_local_head(path, kPosterHeadBytes) : net::LocalRead{};
        if (!stamp || !head.bytes) {
          out.push_back(model::Diagnostic{image.where, model::Severity::warning,
                                          name + " cannot be read (" +
                                              (stamp ? head.reason : "no such file " + path) +
                                              "); the screen shows its alt text instead"});
          continue;
        }
        // A JPEG whose frame header comes after large metadata: read on,
        // within the screen's limit (a larger file is reported as such).
        if (base::image_header_cut_short(*head.bytes) && head.bytes->size() > kPosterHeadBytes &&
            stamp->size <= limits.max_bytes)
          if (auto whole = net::read_local(path, limits.max_bytes); whole.bytes)
            head.bytes = std::move(whole.bytes);
        const auto header = base::read_image_header(*head.bytes);
        if (!header && base::image_header_cut_short(*head.bytes)) {
          // Not "not a picture": a JPEG too large to read on, or cut short.
          out.push_back(model::Diagnostic{
              image.where, model::Severity::warning,
              name + " is a JPEG whose size was not found in its first " +
                  std::to_string(head.bytes->size() / 1024) +
                  " KiB (large metadata before it, or the file is cut short)"});
          if (stamp->size > limits.max_bytes)
            out.push_back(model::Diagnostic{
                image.where, model::Severity::warning,
                name + " " + poster_picture_findings(std::nullopt, stamp->size, limits).front()});
          continue;
        }
        for (auto& f : poster_picture_findings(header, stamp->size, limits))
          out.push_back(model::Diagnostic{image.where, model::Severity::warning, name + " " + f});
      }
}

}  // namespace hb::app
