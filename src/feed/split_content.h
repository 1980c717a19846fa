// Merged content cut back into feeds: the inverse of merge() for tools that
// keep one hall's content together and publish it as several files (the
// console's hall.xml, items.xml, roster.xml …). Pure model to model.
#pragma once

#include "model/content.h"

namespace hb::feed {

// Which sections of the content a feed carries.
struct Sections {
  bool hall = false;
  bool calendar = false;
  bool items = false;
  bool results = false;
  bool roster = false;
  bool pledges = false;
  bool notices = false;
  bool stats = false;
  bool playlists = false;
};

// A feed with copies of the chosen sections. A chosen section the content
// lacks stays absent, except items (an empty <items> still says "this feed
// publishes the items") and a roster the content has without any entry.
// `generated` and `hall_id` are the caller's to set.
model::Feed feed_of(const model::Content& content, const Sections& sections);

}  // namespace hb::feed
