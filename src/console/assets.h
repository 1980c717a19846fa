// Pictures the feeds name by relative paths (staff photos, the hall's
// logo). They live in the database and are served beside the feeds under
// the same relative names, so `photos/s01.png` in /feeds/roster.xml is
// /feeds/photos/s01.png. Only names this module accepts are ever used.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/image_header.h"
#include "model/content.h"
#include "store/store.h"

namespace hb::console {

// A name safe to store, serve and write under DATA/feeds: relative, at most
// three parts of letters, digits, '.', '_' and '-', none "." or "..", and a
// .png/.jpg/.jpeg ending.
bool is_asset_name(const std::string& name);

// The limits of a photo uploaded on the staff form: the screens' picture
// limits, with a smaller size cap (a staff photo needs no more, and the
// database keeps every upload).
base::PictureLimits photo_upload_limits();

// Why uploaded bytes cannot be a staff photo, in Chinese for beside the
// field; empty when they can (a PNG or JPEG within `limits`, judged by the
// header reader the screens use).
std::string photo_problem(std::string_view bytes, const base::PictureLimits& limits);

// The name an accepted photo is stored and served under: from its kind and
// the hash of its bytes, never from anything the request named, so the
// same picture keeps one name and a changed one gets a new name (screens
// that cache by name fetch it).
std::optional<std::string> uploaded_photo_name(std::string_view bytes, const std::string& sha256_hex);

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
