// 播放列表 as a form: which screens it is for, the transition, and one
// table row per slide (slide_type_2, slide_seconds_2 …) in the order they
// are shown. Every attribute the player's reader takes (read_playlist.cpp)
// has a field; others (from newer tools) are kept as they are.
// Decisions only; the page is pages_playlist.cpp.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "console/row_form.h"

namespace hb::console {

// The form's values for a <playlist> element ("" for none yet).
FormValues playlist_form_values(const std::string& body);

// The <playlist> element from the form, keeping what the form does not
// show of `old_body`; or the problems, each naming its field.
base::Result<std::string, std::vector<FieldProblem>> playlist_from_form(const std::string& old_body,
                                                                        const FormValues& form);

}  // namespace hb::console
