#include "model/diagnostic.h"

#include <algorithm>
#include <unordered_map>

namespace hb::model {

bool has_errors(const Diagnostics& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

void sort_for_report(Diagnostics& diagnostics, const std::vector<std::string>& read_order) {
  // Files keep the order in which they were read, not alphabetical order.
  std::unordered_map<std::string, std::size_t> file_rank;
  for (const auto& file : read_order)
    file_rank.emplace(file, file_rank.size());
  for (const auto& d : diagnostics)
    file_rank.emplace(d.where.file, file_rank.size());
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) {
                     const auto ra = file_rank.at(a.where.file);
                     const auto rb = file_rank.at(b.where.file);
                     if (ra != rb) return ra < rb;
                     if (a.where.line != b.where.line) return a.where.line < b.where.line;
                     return a.where.column < b.where.column;
                   });
}

std::string format_diagnostic(const Diagnostic& d) {
  return d.where.file + ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column) +
         ": " + (d.severity == Severity::error ? "error: " : "warning: ") + d.message;
}

}  // namespace hb::model
