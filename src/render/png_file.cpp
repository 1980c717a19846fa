#include "render/png_file.h"

#include <SDL2/SDL_image.h>

#include <cstring>
#include <memory>

namespace hb::render {
namespace {

// An SDL_RWops that writes into a growing string: SDL_RWFromMem needs the
// size up front, and a PNG's size is known only once it is written.
struct MemorySink {
  std::string bytes;
  std::size_t at = 0;
};

MemorySink& sink_of(SDL_RWops* rw) {
  return *static_cast<MemorySink*>(rw->hidden.unknown.data1);
}

Sint64 sink_size(SDL_RWops* rw) {
  return static_cast<Sint64>(sink_of(rw).bytes.size());
}

Sint64 sink_seek(SDL_RWops* rw, Sint64 offset, int whence) {
  MemorySink& sink = sink_of(rw);
  Sint64 base = 0;
  if (whence == RW_SEEK_CUR) base = static_cast<Sint64>(sink.at);
  if (whence == RW_SEEK_END) base = static_cast<Sint64>(sink.bytes.size());
  const Sint64 to = base + offset;
  if (to < 0) return SDL_SetError("seek before the start");
  sink.at = static_cast<std::size_t>(to);
  return to;
}

std::size_t sink_read(SDL_RWops*, void*, std::size_t, std::size_t) {
  return 0;
}

std::size_t sink_write(SDL_RWops* rw, const void* data, std::size_t size, std::size_t count) {
  MemorySink& sink = sink_of(rw);
  const std::size_t n = size * count;
  if (sink.bytes.size() < sink.at + n) sink.bytes.resize(sink.at + n);
  if (n > 0) std::memcpy(sink.bytes.data() + sink.at, data, n);
  sink.at += n;
  return count;
}

int sink_close(SDL_RWops*) {
  return 0;  // freed by its owner below, never by SDL_image
}

struct RWopsDeleter {
  void operator()(SDL_RWops* rw) const { SDL_FreeRW(rw); }
};

}  // namespace

SaveResult save_png(SDL_Surface& surface, const std::string& path) {
  if (IMG_SavePNG(&surface, path.c_str()) != 0)
    return {false, "cannot write " + path + ": " + IMG_GetError()};
  return {true, {}};
}

LoadResult load_png(const std::string& path) {
  SDL_RWops* in = SDL_RWFromFile(path.c_str(), "rb");
  if (!in) return {nullptr, "cannot open " + path + ": " + SDL_GetError()};
  SurfacePtr decoded(IMG_LoadTyped_RW(in, 1, "PNG"));
  if (!decoded) return {nullptr, "cannot read " + path + " as PNG: " + IMG_GetError()};
  SurfacePtr converted(SDL_ConvertSurfaceFormat(decoded.get(), surface_format, 0));
  if (!converted) return {nullptr, "cannot convert " + path + ": " + SDL_GetError()};
  return {std::move(converted), {}};
}

EncodeResult encode_png(SDL_Surface& surface) {
  MemorySink sink;
  const std::unique_ptr<SDL_RWops, RWopsDeleter> rw(SDL_AllocRW());
  if (!rw) return {{}, std::string("cannot encode a PNG: ") + SDL_GetError()};
  rw->type = SDL_RWOPS_UNKNOWN;
  rw->size = sink_size;
  rw->seek = sink_seek;
  rw->read = sink_read;
  rw->write = sink_write;
  rw->close = sink_close;
  rw->hidden.unknown.data1 = &sink;
  if (IMG_SavePNG_RW(&surface, rw.get(), 0) != 0)
    return {{}, std::string("cannot encode a PNG: ") + IMG_GetError()};
  if (sink.bytes.empty()) return {{}, "cannot encode a PNG: nothing was written"};
  return {std::move(sink.bytes), {}};
}

EncodeResult encode_argb_png(const std::uint8_t* pixels, int width, int height, int pitch) {
  if (!pixels || width < 1 || height < 1 || pitch < 4 * width)
    return {{}, "cannot encode a PNG: the frame is empty or malformed"};
  // A view of the caller's pixels: SDL_FreeSurface leaves them alone.
  SurfacePtr view(SDL_CreateRGBSurfaceWithFormatFrom(const_cast<std::uint8_t*>(pixels), width,
                                                     height, 32, pitch, surface_format));
  if (!view) return {{}, std::string("cannot encode a PNG: ") + SDL_GetError()};
  return encode_png(*view);
}

}  // namespace hb::render
