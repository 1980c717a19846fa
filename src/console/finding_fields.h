// Which part of a record a lint finding is about, from the finding's
// position alone. A change is checked by turning the drafts into feeds and
// reading them as lint does; lint places each finding at the attribute (or
// element) it concerns. Finding that position inside the changed record's
// element in the generated feed text tells the page which form field to
// show the message beside. Never from the message's wording: messages are
// for people and may change.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace hb::console {

// The byte offset of a line and column (1-based, the column in code points
// as model::Where counts them) in UTF-8 text whose lines end with "\n", or
// npos when the text has no such place.
std::size_t offset_of(std::string_view text, const model::Where& where);

// What in the element whose "<" is at `element_start` in `feed_text` the
// finding at `where` is about, in the record's own terms:
//   "date"          an attribute of the element (at its name or value)
//   "text"          the element's own text
//   "procedure"     anything inside a child element (its tag, attributes,
//                   text, descendants): the child's name
//   "post[role=A]"  the same for a child with a role: like children (a
//                   window's A and B posts) are different fields
//   ""              the element's own tag, or not inside the element
std::string field_of_finding(std::string_view feed_text, std::size_t element_start,
                             const model::Where& where);

// The offsets of the "<" of every element named `kind` that is the element
// `body` (compared as pugixml writes both): where a record stands in a feed
// made from the records. Usually one; several when identical records were saved.
std::vector<std::size_t> record_element_starts(std::string_view feed_text, std::string_view kind,
                                               std::string_view body);

}  // namespace hb::console
