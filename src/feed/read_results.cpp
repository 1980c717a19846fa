#include "feed/sections.h"

namespace hb::feed {

std::vector<model::Result> read_results(ElementReader& section) {
  std::vector<model::Result> results;
  for (const auto& node : section.children("result")) {
    ElementReader e(section.findings(), node);
    model::Result result;
    result.where = e.where();
    const auto item = e.text_attr("item", Need::required);
    result.item_where = e.where_of("item");
    result.number = e.text_attr("number").value_or("");
    const auto date = e.date_attr("date", Need::required);
    const auto decision = e.enum_attr<model::Decision>(
        "decision", {{"approve", model::Decision::approve}, {"deny", model::Decision::deny}},
        Need::required);
    result.applicant = e.text_attr("applicant").value_or("");
    result.applicant_kind = e.enum_attr<model::ApplicantKind>(
                                 "applicant-kind", {{"person", model::ApplicantKind::person},
                                                    {"org", model::ApplicantKind::org}})
                                .value_or(model::ApplicantKind::person);
    e.finish();
    if (!item || !date || !decision) continue;
    result.item = *item;
    result.date = *date;
    result.decision = *decision;
    results.push_back(std::move(result));
  }
  section.finish();
  return results;
}

}  // namespace hb::feed
