// The feed-signing key in DATA: init --key copies it there (0600) with its
// public half beside it; serve and init sign every published feed with it.
#include <sys/stat.h>

#include <iostream>
#include <memory>

#include "app/console_options.h"
#include "console/feed_files.h"
#include "net/sign.h"

namespace hb::app {

namespace fs = std::filesystem;

bool install_key(const fs::path& key, const fs::path& data) {
  auto read = net::SigningKey::from_file(key.string());
  if (!read.key) {
    std::cerr << "hallboard console init: " << read.error->message << "\n";
    return false;
  }
  const auto pem = console::read_whole_file(key);
  // The private key is written readable by its owner only, from the start.
  const mode_t old_mask = ::umask(077);
  const auto failed = console::write_file_atomically(data, private_key_path(data).filename(), *pem);
  ::umask(old_mask);
  const auto failed_public = failed ? failed
                                    : console::write_file_atomically(
                                          data, public_key_path(data).filename(), read.key->public_pem());
  if (failed_public) {
    std::cerr << "hallboard console init: " << *failed_public << "\n";
    return false;
  }
  return true;
}

std::optional<console::Signer> data_signer(const fs::path& data) {
  std::error_code ec;
  if (!fs::exists(private_key_path(data), ec)) return console::Signer();
  auto read = net::SigningKey::from_file(private_key_path(data).string());
  if (!read.key) {
    std::cerr << "hallboard console: " << read.error->message << "\n";
    return std::nullopt;
  }
  auto key = std::make_shared<net::SigningKey>(std::move(*read.key));
  return console::Signer(
      [key](std::string_view bytes) -> base::Result<std::string, console::SigningError> {
        auto s = key->sign(bytes);
        if (s.error) return console::SigningError{s.error->message};
        return std::move(s.signature);
      });
}

}  // namespace hb::app
