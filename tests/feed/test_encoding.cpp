// Encodings: every allowed one decodes to the same content; every bad byte
// is reported at the line and column an editor shows for the original file.
#include <doctest/doctest.h>

#include <cstdint>

#include "feed/encoding.h"
#include "support.h"

namespace hb::test {
namespace {

std::string to_utf16(std::string_view utf8, bool big_endian) {
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  const auto put = [&](std::uint32_t unit) {
    const char hi = static_cast<char>(unit >> 8), lo = static_cast<char>(unit & 0xFF);
    out += big_endian ? hi : lo;
    out += big_endian ? lo : hi;
  };
  for (std::size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1Fu : len == 3 ? c & 0x0Fu : c & 0x07u;
    for (std::size_t k = 1; k < len; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3Fu);
    if (cp >= 0x10000) {
      put(0xD800 + ((cp - 0x10000) >> 10));
      put(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      put(cp);
    }
    i += len;
  }
  return out;
}

// GB18030 bytes of the characters used below.
constexpr std::string_view kGbZhong = "\xD6\xD0";       // 中
constexpr std::string_view kGbWen = "\xCE\xC4";         // 文
constexpr std::string_view kGbYan = "\xFE\x9F";         // 䶮 U+4DAE
constexpr std::string_view kGbJi = "\x95\x34\xB2\x35";  // 𠮷 U+20BB7 (four bytes)

// The few characters the tests use, UTF-8 -> GB18030.
std::string to_gb(std::string s) {
  const std::pair<std::string_view, std::string_view> table[] = {
      {"中", kGbZhong}, {"文", kGbWen},     {"䶮", kGbYan},
      {"𠮷", kGbJi},    {"甲", "\xBC\xD7"}, {"一", "\xD2\xBB"}};
  for (const auto& [from, to] : table)
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
      s.replace(at, from.size(), to);
  return s;
}

std::string hall_name(const std::string& bytes) {
  model::Diagnostics out;
  const auto feed = feed::parse_feed(bytes, "t.xml", out);
  if (!feed || !feed->hall || !out.empty()) return "(failed: " + dump(out) + ")";
  return feed->hall->name;
}

}  // namespace

TEST_CASE("every allowed encoding yields the same text") {
  const std::string utf8_doc =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<hallboard version=\"1\"><hall "
      "name=\"中文䶮𠮷\"/></hallboard>";
  const std::string gb_body =
      to_gb("<hallboard version=\"1\"><hall name=\"中文䶮𠮷\"/></hallboard>");
  struct Row {
    const char* name;
    std::string bytes;
  };
  const std::vector<Row> rows = {
      {"UTF-8", utf8_doc},
      {"UTF-8 with BOM", "\xEF\xBB\xBF" + utf8_doc},
      {"UTF-8 without declaration",
       "<hallboard version=\"1\"><hall name=\"中文䶮𠮷\"/></hallboard>"},
      {"lower-case utf-8",
       "<?xml version=\"1.0\" encoding=\"utf-8\"?><hallboard version=\"1\"><hall "
       "name=\"中文䶮𠮷\"/></hallboard>"},
      {"UTF-16LE", to_utf16("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<hallboard "
                            "version=\"1\"><hall name=\"中文䶮𠮷\"/></hallboard>",
                            false)},
      {"UTF-16BE", to_utf16("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<hallboard "
                            "version=\"1\"><hall name=\"中文䶮𠮷\"/></hallboard>",
                            true)},
      {"UTF-16 without declaration",
       to_utf16("<hallboard version=\"1\"><hall name=\"中文䶮𠮷\"/></hallboard>", false)},
      {"GB18030", "<?xml version=\"1.0\" encoding=\"GB18030\"?>\n" + gb_body},
      {"GBK decoded as GB18030", "<?xml version=\"1.0\" encoding=\"GBK\"?>\n" + gb_body},
      {"gb2312 decoded as GB18030", "<?xml version='1.0' encoding='gb2312'?>\n" + gb_body},
  };
  for (const auto& row : rows) {
    CAPTURE(std::string(row.name));
    CHECK(hall_name(row.bytes) == "中文䶮𠮷");
  }
}

TEST_CASE("bad bytes are found where they stand in the original file") {
  struct Row {
    const char* name;
    std::string marked;  // ⚑ marks the first bad byte; marks are stripped before encoding
    enum { utf8, utf16, gb } encoding = utf8;
    const char* message;
  };
  const std::string head = "<?xml version=\"1.0\"?>\n<hallboard version=\"1\">\n";
  const std::string gb_head =
      "<?xml version=\"1.0\" encoding=\"GBK\"?>\n<hallboard version=\"1\">\n";
  const std::vector<Row> rows = {
      {"stray byte in UTF-8", head + "<notices><notice>中⚑\xFF文</notice></notices></hallboard>",
       Row::utf8, "FF"},
      {"GBK bytes in an undeclared file",
       "<hallboard version=\"1\">\n  <hall name=\"⚑" + std::string(kGbZhong) + "\"/></hallboard>",
       Row::utf8, "not valid UTF-8"},
      {"overlong UTF-8", head + "<hall name=\"a⚑\xC0\xAF\"/></hallboard>", Row::utf8,
       "not valid UTF-8"},
      {"UTF-8 surrogate", head + "<hall name=\"𠮷⚑\xED\xA0\x80\"/></hallboard>", Row::utf8,
       "not valid UTF-8"},
      {"truncated UTF-8 at the end", head + "<hall name=\"a\"/></hallboard>⚑\xE4\xB8", Row::utf8,
       "not valid UTF-8"},
      {"bad GB18030 pair", gb_head + "<notices><notice>中⚑\x81\x20</notice></notices></hallboard>",
       Row::gb, "not valid GB18030"},
      {"lone GB18030 0xFF", gb_head + "\n\n<hall name=\"文䶮𠮷⚑\xFF\"/></hallboard>", Row::gb,
       "not valid GB18030"},
      {"GB18030 cut short at the end", gb_head + "<hall name=\"x\"/></hallboard>中⚑\xD6", Row::gb,
       "ends in the middle"},
      {"lone high surrogate in UTF-16", head + "<hall name=\"ab⚑", Row::utf16, "high surrogate"},
  };
  for (const auto& row : rows) {
    CAPTURE(std::string(row.name));
    Marked m = unmark(row.marked);
    std::string bytes = m.text;
    if (row.encoding == Row::utf16)
      bytes = to_utf16(m.text, false) + std::string("\x00\xD8\x41\x00", 4);
    if (row.encoding == Row::gb) bytes = to_gb(m.text);
    model::Diagnostics out;
    CHECK_FALSE(feed::parse_feed(bytes, "t.xml", out).has_value());
    INFO(dump(out));
    REQUIRE(out.size() == 1);
    CHECK(out[0].where.line == m.line);
    CHECK(out[0].where.column == m.column);
    CHECK(out[0].message.find(row.message) != std::string::npos);
  }
}

TEST_CASE("declarations that do not fit the bytes are refused") {
  struct Row {
    const char* name;
    std::string bytes;
    int line, column;
    const char* message;
  };
  const std::vector<Row> rows = {
      {"Big5 is not allowed", "<?xml version=\"1.0\" encoding=\"Big5\"?><hallboard version=\"1\"/>",
       1, 31, "unsupported encoding \"Big5\""},
      {"ISO-8859-1 is not allowed",
       "<?xml version=\"1.0\" encoding='ISO-8859-1'?>\n<hallboard version=\"1\"/>", 1, 31,
       "unsupported encoding"},
      {"UTF-16 without BOM", std::string("<\0h\0", 4), 1, 1, "UTF-16 without a byte-order mark"},
      {"UTF-32", std::string("\xFF\xFE\0\0<\0\0\0", 8), 1, 1, "UTF-32"},
      {"UTF-8 BOM but GBK declared",
       "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"GBK\"?><hallboard version=\"1\"/>", 1, 31,
       "UTF-8 byte-order mark"},
      {"UTF-16 BOM but GBK declared",
       to_utf16("<?xml version=\"1.0\" encoding=\"GBK\"?><hallboard version=\"1\"/>", false), 1, 31,
       "UTF-16 byte-order mark"},
  };
  for (const auto& row : rows) {
    CAPTURE(std::string(row.name));
    model::Diagnostics out;
    CHECK_FALSE(feed::parse_feed(row.bytes, "t.xml", out).has_value());
    INFO(dump(out));
    REQUIRE(out.size() == 1);
    CHECK(out[0].where.line == row.line);
    CHECK(out[0].where.column == row.column);
    CHECK(out[0].message.find(row.message) != std::string::npos);
  }
}

TEST_CASE("positions in UTF-16 and GB18030 files match the UTF-8 ones") {
  const std::string marked =
      "<?xml version=\"1.0\" encoding=\"ENC\"?>\n<hallboard version=\"1\">\n"
      "<items><item id=\"甲一\"><name>中文𠮷</name><deadline ⚑unit=\"weeks\" "
      "promised=\"1\"/></item></items>\n"
      "</hallboard>";
  Marked m = unmark(marked);
  const auto replace_enc = [&](const std::string& enc) {
    std::string s = m.text;
    s.replace(s.find("ENC"), 3, enc);
    return s;
  };
  const std::string utf16 = to_utf16(replace_enc("UTF-16"), true);
  // The same document in GB18030, built from the UTF-8 one character by character.
  const std::string gb = to_gb(replace_enc("GB18030"));
  for (const auto& [name, bytes] : {std::pair{"utf8", replace_enc("UTF-8")},
                                    std::pair{"utf16", utf16}, std::pair{"gb18030", gb}}) {
    CAPTURE(std::string(name));
    const auto out = lint_one(bytes);
    INFO(dump(out));
    REQUIRE(out.size() == 1);
    CHECK(out[0].where.line == m.line);
    CHECK(out[0].where.column == m.column);
  }
}

}  // namespace hb::test
