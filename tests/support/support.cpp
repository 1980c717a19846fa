#include "support.h"

#include "feed/source_text.h"
#include "schedule/checks.h"

namespace hb::test {

Marked unmark(std::string_view marked) {
  Marked m;
  const std::size_t at = marked.find(kMark);
  if (at == std::string_view::npos) {
    m.text = std::string(marked);
    return m;
  }
  m.text = std::string(marked.substr(0, at)) + std::string(marked.substr(at + kMark.size()));
  const feed::SourceText text("", m.text);
  const auto w = text.where(at);
  m.line = w.line;
  m.column = w.column;
  return m;
}

std::string feed_doc(std::string_view body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<hallboard version=\"1\">\n" +
         std::string(body) + "\n</hallboard>\n";
}

std::string roster(std::string_view extra) {
  return "<roster><staff id=\"s1\" name=\"李娜\"/><staff id=\"s2\" name=\"王强\"/>"
         "<staff id=\"s3\" name=\"赵敏\"/><window id=\"1\"><post role=\"A\" staff=\"s1\"/>"
         "<post role=\"B\" staff=\"s2\"/></window>" +
         std::string(extra) + "</roster>";
}

model::Diagnostics lint(const std::vector<std::pair<std::string, std::string>>& files) {
  model::Diagnostics out;
  std::vector<model::Feed> feeds;
  for (const auto& [name, xml] : files)
    if (auto f = feed::parse_feed(xml, name, out)) feeds.push_back(std::move(*f));
  const auto content = feed::merge(std::move(feeds), out);
  schedule::check_absence_cover(content, model::kDefaultUtcOffsetMinutes, out);
  schedule::check_slide_schedules(content, out);
  model::sort_for_report(out);
  return out;
}

model::Diagnostics lint_one(const std::string& xml, const std::string& file) {
  return lint({{file, xml}});
}

std::string dump(const model::Diagnostics& diagnostics) {
  std::string r;
  for (const auto& d : diagnostics)
    r += model::format_diagnostic(d) + "\n";
  return r.empty() ? "(none)" : r;
}

}  // namespace hb::test
