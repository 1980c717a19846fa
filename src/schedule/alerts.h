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

// The <info> a screen shows of an alert: the first in Chinese (a
// <language> starting with "zh"), else the first. Null without any.
const model::CapInfo* shown_info(const model::CapAlert& alert);

// True when the configured area names this info's place: an <areaDesc>
// containing `area`, or a <geocode> <value> equal to it. An empty `area`
// matches everything; an info without any <area> matches only then.
bool area_matches(const model::CapInfo& info, std::string_view area);

// The alerts in force at t, as urgent notices in document order. An alert
// is in force when
//   - its status is Actual and its msgType Alert or Update,
//   - no Actual Update or Cancel sent by t names it in <references>,
//   - its shown info's urgency is Immediate or Expected,
//   - effective (else sent) <= t < expires (else effective + a day),
//   - and its shown info matches `area` (area_matches).
// The notice's id is "cap:" + sender + ":" + identifier, stable for as long
// as the alert is; its text is the headline (else the event), the
// description and the instruction, one paragraph each; from and to are its
// time of force in the player's zone.
std::vector<model::Notice> alert_notices(const model::AlertDocument& doc, std::string_view area,
                                         model::UnixSeconds t, int utc_offset_minutes);

// The end of an alert's time of force (expires, or effective + a day).
model::UnixSeconds alert_end(const model::CapAlert& alert, const model::CapInfo& info);

}  // namespace hb::schedule
