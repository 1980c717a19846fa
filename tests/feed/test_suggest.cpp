// "Did you mean": a typed name close to one valid at its place is named in
// the warning, and every unknown name's warning says its content is lost.
#include <doctest/doctest.h>

#include "feed/suggest.h"
#include "support.h"

namespace hb::test {

TEST_SUITE_BEGIN("unit");

TEST_CASE("suggest: edit distance counts a swap of neighbours as one edit") {
  struct Row {
    const char* a;
    const char* b;
    std::size_t distance;
  };
  const Row rows[] = {
      {"", "", 0},
      {"", "abc", 3},
      {"abc", "", 3},
      {"level", "level", 0},
      {"levle", "level", 1},             // swap
      {"departmnet", "department", 1},   // swap
      {"departent", "department", 1},    // deletion
      {"deparrtment", "department", 1},  // insertion
      {"Kind", "kind", 1},               // substitution
      {"ca", "abc", 3},                  // optimal string alignment, not full Damerau
      {"material", "materials", 1},
      {"telephone", "phone", 4},
  };
  for (const auto& r : rows) {
    CAPTURE(std::string(r.a));
    CAPTURE(std::string(r.b));
    CHECK(feed::edit_distance(r.a, r.b) == r.distance);
    CHECK(feed::edit_distance(r.b, r.a) == r.distance);
  }
}

TEST_CASE("suggest: only a close name valid at that place is offered") {
  const std::vector<std::string_view> item = {"id",       "name",     "department", "kind",
                                              "deadline", "material", "fee",        "step"};
  struct Row {
    const char* name;
    std::string unknown;
    std::vector<std::string_view> known;
    std::optional<std::string_view> want;
  };
  const Row rows[] = {
      {"a swap", "departmnet", item, "department"},
      {"a missing letter", "departent", item, "department"},
      {"two edits in a long name", "dprtmnt", item, std::nullopt},  // 3 edits
      {"two edits, long enough", "dedlien", item, "deadline"},
      {"letter case alone, however short", "ID", item, "id"},
      {"letter case alone, first", "Name", {"nmae", "name"}, "name"},
      {"a short name: one edit is half of it", "ix", item, std::nullopt},
      {"three letters, one edit", "fea", item, "fee"},
      {"nothing close", "weather", item, std::nullopt},
      {"not offered from another place", "levle", item, std::nullopt},
      {"the closest wins", "kinds", {"kin", "kind"}, "kind"},
      {"a tie goes to the first", "stem", {"step", "stew"}, "step"},
      {"nothing known", "name", {}, std::nullopt},
      {"far too long to be a typo", std::string(100, 'a'), item, std::nullopt},
  };
  for (const auto& r : rows) {
    CAPTURE(std::string(r.name));
    CHECK(feed::nearest_name(r.unknown, r.known) == r.want);
  }
}

TEST_CASE("suggest: lint names the element or attribute meant, and says what is lost") {
  struct Row {
    const char* name;
    const char* body;
    const char* message;
  };
  const Row rows[] = {
      {"a misspelt element in an item",
       "<items><item id=\"A1\"><name>事项</name><departmnet>民政局</departmnet>"
       "<deadline promised=\"1\" statutory=\"5\"/></item></items>",
       "unknown element <departmnet> in <item id=\"A1\"> is ignored: its content will not be "
       "shown; did you mean <department>?"},
      {"a misspelt attribute", "<hall name=\"大厅\" subtitel=\"x\"/>",
       "unknown attribute subtitel on <hall> is ignored: its value will not be shown or used; "
       "did you mean subtitle?"},
      {"an unknown element with nothing close", "<notices/><weather/>",
       "unknown element <weather> in <hallboard> is ignored: its content will not be shown"},
      {"an unknown attribute with nothing close", "<hall name=\"大厅\" colour=\"red\"/>",
       "unknown attribute colour on <hall> is ignored: its value will not be shown or used"},
  };
  for (const auto& r : rows) {
    CAPTURE(std::string(r.name));
    const auto found = lint_one(feed_doc(r.body));
    CAPTURE(dump(found));
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == model::Severity::warning);
    CHECK(found[0].message == r.message);
  }
}

TEST_SUITE_END();

}  // namespace hb::test
