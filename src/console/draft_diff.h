// What publishing would change, kind by kind (事项, 人员, 请假 …): records
// added, changed and removed between the published version and the drafts.
// Records with their own ids (items, staff, windows, notices) are matched
// by id; the others (absences, results, pledges) by their whole content.
#pragma once

#include <string>
#include <vector>

#include "store/store.h"

namespace hb::console {

struct RecordChange {
  std::string label;   // what an editor recognises: a name, an id, the start of a text
  std::string before;  // the element, "" when added
  std::string after;   // "" when removed
};

struct KindChanges {
  std::string kind;
  std::string kind_label;  // 事项, 请假 …
  std::vector<RecordChange> added, changed, removed;
  bool empty() const { return added.empty() && changed.empty() && removed.empty(); }
};

std::vector<KindChanges> diff_records(const std::vector<store::Record>& published,
                                      const std::vector<store::Record>& drafts);

const char* kind_label(const std::string& kind);
std::string record_label(const store::Record& record);

}  // namespace hb::console
