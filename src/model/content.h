// The hall's published content as plain data, after parsing and merging.
// Nothing here knows about XML or pixels. `where` fields say where each
// element was defined, so later checks can point editors at it.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/slide_type.h"
#include "model/time.h"

namespace hb::model {

// Text is normalised (trimmed, line breaks folded); '\n' separates paragraphs.
using Text = std::string;

// Yuan in fen (1/100), so 10.5 and 10.50 compare equal.
struct Money {
  long long fen = 0;
};

// --- hall ------------------------------------------------------------------

enum class PhoneKind { consult, supervise, complaint };
enum class LinkKind { feedback, online };

struct Phone {
  PhoneKind kind = PhoneKind::consult;
  std::string number;
  Where where;
};

struct Commitment {
  std::string title;  // may be empty
  Text text;
  Where where;
};

struct Link {
  LinkKind kind = LinkKind::feedback;
  std::string url;
  Text caption;
  Where where;
};

struct Hall {
  std::string name;
  std::string subtitle;
  std::string logo;  // as written; resolved against base_url by whoever fetches it
  std::string base_url;
  std::vector<Phone> phones;
  std::vector<Commitment> commitments;
  std::vector<Link> links;
  Where where;
};

// --- calendar --------------------------------------------------------------

struct OpeningHours {
  std::array<bool, 7> days{};  // indexed by Weekday
  TimeOfDay open;
  TimeOfDay close;
  Where where;
};

struct Holiday {
  Date from;
  Date to;
  std::string name;
  Where where;
};

struct MakeUpWorkday {
  Date date;
  Weekday as = Weekday::mon;
  std::string name;
  Where where;
};

struct Calendar {
  std::vector<OpeningHours> hours;
  std::vector<Holiday> holidays;
  std::vector<MakeUpWorkday> workdays;
  Where where;
};

// The format's default when no feed has a calendar: Mon-Fri 09:00-17:00.
Calendar default_calendar();

// --- items -----------------------------------------------------------------

enum class DeadlineUnit { workday, day, hour, immediate };
enum class MaterialForm { unspecified, original, copy, both, electronic };

struct Deadline {
  DeadlineUnit unit = DeadlineUnit::workday;
  std::optional<long long> promised;
  std::optional<long long> statutory;
  Where where;
};

struct Fee {
  std::string name;
  Money amount;
  std::string per;
  std::string basis;
  Where where;
};

struct Fees {
  bool free = false;
  std::vector<Fee> fees;
  Where where;
};

struct Material {
  Text name;
  long long copies = 1;
  MaterialForm form = MaterialForm::unspecified;
  bool required = true;
  Where where;
};

struct Step {
  std::string name;
  Text description;
  std::optional<long long> limit;
  DeadlineUnit unit = DeadlineUnit::workday;
  Where where;
};

struct Item {
  std::string id;
  std::string category;
  std::string window;  // a roster window id; may be empty
  std::string name;
  std::string department;
  std::string kind;
  Text basis;
  Deadline deadline;
  std::optional<Fees> fees;
  std::vector<Material> materials;
  std::vector<Step> procedure;
  std::string online_url;
  Text result;
  Where where;
  Where window_where;
};

// --- results ---------------------------------------------------------------

enum class Decision { approve, deny };
enum class ApplicantKind { person, org };

struct Result {
  std::string item;
  std::string number;
  Date date;
  Decision decision = Decision::approve;
  std::string applicant;
  ApplicantKind applicant_kind = ApplicantKind::person;
  Where where;
  Where item_where;
};

// --- roster ----------------------------------------------------------------

enum class Role { a, b };

struct Staff {
  std::string id;
  std::string name;
  std::string title;
  std::string badge;
  std::string photo;
  std::string base_url;  // photo is relative to this feed URL
  bool party = false;
  Where where;
};

struct Post {
  Role role = Role::a;
  std::string staff;
  Where where;
  Where staff_where;
};

struct Window {
  std::string id;
  std::string name;
  std::string service;
  std::string closed_note;
  std::string a_staff;  // staff id of the A post
  std::string b_staff;  // staff id of the B post
  std::vector<Post> posts;
  Where where;
};

struct Absence {
  std::string staff;
  DateTime from;
  DateTime to;
  std::string reason;
  std::string substitute;  // may be empty
  Where where;
  Where staff_where;
  Where substitute_where;
};

struct Roster {
  std::vector<Staff> staff;
  std::vector<Window> windows;
  std::vector<Absence> absences;
};

// --- pledges, notices -------------------------------------------------------

struct Pledge {
  std::string staff;  // empty for a collective pledge
  std::string post;
  std::string title;
  Text text;
  Where where;
  Where staff_where;
};

enum class NoticeLevel { info, urgent };

struct Notice {
  std::string id;
  NoticeLevel level = NoticeLevel::info;
  std::optional<DateTime> from;
  std::optional<DateTime> to;
  Text text;
  Where where;
};

// --- stats -----------------------------------------------------------------

// The five levels of the 政务服务"好差评" rating.
struct Ratings {
  long long very_satisfied = 0;
  long long satisfied = 0;
  long long basic = 0;
  long long dissatisfied = 0;
  long long very_dissatisfied = 0;
};

struct WindowStats {
  std::string window;
  long long handled = 0;
  long long ontime = 0;
  std::optional<long long> rated;      // from the attribute or the sum of ratings
  std::optional<long long> satisfied;  // from the attribute or the first three levels
  std::optional<Ratings> ratings;
  Where where;
  Where id_where;
};

struct Stats {
  int year = 0;
  int month = 0;
  std::vector<WindowStats> windows;
  Where where;
};

// --- playlist --------------------------------------------------------------

enum class Transition { fade, slide, none };

// When a slide plays (dayparting, docs/feed-format.md section 13). Each part
// left unset puts no limit. `between` never crosses midnight: a hall is not
// open then, and a range that wraps is far likelier a typing mistake.
struct SlideSchedule {
  std::array<bool, 7> on{true, true, true, true, true, true, true};  // indexed by Weekday
  std::optional<TimeOfDay> between_from;  // [between_from, between_to)
  std::optional<TimeOfDay> between_to;    // 24:00 allowed
  std::optional<Date> from;               // both included
  std::optional<Date> to;
  bool any() const {
    return between_from || from || to || on != std::array<bool, 7>{true, true, true, true, true, true, true};
  }
  bool operator==(const SlideSchedule&) const = default;
};

// One picture of a poster slide (宣传海报): a page of its own.
struct PosterImage {
  std::string src;  // as written; resolved against Slide::base_url by whoever fetches it
  std::string alt;  // shown instead while the picture cannot be had; named by `plan`
  int seconds = 15;  // its page's time on screen
  Where where;
};

// What names a poster's picture in words (`plan`, the stand-in while it
// cannot be shown): its alt text, else its file name.
std::string poster_image_label(const PosterImage& image);

// Whether a poster keeps the hall's header and ticker round it (`hall`) or
// takes the whole screen (`full`).
enum class PosterFrame { hall, full };

// A poster slide shows at most this many pictures: more are warned about
// and left out, so that one slide of 10 000 pictures costs no more than 40
// pages (layout::max_slide_pages never allows more either).
inline constexpr std::size_t kMaxPosterImages = 40;

struct Slide {
  SlideType type = SlideType::items;
  int seconds = 15;
  std::string category;  // items: optional filter
  std::string item;      // item: optional fixed item id
  int days = 30;         // results: how far back
  SlideSchedule schedule;   // its own `on`, `between`, `from`/`to`
  SlideSchedule inherited;  // its playlist's; the slide plays when both are in force
  Where where;
  Where item_where;
  Where category_where;
  // poster: its pictures, in order, each relative to the feed's URL.
  std::vector<PosterImage> images;
  std::string base_url;
  PosterFrame frame = PosterFrame::hall;
};

struct Playlist {
  std::vector<std::string> screens;  // "*" or screen ids
  Transition transition = Transition::fade;
  SlideSchedule schedule;  // inherited by each slide (Slide::inherited)
  PosterFrame frame = PosterFrame::hall;  // its poster slides' unless they say
  std::vector<Slide> slides;
  Where where;
};

// --- documents -------------------------------------------------------------

// One parsed feed document, before merging.
struct Feed {
  std::string source;  // the file name or URL it came from
  Where where;         // of the root element
  std::string version;
  std::optional<DateTime> generated;
  // A hallboard extension, <hallboard hall="…">: the hall the feed is for,
  // checked against <trust hall="…"> (empty: the feed names none).
  std::string hall_id;
  std::optional<Hall> hall;
  std::optional<Calendar> calendar;
  bool has_items_section = false;  // an <items> element, even if every item was refused
  std::vector<Item> items;
  std::vector<Result> results;
  std::optional<Roster> roster;
  std::vector<Pledge> pledges;
  std::vector<Notice> notices;
  std::optional<Stats> stats;
  std::vector<Playlist> playlists;
};

// Everything the screen can show: all feeds merged.
struct Content {
  std::optional<Hall> hall;
  std::optional<Calendar> calendar;  // absent: default_calendar() applies
  std::vector<Item> items;
  std::vector<Result> results;
  Roster roster;
  bool has_roster = false;
  std::vector<Pledge> pledges;
  std::vector<Notice> notices;
  std::optional<Stats> stats;
  std::vector<Playlist> playlists;
};

}  // namespace hb::model
