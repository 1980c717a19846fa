// What the console's subcommands share: their options, the data folder's
// layout and the wall clock (the one place the console reads it).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "console/publisher.h"
#include "store/store.h"

namespace hb::app {

inline constexpr const char* kConsoleUsage =
    "usage:\n"
    "  hallboard console init --data DIR [--key FEEDS.key] [FEED.xml ...]\n"
    "  hallboard console serve --data DIR [--listen ADDR:PORT] [--url BASE]\n"
    "  hallboard console user add NAME --role editor|approver|admin --data DIR\n"
    "  hallboard console screen add ID --data DIR [--url BASE]\n";

// --name VALUE options and the words left over.
struct ConsoleOptions {
  std::map<std::string, std::string> named;
  std::vector<std::string> words;
  std::filesystem::path data() const { return named.at("--data"); }
  std::string get(const std::string& name, const std::string& fallback) const {
    const auto it = named.find(name);
    return it == named.end() ? fallback : it->second;
  }
};

// DATA/console.db, DATA/feeds/, DATA/feeds.key and DATA/feeds.pub.
std::filesystem::path database_path(const std::filesystem::path& data);
std::filesystem::path private_key_path(const std::filesystem::path& data);
std::filesystem::path public_key_path(const std::filesystem::path& data);
// The base64 line of DATA/feeds.pub (written by init --key); "" when it is
// missing or not an Ed25519 key.
std::string public_key_base64(const std::filesystem::path& data);

std::int64_t wall_clock();

// The store in DATA, or nothing after one line on standard error.
std::optional<store::Store> open_console_store(const std::filesystem::path& data);

// The signer for DATA's key, if it has one. Nothing (after a message) when
// the key is there but unusable; an empty Signer when there is none.
std::optional<console::Signer> data_signer(const std::filesystem::path& data);

// Copies an Ed25519 private key into DATA (mode 0600) with its public
// half beside it; false after a message when it is not such a key.
bool install_key(const std::filesystem::path& key, const std::filesystem::path& data);

int console_init(const ConsoleOptions& options);
int console_serve(const ConsoleOptions& options);
int console_user_add(const ConsoleOptions& options);
int console_screen_add(const ConsoleOptions& options);

}  // namespace hb::app
