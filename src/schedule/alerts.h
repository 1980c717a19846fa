// Which emergency alerts (CAP 1.2, model/alert.h) are in force at an
// instant, as the urgent notices the screen shows for them (issue 20).
// Pure: the time, the zone and the configured area are parameters.
#pragma once

#include <string_view>
#include <vector>

#include "model/alert.h"
#include "model/content.h"

namespace hb::schedule {

// An alert without <expires> is taken to be in force this long after it
// became effective: CAP leaves the end open, and a public screen must not
// keep a storm warning up for ever because its sender forgot the end.
inline constexpr model::UnixSeconds kAlertWithoutExpiresSeconds = 24 * 3600;

// True for Chinese: a <language> "zh" or "zh-…" (zh-CN, zh-Hans), in
// any case; not "zha" (Zhuang).
bool is_chinese_language(std::string_view language);

// The <info>s in the language the screen shows: all the Chinese ones, else
// all in the first info's language. CAP allows several infos in one
// language (different areas or times), so each is considered.
std::vector<const model::CapInfo*> preferred_infos(const model::CapAlert& alert);

// The info a screen shows of an alert at t for `area`: the first preferred
// info whose urgency is Immediate or Expected, whose time of force holds t
// and that matches `area`. Null without one.
const model::CapInfo* shown_info(const model::CapAlert& alert, std::string_view area,
                                 model::UnixSeconds t);

// True when an alert's <geocode> value covers the configured code, read as
// GB/T 2260 administrative divisions: equal, or a code whose trailing "00"
// pairs mean "the whole" of a province or city that holds the configured
// one (440300 covers 440305; 440000 covers both). 12-digit statistical
// codes (440305000000) are compared by their first 6 digits.
bool geocode_covers(std::string_view alert_code, std::string_view configured);

// True when the configured place name stands whole in an <areaDesc>: the
// text is split at the separators senders write (spaces, 、，,;；/) and in
// one part the name begins at its start or right after a 省/市/区/县/州/镇/乡/
// 街道, and ends at its end or before one of them. So 南山 matches
// 深圳市南山区 but not 湖南山区; 深圳 matches 广东省深圳市.
bool area_name_matches(std::string_view area_desc, std::string_view name);

// True when the configured area names this info's place: an <areaDesc>
// naming it (area_name_matches) or a <geocode> covering it
// (geocode_covers). An empty `area` matches everything; an info without
// any <area> matches only then.
bool area_matches(const model::CapInfo& info, std::string_view area);

// The alerts in force at t, as urgent notices in document order. An alert
// is in force when
//   - its status is Actual, its scope Public and its msgType Alert or Update,
//   - no Actual Update or Cancel sent by t names it in <references>, nor
//     an Update of a message a Cancel withdrew (the whole chain goes),
//   - and one of its preferred infos is in force at t for `area`
//     (shown_info): that info is the notice.
// The notice's id is "cap:" + sender + ":" + identifier, stable for as long
// as the alert is; its text is the headline (else the event), the
// description and the instruction, one paragraph each; from and to are its
// time of force in the player's zone.
std::vector<model::Notice> alert_notices(const model::AlertDocument& doc, std::string_view area,
                                         model::UnixSeconds t, int utc_offset_minutes);

// The end of an alert's time of force (expires, or effective + a day).
model::UnixSeconds alert_end(const model::CapAlert& alert, const model::CapInfo& info);

}  // namespace hb::schedule
