// A zip archive read from memory with libzip, with the bounds of Limits
// applied twice: to the sizes its directory declares, and to the bytes as
// they inflate, since a hostile directory can understate them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "import/table.h"

struct zip;

namespace hb::import {

class ZipArchive {
 public:
  // `bytes` must outlive the archive: libzip reads them in place.
  static std::variant<ZipArchive, ImportError> open(std::string_view bytes, const Limits& limits);

  bool has(const std::string& name) const;
  // The entry's bytes; nothing when it is absent; an error when it is
  // broken or over the limits (every read counts toward the total).
  std::variant<std::monostate, std::string, ImportError> read(const std::string& name);

 private:
  struct Close {
    void operator()(zip* archive) const;
  };
  ZipArchive(std::unique_ptr<zip, Close> archive, const Limits& limits)
      : archive_(std::move(archive)), limits_(limits) {}

  std::unique_ptr<zip, Close> archive_;
  Limits limits_;
  std::size_t inflated_ = 0;  // bytes read so far, across entries
};

}  // namespace hb::import
