#include "feed/text.h"

#include <cstdio>

#include "model/unicode.h"

namespace hb::feed {
namespace {

// Decodes the code point that ends at byte `end` (exclusive); text is valid UTF-8.
std::uint32_t code_point_before(std::string_view s, std::size_t end) {
  std::size_t start = end - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
    --start;
  const auto lead = static_cast<unsigned char>(s[start]);
  std::uint32_t cp = lead < 0x80   ? lead
                     : lead < 0xE0 ? lead & 0x1Fu
                     : lead < 0xF0 ? lead & 0x0Fu
                                   : lead & 0x07u;
  for (std::size_t i = start + 1; i < end; ++i)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3Fu);
  return cp;
}

std::uint32_t first_code_point_from(std::string_view s, std::size_t at) {
  return model::next_code_point(s, at);
}

bool is_cjk_punctuation(std::uint32_t c) {
  // Quotes, dashes and ellipses in general punctuation, as Chinese text uses them.
  return (c >= 0x2018 && c <= 0x201F) || c == 0x2014 || c == 0x2026 || c == 0x00B7;
}

bool joins_cjk(std::uint32_t c) {
  return model::is_cjk(c) || is_cjk_punctuation(c);
}

}  // namespace

std::string normalize_line(std::string_view raw) {
  std::string r = normalize_text(raw);
  for (char& c : r)
    if (c == '\n') c = ' ';
  return r;
}

std::string hex(std::uint32_t value, int digits) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string r;
  do {
    r.insert(r.begin(), kHex[value & 15]);
    value >>= 4;
  } while (value != 0 || static_cast<int>(r.size()) < digits);
  return r;
}

std::string trim(std::string_view s) {
  while (!s.empty() && is_xml_space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_xml_space(s.back()))
    s.remove_suffix(1);
  return std::string(s);
}

std::string normalize_text(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  std::size_t i = 0;
  while (i < raw.size() && is_xml_space(raw[i]))
    ++i;
  std::size_t end = raw.size();
  while (end > i && is_xml_space(raw[end - 1]))
    --end;
  while (i < end) {
    if (!is_xml_space(raw[i])) {
      std::size_t word_end = i + 1;
      while (word_end < end && !is_xml_space(raw[word_end]))
        ++word_end;
      out.append(raw.substr(i, word_end - i));
      i = word_end;
      continue;
    }
    std::size_t j = i;
    int line_breaks = 0;
    while (j < end && is_xml_space(raw[j])) {
      if (raw[j] == '\n' || (raw[j] == '\r' && (j + 1 >= end || raw[j + 1] != '\n'))) ++line_breaks;
      ++j;
    }
    if (line_breaks >= 2) {
      out += '\n';
    } else if (line_breaks == 1 && joins_cjk(code_point_before(raw, i)) &&
               joins_cjk(first_code_point_from(raw, j))) {
      // Chinese has no spaces between words: a wrapped line joins seamlessly.
    } else {
      out += ' ';
    }
    i = j;
  }
  return out;
}

std::string two_digits(int n) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

}  // namespace hb::feed
