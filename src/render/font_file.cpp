#include "render/font_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <memory>

#include "base/unique_fd.h"

namespace hb::render {
namespace {

constexpr Sint64 kBlock = 1024;
// 128 blocks of 1 KB by block number, direct-mapped: FreeType's reads for one glyph
// (its advance in hmtx, its offset in the CFF index, its charstring) fall
// in a few blocks that the next measurement of the same text reads again.
constexpr std::size_t kBlocks = 128;

struct FontFile {
  base::UniqueFd fd;
  Sint64 size = 0;
  Sint64 position = 0;
  struct Block {
    Sint64 number = -1;
    Sint64 bytes = 0;  // the last block of the file is short
    std::array<unsigned char, kBlock> data;
  };
  std::array<Block, kBlocks> blocks;

  // The block, read now unless cached; null on a read error.
  const Block* block(Sint64 number) {
    Block& b = blocks[static_cast<std::size_t>(number) % kBlocks];
    if (b.number == number) return &b;
    b.number = -1;
    Sint64 got = 0;
    while (got < kBlock) {
      const ssize_t n =
          ::pread(fd.get(), b.data.data() + got, static_cast<std::size_t>(kBlock - got),
                  static_cast<off_t>(number * kBlock + got));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return nullptr;
      if (n == 0) break;
      got += n;
    }
    b.number = number;
    b.bytes = got;
    return &b;
  }

  // Bytes copied to out from the position on, at most `want`.
  Sint64 read(unsigned char* out, Sint64 want) {
    want = std::max<Sint64>(0, std::min(want, size - position));
    // A table read whole (HarfBuzz copies GSUB, GPOS…) goes straight to the
    // file instead of through the cache.
    if (want > 2 * kBlock) {
      Sint64 got = 0;
      while (got < want) {
        const ssize_t n = ::pread(fd.get(), out + got, static_cast<std::size_t>(want - got),
                                  static_cast<off_t>(position + got));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += n;
      }
      position += got;
      return got;
    }
    Sint64 got = 0;
    while (got < want) {
      const Block* b = block(position / kBlock);
      const Sint64 at = position % kBlock;
      if (!b || b->bytes <= at) break;
      const Sint64 n = std::min(want - got, b->bytes - at);
      std::memcpy(out + got, b->data.data() + at, static_cast<std::size_t>(n));
      got += n;
      position += n;
    }
    return got;
  }
};

FontFile* file_of(SDL_RWops* rw) {
  return static_cast<FontFile*>(rw->hidden.unknown.data1);
}

Sint64 SDLCALL size_of(SDL_RWops* rw) {
  return file_of(rw)->size;
}

Sint64 SDLCALL seek(SDL_RWops* rw, Sint64 offset, int whence) {
  FontFile* f = file_of(rw);
  const Sint64 base = whence == RW_SEEK_SET ? 0 : whence == RW_SEEK_CUR ? f->position : f->size;
  const Sint64 to = base + offset;
  if (to < 0) return SDL_SetError("seek before the start of a font file");
  f->position = to;
  return to;
}

size_t SDLCALL read(SDL_RWops* rw, void* out, size_t size, size_t count) {
  if (size == 0 || count == 0) return 0;
  const Sint64 want = static_cast<Sint64>(size * count);
  const Sint64 got = file_of(rw)->read(static_cast<unsigned char*>(out), want);
  return static_cast<size_t>(got) / size;
}

size_t SDLCALL write(SDL_RWops*, const void*, size_t, size_t) {
  SDL_SetError("a font file is read-only");
  return 0;
}

int SDLCALL close(SDL_RWops* rw) {
  delete file_of(rw);
  SDL_FreeRW(rw);
  return 0;
}

}  // namespace

SDL_RWops* open_font_file(const std::string& path) {
  auto file = std::make_unique<FontFile>();
  // Non-blocking: a FIFO named as a font must not hold the program in open().
  file->fd = base::UniqueFd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (!file->fd.valid()) {
    SDL_SetError("cannot open %s: %s", path.c_str(), std::strerror(errno));
    return nullptr;
  }
  struct stat st {};
  if (::fstat(file->fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
    SDL_SetError("%s is not a regular file", path.c_str());
    return nullptr;
  }
  file->size = static_cast<Sint64>(st.st_size);
  SDL_RWops* rw = SDL_AllocRW();
  if (!rw) return nullptr;
  rw->size = size_of;
  rw->seek = seek;
  rw->read = read;
  rw->write = write;
  rw->close = close;
  rw->type = SDL_RWOPS_UNKNOWN;
  rw->hidden.unknown.data1 = file.release();
  return rw;
}

}  // namespace hb::render
