// lint's look at a <sound clips="…"> folder: the screen falls back to
// speech without it, so lint says beforehand what the screen would only
// say in its log when a call comes.
#pragma once

#include "model/diagnostic.h"
#include "model/player_config.h"

namespace hb::app {

// A warning at <sound> when the folder is missing, or lacks a clip every
// call needs (the words and digits; letters are left to the hall, which
// knows the ones its tickets use).
void check_clip_folder(const model::PlayerConfig& config, model::Diagnostics& out);

}  // namespace hb::app
