#include "feed/encoding.h"

#include <cerrno>
#include <cstdint>
#include <cstring>

#include "feed/iconv_handle.h"
#include "feed/source_text.h"
#include "feed/text.h"
#include "model/unicode.h"

namespace hb::feed {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

char ascii_upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

std::string upper(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    c = ascii_upper(c);
  return r;
}

struct DeclaredEncoding {
  std::string name;
  std::size_t offset = 0;  // of the name, in the buffer it was read from
};

// Reads encoding="..." from an XML declaration written in ASCII at the very
// start of `text`. The declaration is ASCII in every encoding allowed here.
std::optional<DeclaredEncoding> declared_encoding(std::string_view text) {
  if (!starts_with(text, "<?xml")) return std::nullopt;
  const std::size_t end = text.find("?>");
  if (end == std::string_view::npos) return std::nullopt;
  const std::string_view decl = text.substr(0, end);
  std::size_t pos = decl.find("encoding");
  if (pos == std::string_view::npos) return std::nullopt;
  pos += 8;
  while (pos < decl.size() && (decl[pos] == ' ' || decl[pos] == '\t' || decl[pos] == '\r' ||
                               decl[pos] == '\n' || decl[pos] == '='))
    ++pos;
  if (pos >= decl.size() || (decl[pos] != '"' && decl[pos] != '\'')) return std::nullopt;
  const char quote = decl[pos];
  const std::size_t close = decl.find(quote, pos + 1);
  if (close == std::string_view::npos) return std::nullopt;
  return DeclaredEncoding{std::string(decl.substr(pos + 1, close - pos - 1)), pos + 1};
}

model::Diagnostic error_at(const std::string& file, std::string_view decoded_prefix,
                           std::string message) {
  SourceText text(file, decoded_prefix);
  return model::Diagnostic{text.where(decoded_prefix.size()), model::Severity::error,
                           std::move(message)};
}

std::string hex_bytes(std::string_view bytes, std::size_t at, std::size_t count) {
  std::string r;
  for (std::size_t i = at; i < bytes.size() && i < at + count; ++i) {
    if (!r.empty()) r += ' ';
    r += hex(static_cast<unsigned char>(bytes[i]), 2);
  }
  return r;
}

// How many bytes of the invalid UTF-8 sequence at `at` to show: the lead
// byte and the continuation bytes that follow it.
std::size_t bad_sequence_length(std::string_view bytes, std::size_t at) {
  std::size_t n = 1;
  while (n < 4 && at + n < bytes.size() &&
         (static_cast<unsigned char>(bytes[at + n]) & 0xC0) == 0x80)
    ++n;
  return n;
}

std::optional<std::string> decode_utf16(std::string_view bytes, bool big_endian,
                                        const std::string& file, model::Diagnostics& out) {
  std::string utf8;
  utf8.reserve(bytes.size() * 3 / 2);
  const auto unit_at = [&](std::size_t i) -> std::uint32_t {
    const auto b0 = static_cast<unsigned char>(bytes[i]);
    const auto b1 = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? (static_cast<std::uint32_t>(b0) << 8) | b1
                      : (static_cast<std::uint32_t>(b1) << 8) | b0;
  };
  std::size_t i = 0;
  while (i + 1 < bytes.size()) {
    const std::uint32_t u = unit_at(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 3 < bytes.size()) {
        const std::uint32_t low = unit_at(i + 2);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          model::append_utf8(utf8, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
          i += 4;
          continue;
        }
      }
      out.push_back(error_at(file, utf8, "invalid UTF-16: a high surrogate without its low half"));
      return std::nullopt;
    }
    if (u >= 0xDC00 && u <= 0xDFFF) {
      out.push_back(error_at(file, utf8, "invalid UTF-16: a low surrogate without its high half"));
      return std::nullopt;
    }
    model::append_utf8(utf8, u);
    i += 2;
  }
  if (i < bytes.size()) {
    out.push_back(
        error_at(file, utf8, "invalid UTF-16: the file ends in the middle of a character"));
    return std::nullopt;
  }
  return utf8;
}

std::optional<std::string> decode_gb18030(std::string_view bytes, const std::string& file,
                                          model::Diagnostics& out) {
  Gb18030Conversion c = gb18030_to_utf8(bytes);
  if (c.problem == Gb18030Conversion::Problem::none) return std::move(c.utf8);
  if (c.problem == Gb18030Conversion::Problem::no_converter) {
    out.push_back(model::Diagnostic{model::Where{file, 1, 1}, model::Severity::error,
                                    "this system's iconv cannot convert GB18030"});
    return std::nullopt;
  }
  const std::size_t left = bytes.size() - c.stopped_at;
  const std::string what =
      c.problem == Gb18030Conversion::Problem::truncated
          ? "the file ends in the middle of a GB18030 character"
          : "bytes " + hex_bytes(bytes, c.stopped_at, 4 < left ? 4 : left) +
                " are not valid GB18030";
  out.push_back(error_at(file, c.utf8, what));
  return std::nullopt;
}

}  // namespace

Gb18030Conversion gb18030_to_utf8(std::string_view bytes) {
  Gb18030Conversion result;
  IconvHandle cd("UTF-8", "GB18030");
  if (!cd.ok()) {
    result.problem = Gb18030Conversion::Problem::no_converter;
    return result;
  }
  std::string utf8(bytes.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());  // iconv's API is not const-correct
  std::size_t in_left = bytes.size();
  char* dst = utf8.data();
  std::size_t out_left = utf8.size();
  while (in_left > 0) {
    const std::size_t r = iconv(cd.get(), &in, &in_left, &dst, &out_left);
    if (r != static_cast<std::size_t>(-1)) break;
    const auto done = static_cast<std::size_t>(dst - utf8.data());
    if (errno == E2BIG) {
      utf8.resize(utf8.size() * 2);
      dst = utf8.data() + done;
      out_left = utf8.size() - done;
      continue;
    }
    result.problem = errno == EINVAL ? Gb18030Conversion::Problem::truncated
                                     : Gb18030Conversion::Problem::invalid;
    result.stopped_at = static_cast<std::size_t>(in - bytes.data());
    break;
  }
  utf8.resize(static_cast<std::size_t>(dst - utf8.data()));
  result.utf8 = std::move(utf8);
  return result;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // Eight ASCII bytes at a time: most of a feed's markup is ASCII.
    while (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, p + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07u;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3Fu);
    }
    const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::nullopt;
}

std::optional<Decoded> decode(std::string_view bytes, const std::string& file,
                              model::Diagnostics& out) {
  const auto fail = [&](std::string_view prefix, std::string message) {
    out.push_back(error_at(file, prefix, std::move(message)));
    return std::nullopt;
  };
  if (starts_with(bytes, std::string_view("\xFF\xFE\0\0", 4)) ||
      starts_with(bytes, std::string_view("\0\0\xFE\xFF", 4)))
    return fail({}, "UTF-32 is not supported; save the feed as UTF-8");
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
    const bool big = bytes[0] == '\xFE';
    auto utf8 = decode_utf16(bytes.substr(2), big, file, out);
    if (!utf8) return std::nullopt;
    if (const auto decl = declared_encoding(*utf8)) {
      const std::string name = upper(decl->name);
      if (name != "UTF-16" && name != (big ? "UTF-16BE" : "UTF-16LE"))
        return fail(std::string_view(*utf8).substr(0, decl->offset),
                    "the XML declaration says encoding=\"" + decl->name +
                        "\" but the file starts with a UTF-16 byte-order mark");
    }
    return Decoded{std::move(*utf8), big ? SourceEncoding::utf16be : SourceEncoding::utf16le};
  }
  const bool utf8_bom = starts_with(bytes, "\xEF\xBB\xBF");
  const std::string_view body = utf8_bom ? bytes.substr(3) : bytes;
  if (starts_with(body, std::string_view("\0<", 2)) ||
      starts_with(body, std::string_view("<\0", 2)))
    return fail({},
                "the file looks like UTF-16 without a byte-order mark; save it as UTF-8 or "
                "as UTF-16 with a byte-order mark");

  SourceEncoding encoding = SourceEncoding::utf8;
  const std::size_t lead = body.find_first_not_of(" \t\r\n");
  if (lead != 0 && lead != std::string_view::npos && body.compare(lead, 5, "<?xml") == 0)
    return fail(body.substr(0, lead),
                "the XML declaration <?xml …?> must be the very first thing in the file; "
                "remove the blank lines or spaces before it");
  if (const auto decl = declared_encoding(body)) {
    const std::string name = upper(decl->name);
    if (name == "GB2312" || name == "GBK" || name == "GB18030") {
      if (utf8_bom)
        return fail(body.substr(0, decl->offset),
                    "the XML declaration says encoding=\"" + decl->name +
                        "\" but the file starts with a UTF-8 byte-order mark");
      encoding = SourceEncoding::gb18030;
    } else if (name == "UTF-16" || name == "UTF-16LE" || name == "UTF-16BE") {
      return fail(body.substr(0, decl->offset),
                  "the XML declaration says encoding=\"" + decl->name +
                      "\" but the file has no UTF-16 byte-order mark; save it as UTF-8, or as "
                      "UTF-16 with a byte-order mark");
    } else if (name != "UTF-8") {
      return fail(body.substr(0, decl->offset),
                  "unsupported encoding \"" + decl->name +
                      "\" in the XML declaration; expected UTF-8, UTF-16 (with a byte-order "
                      "mark), GB2312, GBK or GB18030");
    }
  }
  if (encoding == SourceEncoding::gb18030) {
    auto utf8 = decode_gb18030(body, file, out);
    if (!utf8) return std::nullopt;
    return Decoded{std::move(*utf8), encoding};
  }
  if (const auto bad = find_invalid_utf8(body)) {
    const std::size_t n = bad_sequence_length(body, *bad);
    return fail(body.substr(0, *bad),
                std::string(n == 1 ? "byte " : "bytes ") + hex_bytes(body, *bad, n) +
                    (n == 1 ? " is" : " are") +
                    " not valid UTF-8; if the file is GBK or GB18030, say so in the XML "
                    "declaration (encoding=\"GB18030\")");
  }
  return Decoded{std::string(body), encoding};
}

}  // namespace hb::feed
