// Answers in the console.md shape: {"errors": [{"field", "message"}]}.
#include "console/handlers.h"

namespace hb::console {

Response json_response(int status, const nlohmann::json& body) {
  Response r;
  r.status = status;
  r.content_type = "application/json; charset=utf-8";
  // Invalid UTF-8 in a stored value must not throw: replace it.
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response json_errors(int status, const std::vector<FieldProblem>& problems) {
  nlohmann::json list = nlohmann::json::array();
  for (const FieldProblem& p : problems) list.push_back({{"field", p.field}, {"message", p.message}});
  return json_response(status, {{"errors", list}});
}

Response json_error(int status, const std::string& message, const std::string& field) {
  return json_errors(status, {FieldProblem{field, message}});
}

Response no_content() {
  Response r;
  r.status = 204;
  return r;
}

namespace {

// Whether no array or object in `text` opens deeper than `max`, counting
// brackets outside strings (a bracket inside "…" is text).
bool nesting_within(std::string_view text, int max) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max) return false;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return true;
}

}  // namespace

nlohmann::json parse_bounded_json(std::string_view text) {
  if (!nesting_within(text, kJsonDepth)) return nlohmann::json(nlohmann::json::value_t::discarded);
  return nlohmann::json::parse(text, nullptr, false);
}

std::optional<nlohmann::json> json_body(const Console& console, const Request& request,
                                        Response& refusal) {
  if (request.body.size() > console.options().json_cap) {
    refusal = json_error(413, "请求内容过大");
    return std::nullopt;
  }
  // No exceptions: a body that is not JSON is discarded, and answered.
  nlohmann::json body = parse_bounded_json(request.body);
  if (body.is_discarded() || !body.is_object()) {
    refusal = json_error(400, "请求内容应为 JSON 对象");
    return std::nullopt;
  }
  return body;
}

std::string json_text(const nlohmann::json& body, const char* key) {
  const auto it = body.find(key);
  if (it == body.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

std::vector<FieldProblem> lint_problems(const std::vector<std::string>& lines) {
  std::vector<FieldProblem> out;
  for (const std::string& line : lines) out.push_back(FieldProblem{"", line});
  return out;
}

}  // namespace hb::console
