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

std::optional<nlohmann::json> json_body(const Console& console, const Request& request,
                                        Response& refusal) {
  if (request.body.size() > console.options().json_cap) {
    refusal = json_error(413, "请求内容过大");
    return std::nullopt;
  }
  // No exceptions: a body that is not JSON is discarded, and answered.
  nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
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
