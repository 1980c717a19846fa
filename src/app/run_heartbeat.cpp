#include "app/run_heartbeat.h"

#include <cstdint>

#include "render/png_file.h"

namespace hb::app {

std::unique_ptr<HeartbeatSender> start_heartbeat(const model::PlayerConfig& config,
                                                 double steady_now, std::mutex& play_rotation) {
  if (!config.heartbeat) return nullptr;
  HeartbeatOptions beat;
  beat.url = config.heartbeat->url;
  beat.token = config.heartbeat->token;
  beat.interval_seconds = config.heartbeat->interval_seconds;
  beat.screenshot = config.heartbeat->screenshot;
  beat.ca_file = config.tls_ca_file;
  beat.play_dir = config.cache_dir;
  return std::make_unique<HeartbeatSender>(
      beat,
      [](const Frame& f) {
        auto png = render::encode_argb_png(f.pixels.data(), f.width, f.height, f.pitch);
        return EncodedPng{std::move(png.png), std::move(png.error)};
      },
      steady_now, play_rotation);
}

std::optional<Frame> frame_on(render::Presenter& screen) {
  const render::SurfacePtr shot = screen.screenshot();
  if (!shot) return std::nullopt;
  const auto* p = static_cast<const std::uint8_t*>(shot->pixels);
  const auto bytes = static_cast<std::size_t>(shot->pitch) * static_cast<std::size_t>(shot->h);
  return Frame{shot->w, shot->h, shot->pitch, {p, p + bytes}};
}

}  // namespace hb::app
