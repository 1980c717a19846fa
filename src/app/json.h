#pragma once

#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace hb::app {

std::string json_string(std::string_view s);  // quoted and escaped
std::string diagnostics_json(const model::Diagnostics& diagnostics);

}  // namespace hb::app
