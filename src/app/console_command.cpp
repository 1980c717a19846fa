#include "app/console_command.h"

#include <algorithm>
#include <chrono>
#include <iostream>

#include "app/console_options.h"

namespace hb::app {

namespace {

std::optional<ConsoleOptions> read_options(const std::vector<std::string>& args, std::size_t first,
                                           const std::vector<std::string>& allowed) {
  ConsoleOptions out;
  for (std::size_t i = first; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.rfind("--", 0) != 0) {
      out.words.push_back(a);
      continue;
    }
    if (std::find(allowed.begin(), allowed.end(), a) == allowed.end()) {
      std::cerr << "hallboard console: unknown option " << a << "\n" << kConsoleUsage;
      return std::nullopt;
    }
    if (i + 1 >= args.size()) {
      std::cerr << "hallboard console: " << a << " needs a value\n" << kConsoleUsage;
      return std::nullopt;
    }
    out.named[a] = args[++i];
  }
  if (!out.named.count("--data") || out.named.at("--data").empty()) {
    std::cerr << "hallboard console: --data DIR is required\n" << kConsoleUsage;
    return std::nullopt;
  }
  return out;
}

// Exactly `count` words (the NAME or ID), else misuse.
bool words_are(const ConsoleOptions& o, std::size_t count, const char* command) {
  if (o.words.size() == count) return true;
  std::cerr << "hallboard console " << command << ": "
            << (o.words.size() < count ? "missing argument" : "unexpected " + o.words[count])
            << "\n"
            << kConsoleUsage;
  return false;
}

}  // namespace

std::filesystem::path database_path(const std::filesystem::path& data) {
  return data / "console.db";
}
std::filesystem::path private_key_path(const std::filesystem::path& data) {
  return data / "feeds.key";
}
std::filesystem::path public_key_path(const std::filesystem::path& data) {
  return data / "feeds.pub";
}

std::int64_t wall_clock() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::optional<store::Store> open_console_store(const std::filesystem::path& data) {
  auto opened = store::Store::open(database_path(data).string());
  if (opened) return std::move(*opened);
  if (opened.error().kind == store::ErrorKind::not_found) {
    std::cerr << "hallboard console: " << data.string()
              << " holds no console; make one with: hallboard console init --data "
              << data.string() << "\n";
  } else {
    std::cerr << "hallboard console: " << opened.error().message << "\n";
  }
  return std::nullopt;
}

int console_command(const std::vector<std::string>& args) {
  const std::string what = args.empty() ? "" : args[0];
  const std::string object = args.size() > 1 ? args[1] : "";
  if (what == "--help" || what == "-h" || what == "help") {
    std::cout << kConsoleUsage;
    return 0;
  }
  if (what == "init") {
    const auto o = read_options(args, 1, {"--data", "--key"});
    return o ? console_init(*o) : 2;
  }
  if (what == "serve") {
    const auto o = read_options(args, 1, {"--data", "--listen", "--url"});
    return o && words_are(*o, 0, "serve") ? console_serve(*o) : 2;
  }
  if (what == "user" && object == "add") {
    const auto o = read_options(args, 2, {"--data", "--role"});
    return o && words_are(*o, 1, "user add") ? console_user_add(*o) : 2;
  }
  if (what == "screen" && object == "add") {
    const auto o = read_options(args, 2, {"--data", "--url"});
    return o && words_are(*o, 1, "screen add") ? console_screen_add(*o) : 2;
  }
  std::cerr << (what.empty() ? "" : "hallboard console: unknown command " + what + "\n")
            << kConsoleUsage;
  return 2;
}

}  // namespace hb::app
