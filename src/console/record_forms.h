// The edit forms of the remaining sections, as tables: which attribute of
// the record's element each field edits, its label and its kind of input.
// Kinds whose records nest deeper have forms of their own, routed before
// the generic record pages: calendar (calendar_form.h), item (item_form.h),
// hall, stats and playlist (hall_form.h, stats_form.h, playlist_form.h, a
// table row per repeated child). Their empty field lists here are the
// generic page's "advanced" XML editor, checked by the same parser.
#pragma once

#include <string>
#include <vector>

namespace hb::console {

enum class FieldKind {
  text,      // an attribute, one line
  date,      // an attribute, YYYY-MM-DD
  boolean,   // an attribute, "true" or absent
  choice,    // an attribute from `choices`
  staff,     // an attribute naming a staff id (a select of the roster)
  photo,     // an attribute naming a picture, with an upload beside it (staff photo)
  body,      // the element's text
  post_a,    // <post role="A" staff="…"/> inside a window
  post_b,    // <post role="B" staff="…"/>
};

struct FormFieldSpec {
  const char* name;  // the attribute, or the form field for body/posts
  const char* label;
  FieldKind kind = FieldKind::text;
  std::vector<std::pair<std::string, std::string>> choices = {};
  const char* hint = "";
};

struct RecordFormSpec {
  const char* kind;
  const char* title;  // 办理结果 …
  std::vector<FormFieldSpec> fields;  // empty: edited as XML
};

const RecordFormSpec* record_form(const std::string& kind);

}  // namespace hb::console
