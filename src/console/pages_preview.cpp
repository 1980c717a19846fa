// 预览: the drafts (or the published version) as a screen would show them,
// at a chosen time, size and screen, with the plan timeline.
#include "console/auth.h"
#include "console/feed_records.h"
#include "console/pages.h"
#include "console/preview.h"
#include "feed/values.h"

namespace hb::console {

namespace {

std::vector<NamedFeed> published_feeds(Console& console) {
  std::vector<NamedFeed> out;
  const auto latest = console.store().latest_version();
  if (!latest || !*latest) return out;
  if (auto feeds = console.store().version_feeds((*latest)->number)) {
    for (auto& f : *feeds) out.push_back({f.name, f.bytes});
  }
  return out;
}

std::vector<NamedFeed> current_draft_feeds(Console& console) {
  const auto records = console.store().all_records();
  if (!records) return {};
  return draft_feeds(*records, console.publish_settings().hall_id);
}

Options screen_choices(Console& console) {
  Options out{{"preview", "任意屏幕（screen=\"*\" 的播放列表）"}};
  if (const auto playlists = console.store().records("playlist")) {
    for (const auto& p : *playlists) {
      const std::string screens = record_attribute(p, "screen");  // split_list views into it
      for (const auto screen : feed::split_list(screens)) {
        if (screen != "*") out.emplace_back(std::string(screen), std::string(screen));
      }
    }
  }
  return out;
}

constexpr std::size_t kFirstPages = 4;

// What the preview was asked for, as the form's fields say it.
struct PreviewQuery {
  std::string source, at, size, screen;
};

// The same preview with every page of the rotation. Built from the values
// used, not the request: a preview "now" stays at that moment.
void whole_rotation_link(Html& h, const PreviewQuery& q) {
  const std::string query = "?source=" + url_encode(q.source) + "&at=" + url_encode(q.at) +
                            "&size=" + url_encode(q.size) + "&screen=" + url_encode(q.screen) + "&all=1";
  h.open("p").el("a", {{"href", "/preview" + query}, {"class", "button"}},
                 "显示整轮全部页面（页数多时需几秒）").close("p");
}

// The pages drawn (one more than shown was asked for, to know whether the
// rotation goes on) and the plan.
void preview_results(Html& h, Console& console, Preview preview, bool whole, const PreviewQuery& q) {
  const bool cut = !whole && preview.pages.size() > kFirstPages;
  if (cut) preview.pages.resize(kFirstPages);
  const std::string id = random_key("p");
  std::vector<std::string> pngs;
  for (const auto& p : preview.pages) pngs.push_back(p.png);
  console.previews().add(id, std::move(pngs));
  h.el("h2", cut ? "一轮播放的前 " + std::to_string(kFirstPages) + " 页"
                 : "共 " + std::to_string(preview.pages.size()) + " 页（一轮播放）");
  if (cut) whole_rotation_link(h, q);
  for (std::size_t i = 0; i < preview.pages.size(); ++i) {
    h.el("p", preview.pages[i].name);
    h.empty("img", {{"class", "preview"}, {"alt", preview.pages[i].text},
                    {"src", "/preview/" + id + "/" + std::to_string(i)}});
  }
  h.el("h2", "屏幕此时的安排（hallboard plan）");
  h.el("pre", {{"class", "xml"}}, preview.plan);
}

void preview_form(Html& h, Console& console, const PreviewQuery& q) {
  h.open("form", {{"method", "get"}, {"action", "/preview"}, {"class", "panel"}}).open("div", {{"class", "row"}});
  select_field(h, "source", "内容", {{"drafts", "草稿（尚未发布）"}, {"published", "当前发布版本"}}, q.source, "");
  form_field(h, {"at", "时间", q.at, "datetime-local", ""});
  select_field(h, "size", "屏幕尺寸",
               {{"1920x1080", "1920×1080 横屏"}, {"1366x768", "1366×768 横屏"}, {"1080x1920", "1080×1920 竖屏"},
                {"3840x2160", "3840×2160 4K"}},
               q.size, "");
  select_field(h, "screen", "屏幕", screen_choices(console), q.screen, "");
  h.close("div").el("button", {{"type", "submit"}, {"class", "primary"}}, "生成预览").close("form");
}

}  // namespace

Response page_preview(Console& console, const Request& request, const Caller& caller, const Params&) {
  PageContext ctx = page_context(console, caller, "/preview");
  const int offset = console.utc_offset_minutes();
  std::string at = request.query_value("at");
  if (at.empty()) at = model::to_iso_string(console.now(), offset).substr(0, 16);
  const std::string size_text = request.query_value("size").empty() ? "1920x1080" : request.query_value("size");
  const std::string source = request.query_value("source") == "published" ? "published" : "drafts";
  std::string screen = request.query_value("screen");
  if (screen.empty()) screen = "preview";
  // The first pages come in well under a second; the whole rotation of a
  // big hall takes seconds, so it is one click more.
  const bool whole = request.query_value("all") == "1";
  Html h;
  preview_form(h, console, {source, at, size_text, screen});
  const auto size = parse_size(size_text);
  const auto when = feed::parse_timestamp(at);
  if (request.query.empty()) return html_page(ctx, "预览", h);
  if (!size || !when) {
    h.el("p", {{"class", "errors"}}, "时间或尺寸无法识别");
    return html_page(ctx, "预览", h, 422);
  }
  PreviewRequest r;
  r.feeds = source == "published" ? published_feeds(console) : current_draft_feeds(console);
  if (const auto pictures = console.store().assets()) {
    for (const auto& a : *pictures) r.pictures.push_back({a.name, a.bytes});
  }
  r.at = model::to_iso_string(model::to_unix(*when, offset), offset);
  r.width = size->first;
  r.height = size->second;
  r.screen = screen;
  r.utc_offset_minutes = offset;
  r.max_pages = whole ? 0 : static_cast<int>(kFirstPages) + 1;
  // One preview at a time: each is a full render of the rotation.
  std::unique_lock running(console.preview_mutex(), std::try_to_lock);
  if (!running.owns_lock()) {
    h.el("p", {{"class", "errors"}}, "另一个预览正在生成，请稍等几秒后再试");
    return html_page(ctx, "预览", h, 503);
  }
  const auto preview = render_preview(console.options().screen_program,
                                      console.options().data_dir / "preview" / random_key("p"), r,
                                      std::chrono::seconds(90));
  if (!preview) {
    h.el("p", {{"class", "errors"}}, preview.error().message);
    return html_page(ctx, "预览", h, 500);
  }
  preview_results(h, console, std::move(*preview), whole, {source, at, size_text, screen});
  return html_page(ctx, "预览", h);
}

Response preview_png(Console& console, const Request& request, const Caller&, const Params& params) {
  const auto index = version_number(params.at("n"));
  const auto png = index ? console.previews().png(params.at("id"), static_cast<std::size_t>(*index)) : std::nullopt;
  if (!png) return page_refusal(404, "预览已过期，请重新生成", request.path);
  Response r;
  r.content_type = "image/png";
  r.body = *png;
  r.set_header("Cache-Control", "private, max-age=600");
  return r;
}

}  // namespace hb::console
