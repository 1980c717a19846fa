// The pixel sizes of pictures, for the layout of posters
// (layout::PictureSizes), told from the header of the bytes the renderer
// would draw: a picture the renderer would refuse has no size, so the
// layout shows its alt text rather than a box the renderer cannot fill.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "base/image_header.h"
#include "layout/poster_fit.h"
#include "net/local_file.h"

namespace hb::app {

// Whatever reads a picture's bytes by its source (render::PictureLoader's
// shape), or only their first kPictureHeadBytes: the header is all a size needs.
using PictureBytes = std::function<std::optional<std::string>(const std::string& source)>;
// The stamp (size, modification time) of the file a source is read from;
// nothing while there is none. A stat, far cheaper than a read.
using PictureStamps = std::function<std::optional<net::FileStamp>(const std::string& source)>;

// As far as a picture's header is looked for: lint reads as much.
inline constexpr std::size_t kPictureHeadBytes = 256u * 1024u;

// Remembers each source's size while its stamp stays the same, so that a
// slide's pages, laid out again every minute and at every queue document,
// read each picture's header once (a poster slide has up to 40 pictures,
// each up to 8 MB). Without `stamp`, a size is remembered for the
// function's life (a one-shot `render`). The remembered sources are
// bounded; all calls come from one thread (the content thread's).
layout::PictureSizes picture_sizes_from(PictureBytes head, PictureStamps stamp = {},
                                        base::PictureLimits limits = {});

// The size of a picture's bytes; nothing for what base::check_picture refuses.
std::optional<layout::PictureSize> picture_size_of(std::string_view bytes,
                                                   const base::PictureLimits& limits);

}  // namespace hb::app
