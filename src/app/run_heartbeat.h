// The heartbeat's ties to the screen: the sender with render's PNG encoder,
// and the frame on screen copied for it (on the drawing thread; the sender
// shrinks and encodes it on its own).
#pragma once

#include <memory>
#include <mutex>
#include <optional>

#include "app/heartbeat.h"
#include "model/player_config.h"
#include "render/presenter.h"

namespace hb::app {

// Nothing when the config has no <heartbeat>. `play_rotation`: the lock
// the proof-of-play recorder's rotation holds.
std::unique_ptr<HeartbeatSender> start_heartbeat(const model::PlayerConfig& config,
                                                 double steady_now, std::mutex& play_rotation);

// What the screen shows, upright; nothing when it has no frame.
std::optional<Frame> frame_on(render::Presenter& screen);

}  // namespace hb::app
