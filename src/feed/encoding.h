// Raw feed bytes -> UTF-8, refusing anything that is not exactly one of the
// encodings the format allows. pugixml would happily read GBK bytes as if
// they were UTF-8, so every byte is checked here before it parses anything.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace hb::feed {

enum class SourceEncoding { utf8, utf16le, utf16be, gb18030 };

struct Decoded {
  std::string utf8;  // without byte-order mark
  SourceEncoding encoding = SourceEncoding::utf8;
};

// On failure adds one error that points at the offending bytes in the
// original file and returns nothing.
std::optional<Decoded> decode(std::string_view bytes, const std::string& file,
                              model::Diagnostics& out);

// GB18030 (GBK and GB2312 are subsets) -> UTF-8, for any caller that has
// told the encoding by other means than an XML declaration (CSV imports).
struct Gb18030Conversion {
  enum class Problem { none, invalid, truncated, no_converter };
  std::string utf8;  // up to where it stopped
  Problem problem = Problem::none;
  std::size_t stopped_at = 0;  // byte offset of the bad or unfinished character
};
Gb18030Conversion gb18030_to_utf8(std::string_view bytes);

// Where the first byte that is not valid UTF-8 starts, if any.
std::optional<std::size_t> find_invalid_utf8(std::string_view bytes);

}  // namespace hb::feed
