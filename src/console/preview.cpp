#include "console/preview.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <pugixml.hpp>
#include <thread>

#include "console/assets.h"
#include "console/feed_files.h"

extern char** environ;

namespace hb::console {

namespace {

namespace fs = std::filesystem;


// A player config naming the feeds by file, so render fetches nothing.
std::string preview_config(const PreviewRequest& r, const fs::path& dir) {
  pugi::xml_document doc;
  pugi::xml_node player = doc.append_child("player");
  player.append_attribute("screen") = r.screen.c_str();
  player.append_attribute("timezone") = model::offset_string(r.utc_offset_minutes).c_str();
  for (const auto& f : r.feeds) player.append_child("feed").append_attribute("url") = (dir / f.name).c_str();
  player.append_child("cache").append_attribute("dir") = (dir / "cache").c_str();
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

// Runs `args` with stdout and stderr into `log`; its exit status, or an
// error after killing it when it outlives `limit`.
base::Result<int, PreviewError> run_child(const std::vector<std::string>& args, const fs::path& log,
                                          std::chrono::milliseconds limit) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  // The child gets none of the console's sockets or files, and the signals
  // the console blocks (SIGTERM, SIGINT) are its own again.
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (rc != 0) return PreviewError{"cannot start " + args[0] + ": " + std::strerror(rc)};
  const auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return PreviewError{"预览超时（超过 " + std::to_string(limit.count() / 1000) + " 秒），已停止"};
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::vector<PreviewPage> collect_pages(const fs::path& out) {
  std::vector<PreviewPage> pages;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(out, ec)) {
    if (entry.path().extension() != ".png") continue;
    PreviewPage p;
    p.name = entry.path().stem().string();
    p.png = read_whole_file(entry.path()).value_or("");
    p.text = read_whole_file(fs::path(entry.path()).replace_extension(".txt")).value_or("");
    pages.push_back(std::move(p));
  }
  std::sort(pages.begin(), pages.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return pages;
}

struct RemoveDir {
  fs::path dir;
  ~RemoveDir() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

}  // namespace

std::optional<std::pair<int, int>> parse_size(const std::string& text) {
  const auto x = text.find('x');
  if (x == std::string::npos) return std::nullopt;
  try {
    std::size_t used = 0;
    const int w = std::stoi(text.substr(0, x), &used);
    if (used != x) return std::nullopt;
    const int h = std::stoi(text.substr(x + 1), &used);
    if (used != text.size() - x - 1) return std::nullopt;
    if (w < 320 || h < 240 || w > 8192 || h > 8192) return std::nullopt;
    return std::pair(w, h);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

base::Result<Preview, PreviewError> render_preview(const fs::path& program, const fs::path& work_dir,
                                                   const PreviewRequest& request,
                                                   std::chrono::milliseconds limit) {
  std::error_code ec;
  fs::create_directories(work_dir / "out", ec);
  if (ec) return PreviewError{"cannot create " + work_dir.string() + ": " + ec.message()};
  const RemoveDir cleanup{work_dir};
  for (const auto& f : request.feeds) {
    if (auto failed = write_file_atomically(work_dir, f.name, f.bytes)) return PreviewError{*failed};
  }
  for (const auto& p : request.pictures) {
    if (!is_asset_name(p.name)) continue;  // never a path out of work_dir
    const auto target = work_dir / p.name;
    fs::create_directories(target.parent_path(), ec);
    if (auto failed = write_file_atomically(target.parent_path(), target.filename().string(), p.bytes)) {
      return PreviewError{*failed};
    }
  }
  if (auto failed = write_file_atomically(work_dir, "player.xml", preview_config(request, work_dir))) {
    return PreviewError{*failed};
  }
  const std::string config = (work_dir / "player.xml").string();
  const std::string size = std::to_string(request.width) + "x" + std::to_string(request.height);
  std::vector<std::string> args = {program.string(), "render", "--config", config, "--at", request.at,
                                   "--size", size, "--out", (work_dir / "out").string()};
  if (request.max_pages > 0) {
    args.insert(args.end(), {"--pages", std::to_string(request.max_pages)});
  }
  const auto rendered = run_child(args, work_dir / "render.log", limit);
  if (!rendered) return rendered.error();
  Preview out;
  out.pages = collect_pages(work_dir / "out");
  if (out.pages.empty()) {
    return PreviewError{"没有画出任何页面：" + read_whole_file(work_dir / "render.log").value_or("")};
  }
  const auto planned = run_child({program.string(), "plan", "--config", config, "--at", request.at,
                                  "--minutes", "30"},
                                 work_dir / "plan.log", limit);
  out.plan = read_whole_file(work_dir / "plan.log").value_or("");
  return out;
}

}  // namespace hb::console
