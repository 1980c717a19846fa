// Pictures the feeds name by relative paths (staff photos, the hall's
// logo). They live in the database and are served beside the feeds under
// the same relative names, so `photos/s01.png` in /feeds/roster.xml is
// /feeds/photos/s01.png. Only names this module accepts are ever used.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/content.h"
#include "store/store.h"

namespace hb::console {

// A name safe to store, serve and write under DATA/feeds: relative, at most
// three parts of letters, digits, '.', '_' and '-', none "." or "..", and a
// .png/.jpg/.jpeg ending.
bool is_asset_name(const std::string& name);

// The relative picture names the content uses (absolute URLs are left to
// the screens to fetch from where they are).
std::vector<std::string> asset_names(const model::Content& content);

// Reads each picture beside the feed file that names it; the pictures that
// could not be used, one line each, in `problems`.
std::vector<store::Asset> read_local_assets(const std::vector<model::Feed>& feeds,
                                            std::vector<std::string>& problems);

// Writes the pictures into the feeds folder (for nginx and previews).
std::optional<std::string> write_assets(const std::filesystem::path& dir,
                                        const std::vector<store::Asset>& assets);

}  // namespace hb::console
