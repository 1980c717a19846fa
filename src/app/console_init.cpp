// hallboard console init: a new console in DIR from the given feeds.
#include <filesystem>
#include <iostream>
#include <map>

#include "app/console_options.h"
#include "console/assets.h"
#include "console/auth.h"
#include "console/drafts.h"
#include "console/feed_files.h"
#include "console/feed_records.h"
#include "feed/encoding.h"
#include "feed/feed.h"

namespace hb::app {

namespace {

namespace fs = std::filesystem;

struct GivenFeeds {
  std::vector<console::NamedFeed> utf8;  // decoded, for the records
  console::ReadContent checked;
};

// Reads and lints the feeds as `hallboard lint` does; nothing when a file
// cannot be read (after a message).
std::optional<GivenFeeds> read_given_feeds(const std::vector<std::string>& paths) {
  std::vector<console::NamedFeed> raw;
  for (const std::string& p : paths) {
    std::error_code ec;
    auto bytes = fs::is_regular_file(p, ec) ? console::read_whole_file(p) : std::nullopt;
    if (!bytes) {
      std::cerr << "hallboard console init: cannot read " << p << "\n";
      return std::nullopt;
    }
    raw.push_back({p, std::move(*bytes)});
  }
  GivenFeeds out;
  out.checked = console::read_feeds(raw, model::kDefaultUtcOffsetMinutes);
  for (const auto& f : raw) {
    model::Diagnostics ignored;  // the parser has reported on it already
    const auto decoded = feed::decode(f.bytes, f.name, ignored);
    out.utf8.push_back({f.name, decoded ? decoded->utf8 : f.bytes});
  }
  return out;
}

std::vector<store::Record> records_of(const std::vector<console::NamedFeed>& feeds,
                                      std::string& hall_id) {
  std::vector<store::Record> out;
  for (const auto& f : feeds) {
    std::string hall;
    for (auto& r : console::records_from_feed(f.bytes, console::random_key, &hall)) {
      out.push_back(std::move(r));
    }
    if (hall_id.empty()) hall_id = hall;
  }
  std::map<std::string, std::int64_t> next;
  for (store::Record& r : out) r.position = ++next[r.kind];
  return out;
}

// The database with the imported records and the admin; its password, or
// nothing after a message.
std::optional<std::string> make_state(store::Store& db, const GivenFeeds& feeds,
                                      std::int64_t now) {
  std::string hall_id;
  const auto records = records_of(feeds.utf8, hall_id);
  const auto password = console::random_password();
  const auto hash = console::hash_password(password);
  if (!hash) {
    std::cerr << "hallboard console init: cannot hash a password (out of memory?)\n";
    return std::nullopt;
  }
  for (const auto& failed :
       {db.replace_records(records, "import", "init", now).ok() ? std::string()
                                                                : std::string("records"),
        db.set_setting("hall_id", hall_id).ok() ? std::string() : std::string("settings"),
        db.add_user("admin", store::Role::admin, *hash, now).ok() ? std::string()
                                                                  : std::string("the admin")}) {
    if (!failed.empty()) {
      std::cerr << "hallboard console init: cannot store " << failed << "\n";
      return std::nullopt;
    }
  }
  return password;
}

// The pictures the feeds name by relative paths, from beside each feed.
bool import_pictures(store::Store& db, const std::vector<std::string>& paths, const fs::path& data,
                     std::int64_t now) {
  std::vector<model::Feed> feeds;
  for (const auto& p : paths) {
    model::Diagnostics ignored;  // linted already
    const auto bytes = console::read_whole_file(p);
    if (!bytes) continue;
    if (auto feed = feed::parse_feed(*bytes, p, ignored)) feeds.push_back(std::move(*feed));
  }
  std::vector<std::string> problems;
  const auto pictures = console::read_local_assets(feeds, problems);
  for (const auto& p : problems) std::cerr << "hallboard console init: warning: " << p << "\n";
  for (const auto& a : pictures) {
    if (auto put = db.put_asset(a, "init", now); !put) {
      std::cerr << "hallboard console init: " << put.error().message << "\n";
      return false;
    }
  }
  if (auto failed = console::write_assets(data / "feeds", pictures)) {
    std::cerr << "hallboard console init: " << *failed << "\n";
    return false;
  }
  return true;
}

int publish_first_version(store::Store& db, const fs::path& data, const console::Signer& signer,
                          std::int64_t now) {
  const auto records = db.all_records();
  std::string hall_id;
  if (const auto h = db.setting("hall_id"); h && *h) hall_id = **h;
  const console::PublishSettings settings{data / "feeds", hall_id, model::kDefaultUtcOffsetMinutes,
                                          signer};
  const auto published =
      records ? console::publish_records(db, *records, settings, std::nullopt, "admin", now)
              : base::Result<console::Published, console::PublishError>(console::PublishError{});
  if (published) return 0;
  for (const auto& m : published.error().messages) std::cerr << m << "\n";
  std::cerr << "hallboard console init: the imported content could not be published\n";
  return 1;
}

}  // namespace

int console_init(const ConsoleOptions& options) {
  const fs::path data = options.data();
  std::error_code ec;
  if (fs::exists(database_path(data), ec)) {
    std::cerr << "hallboard console init: " << data.string()
              << " already holds a console (console.db); nothing was changed\n";
    return 2;
  }
  const auto feeds = read_given_feeds(options.words);
  if (!feeds) return 2;
  if (feeds->checked.has_errors()) {
    for (const auto& d : feeds->checked.findings) std::cout << model::format_diagnostic(d) << "\n";
    std::cerr << "hallboard console init: the feeds have errors (above); nothing was created\n";
    return 1;
  }
  // What init makes is removed again if it fails halfway, so DIR can be
  // used for the next try (init refuses a DIR that holds a console).
  const bool data_existed = fs::exists(data, ec);
  struct Undo {
    fs::path data;
    bool data_existed;
    bool armed = true;
    ~Undo() {
      if (!armed) return;
      std::error_code ignored;
      if (!data_existed) {
        fs::remove_all(data, ignored);
        return;
      }
      for (const char* name : {"console.db", "console.db-wal", "console.db-shm", "feeds.key", "feeds.pub"}) {
        fs::remove(data / name, ignored);
      }
      fs::remove_all(data / "feeds", ignored);
    }
  } undo{data, data_existed};
  fs::create_directories(data / "feeds", ec);
  if (ec) {
    std::cerr << "hallboard console init: cannot create " << (data / "feeds").string() << ": "
              << ec.message() << "\n";
    return 2;
  }
  if (options.named.count("--key") && !install_key(options.named.at("--key"), data)) return 2;
  const auto signer = data_signer(data);
  if (!signer) return 2;
  auto db = store::Store::create(database_path(data).string());
  if (!db) {
    std::cerr << "hallboard console init: " << db.error().message << "\n";
    return 2;
  }
  const std::int64_t now = wall_clock();
  const auto password = make_state(*db, *feeds, now);
  if (!password || !import_pictures(*db, options.words, data, now)) return 2;
  if (!options.words.empty()) {
    if (const int status = publish_first_version(*db, data, *signer, now)) return status;
  }
  undo.armed = false;
  std::cout << "admin password: " << *password << "\n";
  return 0;
}

}  // namespace hb::app
