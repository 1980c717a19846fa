#include "app/json.h"

#include <cstdio>

namespace hb::app {

std::string json_string(std::string_view s) {
  std::string r = "\"";
  for (const char c : s) {
    switch (c) {
      case '"':
        r += "\\\"";
        break;
      case '\\':
        r += "\\\\";
        break;
      case '\n':
        r += "\\n";
        break;
      case '\r':
        r += "\\r";
        break;
      case '\t':
        r += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x",
                        static_cast<unsigned>(static_cast<unsigned char>(c)));
          r += buf;
        } else {
          r += c;
        }
    }
  }
  return r + "\"";
}

std::string diagnostics_json(const model::Diagnostics& diagnostics) {
  std::string r = "[";
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const auto& d = diagnostics[i];
    r += i == 0 ? "\n  " : ",\n  ";
    r += "{\"file\": " + json_string(d.where.file) + ", \"line\": " + std::to_string(d.where.line) +
         ", \"column\": " + std::to_string(d.where.column) + ", \"severity\": \"" +
         (d.severity == model::Severity::error ? "error" : "warning") +
         "\", \"message\": " + json_string(d.message) + "}";
  }
  return r + (diagnostics.empty() ? "]" : "\n]");
}

}  // namespace hb::app
