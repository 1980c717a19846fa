// Compares two parsed feeds field by field, ignoring where things were
// written (`where`, `source`, `base_url`): for round trips through the
// writer, where positions change and content must not.
#pragma once

#include <string>

#include "model/content.h"

namespace hb::test {

// Each field that differs, one line each ("items[2].deadline.promised: 5 != 0");
// empty when the two hold the same content.
std::string feed_differences(const model::Feed& a, const model::Feed& b);

}  // namespace hb::test
