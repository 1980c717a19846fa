// Helpers for table-driven feed tests. A "⚑" in a test document marks where
// the expected finding must point; it is removed before parsing.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "feed/feed.h"
#include "model/diagnostic.h"

namespace hb::test {

inline constexpr std::string_view kMark = "⚑";

struct Marked {
  std::string text;
  int line = 0;    // of the mark, 0 when there is none
  int column = 0;  // in code points
};

Marked unmark(std::string_view marked);

// A feed document around `body`, which starts on line 3.
std::string feed_doc(std::string_view body);

// A minimal roster: staff s1, s2, s3, window 1 with A=s1, B=s2.
std::string roster(std::string_view extra = "");

// Parses, merges and checks as `hallboard lint` would.
model::Diagnostics lint(const std::vector<std::pair<std::string, std::string>>& files);
model::Diagnostics lint_one(const std::string& xml, const std::string& file = "t.xml");

std::string dump(const model::Diagnostics& diagnostics);

}  // namespace hb::test
