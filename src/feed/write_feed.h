// model -> bytes: the inverse of parse_feed, for tools that publish feeds
// (the console). What is written reads back as the same model: texts are
// written as the reader folds them, values in the format's canonical
// spelling, optional fields left out when empty or when the reader's
// default gives the same value. Pure: no clock, no I/O.
#pragma once

#include <array>

#include <string>

#include "model/content.h"

namespace hb::feed {

// A complete UTF-8 document of format version 1 holding every section the
// feed has: the same feed always gives the same bytes (two-space indent,
// attributes in a fixed order). `source`, `where` and `base_url` fields are
// not written; `version` is always "1". Checking the content is lint's job:
// a feed that breaks a rule (an empty required name, promised > statutory)
// is written as it is, and lint of the result says what is wrong. The one
// thing the format cannot say is a calendar without opening hours: it is
// written as <calendar> without <hours>, which reads as the default hours.
std::string write_feed(const model::Feed& feed);

// Opening days as the format writes them: "mon-fri", "mon,wed-thu,sat-sun".
std::string days_attribute(const std::array<bool, 7>& on);

}  // namespace hb::feed
