// What publishing would change: records matched by key where they have one,
// by content where they do not.
#include <doctest/doctest.h>

#include "console/draft_diff.h"

namespace hb::console {

namespace {

store::Record rec(const char* kind, const char* key, const char* body) {
  store::Record r;
  r.kind = kind;
  r.key = key;
  r.body = body;
  return r;
}

const KindChanges& of(const std::vector<KindChanges>& all, const char* kind) {
  for (const auto& k : all) {
    if (k.kind == kind) return k;
  }
  FAIL("no such kind");
  return all.front();
}

}  // namespace

TEST_CASE("draft diff: by id for items and staff, by content for absences") {
  const std::vector<store::Record> published = {
      rec("item", "A", "<item id=\"A\"><name>甲</name></item>"),
      rec("item", "B", "<item id=\"B\"><name>乙</name></item>"),
      rec("absence", "", "<absence staff=\"s1\" from=\"2026-12-07T09:00\" to=\"2026-12-08T17:00\"/>"),
  };
  const std::vector<store::Record> drafts = {
      rec("item", "A", "<item id=\"A\"><name>甲（新）</name></item>"),
      rec("item", "C", "<item id=\"C\"><name>丙</name></item>"),
      // The same absence under another made-up key: not a change.
      rec("absence", "a1", "<absence staff=\"s1\" from=\"2026-12-07T09:00\" to=\"2026-12-08T17:00\"/>"),
      rec("absence", "a2", "<absence staff=\"s2\" from=\"2026-12-09T09:00\" to=\"2026-12-09T12:00\"/>"),
  };
  const auto diff = diff_records(published, drafts);
  const auto& items = of(diff, "item");
  REQUIRE(items.changed.size() == 1);
  CHECK(items.changed[0].label == "甲（新）");
  REQUIRE(items.added.size() == 1);
  CHECK(items.added[0].label == "丙");
  REQUIRE(items.removed.size() == 1);
  CHECK(items.removed[0].label == "乙");
  const auto& absences = of(diff, "absence");
  CHECK(absences.changed.empty());
  CHECK(absences.removed.empty());
  REQUIRE(absences.added.size() == 1);
  CHECK(absences.added[0].label == "s2 2026-12-09");
  CHECK(of(diff, "notice").empty());
  CHECK(std::string(kind_label("absence")) == "请假与补岗");
}

}  // namespace hb::console
