#include "feed/source_text.h"

#include <algorithm>

namespace hb::feed {

std::size_t count_code_points(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

SourceText::SourceText(std::string file, std::string_view utf8)
    : file_(std::move(file)), text_(utf8) {
  code_points_before_block_.reserve(text_.size() / kBlock + 1);
  std::size_t count = 0;
  for (std::size_t block = 0; block * kBlock <= text_.size(); ++block) {
    code_points_before_block_.push_back(count);
    count += count_code_points(text_.substr(block * kBlock, kBlock));
  }
  line_starts_.push_back(0);
  if (text_.find('\r') == std::string_view::npos) {  // the common case: memchr for each line
    for (std::size_t at = text_.find('\n'); at != std::string_view::npos;
         at = text_.find('\n', at + 1))
      line_starts_.push_back(at + 1);
    return;
  }
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') {
      line_starts_.push_back(i + 1);
    } else if (text_[i] == '\r') {
      if (i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
      line_starts_.push_back(i + 1);
    }
  }
}

std::size_t SourceText::code_points_before(std::size_t offset) const {
  const std::size_t block = offset / kBlock;
  return code_points_before_block_[block] +
         count_code_points(text_.substr(block * kBlock, offset - block * kBlock));
}

model::Where SourceText::where(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  const std::size_t start = line_starts_[line_index];
  const std::size_t column =
      (offset - start < kBlock ? count_code_points(text_.substr(start, offset - start))
                               : code_points_before(offset) - code_points_before(start)) +
      1;
  return model::Where{file_, static_cast<int>(line_index + 1), static_cast<int>(column)};
}

}  // namespace hb::feed
