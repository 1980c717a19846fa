#include "audio/clips.h"

#include <filesystem>
#include <fstream>
#include <string_view>
#include <system_error>

#include "audio/resample.h"
#include "audio/sdl_audio.h"

namespace hb::audio {
namespace {

// Whether the file starts as a WAV does ("RIFF", a size, "WAVE"). SDL's
// loader is only given files that do: besides saying plainly what is
// wrong, SDL 2.26's loader leaks its chunk buffer when it refuses a file.
bool looks_like_wav(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[12] = {};
  if (!in.read(head, sizeof head)) return false;
  return std::string_view(head, 4) == "RIFF" && std::string_view(head + 8, 4) == "WAVE";
}

base::Result<Pcm, std::string> load_wav(const std::string& path) {
  if (!looks_like_wav(path)) return path + ": not a WAV file (RIFF/WAVE)";
  SDL_AudioSpec spec{};
  Uint8* raw = nullptr;
  Uint32 bytes = 0;
  if (!SDL_LoadWAV(path.c_str(), &spec, &raw, &bytes)) return path + ": " + SDL_GetError();
  const WavBuffer buffer(raw);
  auto pcm = to_voice_format(buffer.get(), bytes, spec.format, spec.channels, spec.freq);
  if (!pcm) return path + ": " + pcm.error();
  return std::move(pcm).value();
}

}  // namespace

std::vector<std::string> ClipFolder::recorded() const {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder_, ec)) {
    const auto& p = entry.path();
    if (p.extension() == ".wav") names.push_back(p.stem().string());
  }
  return names;
}

base::Result<const Pcm*, std::string> ClipFolder::clip(const std::string& name) {
  if (const auto it = loaded_.find(name); it != loaded_.end()) return &it->second;
  const std::string path = folder_ + "/" + name + ".wav";
  std::error_code ec;
  if (!std::filesystem::is_directory(folder_, ec)) return "no clip folder " + folder_;
  if (!std::filesystem::exists(path, ec)) return "no clip " + path;
  // SDL_LoadWAV reads the whole file and the clip is kept for the life of
  // the player: a word is a second or two, so a long recording dropped in
  // by mistake, or a FIFO that would block the voice thread, is refused.
  if (!std::filesystem::is_regular_file(path, ec)) return path + ": not a regular file";
  if (const auto size = std::filesystem::file_size(path, ec); ec || size > kClipMaxBytes)
    return path + ": over 2 MB (a clip is one word)";
  auto pcm = load_wav(path);
  if (!pcm) return pcm.error();
  return &loaded_.emplace(name, std::move(pcm).value()).first->second;
}

base::Result<Pcm, std::string> ClipFolder::say(const std::vector<schedule::Word>& words) {
  Pcm out;
  for (const auto& w : words) {
    if (w.clip.empty()) return "\"" + w.spoken + "\" has no clip";
    const auto pcm = clip(w.clip);
    if (!pcm) return pcm.error();
    append(out, **pcm);
  }
  return out;
}

}  // namespace hb::audio
