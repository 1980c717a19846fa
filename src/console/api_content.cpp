// Staff, absences and notices over the JSON API (console.md).
#include <map>

#include "console/auth.h"
#include "console/drafts.h"
#include "console/feed_records.h"
#include "console/finding_fields.h"
#include "console/handlers.h"
#include "console/record_elements.h"
#include "feed/text.h"
#include "feed/values.h"

namespace hb::console {

namespace {

// Lint's errors counted by feed and message, not by line: a record saved
// above an error that was already there moves it down the generated feed,
// and that must not make it count as new.
using ErrorCounts = std::map<std::pair<std::string, std::string>, int>;

ErrorCounts error_counts(const ReadContent& c) {
  ErrorCounts out;
  for (const model::Diagnostic& d : c.findings) {
    if (d.severity == model::Severity::error) ++out[{d.where.file, d.message}];
  }
  return out;
}

// The part of `subject` a finding at `where` is about, or "" (elsewhere).
// `feed_text` is the text of the subject's feed, made on first need: most
// saves gain no finding, and the other feeds are never written out.
std::string field_in(const std::vector<store::Record>& records, const std::string& hall_id,
                     const store::Record& subject, const model::Where& where,
                     std::optional<std::string>& feed_text) {
  const RecordKind* kind = find_record_kind(subject.kind);
  if (!kind || where.file != kind->feed) return "";
  if (!feed_text) {
    for (const FeedDraft& d : feeds_from_records(records, hall_id)) {
      if (d.name == kind->feed) feed_text = d.bytes("");
    }
  }
  if (!feed_text) return "";
  for (const std::size_t start : record_element_starts(*feed_text, subject.kind, subject.body)) {
    if (std::string field = field_of_finding(*feed_text, start, where); !field.empty()) return field;
  }
  return "";
}

}  // namespace

base::Result<std::shared_ptr<const ReadContent>, Response> current_drafts(Console& console) {
  auto drafts = console.drafts();
  if (!drafts) return json_error(500, drafts.error());
  return std::move(*drafts);
}

Response json_refusal(const Refusal& refusal) { return json_errors(refusal.status, refusal.problems); }

base::Result<std::vector<FieldProblem>, Refusal> errors_gained(
    Console& console, const std::function<void(std::vector<store::Record>&)>& change,
    const store::Record* subject) {
  // The drafts as they are: read once per change and shared (Console::drafts).
  const auto current = console.drafts();
  if (!current) return Refusal{500, {{"", current.error()}}};
  ErrorCounts before = error_counts(**current);
  auto records = console.store().all_records();
  if (!records) return Refusal{500, {{"", records.error().message}}};
  change(*records);
  const auto settings = console.publish_settings();
  const ReadContent after =
      console.draft_reader().read(*records, settings.hall_id, settings.utc_offset_minutes);
  std::optional<std::string> subject_feed;
  std::vector<FieldProblem> gained;
  for (const model::Diagnostic& d : after.findings) {
    if (d.severity != model::Severity::error) continue;
    if (int& had = before[{d.where.file, d.message}]; had > 0) {
      --had;  // there before the change
      continue;
    }
    const std::string field =
        subject ? field_in(*records, settings.hall_id, *subject, d.where, subject_feed) : "";
    gained.push_back(field.empty() ? FieldProblem{"", model::format_diagnostic(d)}
                                   : FieldProblem{field, d.message});
  }
  return gained;
}

void put_into(std::vector<store::Record>& records, const store::Record& record) {
  for (auto& r : records) {
    if (r.kind == record.kind && r.key == record.key) {
      r.body = record.body;
      return;
    }
  }
  records.push_back(record);
  records.back().position = 1 << 30;  // a new record goes last
}

base::Result<store::Record, Refusal> put_checked_record(Console& console, store::Record record,
                                                        std::int64_t expected_rev,
                                                        const std::string& user) {
  std::lock_guard writing(console.drafts_write_mutex());
  const auto gained = errors_gained(console, [&](auto& records) { put_into(records, record); }, &record);
  if (!gained) return gained.error();
  if (!gained->empty()) return Refusal{422, *gained};
  auto stored = console.store().put_record(record, expected_rev, user, console.now());
  if (!stored) {
    const auto kind = stored.error().kind;
    const int status = kind == store::ErrorKind::storage ? 500 : 409;
    return Refusal{status, {{"", stored.error().message}}};
  }
  return std::move(*stored);
}

base::Result<store::Done, Refusal> delete_checked_record(Console& console, const std::string& kind,
                                                         const std::string& key, const std::string& user) {
  std::lock_guard writing(console.drafts_write_mutex());
  const auto gained = errors_gained(console, [&](auto& records) {
    std::erase_if(records, [&](const store::Record& r) { return r.kind == kind && r.key == key; });
  });
  if (!gained) return gained.error();
  if (!gained->empty()) return Refusal{422, *gained};
  auto done = console.store().delete_record(kind, key, std::nullopt, user, console.now());
  if (!done) {
    return Refusal{done.error().kind == store::ErrorKind::not_found ? 404 : 500, {{"", done.error().message}}};
  }
  return store::Done{};
}

Response api_staff(Console& console, const Request&, const Caller&, const Params&) {
  const auto drafts = current_drafts(console);
  if (!drafts) return drafts.error();
  nlohmann::json list = nlohmann::json::array();
  for (const model::Staff& s : (*drafts)->content.roster.staff) {
    nlohmann::json windows = nlohmann::json::array();
    for (const model::Window& w : (*drafts)->content.roster.windows) {
      for (const model::Post& p : w.posts) {
        if (p.staff == s.id) {
          windows.push_back(w.id);
          break;
        }
      }
    }
    list.push_back({{"id", s.id}, {"name", s.name}, {"windows", windows}});
  }
  return json_response(200, list);
}

Response api_add_absence(Console& console, const Request& request, const Caller& caller,
                         const Params&) {
  Response refusal;
  const auto body = json_body(console, request, refusal);
  if (!body) return refusal;
  const AbsenceInput in{feed::trim(json_text(*body, "staff")), feed::trim(json_text(*body, "from")),
                        feed::trim(json_text(*body, "to")), feed::normalize_line(json_text(*body, "reason")),
                        feed::trim(json_text(*body, "substitute"))};
  std::lock_guard writing(console.drafts_write_mutex());  // checked and saved as one step
  const auto drafts = current_drafts(console);
  if (!drafts) return drafts.error();
  const int offset = console.utc_offset_minutes();
  const auto problems = absence_problems((*drafts)->content, in, offset);
  if (!problems.empty()) return json_errors(422, problems);
  const auto from = model::to_unix(*feed::parse_timestamp(in.from), offset);
  const auto to = model::to_unix(*feed::parse_timestamp(in.to), offset);
  store::Record record;
  record.kind = "absence";
  record.key = random_key("a");
  record.body = absence_element(
      {in.staff, feed_time(from, offset), feed_time(to, offset), in.reason, in.substitute});
  auto stored = put_checked_record(console, record, 0, caller.session->user.name);
  if (!stored) return json_refusal(stored.error());
  return json_response(201, {{"id", stored->key}});
}

Response api_delete_absence(Console& console, const Request&, const Caller& caller,
                            const Params& params) {
  auto done = console.store().delete_record("absence", params.at("id"), std::nullopt,
                                            caller.session->user.name, console.now());
  if (!done) {
    return json_error(done.error().kind == store::ErrorKind::not_found ? 404 : 500,
                      done.error().message);
  }
  return no_content();
}

std::vector<FieldProblem> notice_problems(const std::string& level, const std::string& text,
                                          const std::string& from, const std::string& to) {
  std::vector<FieldProblem> out;
  if (level != "info" && level != "urgent") {
    out.push_back({"level", "级别应为 info（一般）或 urgent（紧急）"});
  }
  if (text.empty()) out.push_back({"text", "公告内容不能为空"});
  const auto f = from.empty() ? std::nullopt : feed::parse_timestamp(from);
  const auto t = to.empty() ? std::nullopt : feed::parse_timestamp(to);
  if (!from.empty() && !f) out.push_back({"from", "开始时间“" + from + "”无法识别，请写成 2026-12-07T09:00"});
  if (!to.empty() && !t) out.push_back({"to", "结束时间“" + to + "”无法识别，请写成 2026-12-07T17:00"});
  // Without an offset a time is the hall's (+08:00), also beside one that has one.
  if (f && t &&
      model::to_unix(*t, model::kDefaultUtcOffsetMinutes) <=
          model::to_unix(*f, model::kDefaultUtcOffsetMinutes)) {
    out.push_back({"to", "结束时间必须晚于开始时间"});
  }
  return out;
}

Response api_add_notice(Console& console, const Request& request, const Caller& caller,
                        const Params&) {
  Response refusal;
  const auto body = json_body(console, request, refusal);
  if (!body) return refusal;
  std::string level = feed::trim(json_text(*body, "level"));
  const std::string text = feed::normalize_text(json_text(*body, "text"));
  const std::string from = feed::trim(json_text(*body, "from"));
  const std::string to = feed::trim(json_text(*body, "to"));
  const auto problems = notice_problems(level, text, from, to);
  if (!problems.empty()) return json_errors(422, problems);
  const int offset = console.utc_offset_minutes();
  const auto canonical = [&](const std::string& t) {
    return t.empty() ? t : feed_time(model::to_unix(*feed::parse_timestamp(t), offset), offset);
  };
  store::Record record;
  record.kind = "notice";
  record.key = random_key("n");
  record.body = notice_element({record.key, level, canonical(from), canonical(to), text});
  auto stored = put_checked_record(console, record, 0, caller.session->user.name);
  if (!stored) return json_refusal(stored.error());
  return json_response(201, {{"id", stored->key}});
}

}  // namespace hb::console
