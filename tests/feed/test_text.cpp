#include <doctest/doctest.h>

#include "feed/text.h"
#include "model/unicode.h"
#include "support.h"

namespace hb::feed {

TEST_CASE("text content is trimmed and line breaks fold as the format says") {
  struct Row {
    const char* raw;
    const char* normalized;
  };
  const Row rows[] = {
      {"  限时办结  ", "限时办结"},
      {"一般事项\n  当天办结", "一般事项当天办结"},
      {"一般事项，\n\t当天办结。", "一般事项，当天办结。"},
      {"Call\n  us", "Call us"},
      {"咨询电话\n0871-63123456", "咨询电话 0871-63123456"},
      {"ISO9001\n质量体系", "ISO9001 质量体系"},
      {"第一段\n\n第二段", "第一段\n第二段"},
      {"第一段\n   \n\n  第二段", "第一段\n第二段"},
      {"a   b\t\tc", "a b c"},
      {"中文  中文", "中文 中文"},
      {"\r\n 首问负责\r\n 一次性告知 \r\n", "首问负责一次性告知"},
      {"第一段\r\n\r\n第二段", "第一段\n第二段"},
      {"䶮\n𠮷", "䶮𠮷"},
      {"（注）\n材料", "（注）材料"},
      {"", ""},
      {" \n\n ", ""},
  };
  for (const auto& r : rows) {
    CAPTURE(std::string(r.raw));
    CHECK(normalize_text(r.raw) == r.normalized);
  }
}

TEST_CASE("what counts as CJK") {
  CHECK(model::is_cjk(0x4E2D));   // 中
  CHECK(model::is_cjk(0x4DAE));   // 䶮 (Extension A)
  CHECK(model::is_cjk(0x20BB7));  // 𠮷 (Extension B)
  CHECK(model::is_cjk(0x3002));   // 。
  CHECK(model::is_cjk(0xFF0C));   // ，
  CHECK(model::is_cjk(0x3042));   // あ
  CHECK_FALSE(model::is_cjk('A'));
  CHECK_FALSE(model::is_cjk('1'));
  CHECK_FALSE(model::is_cjk(0x00E9));
}

}  // namespace hb::feed

namespace hb::test {

TEST_CASE("attribute values fold like text and namespace attributes are not unknown") {
  const std::string xml = feed_doc(
      "<hall xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:noNamespaceSchemaLocation=\"hallboard-v1.xsd\" name=\"昆明市住房和城乡建设局\n"
      "        政务服务窗口\" subtitle=\"  one\n   stop  \"/>");
  model::Diagnostics out;
  const auto f = feed::parse_feed(xml, "t.xml", out);
  INFO(dump(out));
  CHECK(out.empty());
  REQUIRE(f);
  REQUIRE(f->hall);
  CHECK(f->hall->name == "昆明市住房和城乡建设局政务服务窗口");
  CHECK(f->hall->subtitle == "one stop");
}

}  // namespace hb::test
