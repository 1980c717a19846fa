// How content moves between feeds and the store's draft records. A record
// is one element of the v1 format (an <item>, a <staff>, an <absence> …, or
// a whole <hall>, <calendar> or <stats>), kept as pugixml serialised it.
// Published feeds are made by putting records back under their sections,
// by pugixml again: no XML is ever pasted together from strings.
//
// Feed names are stable across versions (docs/console.md):
//   hall.xml     hall, calendar, pledges, playlists   (changes rarely)
//   roster.xml   staff, windows, absences              (daily: leave, 补岗)
//   notices.xml  notices                               (during the day)
//   items.xml    items
//   results.xml  results                               (weekly)
//   stats.xml    stats                                 (monthly)
#pragma once

#include <pugixml.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace hb::console {

struct RecordKind {
  const char* kind;     // the store's kind, the element's name
  const char* section;  // the section element it sits in ("" when it is the section)
  const char* feed;     // the feed file it is published in
  const char* key_attribute;  // the attribute that is its key ("" when keys are made up)
};

// An element as a record's body: pugixml's compact form, UTF-8.
std::string record_body(const pugi::xml_node& element);

// Every kind, in the order sections are written.
const std::vector<RecordKind>& record_kinds();
const RecordKind* find_record_kind(std::string_view kind);
std::vector<std::string> feed_names();

// Makes a key for a record whose element has no key attribute.
using KeyMaker = std::function<std::string(const std::string& kind)>;

// The records in a v1 feed already read as UTF-8 and checked by the parser.
// Unknown elements are dropped (the parser warned about them). `hall_id`
// receives the root's hall="…" if it has one.
std::vector<store::Record> records_from_feed(std::string_view utf8_xml, const KeyMaker& make_key,
                                             std::string* hall_id);

// One record's element from a feed that holds that record (made by the
// feed writer for a form): the first element of `kind` found.
std::optional<std::string> element_of_kind(std::string_view utf8_xml, std::string_view kind);

// The text of a child element of a record's element ("" when none).
std::string child_text_of(const store::Record& record, const char* child);

// The text inside a record's element ("" when none).
std::string element_text_of(const store::Record& record);

// The value of an attribute of a record's element ("" when absent).
std::string record_attribute(const store::Record& record, const char* name);

struct FeedDraft {
  std::string name;
  // The feed's bytes with generated="…" as given (the caller tries the
  // previous value first, to see whether anything else changed).
  std::function<std::string(const std::string& generated)> bytes;
};

// The feeds the records make, one per feed name, in feed_names() order.
std::vector<FeedDraft> feeds_from_records(const std::vector<store::Record>& records,
                                          const std::string& hall_id);

}  // namespace hb::console
