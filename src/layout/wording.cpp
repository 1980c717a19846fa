#include "layout/wording.h"

#include <cmath>

namespace hb::layout {

std::string unit_text(model::DeadlineUnit unit) {
  switch (unit) {
    case model::DeadlineUnit::workday:
      return "个工作日";
    case model::DeadlineUnit::day:
      return "日";
    case model::DeadlineUnit::hour:
      return "小时";
    case model::DeadlineUnit::immediate:
      return "";
  }
  return "";
}

std::string amount_text(long long n, model::DeadlineUnit unit) {
  if (n == 0 && unit == model::DeadlineUnit::workday) return "当天办结";
  return std::to_string(n) + unit_text(unit);
}

std::string promised_text(const model::Deadline& d) {
  // promised="0" is 即办 within a statutory limit: in any unit, not "0小时".
  if (d.unit == model::DeadlineUnit::immediate || d.promised == 0) return "即办";
  if (d.promised) return amount_text(*d.promised, d.unit);
  if (d.statutory) return amount_text(*d.statutory, d.unit);
  return "";
}

std::string statutory_text(const model::Deadline& d) {
  if (d.unit == model::DeadlineUnit::immediate || !d.statutory) return "";
  return amount_text(*d.statutory, d.unit);
}

std::optional<int> speed_up_percent(const model::Deadline& d) {
  if (!d.promised || !d.statutory || *d.statutory <= 0 || *d.promised >= *d.statutory)
    return std::nullopt;
  const double saved =
      static_cast<double>(*d.statutory - *d.promised) / static_cast<double>(*d.statutory);
  return static_cast<int>(std::lround(saved * 100));
}

std::string money_text(const model::Money& money) {
  std::string r = std::to_string(money.fen / 100);
  if (money.fen % 100 != 0) {
    r += '.';
    r += static_cast<char>('0' + money.fen % 100 / 10);
    if (money.fen % 10 != 0) r += static_cast<char>('0' + money.fen % 10);
  }
  return r + "元";
}

std::string fees_text(const std::optional<model::Fees>& fees) {
  if (!fees) return "—";
  if (fees->free) return "不收费";
  std::string r;
  for (const auto& f : fees->fees) {
    if (!r.empty()) r += "；";
    r += f.name + " " + money_text(f.amount) + (f.per.empty() ? "" : "/" + f.per);
  }
  return r;
}

std::string form_text(model::MaterialForm form) {
  switch (form) {
    case model::MaterialForm::original:
      return "原件";
    case model::MaterialForm::copy:
      return "复印件";
    case model::MaterialForm::both:
      return "原件及复印件";
    case model::MaterialForm::electronic:
      return "电子材料";
    case model::MaterialForm::unspecified:
      return "";
  }
  return "";
}

std::string date_text(const model::Date& d) {
  return std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
}

const char* weekday_text(model::Weekday w) {
  static constexpr const char* kNames[] = {"星期一", "星期二", "星期三", "星期四",
                                           "星期五", "星期六", "星期日"};
  return kNames[static_cast<int>(w)];
}

std::string when_text(const model::Date& d, int second_of_day) {
  const int hour = second_of_day / 3600, minute = second_of_day / 60 % 60;
  return date_text(d) + " " + weekday_text(model::weekday_of(d)) + " " + (hour < 10 ? "0" : "") +
         std::to_string(hour) + ":" + (minute < 10 ? "0" : "") + std::to_string(minute);
}

std::string window_name(const model::Content& c, const std::string& id) {
  if (id.empty()) return "—";
  for (const auto& w : c.roster.windows)
    if (w.id == id) return w.name;
  return id + "号窗口";
}

}  // namespace hb::layout
