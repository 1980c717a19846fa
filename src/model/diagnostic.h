// Findings about content, carried as values from the parser to whoever reports them.
#pragma once

#include <string>
#include <vector>

namespace hb::model {

// Where something stands in a source file. Line and column are 1-based; the
// column counts characters (code points), so it is right for every encoding.
struct Where {
  std::string file;
  int line = 0;
  int column = 0;
};

enum class Severity { warning, error };

struct Diagnostic {
  Where where;
  Severity severity = Severity::error;
  std::string message;
};

using Diagnostics = std::vector<Diagnostic>;

bool has_errors(const Diagnostics& diagnostics);
// Stable order for reports: files in the order they were read (others after,
// as first seen), then line, then column.
void sort_for_report(Diagnostics& diagnostics, const std::vector<std::string>& read_order = {});
std::string format_diagnostic(const Diagnostic& d);  // FILE:LINE:COL: error: MESSAGE

}  // namespace hb::model
