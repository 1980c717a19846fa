// hallboard console serve: the web UI, the API and the published feeds
// until SIGTERM or SIGINT.
#include <signal.h>

#include <iostream>
#include <thread>

#include "app/console_options.h"
#include "console/assets.h"
#include "console/console.h"
#include "console/server.h"

namespace hb::app {

namespace {

// SIGTERM and SIGINT are blocked in every thread and taken by sigwait in
// one: no handler runs at an awkward moment, and stopping is an ordinary
// function call.
sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

std::string base_url(const ConsoleOptions& options, const console::ListenAddress& listen) {
  std::string url = options.get("--url", "");
  if (url.empty()) {
    const bool v6 = listen.host.find(':') != std::string::npos;
    url = "http://" + (v6 ? "[" + listen.host + "]" : listen.host) + ":" +
          std::to_string(listen.port);
  }
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

// hallboard-screen draws previews: beside this program in a build tree and
// when installed (both live in libexec/hallboard).
std::filesystem::path screen_program() {
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return (ec ? std::filesystem::path(".") : self.parent_path()) / "hallboard-screen";
}

}  // namespace

int console_serve(const ConsoleOptions& options) {
  const auto listen = console::parse_listen_address(options.get("--listen", "127.0.0.1:8080"));
  if (!listen) {
    std::cerr << "hallboard console serve: --listen wants ADDR:PORT, such as 127.0.0.1:8080\n";
    return 2;
  }
  auto db = open_console_store(options.data());
  if (!db) return 2;
  auto signer = data_signer(options.data());
  if (!signer) return 2;
  console::ConsoleOptions settings;
  settings.data_dir = options.data();
  settings.base_url = base_url(options, *listen);
  settings.signer = *signer;
  // The 屏幕 page's player.xml names the key screens check feeds with.
  if (*signer) settings.trust_public_key = public_key_base64(options.data());
  settings.screen_program = screen_program();
  console::Console app(*db, settings, wall_clock);
  const auto pictures = db->assets();
  const auto picture_failure = pictures ? console::write_assets(options.data() / "feeds", *pictures)
                                        : std::optional<std::string>(pictures.error().message);
  if (picture_failure) std::cerr << "hallboard console serve: warning: " << *picture_failure << "\n";
  if (auto failed = console::sync_published_files(*db, app.publish_settings())) {
    std::cerr << "hallboard console serve: " << *failed << "\n";
    return 2;
  }
  const sigset_t signals = stop_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  console::Server server(app);
  if (auto failed = server.bind(*listen)) {
    std::cerr << "hallboard console serve: " << *failed << "\n";
    return 2;
  }
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    server.stop();
  });
  std::cerr << "hallboard console: serving " << settings.base_url << " (data "
            << options.data().string() << ")\n";
  server.run();
  // run() returned on its own (it failed): wake the waiter.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  std::cerr << "hallboard console: stopped\n";
  return 0;
}

}  // namespace hb::app
