// How values read on the screen, in Chinese.
#pragma once

#include <optional>
#include <string>

#include "model/content.h"

namespace hb::layout {

std::string unit_text(model::DeadlineUnit unit);                 // 个工作日
std::string amount_text(long long n, model::DeadlineUnit unit);  // 5个工作日
std::string promised_text(const model::Deadline& d);             // 即办 / 5个工作日
std::string statutory_text(const model::Deadline& d);            // 15个工作日 or ""
// 提速 67%, when both limits are given in the same unit; 即办 within a
// statutory limit (promised 0, which promised_text reads as 即办) is 100%.
std::optional<int> speed_up_percent(const model::Deadline& d);
std::string money_text(const model::Money& money);              // 10.50元
std::string fees_text(const std::optional<model::Fees>& fees);  // 不收费 / 工本费 10元/本
std::string form_text(model::MaterialForm form);                // 原件 / 复印件 …
std::string date_text(const model::Date& d);                    // 11月20日
// A window's name as the roster gives it; "N号窗口" from its id otherwise.
std::string window_name(const model::Content& c, const std::string& id);
const char* weekday_text(model::Weekday w);  // 星期五
// 11月30日 星期一 09:00
std::string when_text(const model::Date& d, int second_of_day);

}  // namespace hb::layout
