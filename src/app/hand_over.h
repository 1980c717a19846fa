// `hallboard` links neither curl nor SDL, so that it starts in a few
// milliseconds: lint of local files, the editors' everyday command, costs
// no more than xmllint. What needs either (run, render, plan, an http(s)
// feed, a font lookup for a rare character) runs in hallboard-screen, the
// full program, which `hallboard` execs with the same arguments before it
// has printed anything (docs/cli.md, "Two programs").
#pragma once

namespace hb::app {

// What a command returns, instead of an exit status, when it has met
// something only hallboard-screen can do. It has printed nothing.
inline constexpr int kHandOver = -1;

// Replaces this process with hallboard-screen, same PID and arguments
// (systemd's NotifyAccess=main keeps working). Returns only when that fails,
// after one line on standard error naming the program and the reason: 2.
int hand_over(char** argv);
// The same for `hallboard console …`: hallboard-console, which alone links
// SQLite, the HTTP server and libsodium.
int hand_over_to_console(char** argv);

}  // namespace hb::app
