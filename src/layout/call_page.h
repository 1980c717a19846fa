// The words of a call (叫号, issue 19) as the screen shows them: 请 A024 号
// 到 1号综合窗口 办理, the caller's name only ever masked. Kept apart from
// the drawing (PageLayout::call) so the wording is tested without fonts.
#pragma once

#include <string>

#include "model/content.h"
#include "model/queue.h"

namespace hb::layout {

struct CallWords {
  std::string please;  // 请, or 请 张＊女士 with a caller
  std::string ticket;  // A024 号
  std::string to;      // 到 1号综合窗口 办理: the roster's name of the window
};

CallWords call_words(const model::Content& content, const model::QueueCall& call);

}  // namespace hb::layout
