#include "feed/prescan.h"

#include <array>
#include <cstdint>
#include <string>

#include "feed/text.h"

namespace hb::feed {
namespace {

bool is_xml_char(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Bytes that start something the scanner must look at: markup, references,
// control characters, and the lead byte of U+FFFE/U+FFFF.
constexpr auto kInteresting = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c)
    t[static_cast<std::size_t>(c)] = c != '\t' && c != '\n' && c != '\r';
  t['<'] = t['&'] = t[0xEF] = true;
  return t;
}();

class Scanner {
 public:
  Scanner(const SourceText& text, model::Diagnostics& out, std::size_t max)
      : text_(text), s_(text.text()), out_(out), budget_(max) {}

  void run() {
    std::size_t i = 0;
    const std::size_t n = s_.size();
    while (i < n && budget_ > 0) {
      while (i < n && !kInteresting[static_cast<unsigned char>(s_[i])])
        ++i;
      if (i >= n) break;
      const char c = s_[i];
      if (c == '<') {
        if (s_.compare(i, 4, "<!--") == 0) {
          const std::size_t close = s_.find("-->", i + 4);
          if (close == std::string_view::npos) {
            report(i, "this comment is never closed with -->");
            return;
          }
          const std::size_t dashes = s_.substr(i + 4, close - i - 4).find("--");
          if (dashes != std::string_view::npos)
            report(i + 4 + dashes, "\"--\" is not allowed inside a comment");
          i = skip_past(i + 4, "-->");
        } else if (s_.compare(i, 9, "<![CDATA[") == 0) {
          if (s_.find("]]>", i + 9) == std::string_view::npos) {
            report(i, "this CDATA section is never closed with ]]>");
            return;
          }
          i = skip_past(i + 9, "]]>");
        } else if (s_.compare(i, 2, "<?") == 0) {
          if (i > 0 && (s_.compare(i, 6, "<?xml ") == 0 || s_.compare(i, 6, "<?xml?") == 0))
            report(i,
                   "the XML declaration <?xml …?> must be the very first thing in the file; "
                   "remove what stands before it");
          i = skip_past(i + 2, "?>");
        } else if (s_.compare(i, 9, "<!DOCTYPE") == 0) {
          report(i, "a DOCTYPE is not allowed in a feed; remove the <!DOCTYPE …> declaration");
          i = skip_doctype(i + 9);
        } else {
          i = scan_tag(i);
        }
      } else if (c == '&') {
        i = check_reference(i);
      } else {
        check_char(i);
        ++i;
      }
    }
  }

 private:
  // Checks control characters in [from, to), then returns the end of the marker.
  std::size_t skip_past(std::size_t from, std::string_view end_marker) {
    const std::size_t end = s_.find(end_marker, from);
    const std::size_t stop = end == std::string_view::npos ? s_.size() : end;
    check_chars(from, stop);
    return end == std::string_view::npos ? s_.size() : end + end_marker.size();
  }

  // A start or end tag: attribute values may hold references but never "<".
  // Markup-looking text inside a quoted value is only text.
  std::size_t scan_tag(std::size_t i) {
    char quote = 0;
    for (++i; i < s_.size() && budget_ > 0; ++i) {
      const char c = s_[i];
      if (quote) {
        if (c == quote) {
          quote = 0;
        } else if (c == '<') {
          report(i, "\"<\" is not allowed in an attribute value; write &lt;");
        } else if (c == '&') {
          i = check_reference(i) - 1;
        } else {
          check_char(i);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>' || c == '<') {
        return c == '>' ? i + 1 : i;  // a "<" here is malformed; the parser will say so
      } else {
        check_char(i);
      }
    }
    return i;
  }

  std::size_t skip_doctype(std::size_t i) {
    int brackets = 0;
    for (; i < s_.size(); ++i) {
      if (s_[i] == '[') ++brackets;
      if (s_[i] == ']') --brackets;
      if (s_[i] == '>' && brackets <= 0) return i + 1;
    }
    return i;
  }

  std::size_t check_reference(std::size_t i) {
    // A reference is a name (or #digits) ending in ";"; anything else is a bare "&".
    const auto name_char = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '#' || c == '_' || c == '-' || c == '.' || c == ':' ||
             static_cast<unsigned char>(c) >= 0x80;
    };
    std::size_t j = i + 1;
    while (j < s_.size() && j - i < 64 && name_char(s_[j]))
      ++j;
    if (j >= s_.size() || s_[j] != ';') {
      report(i, "a bare \"&\" must be written as &amp;");
      return i + 1;
    }
    const std::string_view name = s_.substr(i + 1, j - i - 1);
    if (name == "lt" || name == "gt" || name == "amp" || name == "apos" || name == "quot")
      return j + 1;
    if (!name.empty() && name[0] == '#') {
      const bool hex = name.size() > 1 && name[1] == 'x';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      bool ok = !digits.empty() && digits.size() <= 8;
      std::uint32_t value = 0;
      for (char c : digits) {
        if (!(hex ? is_hex(c) : is_digit(c))) {
          ok = false;
          break;
        }
        value = value * (hex ? 16u : 10u) +
                static_cast<std::uint32_t>(is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10);
      }
      if (!ok || !is_xml_char(value))
        report(i, "&" + std::string(name) + "; is not a valid character reference");
      return j + 1;
    }
    report(i, "unknown entity &" + std::string(name) +
                  "; (only &lt; &gt; &amp; &apos; &quot; and numeric references like &#20013; "
                  "are allowed)");
    return j + 1;
  }

  void check_chars(std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to && budget_ > 0; ++i)
      check_char(i);
  }

  void check_char(std::size_t i) {
    const auto c = static_cast<unsigned char>(s_[i]);
    if (c >= 0x20 && c != 0xEF) return;  // the common case: nothing to look at
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      report(i, "control character U+" + hex(c, 4) + " is not allowed in XML; delete it");
    } else if (c == 0xEF && i + 2 < s_.size() && static_cast<unsigned char>(s_[i + 1]) == 0xBF &&
               (static_cast<unsigned char>(s_[i + 2]) & 0xFE) == 0xBE) {
      report(i, "character U+FFF" + std::string(1, s_[i + 2] == '\xBE' ? 'E' : 'F') +
                    " is not allowed in XML; delete it");
    }
  }

  void report(std::size_t offset, std::string message) {
    if (budget_ == 0) return;
    if (--budget_ == 0) message = "too many problems in this file; the rest are not listed";
    out_.push_back(
        model::Diagnostic{text_.where(offset), model::Severity::error, std::move(message)});
  }

  const SourceText& text_;
  std::string_view s_;
  model::Diagnostics& out_;
  std::size_t budget_;
};

}  // namespace

void prescan(const SourceText& text, model::Diagnostics& out, std::size_t max_findings) {
  Scanner(text, out, max_findings).run();
}

}  // namespace hb::feed
