// "Did you mean": the known name an unknown one was probably meant to be.
// Editors type element and attribute names by hand; a typo otherwise makes
// content vanish from the screen with only a warning nobody connects to it.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace hb::feed {

// Edits (insert, delete, substitute, swap two neighbours) that turn a into b:
// the optimal-string-alignment form of Damerau-Levenshtein, over bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The known name closest to `unknown`, if it is close enough to be a typo:
// the same but for letter case, or at most 2 edits and fewer than half the
// longer name's length (so "id" is not offered for "to"). Ties go to the
// first in `known`.
std::optional<std::string_view> nearest_name(std::string_view unknown,
                                             const std::vector<std::string_view>& known);

}  // namespace hb::feed
