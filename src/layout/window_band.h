// How one window of the band (窗口状态, issue 19) reads: shared by the
// `windows` slide and the strip above the ticker (<queue band="bottom">).
#pragma once

#include "layout/theme.h"
#include "schedule/queue_calls.h"

namespace hb::layout {

struct StateCell {
  const char* text;  // 正常办理, 暂停叫号, 已关闭, 暂停服务, 在岗
  Color colour;
};

StateCell state_cell(schedule::BandState state, const Theme& theme);

// The band shows this many seconds of each group of windows when the hall
// has more than one line holds.
inline constexpr int kBandGroupSeconds = 8;

}  // namespace hb::layout
