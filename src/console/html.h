// HTML made on the server, safe by construction: text and attribute values
// always go through escape(); only string literals from our own code are
// written as they are. An item named <script>alert(1)</script> is shown as
// those characters.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace hb::console {

std::string escape(std::string_view text);

struct Attr {
  const char* name;
  std::string value;
};

class Html {
 public:
  Html& open(const char* tag, std::initializer_list<Attr> attrs = {});
  Html& close(const char* tag);
  Html& text(std::string_view text);
  // <tag attrs>text</tag>
  Html& el(const char* tag, std::initializer_list<Attr> attrs, std::string_view text);
  Html& el(const char* tag, std::string_view text) { return el(tag, {}, text); }
  // <tag attrs> with no end tag (input, br, meta, link)
  Html& empty(const char* tag, std::initializer_list<Attr> attrs = {});
  // Markup from our own code only: a literal, never a value.
  template <std::size_t N>
  Html& literal(const char (&markup)[N]) {
    out_.append(markup, N - 1);
    return *this;
  }
  Html& append(const Html& other) {
    out_ += other.out_;
    return *this;
  }
  const std::string& str() const { return out_; }

 private:
  void attrs(std::initializer_list<Attr> list);
  std::string out_;
};

}  // namespace hb::console
