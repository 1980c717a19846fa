// hallboard console user add / screen add: each prints its secret once;
// the database keeps only a hash.
#include <iostream>

#include "app/console_options.h"
#include "console/auth.h"
#include "console/feed_files.h"
#include "console/player_xml.h"

namespace hb::app {

std::string public_key_base64(const std::filesystem::path& data) {
  const auto pem = console::read_whole_file(public_key_path(data)).value_or("");
  std::string line;
  for (std::size_t at = 0; at < pem.size();) {
    const auto end = pem.find('\n', at);
    const std::string l = pem.substr(at, end == std::string::npos ? std::string::npos : end - at);
    if (!l.empty() && l.rfind("-----", 0) != 0) line += l;
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return line.size() == 60 ? line : std::string();
}

int console_user_add(const ConsoleOptions& options) {
  const std::string& name = options.words[0];
  const auto role = store::role_from_name(options.get("--role", ""));
  if (!role) {
    std::cerr << "hallboard console user add: --role must be editor, approver or admin\n"
              << kConsoleUsage;
    return 2;
  }
  if (!console::usable_name(name)) {
    std::cerr << "hallboard console user add: \"" << name
              << "\" cannot be a user name (1-64 bytes, no spaces, quotes or <>&)\n";
    return 2;
  }
  auto db = open_console_store(options.data());
  if (!db) return 2;
  const std::string password = console::random_password();
  const auto hash = console::hash_password(password);
  if (!hash) {
    std::cerr << "hallboard console user add: cannot hash the password (out of memory?)\n";
    return 2;
  }
  const auto added = db->add_user(name, *role, *hash, wall_clock());
  if (!added) {
    std::cerr << "hallboard console user add: " << added.error().message << "\n";
    return added.error().kind == store::ErrorKind::exists ? 1 : 2;
  }
  std::cout << "password: " << password << "\n";
  return 0;
}

int console_screen_add(const ConsoleOptions& options) {
  const std::string& id = options.words[0];
  if (!console::usable_name(id)) {
    std::cerr << "hallboard console screen add: \"" << id
              << "\" cannot be a screen id (1-64 bytes, no spaces, quotes or <>&)\n";
    return 2;
  }
  std::string base = options.get("--url", "http://127.0.0.1:8080");
  while (!base.empty() && base.back() == '/') base.pop_back();
  auto db = open_console_store(options.data());
  if (!db) return 2;
  const std::string token = console::random_token();
  const auto added = db->add_screen(id, console::token_hash(token), wall_clock());
  if (!added) {
    std::cerr << "hallboard console screen add: " << added.error().message << "\n";
    return added.error().kind == store::ErrorKind::exists ? 1 : 2;
  }
  console::PlayerXmlSettings s;
  s.screen = id;
  s.base_url = base;
  s.token = token;
  std::error_code ec;
  if (std::filesystem::exists(public_key_path(options.data()), ec)) {
    s.trust_public_key = public_key_base64(options.data());
    if (s.trust_public_key.empty()) {
      std::cerr << "hallboard console screen add: " << public_key_path(options.data()).string()
                << " is not an Ed25519 public key in PEM\n";
      return 2;
    }
  }
  if (const auto hall = db->setting("hall_id"); hall && *hall) s.hall_id = **hall;
  std::cout << "token: " << token << "\n" << console::player_xml(s);
  return 0;
}

}  // namespace hb::app
