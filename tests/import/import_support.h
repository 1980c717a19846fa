// What the import tests share: tables from CSV text, fixture files.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "import/table.h"

namespace hb::import::test {

inline Table table_of(const std::string& csv) {
  auto t = read_table(csv);
  REQUIRE(std::holds_alternative<Table>(t));
  return std::get<Table>(std::move(t));
}

// Files made by tests/import/make_fixtures.py in the build tree.
inline std::string fixture(const std::string& name) {
  std::ifstream in(std::string(HALLBOARD_IMPORT_FIXTURES) + "/" + name, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing fixture " << name);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace hb::import::test
