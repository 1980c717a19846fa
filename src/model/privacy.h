// What may be shown of a person in public (办理结果公示 rules of the format).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hb::model {

// Byte offset of the first resident ID number (17 digits then a digit or X,
// not inside a longer run of digits), if any.
std::optional<std::size_t> find_resident_id(std::string_view text);

// Every resident ID number kept to its first 4 and last 4 characters.
std::string mask_resident_ids(std::string_view text);

// 张三丰 -> 张＊＊; two-character family names (欧阳) are kept whole.
std::string mask_person_name(std::string_view name);

// A called citizen as the screen may name them (叫号, issue 19): the name
// masked as results mask persons, then the form of address as given:
// ("张三", "女士") -> 张＊女士. Nothing without a name: a bare 女士 says nothing.
std::string mask_caller(std::string_view name, std::string_view title);

}  // namespace hb::model
