// How deadlines read on the screen: the promise, the law's limit and the
// speed-up, for every unit and for 即办.
#include <doctest/doctest.h>

#include "layout/wording.h"

namespace hb::layout {

TEST_CASE("deadlines in words: promised, statutory and 提速") {
  using model::DeadlineUnit;
  struct Row {
    model::Deadline deadline;
    const char* promised;
    const char* statutory;
    std::optional<int> speed_up;
  };
  const Row rows[] = {
      {{DeadlineUnit::workday, 5, 15, {}}, "5个工作日", "15个工作日", 67},
      {{DeadlineUnit::workday, 3, 7, {}}, "3个工作日", "7个工作日", 57},
      {{DeadlineUnit::day, 15, 15, {}}, "15日", "15日", std::nullopt},
      {{DeadlineUnit::hour, 2, std::nullopt, {}}, "2小时", "", std::nullopt},
      {{DeadlineUnit::workday, std::nullopt, 20, {}}, "20个工作日", "20个工作日", std::nullopt},
      // 即办 without numbers, and 即办 within a statutory limit (promised="0").
      {{DeadlineUnit::immediate, std::nullopt, std::nullopt, {}}, "即办", "", std::nullopt},
      {{DeadlineUnit::workday, 0, 20, {}}, "即办", "20个工作日", 100},
      {{DeadlineUnit::day, 0, 30, {}}, "即办", "30日", 100},
      {{DeadlineUnit::hour, 0, 48, {}}, "即办", "48小时", 100},
      {{DeadlineUnit::workday, 0, std::nullopt, {}}, "即办", "", std::nullopt},
      {{DeadlineUnit::workday, 0, 0, {}}, "即办", "当天办结", std::nullopt},
  };
  for (const auto& r : rows) {
    CAPTURE(r.promised);
    CAPTURE(r.statutory);
    CHECK(promised_text(r.deadline) == r.promised);
    CHECK(statutory_text(r.deadline) == r.statutory);
    CHECK(speed_up_percent(r.deadline) == r.speed_up);
  }
}

}  // namespace hb::layout
