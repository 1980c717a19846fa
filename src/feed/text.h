// Text content as the format defines it: trimmed, line breaks folded
// (vanishing between CJK characters), blank lines separating paragraphs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hb::feed {

// Paragraphs in the result are separated by '\n'.
std::string normalize_text(std::string_view raw);

// The same folded onto one line (blank lines become a space): for attribute
// values and names.
std::string normalize_line(std::string_view raw);

std::string trim(std::string_view s);

// XML's white space (S in the XML grammar): space, tab, LF, CR.
constexpr bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// 7 -> "07": the two-digit fields of dates and times.
std::string two_digits(int n);

// Upper-case hexadecimal with at least `digits` digits: hex(7, 4) is "0007".
std::string hex(std::uint32_t value, int digits);

}  // namespace hb::feed
