// Every text of the content that a screen may show, with where it was
// written: for checks that look at all of them (characters no font has).
#pragma once

#include <functional>
#include <string_view>

#include "model/content.h"

namespace hb::model {

void for_each_shown_text(const Content& content,
                         const std::function<void(std::string_view, const Where&)>& visit);

}  // namespace hb::model
