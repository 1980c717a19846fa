// The console's route handlers, declared for the route table (routes.cpp).
// Each is thin: read the request, call plain functions, answer.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "console/absence_rules.h"
#include "console/console.h"
#include "console/drafts.h"
#include "console/screen_state.h"

namespace hb::console {

using Params = std::map<std::string, std::string>;  // {name} parts of the path
using Handler = Response (*)(Console&, const Request&, const Caller&, const Params&);

// --- answers ------------------------------------------------------------------
Response json_response(int status, const nlohmann::json& body);
Response json_errors(int status, const std::vector<FieldProblem>& problems);
Response json_error(int status, const std::string& message, const std::string& field = "");
Response no_content();
// `text` as JSON, or a discarded value when it is not JSON or nests arrays
// and objects deeper than kJsonDepth: nlohmann reads any depth, but writing
// it out again (dump) recurses once per level, so a 400 KB body of brackets
// would overflow the stack and take the console down.
inline constexpr int kJsonDepth = 64;
nlohmann::json parse_bounded_json(std::string_view text);
// A JSON object body, or an answer saying why not (400, 413).
std::optional<nlohmann::json> json_body(const Console& console, const Request& request,
                                        Response& refusal);
std::string json_text(const nlohmann::json& body, const char* key);
std::vector<FieldProblem> lint_problems(const std::vector<std::string>& lines);

// --- sessions -----------------------------------------------------------------
struct NewSession {
  std::string token;  // goes to the browser only; the store keeps its hash
  store::Session session;
};
// Checks the throttle and the password; the new session or the refusal (401, 429).
base::Result<NewSession, Response> log_in(Console& console, const std::string& name,
                                          const std::string& password);
std::string session_cookie(const std::string& token, bool tls, bool expire);

// --- content --------------------------------------------------------------------
// The drafts read as lint reads them, or a 500 answer.
base::Result<std::shared_ptr<const ReadContent>, Response> current_drafts(Console& console);
// Why a change was not made: the status for the API and the problems.
struct Refusal {
  int status = 422;
  std::vector<FieldProblem> problems;
};
Response json_refusal(const Refusal& refusal);
// Lint's errors the drafts would gain if `change` were made to them (the
// records), or why they could not be read. An error inside the element of
// `subject` (the record the change puts in, if any) names the part of it it
// is about (field_of_finding: "date", "post[role=A]") and says lint's
// message; any other is for the list above a form, as lint prints it.
// Call with drafts_write_mutex held.
base::Result<std::vector<FieldProblem>, Refusal> errors_gained(
    Console& console, const std::function<void(std::vector<store::Record>&)>& change,
    const store::Record* subject = nullptr);
// Puts `record` into `records`, in place of the one with its key.
void put_into(std::vector<store::Record>& records, const store::Record& record);
// Stores a record (expected_rev 0: a new one) unless it adds lint errors
// to the drafts (422) or someone changed it meanwhile (409).
base::Result<store::Record, Refusal> put_checked_record(Console& console, store::Record record,
                                                        std::int64_t expected_rev,
                                                        const std::string& user);
// Deletes a record unless the drafts without it break a rule (a staff
// member a window still names): 422 with lint's lines; 404 when gone.
base::Result<store::Done, Refusal> delete_checked_record(Console& console, const std::string& kind,
                                                         const std::string& key, const std::string& user);
std::vector<FieldProblem> notice_problems(const std::string& level, const std::string& text,
                                          const std::string& from, const std::string& to);
// The drafts become a new version.
base::Result<Published, PublishError> publish_drafts(Console& console, const std::string& user);
// Version `number`'s content again, as a new version; the drafts become it.
base::Result<Published, PublishError> republish_version(Console& console, std::int64_t number,
                                                        const std::string& user);
std::optional<std::int64_t> version_number(const std::string& text);
Response published_answer(Console& console, const base::Result<Published, PublishError>& published);

// --- API ----------------------------------------------------------------------
Response api_login(Console&, const Request&, const Caller&, const Params&);
Response api_logout(Console&, const Request&, const Caller&, const Params&);
Response api_staff(Console&, const Request&, const Caller&, const Params&);
Response api_add_absence(Console&, const Request&, const Caller&, const Params&);
Response api_delete_absence(Console&, const Request&, const Caller&, const Params&);
Response api_add_notice(Console&, const Request&, const Caller&, const Params&);
Response api_publish(Console&, const Request&, const Caller&, const Params&);
Response api_versions(Console&, const Request&, const Caller&, const Params&);
Response api_republish(Console&, const Request&, const Caller&, const Params&);
Response api_import_items(Console&, const Request&, const Caller&, const Params&);
Response api_heartbeat(Console&, const Request&, const Caller&, const Params&);
// The registered screens (revoked ones left out) with their state, in the
// 屏幕 page's order; empty when the store cannot be read.
struct ScreenView {
  ScreenFacts facts;
  ScreenState state;
  std::optional<std::int64_t> screenshot_at;  // when its latest screenshot came
};
base::Result<std::vector<ScreenView>, std::string> screen_views(Console& console);
std::vector<PublishedFeed> latest_published(Console& console);
Response api_screens(Console&, const Request&, const Caller&, const Params&);
Response get_metrics(Console&, const Request&, const Caller&, const Params&);
Response get_feed_asset(Console&, const Request&, const Caller&, const Params&);
Response get_feed(Console&, const Request&, const Caller&, const Params&);

}  // namespace hb::console
