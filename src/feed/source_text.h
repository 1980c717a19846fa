// Maps byte offsets in a decoded (UTF-8) document back to the line and
// column an editor shows for the original file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace hb::feed {

class SourceText {
 public:
  SourceText(std::string file, std::string_view utf8);

  // Line and column (1-based, column in code points) of a byte offset.
  model::Where where(std::size_t offset) const;
  const std::string& file() const { return file_; }
  std::string_view text() const { return text_; }

 private:
  std::string file_;
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
  // Code points before every kBlock-th byte, so a column on a very long line
  // (a feed written on one line) costs at most one block to count.
  static constexpr std::size_t kBlock = 4096;
  std::vector<std::size_t> code_points_before_block_;
  std::size_t code_points_before(std::size_t offset) const;
};

// Counts code points in UTF-8 (continuation bytes are not counted).
std::size_t count_code_points(std::string_view utf8);

}  // namespace hb::feed
