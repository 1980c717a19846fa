// Character properties the content rules and the typesetting both need.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace hb::model {

// Han, kana, hangul, bopomofo, CJK symbols and punctuation, full-width forms.
bool is_cjk(std::uint32_t cp);

// Han ideographs only (no punctuation): the characters clreq spaces from Latin.
bool is_han(std::uint32_t cp);

// The code point starting at byte i of valid UTF-8; i moves past it.
std::uint32_t next_code_point(std::string_view utf8, std::size_t& i);

void append_utf8(std::string& out, std::uint32_t cp);

}  // namespace hb::model
