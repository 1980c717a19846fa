// Lexical checks pugixml does not make: it silently keeps unknown entities
// as text, accepts control characters and skips a DOCTYPE. The screen must
// never show "&x;" or junk, so these are errors found before parsing.
#pragma once

#include "feed/source_text.h"
#include "model/diagnostic.h"

namespace hb::feed {

void prescan(const SourceText& text, model::Diagnostics& out, std::size_t max_findings);

}  // namespace hb::feed
