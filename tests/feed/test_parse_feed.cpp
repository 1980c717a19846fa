// Every rule of feed-format-v1.md (and docs/format-decisions.md): a valid
// document that passes cleanly and an invalid twin whose finding must stand
// exactly at the ⚑ mark.
#include <doctest/doctest.h>

#include "feed/write_feed.h"
#include "model/url.h"
#include "support.h"

namespace hb::test {
namespace {

using model::Severity;

struct RuleCase {
  const char* rule;
  Severity severity;
  const char* message;  // a fragment the finding's message must contain
  std::string valid;    // a feed body (or a whole document when it starts with "<?xml")
  std::string invalid;  // the same with one mistake, ⚑ where the finding points
};

std::string as_document(const std::string& body) {
  return body.rfind("<?xml", 0) == 0 ? body : feed_doc(body);
}

const std::string R = roster();
const std::string kItemHead = "<items><item id=\"A1\"><name>事项</name>";
const std::string kDeadline = "<deadline promised=\"1\" statutory=\"5\"/>";
std::string item(const std::string& inner) {
  return kItemHead + inner + "</item></items>";
}
std::string items_and(const std::string& rest) {
  return item(kDeadline) + rest;
}

const std::vector<RuleCase>& cases() {
  static const std::vector<RuleCase> table = {
      // --- document ---------------------------------------------------------------
      {"version is required", Severity::error, "needs the attribute version",
       "<?xml version=\"1.0\"?>\n<hallboard version=\"1\"/>",
       "<?xml version=\"1.0\"?>\n⚑<hallboard/>"},
      {"another major version is refused, naming it", Severity::error,
       "version=\"2\" is not supported", "<?xml version=\"1.0\"?>\n<hallboard version=\"1.3\"/>",
       "<?xml version=\"1.0\"?>\n<hallboard ⚑version=\"2\"/>"},
      {"any version 1.x.y is version 1", Severity::error, "version=\"2.0.1\" is not supported",
       "<?xml version=\"1.0\"?>\n<hallboard version=\"1.0.1\"/>",
       "<?xml version=\"1.0\"?>\n<hallboard ⚑version=\"2.0.1\"/>"},
      {"text where none belongs is a warning", Severity::warning,
       "text inside <deadline> is ignored", item("<deadline unit=\"day\" promised=\"5\"/>"),
       item("⚑<deadline unit=\"day\" promised=\"5\">5</deadline>")},
      {"generated is a timestamp", Severity::error, "generated=\"yesterday\" is not valid",
       "<?xml version=\"1.0\"?>\n<hallboard version=\"1\" "
       "generated=\"2026-11-27T08:00:00+08:00\"/>",
       "<?xml version=\"1.0\"?>\n<hallboard version=\"1\" ⚑generated=\"yesterday\"/>"},
      {"a section appears once per feed", Severity::error, "<hall> appears more than once",
       "<hall name=\"大厅\"/>", "<hall name=\"大厅\"/>\n⚑<hall name=\"又一个\"/>"},
      {"unknown elements are warnings", Severity::warning, "unknown element <weather>",
       "<notices/>", "<notices/>\n⚑<weather/>"},
      {"unknown attributes are warnings", Severity::warning, "unknown attribute colour",
       "<hall name=\"大厅\"/>", "<hall name=\"大厅\" ⚑colour=\"red\"/>"},
      {"DOCTYPE is refused", Severity::error, "DOCTYPE is not allowed",
       "<?xml version=\"1.0\"?>\n<hallboard version=\"1\"/>",
       "<?xml version=\"1.0\"?>\n⚑<!DOCTYPE hallboard [<!ENTITY x \"y\">]>\n<hallboard "
       "version=\"1\"/>"},
      {"unknown entities are refused", Severity::error, "unknown entity &nbsp;",
       "<notices><notice>A &amp; B &lt;&gt; &#20013;&#x6587;</notice></notices>",
       "<notices><notice>A⚑&nbsp;B</notice></notices>"},
      {"entities in attributes are checked too", Severity::error, "unknown entity &x;",
       "<hall name=\"A &amp; B\"/>", "<hall name=\"A ⚑&x; B\"/>"},
      {"character references must be XML characters", Severity::error, "&#0; is not a valid",
       "<notices><notice>&#9;tab</notice></notices>", "<notices><notice>⚑&#0;</notice></notices>"},
      {"control characters are refused", Severity::error, "control character U+0007",
       "<notices><notice>响铃</notice></notices>", "<notices><notice>响⚑\a铃</notice></notices>"},
      {"a resident ID number is a warning", Severity::warning, "resident ID number",
       "<notices><notice>咨询电话 087163123456</notice></notices>",
       "<notices><notice>申请人 ⚑53010219900101123X 已办结</notice></notices>"},

      // --- hall -----------------------------------------------------------------
      {"hall needs a name", Severity::error, "<hall> needs the attribute name",
       "<hall name=\"大厅\"/>", "⚑<hall subtitle=\"x\"/>"},
      {"phone kind is consult, supervise or complaint", Severity::error,
       "kind=\"fax\" is not valid: expected consult, supervise or complaint",
       "<hall name=\"大厅\"><phone kind=\"complaint\">12345</phone></hall>",
       "<hall name=\"大厅\"><phone ⚑kind=\"fax\">12345</phone></hall>"},
      {"phone needs a number", Severity::error, "<phone kind=\"consult\"> must not be empty",
       "<hall name=\"大厅\"><phone kind=\"consult\">0871-1</phone></hall>",
       "<hall name=\"大厅\">⚑<phone kind=\"consult\"> </phone></hall>"},
      {"link kind is feedback or online", Severity::error, "expected feedback or online",
       "<hall name=\"大厅\"><link kind=\"online\" url=\"https://a.example/x\">办事</link></hall>",
       "<hall name=\"大厅\"><link ⚑kind=\"chat\" url=\"https://a.example/x\">办事</link></hall>"},
      {"link url is an absolute http(s) URL", Severity::error,
       "an absolute http:// or https:// URL",
       "<hall name=\"大厅\"><link kind=\"feedback\" url=\"http://a.example/pj\"/></hall>",
       "<hall name=\"大厅\"><link kind=\"feedback\" ⚑url=\"/pj\"/></hall>"},
      {"commitment needs text", Severity::error, "must not be empty",
       "<hall name=\"大厅\"><commitment title=\"首问负责\">有问必答</commitment></hall>",
       "<hall name=\"大厅\">⚑<commitment title=\"首问负责\"/></hall>"},

      // --- calendar ---------------------------------------------------------------
      {"days is a day, range or list", Severity::error, "days=\"weekdays\" is not valid",
       "<calendar><hours days=\"mon-wed,fri\" open=\"09:00\" close=\"17:00\"/></calendar>",
       "<calendar><hours ⚑days=\"weekdays\" open=\"09:00\" close=\"17:00\"/></calendar>"},
      {"a calendar of holidays alone keeps the default hours", Severity::warning,
       "the default hours apply",
       "<calendar><hours days=\"mon-fri\" open=\"09:00\" close=\"17:00\"/><holiday "
       "from=\"2026-10-01\" to=\"2026-10-07\"/></calendar>",
       "⚑<calendar><holiday from=\"2026-10-01\" to=\"2026-10-07\"/><workday date=\"2026-10-10\" "
       "as=\"fri\"/></calendar>"},
      {"times are HH:MM", Severity::error, "open=\"9:00\" is not valid",
       "<calendar><hours days=\"sat\" open=\"09:00\" close=\"24:00\"/></calendar>",
       "<calendar><hours days=\"sat\" ⚑open=\"9:00\" close=\"12:00\"/></calendar>"},
      {"close is after open", Severity::error, "must be later than open",
       "<calendar><hours days=\"mon\" open=\"09:00\" close=\"09:01\"/></calendar>",
       "<calendar><hours days=\"mon\" open=\"13:00\" ⚑close=\"12:00\"/></calendar>"},
      {"periods may not overlap", Severity::error, "overlaps 09:00-12:00 on wed",
       "<calendar><hours days=\"mon-fri\" open=\"09:00\" close=\"12:00\"/>\n"
       "<hours days=\"mon-fri\" open=\"12:00\" close=\"17:00\"/></calendar>",
       "<calendar><hours days=\"mon-fri\" open=\"09:00\" close=\"12:00\"/>\n"
       "⚑<hours days=\"wed\" open=\"11:00\" close=\"17:00\"/></calendar>"},
      {"holiday dates are real dates", Severity::error, "from=\"2026-02-30\" is not valid",
       "<calendar><hours days=\"mon-fri\" open=\"09:00\" close=\"17:00\"/>"
       "<holiday from=\"2028-02-29\" to=\"2028-02-29\"/></calendar>",
       "<calendar><hours days=\"mon-fri\" open=\"09:00\" close=\"17:00\"/>"
       "<holiday ⚑from=\"2026-02-30\" to=\"2026-03-01\"/></calendar>"},
      {"holiday runs forward", Severity::error, "is before from",
       "<calendar><hours days=\"mon-fri\" open=\"09:00\" close=\"17:00\"/>"
       "<holiday from=\"2026-10-01\" to=\"2026-10-07\"/></calendar>",
       "<calendar><hours days=\"mon-fri\" open=\"09:00\" close=\"17:00\"/>"
       "<holiday from=\"2026-10-07\" ⚑to=\"2026-10-01\"/></calendar>"},
      {"workday as is a weekday", Severity::error, "as=\"friday\" is not valid",
       "<calendar><hours days=\"mon-fri\" open=\"09:00\" close=\"17:00\"/>"
       "<workday date=\"2026-10-10\" as=\"fri\"/></calendar>",
       "<calendar><hours days=\"mon-fri\" open=\"09:00\" close=\"17:00\"/>"
       "<workday date=\"2026-10-10\" ⚑as=\"friday\"/></calendar>"},
      {"a make-up date is given once", Severity::error, "is already given at line 3",
       "<calendar><hours days=\"mon-fri\" open=\"09:00\" close=\"17:00\"/>"
       "<workday date=\"2026-10-10\" as=\"fri\"/></calendar>",
       "<calendar><hours days=\"mon-fri\" open=\"09:00\" close=\"17:00\"/>"
       "<workday date=\"2026-10-10\" as=\"fri\"/>\n<workday ⚑date=\"2026-10-10\" "
       "as=\"mon\"/></calendar>"},
      {"workday is not inside a holiday", Severity::error, "falls in the holiday",
       "<calendar><hours days=\"mon-fri\" open=\"09:00\" close=\"17:00\"/>"
       "<holiday from=\"2026-10-01\" to=\"2026-10-07\"/><workday date=\"2026-10-10\"/></calendar>",
       "<calendar><hours days=\"mon-fri\" open=\"09:00\" close=\"17:00\"/>"
       "<holiday from=\"2026-10-01\" to=\"2026-10-07\"/><workday "
       "⚑date=\"2026-10-04\"/></calendar>"},
      {"a make-up day that changes nothing is a warning", Severity::warning, "changes nothing",
       "<calendar><hours days=\"mon-fri\" open=\"09:00\" close=\"17:00\"/>"
       "<workday date=\"2026-09-20\"/></calendar>",
       "<calendar><hours days=\"mon-fri\" open=\"09:00\" close=\"17:00\"/>"
       "<workday ⚑date=\"2026-09-21\"/></calendar>"},

      // --- items ------------------------------------------------------------------
      {"item needs an id", Severity::error, "<item> needs the attribute id", item(kDeadline),
       "<items>⚑<item><name>事项</name>" + kDeadline + "</item></items>"},
      {"item needs a name", Severity::error, "needs a <name> element", item(kDeadline),
       "<items>⚑<item id=\"A1\">" + kDeadline + "</item></items>"},
      {"item needs a deadline", Severity::error, "needs a <deadline> element", item(kDeadline),
       "<items>⚑<item id=\"A1\"><name>事项</name></item></items>"},
      {"deadline unit is one of four", Severity::error,
       "unit=\"weeks\" is not valid: expected workday, day, hour or immediate",
       item("<deadline unit=\"hour\" promised=\"2\"/>"),
       item("<deadline ⚑unit=\"weeks\" promised=\"2\"/>")},
      {"promised does not exceed statutory", Severity::error,
       "promised=\"20\" is longer than statutory=\"15\"",
       item("<deadline promised=\"15\" statutory=\"15\"/>"),
       item("<deadline ⚑promised=\"20\" statutory=\"15\"/>")},
      {"a deadline needs numbers unless immediate", Severity::error, "needs promised",
       item("<deadline unit=\"immediate\"/>"), item("⚑<deadline unit=\"day\"/>")},
      {"immediate takes no numbers", Severity::warning, "takes no promised or statutory",
       item("<deadline unit=\"immediate\"/>"),
       item("⚑<deadline unit=\"immediate\" promised=\"1\"/>")},
      {"immediate takes no numbers, and says how to write 即办 with a statutory limit",
       Severity::warning, "即办 within a statutory limit is promised=\"0\"",
       item("<deadline promised=\"0\" statutory=\"20\"/>"),
       item("⚑<deadline unit=\"immediate\" promised=\"0\" statutory=\"20\"/>")},
      {"a 即办 promise (promised 0) has no steps that take time", Severity::warning,
       "more than the promised 0 (即办",
       item("<deadline promised=\"0\" statutory=\"20\"/><procedure><step name=\"受理\"/>"
            "<step name=\"送达\" limit=\"2\" unit=\"day\"/></procedure>"),
       item("<deadline promised=\"0\" statutory=\"20\"/>⚑<procedure><step name=\"受理\" "
            "limit=\"1\"/></procedure>")},
      {"an empty typed attribute is an error, not absent", Severity::error,
       "promised=\"\" is not valid: expected a whole number", item("<deadline promised=\"1\"/>"),
       item("<deadline ⚑promised=\"\" statutory=\"5\"/>")},
      {"deadline numbers are whole numbers", Severity::error, "statutory=\"-3\" is not valid",
       item("<deadline statutory=\"3\"/>"), item("<deadline ⚑statutory=\"-3\"/>")},
      {"fees: free or fee elements", Severity::error, "needs free=\"true\"",
       item(kDeadline + "<fees free=\"true\"/>"), item(kDeadline + "⚑<fees/>")},
      {"fees: not both", Severity::error, "must not list <fee> elements",
       item(kDeadline + "<fees><fee name=\"工本费\" amount=\"10\" per=\"本\"/></fees>"),
       item(kDeadline + "<fees ⚑free=\"true\"><fee name=\"工本费\" amount=\"10\"/></fees>")},
      {"money has at most two decimals", Severity::error, "amount=\"10.005\" is not valid",
       item(kDeadline + "<fees><fee name=\"工本费\" amount=\"10.50\"/></fees>"),
       item(kDeadline + "<fees><fee name=\"工本费\" ⚑amount=\"10.005\"/></fees>")},
      {"fee needs a name", Severity::error, "<fee> needs the attribute name",
       item(kDeadline + "<fees><fee name=\"证书费\" amount=\"5\"/></fees>"),
       item(kDeadline + "<fees>⚑<fee amount=\"5\"/></fees>")},
      {"material form is one of four", Severity::error,
       "expected original, copy, both or electronic",
       item(kDeadline + "<materials><material form=\"electronic\">表</material></materials>"),
       item(kDeadline + "<materials><material ⚑form=\"scan\">表</material></materials>")},
      {"material copies is at least one", Severity::error, "copies=\"0\" is not valid",
       item(kDeadline + "<materials><material copies=\"2\">表</material></materials>"),
       item(kDeadline + "<materials><material ⚑copies=\"0\">表</material></materials>")},
      {"material required is a boolean", Severity::error,
       "required=\"yes\" is not valid: expected true or false",
       item(kDeadline + "<materials><material required=\"false\">表</material></materials>"),
       item(kDeadline + "<materials><material ⚑required=\"yes\">表</material></materials>")},
      {"step limits add up to no more than promised", Severity::warning, "add up to 4 working days",
       item(kDeadline.substr(0, 0) +
            "<deadline promised=\"3\"/><procedure><step name=\"受理\" limit=\"1\"/>"
            "<step name=\"决定\" limit=\"2\"/><step name=\"送达\" limit=\"5\" "
            "unit=\"day\"/></procedure>"),
       item("<deadline promised=\"3\"/>⚑<procedure><step name=\"受理\" limit=\"1\"/>"
            "<step name=\"决定\" limit=\"3\"/></procedure>")},
      {"step needs a name", Severity::error, "<step> needs the attribute name",
       item(kDeadline + "<procedure><step name=\"受理\"/></procedure>"),
       item(kDeadline + "<procedure>⚑<step limit=\"1\"/></procedure>")},
      {"online url is http(s)", Severity::error, "url=\"www.example.com\" is not valid",
       item(kDeadline + "<online url=\"https://zwfw.example.gov.cn/i/1\"/>"),
       item(kDeadline + "<online ⚑url=\"www.example.com\"/>")},
      {"item window names a roster window", Severity::error, "window=\"9\": no roster <window>",
       R + "<items><item id=\"A1\" window=\"1\"><name>事项</name>" + kDeadline + "</item></items>",
       R + "\n<items><item id=\"A1\" ⚑window=\"9\"><name>事项</name>" + kDeadline +
           "</item></items>"},

      // --- results ------------------------------------------------------------------
      {"result item names an item", Severity::error, "<result item=\"B9\">: no <item>",
       items_and(
           "<results><result item=\"A1\" date=\"2026-11-20\" decision=\"approve\"/></results>"),
       items_and(
           "\n<results><result ⚑item=\"B9\" date=\"2026-11-20\" decision=\"approve\"/></results>")},
      {"decision is approve or deny", Severity::error, "expected approve or deny",
       items_and("<results><result item=\"A1\" date=\"2026-11-20\" decision=\"deny\"/></results>"),
       items_and(
           "\n<results><result item=\"A1\" date=\"2026-11-20\" ⚑decision=\"maybe\"/></results>")},
      {"applicant-kind is person or org", Severity::error, "expected person or org",
       items_and("<results><result item=\"A1\" date=\"2026-11-20\" decision=\"approve\" "
                 "applicant-kind=\"org\"/></results>"),
       items_and("\n<results><result item=\"A1\" date=\"2026-11-20\" decision=\"approve\" "
                 "⚑applicant-kind=\"company\"/></results>")},
      {"result date is a date", Severity::error, "date=\"2026/11/20\" is not valid",
       items_and(
           "<results><result item=\"A1\" date=\"2026-11-20\" decision=\"approve\"/></results>"),
       items_and(
           "\n<results><result item=\"A1\" ⚑date=\"2026/11/20\" decision=\"approve\"/></results>")},
      {"result needs a decision", Severity::error, "needs the attribute decision",
       items_and(
           "<results><result item=\"A1\" date=\"2026-11-20\" decision=\"approve\"/></results>"),
       items_and("\n<results>⚑<result item=\"A1\" date=\"2026-11-20\"/></results>")},

      // --- roster -------------------------------------------------------------------
      {"a window needs an A and a B post", Severity::error, "has no B post", R,
       "<roster><staff id=\"s1\" name=\"李娜\"/>\n⚑<window id=\"1\"><post role=\"A\" "
       "staff=\"s1\"/></window></roster>"},
      {"a window has one A post", Severity::error, "more than one A post", R,
       "<roster><staff id=\"s1\" name=\"李娜\"/><staff id=\"s2\" name=\"王强\"/><window id=\"1\">"
       "<post role=\"A\" staff=\"s1\"/>\n⚑<post role=\"A\" staff=\"s2\"/><post role=\"B\" "
       "staff=\"s2\"/></window></roster>"},
      {"post role is A or B", Severity::error, "role=\"C\" is not valid: expected A or B", R,
       "<roster><staff id=\"s1\" name=\"李娜\"/><staff id=\"s2\" name=\"王强\"/><window id=\"1\">"
       "<post role=\"A\" staff=\"s1\"/><post role=\"B\" staff=\"s2\"/>\n<post ⚑role=\"C\" "
       "staff=\"s2\"/></window></roster>"},
      {"post staff resolves", Severity::error, "<post staff=\"s9\">", R,
       "<roster><staff id=\"s1\" name=\"李娜\"/><window id=\"1\"><post role=\"A\" staff=\"s1\"/>\n"
       "<post role=\"B\" ⚑staff=\"s9\"/></window></roster>"},
      {"staff needs a name", Severity::error, "<staff id=\"s4\"> needs the attribute name",
       roster("<staff id=\"s4\" name=\"钱多\"/>"), roster("\n⚑<staff id=\"s4\"/>")},
      {"party is a boolean", Severity::error, "party=\"党员\" is not valid",
       roster("<staff id=\"s4\" name=\"钱多\" party=\"true\"/>"),
       roster("\n<staff id=\"s4\" name=\"钱多\" ⚑party=\"党员\"/>")},
      {"absence staff resolves", Severity::error, "<absence staff=\"s9\">",
       roster("<absence staff=\"s1\" from=\"2026-11-27T09:00\" to=\"2026-11-27T12:00\"/>"),
       roster("\n<absence ⚑staff=\"s9\" from=\"2026-11-27T09:00\" to=\"2026-11-27T12:00\"/>")},
      {"absence substitute resolves", Severity::error, "substitute=\"s9\": no <staff>",
       roster("<absence staff=\"s1\" from=\"2026-11-27T09:00\" to=\"2026-11-27T12:00\" "
              "substitute=\"s3\"/>"),
       roster("\n<absence staff=\"s1\" from=\"2026-11-27T09:00\" to=\"2026-11-27T12:00\" "
              "⚑substitute=\"s9\"/>")},
      {"absence runs forward", Severity::error, "must be later than from=",
       roster("<absence staff=\"s1\" from=\"2026-11-27T09:00\" to=\"2026-11-27T09:01\"/>"),
       roster("\n<absence staff=\"s1\" from=\"2026-11-27T09:00\" ⚑to=\"2026-11-27T09:00\"/>")},
      {"absence times are timestamps", Severity::error, "from=\"2026-11-27 09:00\" is not valid",
       roster("<absence staff=\"s1\" from=\"2026-11-27T09:00:30+08:00\" to=\"2026-11-27T12:00\"/>"),
       roster("\n<absence staff=\"s1\" ⚑from=\"2026-11-27 09:00\" to=\"2026-11-27T12:00\"/>")},
      {"nobody substitutes for themselves", Severity::error, "is the absent person",
       roster("<absence staff=\"s1\" from=\"2026-11-27T09:00\" to=\"2026-11-27T12:00\" "
              "substitute=\"s2\"/>"),
       roster("\n<absence staff=\"s1\" from=\"2026-11-27T09:00\" to=\"2026-11-27T12:00\" "
              "⚑substitute=\"s1\"/>")},
      {"a long absence of a post-holder names a substitute", Severity::warning,
       "names no substitute",
       // Friday to Saturday is one working day; Friday to Monday is two.
       roster("<absence staff=\"s1\" from=\"2026-11-27T09:00\" to=\"2026-11-28T17:00\"/>"),
       roster("\n⚑<absence staff=\"s1\" from=\"2026-11-27T09:00\" to=\"2026-11-30T09:30\"/>")},

      // --- pledges, notices ------------------------------------------------------
      {"pledge staff resolves", Severity::error, "<pledge staff=\"s9\">",
       R + "<pledges><pledge staff=\"s1\" post=\"党员示范岗\">亮明身份</pledge></pledges>",
       R + "<pledges>\n<pledge ⚑staff=\"s9\">亮明身份</pledge></pledges>"},
      {"collective pledge needs a title", Severity::error, "needs a title",
       "<pledges><pledge title=\"集体承诺\">公开承诺</pledge></pledges>",
       "<pledges>⚑<pledge post=\"党员责任岗\">公开承诺</pledge></pledges>"},
      {"notice level is info or urgent", Severity::error, "expected info or urgent",
       "<notices><notice level=\"urgent\">演练</notice></notices>",
       "<notices><notice ⚑level=\"high\">演练</notice></notices>"},
      {"notice runs forward", Severity::error, "must be later than from=",
       "<notices><notice from=\"2026-11-27T10:30\" to=\"2026-11-27T11:00\">演练</notice></notices>",
       "<notices><notice from=\"2026-11-27T10:30\" "
       "⚑to=\"2026-11-27T10:00\">演练</notice></notices>"},
      {"notice needs text", Severity::error, "must not be empty",
       "<notices><notice id=\"n1\">有字</notice></notices>",
       "<notices>⚑<notice id=\"n1\"/></notices>"},

      // --- stats ----------------------------------------------------------------
      {"stats month is YYYY-MM", Severity::error, "month=\"2026-13\" is not valid",
       "<stats month=\"2026-12\"/>", "<stats ⚑month=\"2026-13\"/>"},
      {"ontime does not exceed handled", Severity::error,
       "ontime=\"413\" is more than handled=\"412\"",
       R + "<stats month=\"2026-10\"><window id=\"1\" handled=\"412\" ontime=\"412\"/></stats>",
       R + "<stats month=\"2026-10\">\n<window id=\"1\" handled=\"412\" ⚑ontime=\"413\"/></stats>"},
      {"satisfied does not exceed rated", Severity::error,
       "satisfied=\"406\" is more than rated=\"405\"",
       R + "<stats month=\"2026-10\"><window id=\"1\" handled=\"9\" ontime=\"9\" rated=\"405\" "
           "satisfied=\"405\"/></stats>",
       R + "<stats month=\"2026-10\">\n<window id=\"1\" handled=\"9\" ontime=\"9\" rated=\"405\" "
           "⚑satisfied=\"406\"/></stats>"},
      {"rated and satisfied come together", Severity::error, "needs rated and satisfied together",
       R + "<stats month=\"2026-10\"><window id=\"1\" handled=\"9\" ontime=\"9\"/></stats>",
       R + "<stats month=\"2026-10\">\n<window id=\"1\" handled=\"9\" ontime=\"9\" "
           "⚑rated=\"5\"/></stats>"},
      {"not both rating forms", Severity::error, "gives both rated/satisfied and <ratings>",
       R + "<stats month=\"2026-10\"><window id=\"1\" handled=\"9\" ontime=\"9\"><ratings "
           "very-satisfied=\"1\" "
           "satisfied=\"1\" basic=\"1\" dissatisfied=\"0\" "
           "very-dissatisfied=\"0\"/></window></stats>",
       R + "<stats month=\"2026-10\"><window id=\"1\" handled=\"9\" ontime=\"9\" rated=\"3\" "
           "satisfied=\"3\">\n"
           "⚑<ratings very-satisfied=\"1\" satisfied=\"1\" basic=\"1\" dissatisfied=\"0\" "
           "very-dissatisfied=\"0\"/>"
           "</window></stats>"},
      {"ratings need all five levels", Severity::error,
       "<ratings> needs the attribute very-dissatisfied",
       R + "<stats month=\"2026-10\"><window id=\"1\" handled=\"9\" ontime=\"9\"><ratings "
           "very-satisfied=\"1\" "
           "satisfied=\"1\" basic=\"1\" dissatisfied=\"0\" "
           "very-dissatisfied=\"0\"/></window></stats>",
       R + "<stats month=\"2026-10\"><window id=\"1\" handled=\"9\" ontime=\"9\">\n⚑<ratings "
           "very-satisfied=\"1\" "
           "satisfied=\"1\" basic=\"1\" dissatisfied=\"0\"/></window></stats>"},
      {"stats window names a roster window", Severity::error, "window id=\"7\": no roster <window>",
       R + "<stats month=\"2026-10\"><window id=\"1\" handled=\"1\" ontime=\"1\"/></stats>",
       R + "<stats month=\"2026-10\">\n<window ⚑id=\"7\" handled=\"1\" ontime=\"1\"/></stats>"},
      {"stats give a window once", Severity::error, "gives window \"1\" twice",
       R + "<stats month=\"2026-10\"><window id=\"1\" handled=\"1\" ontime=\"1\"/></stats>",
       R + "<stats month=\"2026-10\"><window id=\"1\" handled=\"1\" ontime=\"1\"/>\n"
           "<window ⚑id=\"1\" handled=\"2\" ontime=\"1\"/></stats>"},

      // --- playlist ----------------------------------------------------------------
      {"transition is fade, slide or none", Severity::error, "expected fade, slide or none",
       "<playlist transition=\"none\"><slide type=\"roster\"/></playlist>",
       "<playlist ⚑transition=\"wipe\"><slide type=\"roster\"/></playlist>"},
      {"unknown slide types are skipped with a warning", Severity::warning, "is not a slide type",
       "<playlist><slide type=\"pledges\"/></playlist>",
       "<playlist><slide type=\"pledges\"/><slide ⚑type=\"weather\"/></playlist>"},
      {"seconds is at least 1", Severity::error, "seconds=\"0\" is not valid",
       "<playlist><slide type=\"stats\" seconds=\"12\"/></playlist>",
       "<playlist><slide type=\"stats\" ⚑seconds=\"0\"/></playlist>"},
      // --- posters (宣传海报) ------------------------------------------------------------
      {"a poster has pictures", Severity::warning, "is a poster with no <image",
       "<playlist><slide type=\"poster\"><image src=\"p/a.png\"/></slide></playlist>",
       "<playlist><slide type=\"stats\"/>⚑<slide type=\"poster\"/></playlist>"},
      {"a poster's image needs src", Severity::error, "needs the attribute src",
       "<playlist><slide type=\"poster\"><image src=\"p/a.jpg\" alt=\"海报\"/></slide></playlist>",
       "<playlist><slide type=\"poster\"><image src=\"p/a.jpg\"/>⚑<image alt=\"海报\"/></slide>"
       "</playlist>"},
      {"a poster's image is a PNG or JPEG by name", Severity::error, "is not a PNG or JPEG picture",
       "<playlist><slide type=\"poster\"><image src=\"p/A.JPEG?v=2\"/></slide></playlist>",
       "<playlist><slide type=\"poster\"><image src=\"p/a.png\"/><image ⚑src=\"p/a.gif\"/>"
       "</slide></playlist>"},
      {"a poster image's seconds are 1 to 3600", Severity::error, "seconds=\"0\" is not valid",
       "<playlist><slide type=\"poster\"><image src=\"a.png\" seconds=\"3600\"/></slide>"
       "</playlist>",
       "<playlist><slide type=\"poster\"><image src=\"a.png\" ⚑seconds=\"0\"/></slide>"
       "</playlist>"},
      {"frame is hall or full", Severity::error, "expected hall or full",
       "<playlist frame=\"full\"><slide type=\"poster\" frame=\"hall\"><image src=\"a.png\"/>"
       "</slide></playlist>",
       "<playlist><slide type=\"poster\" ⚑frame=\"wide\"><image src=\"a.png\"/></slide>"
       "</playlist>"},
      {"images belong to posters", Severity::warning, "is not a poster",
       "<playlist><slide type=\"stats\"/></playlist>",
       "<playlist><slide type=\"stats\">⚑<image src=\"a.png\"/></slide></playlist>"},
      // --- slides on a schedule: on, between, from/to --------------------------------
      {"a slide's on is days as the calendar writes them", Severity::error,
       "on=\"mon-fry\" is not valid: expected days such as mon-fri",
       "<playlist><slide type=\"stats\" on=\"mon-fri\"/></playlist>",
       "<playlist>\n<slide type=\"stats\" ⚑on=\"mon-fry\"/></playlist>"},
      {"a playlist's on is days too", Severity::error, "on=\"weekend\" is not valid",
       "<playlist on=\"mon-wed,thu,fri\"><slide type=\"stats\"/></playlist>",
       "<playlist ⚑on=\"weekend\"><slide type=\"stats\"/></playlist>"},
      {"between is two times of day", Severity::error,
       "between=\"12:00\" is not valid: expected two times of day HH:MM-HH:MM",
       "<playlist><slide type=\"stats\"/><slide type=\"pledges\" between=\"12:00-13:30\"/>"
       "</playlist>",
       "<playlist><slide type=\"stats\"/><slide type=\"pledges\" ⚑between=\"12:00\"/>"
       "</playlist>"},
      {"between has no hour 25", Severity::error, "between=\"12:00-25:00\" is not valid",
       "<playlist><slide type=\"stats\" between=\"09:00-24:00\"/></playlist>",
       "<playlist><slide type=\"stats\" ⚑between=\"12:00-25:00\"/></playlist>"},
      {"between does not run past midnight", Severity::error,
       "between=\"13:30-12:00\" must end later than it starts",
       "<playlist><slide type=\"stats\"/><slide type=\"pledges\" between=\"12:00-13:30\"/>"
       "</playlist>",
       "<playlist><slide type=\"stats\"/>\n<slide type=\"pledges\" ⚑between=\"13:30-12:00\"/>"
       "</playlist>"},
      {"a slide's to is not before its from (both included)", Severity::error,
       "to=\"2026-12-01\" must not be before from=\"2026-12-14\"",
       "<playlist><slide type=\"stats\" from=\"2026-12-01\" to=\"2026-12-01\"/></playlist>",
       "<playlist><slide type=\"stats\" from=\"2026-12-14\" ⚑to=\"2026-12-01\"/></playlist>"},
      {"a slide's from is a date that exists", Severity::error, "from=\"2026-02-30\" is not valid",
       "<playlist><slide type=\"stats\" from=\"2026-02-28\"/></playlist>",
       "<playlist><slide type=\"stats\" ⚑from=\"2026-02-30\"/></playlist>"},
      {"a playlist's to is not before its from", Severity::error, "must not be before from",
       "<playlist from=\"2026-12-01\" to=\"2026-12-14\"><slide type=\"stats\"/></playlist>",
       "<playlist from=\"2026-12-14\" ⚑to=\"2026-12-13\"><slide type=\"stats\"/></playlist>"},
      {"slide item names an item", Severity::error, "<slide item=\"Z9\">",
       items_and("<playlist><slide type=\"item\" item=\"A1\"/></playlist>"),
       items_and("<playlist>\n<slide type=\"item\" ⚑item=\"Z9\"/></playlist>")},
      {"slide category matches some item", Severity::warning, "no item has this category",
       "<items><item id=\"A1\" category=\"建设工程\"><name>事项</name>" + kDeadline +
           "</item></items><playlist><slide type=\"items\" category=\"建设工程\"/></playlist>",
       "<items><item id=\"A1\" category=\"建设工程\"><name>事项</name>" + kDeadline +
           "</item></items><playlist>\n<slide type=\"items\" ⚑category=\"住房保障\"/></playlist>"},
      {"one playlist per screen value", Severity::error,
       "a second <playlist> for screen \"lobby-1\"",
       "<playlist screen=\"*\"><slide type=\"roster\"/></playlist>\n"
       "<playlist screen=\"lobby-1\"><slide type=\"roster\"/></playlist>",
       "<playlist screen=\"lobby-1, lobby-2\"><slide type=\"roster\"/></playlist>\n"
       "⚑<playlist screen=\"lobby-1\"><slide type=\"roster\"/></playlist>"},
  };
  return table;
}

}  // namespace

TEST_CASE("every rule: the valid document is clean, the invalid one is found where it is") {
  for (const auto& c : cases()) {
    const std::string rule = c.rule;
    CAPTURE(rule);
    const auto valid = lint_one(as_document(c.valid));
    INFO("valid document:\n", as_document(c.valid), "\nfindings:\n", dump(valid));
    CHECK(valid.empty());

    const Marked m = unmark(as_document(c.invalid));
    REQUIRE_MESSAGE(m.line > 0, "the invalid case has no ⚑ mark");
    const auto found = lint_one(m.text);
    INFO("invalid document:\n", m.text, "\nfindings:\n", dump(found));
    CHECK(found.size() == 1);
    if (found.size() != 1) continue;
    CHECK(found[0].where.file == "t.xml");
    CHECK(found[0].where.line == m.line);
    CHECK(found[0].where.column == m.column);
    CHECK(found[0].severity == c.severity);
    CHECK(found[0].message.find(c.message) != std::string::npos);
  }
}

TEST_CASE("promised=\"0\" is 即办 within a statutory limit, in every unit, without a finding") {
  struct Row {
    const char* deadline;
    model::DeadlineUnit unit;
    std::optional<long long> statutory;
  };
  const Row rows[] = {
      {"<deadline promised=\"0\" statutory=\"20\"/>", model::DeadlineUnit::workday, 20},
      {"<deadline promised=\"0\" statutory=\"30\" unit=\"day\"/>", model::DeadlineUnit::day, 30},
      {"<deadline promised=\"0\" statutory=\"48\" unit=\"hour\"/>", model::DeadlineUnit::hour, 48},
      {"<deadline promised=\"0\" statutory=\"0\"/>", model::DeadlineUnit::workday, 0},
      {"<deadline promised=\"0\"/>", model::DeadlineUnit::workday, std::nullopt},
  };
  for (const auto& r : rows) {
    CAPTURE(r.deadline);
    const std::string doc = feed_doc(item(r.deadline));
    model::Diagnostics out;
    const auto feed = feed::parse_feed(doc, "t.xml", out);
    CHECK_MESSAGE(out.empty(), dump(out));
    REQUIRE(feed);
    REQUIRE(feed->items.size() == 1);
    const auto& d = feed->items[0].deadline;
    CHECK(d.promised == 0);
    CHECK(d.statutory == r.statutory);
    CHECK(d.unit == r.unit);
    CHECK(lint_one(doc).empty());
  }
}

}  // namespace hb::test

namespace hb::test {
namespace {

const model::Slide& only_slide(const model::Feed& feed) {
  REQUIRE(feed.playlists.size() == 1);
  REQUIRE(feed.playlists[0].slides.size() == 1);
  return feed.playlists[0].slides[0];
}

}  // namespace

TEST_CASE("a poster's pictures: src as written, seconds defaulting to the slide's, alt, frame") {
  struct Row {
    const char* playlist_attrs;
    const char* slide_attrs;
    model::PosterFrame frame;
  };
  const Row rows[] = {
      {"", "", model::PosterFrame::hall},
      {"frame=\"full\"", "", model::PosterFrame::full},
      {"frame=\"full\"", "frame=\"hall\"", model::PosterFrame::hall},
      {"", "frame=\"full\"", model::PosterFrame::full},
  };
  for (const auto& r : rows) {
    CAPTURE(r.playlist_attrs);
    CAPTURE(r.slide_attrs);
    model::Diagnostics out;
    const auto feed = feed::parse_feed(
        feed_doc(std::string("<playlist ") + r.playlist_attrs + "><slide type=\"poster\" " +
                 r.slide_attrs +
                 " seconds=\"9\"><image src=\"p/a.png\" alt=\"宣传海报\"/>"
                 "<image src=\"https://x.example/b.jpg\" seconds=\"20\"/></slide></playlist>"),
        "https://hall.example/feeds/hall.xml", out);
    CHECK(out.empty());
    REQUIRE(feed);
    const auto& s = only_slide(*feed);
    CHECK(s.type == model::SlideType::poster);
    CHECK(s.frame == r.frame);
    CHECK(s.base_url == "https://hall.example/feeds/hall.xml");
    REQUIRE(s.images.size() == 2);
    CHECK(s.images[0].src == "p/a.png");
    CHECK(s.images[0].alt == "宣传海报");
    CHECK(s.images[0].seconds == 9);
    CHECK(s.images[1].seconds == 20);
    CHECK(model::poster_image_label(s.images[0]) == "宣传海报");
    CHECK(model::poster_image_label(s.images[1]) == "b.jpg");
  }
}

TEST_CASE("a poster of 10 000 pictures keeps 40 and says so once") {
  std::string images;
  for (int i = 0; i < 10000; ++i)
    images += "<image src=\"p/" + std::to_string(i) + ".png\"/>";
  model::Diagnostics out;
  const auto feed = feed::parse_feed(
      feed_doc("<playlist><slide type=\"poster\">" + images + "</slide></playlist>"), "t.xml", out);
  REQUIRE(feed);
  const auto& s = only_slide(*feed);
  CHECK(s.images.size() == model::kMaxPosterImages);
  CHECK(s.images.back().src == "p/39.png");
  REQUIRE(out.size() == 1);
  CHECK(out[0].severity == model::Severity::warning);
  CHECK(out[0].message.find("has 10000 images; a poster shows at most 40") != std::string::npos);
}

TEST_CASE("a poster written back reads the same") {
  model::Diagnostics out;
  const std::string body =
      "<playlist><slide type=\"poster\" seconds=\"9\" frame=\"full\"><image src=\"p/a.png\" "
      "alt=\"宣传海报\"/><image src=\"b.jpg\" seconds=\"20\"/></slide></playlist>";
  const auto feed = feed::parse_feed(feed_doc(body), "t.xml", out);
  REQUIRE(feed);
  const std::string written = feed::write_feed(*feed);
  const auto again = feed::parse_feed(written, "t.xml", out);
  CHECK(out.empty());
  REQUIRE(again);
  const auto& a = only_slide(*feed);
  const auto& b = only_slide(*again);
  CHECK(b.frame == a.frame);
  REQUIRE(b.images.size() == a.images.size());
  for (std::size_t i = 0; i < a.images.size(); ++i) {
    CHECK(b.images[i].src == a.images[i].src);
    CHECK(b.images[i].alt == a.images[i].alt);
    CHECK(b.images[i].seconds == a.images[i].seconds);
  }
}

TEST_CASE("a feed fetched over http(s) names no local pictures: poster, photo and logo") {
  model::Diagnostics out;
  const std::string body =
      "<hall name=\"大厅\" logo=\"file:///home/hall/logo.png\"/>\n"
      "<roster><staff id=\"s1\" name=\"李娜\" photo=\"FILE:///home/hall/private.jpg\"/></roster>\n"
      "<playlist><slide type=\"poster\"><image src=\"file:///home/hall/private.jpg\"/>"
      "<image src=\"https://cdn.example.cn/a.png\"/><image src=\"p/b.png\"/></slide></playlist>";
  const auto feed = feed::parse_feed(feed_doc(body), "https://hall.example.cn/feed.xml", out);
  REQUIRE(feed);
  REQUIRE(feed->hall);
  CHECK(feed->hall->logo.empty());
  REQUIRE(feed->roster);
  REQUIRE(feed->roster->staff.size() == 1);
  CHECK(feed->roster->staff[0].photo.empty());
  const auto& s = only_slide(*feed);
  REQUIRE(s.images.size() == 2);
  CHECK(s.images[0].src == "https://cdn.example.cn/a.png");
  CHECK(s.images[1].src == "p/b.png");
  int refused = 0;
  for (const auto& d : out)
    if (d.message.find("outside the web") != std::string::npos) {
      ++refused;
      CHECK(d.severity == Severity::error);
      CHECK(d.where.line > 0);
      CHECK(d.where.column > 0);
    }
  CHECK(refused == 3);
  // The same feed from the screen's own disk may name its own files.
  model::Diagnostics local_out;
  const auto local = feed::parse_feed(feed_doc(body), "/srv/hall/feed.xml", local_out);
  REQUIRE(local);
  CHECK(only_slide(*local).images.size() == 3);
  // Resolving refuses them too, whatever the reader let through.
  CHECK(model::resolve_reference("https://hall.example.cn/f.xml", "file:///etc/passwd").empty());
  CHECK(model::resolve_reference("http://hall.example.cn/f.xml", "HTTPS://cdn.example.cn/a.png") ==
        "HTTPS://cdn.example.cn/a.png");
  CHECK(model::resolve_reference("/srv/f.xml", "file:///srv/a.png") == "file:///srv/a.png");
}

}  // namespace hb::test
