// The console's only style sheet and script, built in: no CDN, no files
// read at run time. Pages work without the script; it only adds comfort
// (confirmations, filling the substitute list after the dates).
#include "console/page_frame.h"

namespace hb::console {

const std::string& console_css() {
  static const std::string css = R"css(
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
       "PingFang SC", sans-serif; color: #1d2733; background: #f3f5f8; }
header.top { display: flex; align-items: center; gap: 16px; height: 48px; padding: 0 20px;
             background: #b22222; color: #fff; }
header.top .hall { font-weight: 700; font-size: 17px; }
header.top .app { opacity: .85; }
header.top form.logout { margin-left: auto; display: flex; gap: 10px; align-items: center; }
header.top button { background: transparent; color: #fff; border: 1px solid #fff8; }
.frame { display: flex; min-height: calc(100vh - 48px); }
nav { width: 150px; flex: none; background: #fff; border-right: 1px solid #dde3ea; padding: 8px 0; }
nav a { display: block; padding: 7px 18px; color: #1d2733; text-decoration: none; }
nav a:hover { background: #f0f3f7; }
nav a.active { background: #fdecec; color: #b22222; font-weight: 700; border-left: 3px solid #b22222; }
main { flex: 1; padding: 16px 24px 40px; min-width: 0; max-width: 1180px; }
h1 { font-size: 21px; margin: 4px 0 14px; }
h2 { font-size: 17px; margin: 22px 0 8px; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border: 1px solid #dde3ea; padding: 6px 9px; text-align: left; vertical-align: top; }
th { background: #eef2f6; font-weight: 600; white-space: nowrap; }
tr.changed td { background: #fff8e1; }
.field { margin: 0 0 12px; }
.field label { display: block; font-weight: 600; margin-bottom: 3px; }
.field input, .field select, .field textarea { font: inherit; padding: 5px 8px; min-width: 260px;
  border: 1px solid #b8c2cc; border-radius: 3px; background: #fff; }
.field textarea { width: 100%; max-width: 720px; }
.field input[name=online_url], .field input[name=name], .field input[name=fees] { width: 100%; max-width: 460px; }
.field .hint { color: #5b6775; margin-left: 8px; font-size: 13px; }
.field.has-error input, .field.has-error select, .field.has-error textarea { border-color: #c62828;
  background: #fff6f6; }
.field .error { display: block; color: #c62828; font-weight: 600; }
table.rows { margin: 0 0 12px; }
table.rows th, table.rows td { padding: 4px 6px; }
table.rows td.no { width: 3em; text-align: center; color: #5b6775; }
table.rows input, table.rows select, table.rows textarea { font: inherit; width: 100%; padding: 3px 6px;
  border: 1px solid #b8c2cc; border-radius: 3px; background: #fff; }
table.rows select { min-width: 7.5em; }
table.rows textarea { min-width: 34em; }
table.rows input.num { width: 4.6em; min-width: 4.6em; }
table.rows input.wide { min-width: 22em; }
table.rows input.date { min-width: 8.5em; }
table.rows input.mid { min-width: 7.5em; }
table.rows input.time-range { min-width: 7em; }
table.rows td.has-error input, table.rows td.has-error select, table.rows td.has-error textarea {
  border-color: #c62828; background: #fff6f6; }
table.rows .error { display: block; color: #c62828; font-weight: 600; font-size: 13px; }
.row { display: flex; gap: 18px; flex-wrap: wrap; }
.panel { background: #fff; border: 1px solid #dde3ea; border-radius: 4px; padding: 14px 18px;
         margin-bottom: 16px; }
button, .button { font: inherit; padding: 6px 16px; border-radius: 3px; border: 1px solid #8a96a3;
  background: #fff; color: #1d2733; cursor: pointer; text-decoration: none; display: inline-block; }
button.primary, .button.primary { background: #b22222; border-color: #b22222; color: #fff; }
button.danger { color: #b22222; border-color: #b22222; }
form.inline { display: inline; }
.flash { padding: 8px 12px; background: #e8f5e9; border-left: 4px solid #2e7d32; }
.flash.error, .warning { padding: 8px 12px; background: #fff3e0; border-left: 4px solid #e65100; }
.errors { padding: 8px 12px; background: #ffebee; border-left: 4px solid #c62828; }
.errors li { font-family: monospace; }
.tag { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: 13px; }
.tag.a { background: #e3f2fd; } .tag.b { background: #ede7f6; } .tag.sub { background: #fff3e0; }
.tag.off { background: #ffebee; color: #b71c1c; } .tag.urgent { background: #c62828; color: #fff; }
.muted { color: #5b6775; }
tr.attention td { background: #ffebee; color: #b71c1c; } tr.attention td a { color: #b71c1c; }
.tag.on { background: #e8f5e9; color: #1b5e20; } .tag.down { background: #c62828; color: #fff; }
.diff ins { background: #e8f5e9; text-decoration: none; } .diff del { background: #ffebee; }
pre.xml { background: #fff; border: 1px solid #dde3ea; padding: 8px; white-space: pre-wrap;
          max-height: 320px; overflow: auto; font-size: 13px; }
img.preview { max-width: 100%; border: 1px solid #8a96a3; margin: 6px 0 14px; }
img.thumb { width: 120px; height: auto; border: 1px solid #8a96a3; display: block; }
img.shot { max-width: min(100%, 960px); border: 1px solid #8a96a3; }
td.attention { background: #ffebee; color: #b71c1c; }
.field img.photo { display: block; border: 1px solid #b8c2cc; margin: 0 0 6px; }
.field input[type=file] { border: 0; padding-left: 0; margin-left: 8px; }
.login { max-width: 380px; margin: 60px auto; }
)css";
  return css;
}

const std::string& console_js() {
  static const std::string js = R"js(
// Optional comfort; every page works without it.
document.addEventListener('submit', function (e) {
  var msg = e.target.getAttribute('data-confirm');
  if (msg && !window.confirm(msg)) e.preventDefault();
});
)js";
  return js;
}

}  // namespace hb::console
