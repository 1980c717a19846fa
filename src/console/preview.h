// 预览: the pages a screen would show, drawn by the screen's own program
// (`hallboard-screen render`, the code behind `hallboard render`), and its
// `plan` timeline — for the drafts or the published version, at a chosen
// time and size. Rendering runs in a child process with a time limit, so
// a slow or crashing render can never stall or take down the console.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "base/result.h"
#include "console/drafts.h"

namespace hb::console {

struct PreviewRequest {
  std::vector<NamedFeed> feeds;  // the content to show
  std::vector<NamedFeed> pictures;  // what the feeds name by relative paths
  std::string at;                // ISO 8601, as `render --at` takes it
  int width = 1920;
  int height = 1080;
  std::string screen = "preview";  // the playlist's screen id
  int utc_offset_minutes = 8 * 60;
  int max_pages = 0;  // the rotation's first pages only (render --pages); 0: all
};

struct PreviewPage {
  std::string name;  // "001-items"
  std::string png;
  std::string text;  // what render's .txt says was drawn
};

struct Preview {
  std::vector<PreviewPage> pages;
  std::string plan;  // `plan`'s report for that moment
};

struct PreviewError {
  std::string message;
};

// Renders in `work_dir` (made and removed here); `program` is hallboard-screen.
base::Result<Preview, PreviewError> render_preview(const std::filesystem::path& program,
                                                   const std::filesystem::path& work_dir,
                                                   const PreviewRequest& request,
                                                   std::chrono::milliseconds limit);

// "1920x1080" → (1920, 1080) within 320..8192, else nothing.
std::optional<std::pair<int, int>> parse_size(const std::string& text);

}  // namespace hb::console
