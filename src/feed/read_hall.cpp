#include "feed/sections.h"

namespace hb::feed {

model::Hall read_hall(ElementReader& e, const std::string& base_url) {
  model::Hall hall;
  hall.where = e.where();
  hall.base_url = base_url;
  hall.name = e.text_attr("name", Need::required).value_or("");
  hall.subtitle = e.text_attr("subtitle").value_or("");
  hall.logo = web_safe_picture(e, "logo", e.text_attr("logo").value_or(""), base_url).value_or("");
  for (const auto& node : e.children("phone")) {
    ElementReader p(e.findings(), node);
    model::Phone phone;
    phone.where = p.where();
    const auto kind = p.enum_attr<model::PhoneKind>("kind",
                                                    {{"consult", model::PhoneKind::consult},
                                                     {"supervise", model::PhoneKind::supervise},
                                                     {"complaint", model::PhoneKind::complaint}},
                                                    Need::required);
    phone.number = p.text_line(Need::required);
    p.finish();
    if (kind && !phone.number.empty()) {
      phone.kind = *kind;
      hall.phones.push_back(std::move(phone));
    }
  }
  for (const auto& node : e.children("commitment")) {
    ElementReader c(e.findings(), node);
    model::Commitment commitment;
    commitment.where = c.where();
    commitment.title = c.text_attr("title").value_or("");
    commitment.text = c.text(Need::required);
    c.finish();
    if (!commitment.text.empty()) hall.commitments.push_back(std::move(commitment));
  }
  for (const auto& node : e.children("link")) {
    ElementReader l(e.findings(), node);
    model::Link link;
    link.where = l.where();
    const auto kind = l.enum_attr<model::LinkKind>(
        "kind", {{"feedback", model::LinkKind::feedback}, {"online", model::LinkKind::online}},
        Need::required);
    const auto url = l.http_url_attr("url", Need::required);
    link.caption = l.text_line();
    l.finish();
    if (kind && url) {
      link.kind = *kind;
      link.url = *url;
      hall.links.push_back(std::move(link));
    }
  }
  e.finish();
  return hall;
}

}  // namespace hb::feed
