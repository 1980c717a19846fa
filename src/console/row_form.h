// What the hall, stats and playlist forms share: a form's values as a map,
// repeated children as numbered rows ("phone_kind_2" is row 2's kind), and
// the edit of an element that keeps what the form does not show. Each row
// carries the position of the child it came from ("phone_src_2"), so a
// row's unknown attributes survive a save; a new row has none.
#pragma once

#include <pugixml.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "console/absence_rules.h"

namespace hb::console {

using FormValues = std::map<std::string, std::string>;

// "phone", "kind", 2 → "phone_kind_2".
std::string row_field(const std::string& prefix, const std::string& field, int row);

// The value of a field, trimmed ("" when the form has none).
std::string form_value(const FormValues& form, const std::string& name);

// How many rows the form sent: rows 1, 2, … while `prefix_src_N` is there.
int row_count(const FormValues& form, const std::string& prefix);

// True when every one of `fields` of the row is blank: the row is left out.
bool row_is_blank(const FormValues& form, const std::string& prefix, int row,
                  const std::vector<const char*>& fields);

// The element the form edits: the old one (kept whole, so its unknown
// attributes stay), or a new <name> when there was none or it does not read.
pugi::xml_node edited_element(pugi::xml_document& doc, const std::string& old_body, const char* name);

// The children named `child`, in order; removed from `parent`, copied into
// `keep` so rows can take them back by position.
std::vector<pugi::xml_node> take_children(pugi::xml_node parent, const char* child, pugi::xml_document& keep);

// The child a row came from (its hidden src: a 1-based position in `old`),
// or a null node for a new row or a src that names none.
pugi::xml_node old_child_at(const std::vector<pugi::xml_node>& old, const std::string& src);

// A new child for a row: a copy of the child it came from, else an empty one.
pugi::xml_node row_child(pugi::xml_node parent, const char* child, const std::vector<pugi::xml_node>& old,
                         const std::string& src);

// Sets an attribute, or removes it when the value is blank.
void set_attribute(pugi::xml_node e, const char* name, const std::string& value);

// Sets the element's text; blank leaves none (<link …/>, not <link …></link>).
void set_text(pugi::xml_node e, const std::string& value);

// A whole number from min to max, or a problem for `field`.
std::optional<long long> whole_in(const std::string& text, long long min, long long max, const std::string& field,
                                  std::vector<FieldProblem>& problems);

}  // namespace hb::console
