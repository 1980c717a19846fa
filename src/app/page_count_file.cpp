#include "app/page_count_file.h"

#include <charconv>
#include <filesystem>
#include <system_error>
#include <vector>

#include "net/cache.h"
#include "net/local_file.h"

namespace hb::app {
namespace {

constexpr std::string_view kHeader = "hallboard page counts 1";
// Far above any real screen's (a slide of 10,000 pages is not one), so a
// damaged file cannot ask for memory it does not describe.
constexpr long long kMaxCount = 100000;
constexpr std::size_t kMaxFileBytes = 8u << 20;

// Splits a line into words at single spaces; a content version or digest
// never contains one.
std::vector<std::string_view> words(std::string_view line) {
  std::vector<std::string_view> w;
  while (!line.empty()) {
    const std::size_t sp = line.find(' ');
    w.push_back(line.substr(0, sp));
    if (sp == std::string_view::npos) break;
    line.remove_prefix(sp + 1);
  }
  return w;
}

template <typename Int>
bool number(std::string_view text, Int& out, long long low, long long high) {
  long long v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < low || v > high) return false;
  out = static_cast<Int>(v);
  return true;
}

constexpr long long kAnyTime = 1LL << 50;

bool parse_slide(const std::vector<std::string_view>& w, KnownCounts::Slide& s) {
  // slide INDEX DAY OPEN CHANGE pages N | slide INDEX DAY OPEN CHANGE items K N1 .. NK
  if (w.size() < 7) return false;
  int open = 0;
  if (!number(w[1], s.slide, 0, kMaxCount) || !number(w[2], s.day, -kAnyTime, kAnyTime) ||
      !number(w[3], open, 0, 1) || !number(w[4], s.notice_change, -kAnyTime, kAnyTime))
    return false;
  s.open = open == 1;
  if (w[5] == "pages") return w.size() == 7 && number(w[6], s.pages.pages, 0, kMaxCount);
  std::size_t k = 0;
  if (w[5] != "items" || !number(w[6], k, 0, kMaxCount) || w.size() != 7 + k) return false;
  s.pages.per_item.resize(k);
  for (std::size_t i = 0; i < k; ++i)
    if (!number(w[7 + i], s.pages.per_item[i], 0, kMaxCount)) return false;
  return true;
}

bool is_word(std::string_view w) {
  if (w.empty() || w.size() > 200) return false;
  for (const char c : w)
    if (c <= ' ' || c > '~') return false;
  return true;
}

}  // namespace

std::string format_page_counts(const PageCountRecord& r) {
  std::string out(kHeader);
  out += "\nsetup " + r.setup + "\ncontent " + r.content + "\nsize " + std::to_string(r.width) +
         " " + std::to_string(r.height) + "\n";
  for (const auto& s : r.counts.slides) {
    out += "slide " + std::to_string(s.slide) + " " + std::to_string(s.day) + " " +
           (s.open ? "1 " : "0 ") + std::to_string(s.notice_change);
    if (s.pages.per_item.empty()) {
      out += " pages " + std::to_string(s.pages.pages);
    } else {
      out += " items " + std::to_string(s.pages.per_item.size());
      for (const int n : s.pages.per_item)
        out += " " + std::to_string(n);
    }
    out += "\n";
  }
  for (const auto& u : r.counts.urgent)
    out += "urgent " + std::to_string(u.day) + " " + std::to_string(u.notice_change) + " " +
           std::to_string(u.pages) + "\n";
  out += "sha256 " + net::sha256_hex(out) + "\n";
  return out;
}

std::optional<PageCountRecord> parse_page_counts(std::string_view text) {
  // The digest covers everything before its own line.
  const std::size_t last = text.rfind("\nsha256 ");
  if (last == std::string_view::npos) return std::nullopt;
  const std::string_view body = text.substr(0, last + 1);
  if (text.substr(last + 1) != "sha256 " + net::sha256_hex(body) + "\n") return std::nullopt;

  PageCountRecord r;
  std::string_view rest = body;
  int line_no = 0;
  bool has_size = false;
  while (!rest.empty()) {
    const std::size_t nl = rest.find('\n');
    const std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl + 1);  // body ends with '\n'
    const auto w = words(line);
    ++line_no;
    if (line_no == 1) {
      if (line != kHeader) return std::nullopt;
    } else if (line_no == 2) {
      if (w.size() != 2 || w[0] != "setup" || !is_word(w[1])) return std::nullopt;
      r.setup = w[1];
    } else if (line_no == 3) {
      if (w.size() != 2 || w[0] != "content" || !is_word(w[1])) return std::nullopt;
      r.content = w[1];
    } else if (line_no == 4) {
      if (w.size() != 3 || w[0] != "size" || !number(w[1], r.width, 1, 65536) ||
          !number(w[2], r.height, 1, 65536))
        return std::nullopt;
      has_size = true;
    } else if (!w.empty() && w[0] == "slide") {
      KnownCounts::Slide s;
      if (!parse_slide(w, s)) return std::nullopt;
      r.counts.slides.push_back(std::move(s));
    } else if (!w.empty() && w[0] == "urgent") {
      KnownCounts::Urgent u;
      if (w.size() != 4 || !number(w[1], u.day, -kAnyTime, kAnyTime) ||
          !number(w[2], u.notice_change, -kAnyTime, kAnyTime) ||
          !number(w[3], u.pages, 1, kMaxCount))
        return std::nullopt;
      r.counts.urgent.push_back(u);
    } else {
      return std::nullopt;
    }
  }
  if (!has_size) return std::nullopt;
  return r;
}

PageCountFile::PageCountFile(std::string path, std::string setup)
    : path_(std::move(path)), setup_(std::move(setup)) {
  const auto read = net::read_local(path_, kMaxFileBytes);
  if (!read.bytes) return;
  written_ = *read.bytes;
  record_ = parse_page_counts(written_);
  if (record_ && record_->setup != setup_) record_.reset();
}

std::optional<std::pair<int, int>> PageCountFile::last_size() const {
  if (!record_) return std::nullopt;
  return std::pair{record_->width, record_->height};
}

const KnownCounts* PageCountFile::find(const std::string& content, int width, int height) const {
  if (!record_ || record_->content != content || record_->width != width ||
      record_->height != height)
    return nullptr;
  return &record_->counts;
}

std::string PageCountFile::keep(const std::string& content, int width, int height,
                                const KnownCounts& counts) {
  if (!is_word(content) || !is_word(setup_)) return {};
  PageCountRecord r{setup_, content, width, height, counts};
  std::string text = format_page_counts(r);
  if (text == written_) return {};
  std::error_code ec;
  const std::filesystem::path file(path_);
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
  const auto w = net::write_file_atomically(path_, text);
  if (!w.ok) return "cannot remember the page counts: " + w.error;
  written_ = std::move(text);
  record_ = std::move(r);
  return {};
}

}  // namespace hb::app
