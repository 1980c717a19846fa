#include "app/lint_command.h"

#include <algorithm>
#include <iostream>
#include <set>

#include "app/clip_check.h"
#include "app/content_loader.h"
#include "app/glyph_check.h"
#include "app/hand_over.h"
#include "app/json.h"
#include "app/load.h"
#include "app/poster_check.h"
#include "feed/feed.h"
#include "layout/slide_estimate.h"
#include "schedule/checks.h"

namespace hb::app {

int lint_command(const std::vector<std::string>& args, long long now) {
  bool json = false;
  std::vector<std::string> files;
  feed::Limits limits;
  limits.now = now;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--json") {
      json = true;
    } else if (a == "--max-size") {
      const std::string mb = i + 1 < args.size() ? args[++i] : "";
      if (mb.empty() || mb.size() > 5 || mb.find_first_not_of("0123456789") != std::string::npos ||
          std::stoul(mb) == 0) {
        std::cerr << "hallboard lint: --max-size takes a whole number of MiB, such as 64\n";
        return 2;
      }
      limits.max_bytes = std::stoul(mb) << 20;
    } else if (a.size() > 1 && a[0] == '-') {
      std::cerr << "hallboard lint: unknown option " << a
                << "\nusage: hallboard lint [--json] [--max-size MiB] FILE...\n";
      return 2;
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) {
    std::cerr << "hallboard lint: no files given\nusage: hallboard lint [--json] [--max-size MiB] "
                 "FILE...\n";
    return 2;
  }

  model::Diagnostics diagnostics;
  // Said on standard error only at the end: until then the command may
  // still be handed over (hand_over.h), and must have printed nothing.
  std::vector<std::string> complaints;
  bool unreadable = false;
  std::vector<model::Feed> direct;  // feeds named on the command line, checked together
  std::vector<std::string> read_order;
  std::set<std::string> seen_files;
  for (const auto& file : files) {
    // The same file named twice (overlapping globs) would clash with itself.
    if (!seen_files.insert(canonical_location(file)).second) continue;
    const Loaded loaded = load_source(file, limits);
    if (loaded.needs_full_program) return kHandOver;
    read_order.push_back(file);
    if (!loaded.bytes) {
      complaints.push_back(loaded.error);
      unreadable = true;
      continue;
    }
    feed::Document doc = feed::parse_document(*loaded.bytes, file, diagnostics, limits);
    if (doc.feed) direct.push_back(std::move(*doc.feed));
    if (!doc.config) continue;
    check_clip_folder(*doc.config, diagnostics);
    LoadedFeeds named = load_feeds(*doc.config, limits, diagnostics);
    if (named.needs_full_program) return kHandOver;
    read_order.insert(read_order.end(), named.read.begin(), named.read.end());
    complaints.insert(complaints.end(), named.errors.begin(), named.errors.end());
    unreadable = unreadable || !named.errors.empty();
    if (merge_for_screen(std::move(named.feeds), *doc.config, named.errors.empty(), diagnostics)
            .needs_full_program)
      return kHandOver;
  }
  if (!direct.empty()) {
    const model::Content content = feed::merge(std::move(direct), diagnostics);
    schedule::check_absence_cover(content, model::kDefaultUtcOffsetMinutes, diagnostics);
    schedule::check_slide_schedules(content, diagnostics);
    layout::check_slide_lengths(content, diagnostics);
    schedule::check_posters(content, diagnostics);
    check_poster_pictures(content, diagnostics);
    if (check_glyphs(content, diagnostics) == GlyphCheck::needs_fonts) return kHandOver;
  }
  for (const auto& complaint : complaints)
    std::cerr << "hallboard lint: " << complaint << "\n";

  // A feed named by two configs is read twice; say each thing once.
  model::sort_for_report(diagnostics, read_order);
  std::set<std::string> seen;
  model::Diagnostics unique;
  for (auto& d : diagnostics)
    if (seen.insert(model::format_diagnostic(d)).second) unique.push_back(std::move(d));

  if (json) {
    std::cout << diagnostics_json(unique) << "\n";
  } else {
    for (const auto& d : unique)
      std::cout << model::format_diagnostic(d) << "\n";
  }
  if (unreadable) return 2;
  return model::has_errors(unique) ? 1 : 0;
}

}  // namespace hb::app
