// Pledges and notices: short texts with a little metadata.
#include "feed/sections.h"

namespace hb::feed {

std::vector<model::Pledge> read_pledges(ElementReader& section) {
  std::vector<model::Pledge> pledges;
  for (const auto& node : section.children("pledge")) {
    ElementReader e(section.findings(), node);
    model::Pledge pledge;
    pledge.where = e.where();
    pledge.staff = e.text_attr("staff").value_or("");
    pledge.staff_where = e.where_of("staff");
    pledge.post = e.text_attr("post").value_or("");
    pledge.title = e.text_attr("title").value_or("");
    pledge.text = e.text(Need::required);
    e.finish();
    if (pledge.staff.empty() && pledge.title.empty())
      e.findings().error(e.where(),
                         "<pledge> without staff is a collective pledge and needs a "
                         "title (or name the staff member with staff=\"…\")");
    else if (!pledge.text.empty())
      pledges.push_back(std::move(pledge));
  }
  section.finish();
  return pledges;
}

std::vector<model::Notice> read_notices(ElementReader& section) {
  std::vector<model::Notice> notices;
  for (const auto& node : section.children("notice")) {
    ElementReader e(section.findings(), node);
    model::Notice notice;
    notice.where = e.where();
    notice.id = e.text_attr("id").value_or("");
    notice.level =
        e.enum_attr<model::NoticeLevel>(
             "level", {{"info", model::NoticeLevel::info}, {"urgent", model::NoticeLevel::urgent}})
            .value_or(model::NoticeLevel::info);
    notice.from = e.timestamp_attr("from");
    notice.to = e.timestamp_attr("to");
    notice.text = e.text(Need::required);
    e.finish();
    if (notice.from && notice.to && !e.check_order(*notice.from, *notice.to)) continue;
    if (!notice.text.empty()) notices.push_back(std::move(notice));
  }
  section.finish();
  return notices;
}

}  // namespace hb::feed
