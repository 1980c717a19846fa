// The console's web pages, one handler per route (routes.cpp lists them).
// Every page works without JavaScript.
#pragma once

#include "console/handlers.h"
#include "console/page_frame.h"

namespace hb::console {

Response page_login(Console&, const Request&, const Caller&, const Params&);
Response page_login_post(Console&, const Request&, const Caller&, const Params&);
Response page_logout(Console&, const Request&, const Caller&, const Params&);
Response static_css(Console&, const Request&, const Caller&, const Params&);
Response static_js(Console&, const Request&, const Caller&, const Params&);

Response page_home(Console&, const Request&, const Caller&, const Params&);

Response page_absences(Console&, const Request&, const Caller&, const Params&);
Response page_absence_check(Console&, const Request&, const Caller&, const Params&);
Response page_absence_save(Console&, const Request&, const Caller&, const Params&);
Response page_absence_delete(Console&, const Request&, const Caller&, const Params&);

Response page_notices(Console&, const Request&, const Caller&, const Params&);
Response page_notice_save(Console&, const Request&, const Caller&, const Params&);
Response page_notice_delete(Console&, const Request&, const Caller&, const Params&);

Response page_publish(Console&, const Request&, const Caller&, const Params&);
Response page_publish_post(Console&, const Request&, const Caller&, const Params&);
Response page_versions(Console&, const Request&, const Caller&, const Params&);
Response page_republish(Console&, const Request&, const Caller&, const Params&);
Response page_audit(Console&, const Request&, const Caller&, const Params&);

Response page_records(Console&, const Request&, const Caller&, const Params&);
Response page_record(Console&, const Request&, const Caller&, const Params&);
Response page_record_save(Console&, const Request&, const Caller&, const Params&);
Response page_record_delete(Console&, const Request&, const Caller&, const Params&);

Response page_preview(Console&, const Request&, const Caller&, const Params&);
Response preview_png(Console&, const Request&, const Caller&, const Params&);

Response page_import(Console&, const Request&, const Caller&, const Params&);
Response page_import_check(Console&, const Request&, const Caller&, const Params&);
Response page_import_confirm(Console&, const Request&, const Caller&, const Params&);

Response page_stats_import(Console&, const Request&, const Caller&, const Params&);

Response page_item(Console&, const Request&, const Caller&, const Params&);
Response page_item_save(Console&, const Request&, const Caller&, const Params&);

Response page_calendar(Console&, const Request&, const Caller&, const Params&);
Response page_calendar_save(Console&, const Request&, const Caller&, const Params&);

Response page_hall(Console&, const Request&, const Caller&, const Params&);
Response page_hall_save(Console&, const Request&, const Caller&, const Params&);
Response page_stats(Console&, const Request&, const Caller&, const Params&);
Response page_stats_save(Console&, const Request&, const Caller&, const Params&);
Response page_playlist(Console&, const Request&, const Caller&, const Params&);
Response page_playlist_save(Console&, const Request&, const Caller&, const Params&);

Response page_users(Console&, const Request&, const Caller&, const Params&);
Response page_user_add(Console&, const Request&, const Caller&, const Params&);

Response page_screens(Console&, const Request&, const Caller&, const Params&);
Response page_screen(Console&, const Request&, const Caller&, const Params&);
Response page_screen_token(Console&, const Request&, const Caller&, const Params&);
Response page_screen_token_shown(Console&, const Request&, const Caller&, const Params&);
Response screen_screenshot_png(Console&, const Request&, const Caller&, const Params&);
Response page_plays_report(Console&, const Request&, const Caller&, const Params&);
Response plays_csv_download(Console&, const Request&, const Caller&, const Params&);

// The form fields of a POST (urlencoded or multipart).
std::map<std::string, std::string> form_of(const Request& request);
// A local path to go back to after login ("/" when `next` is not one).
std::string safe_next(const std::string& next);

}  // namespace hb::console
