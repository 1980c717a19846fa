#include "app/say_command.h"

#include <iostream>

#include "app/load.h"
#include "audio/speech.h"
#include "audio/voice.h"
#include "feed/feed.h"
#include "model/diagnostic.h"

namespace hb::app {
namespace {

constexpr const char* kSayUsage =
    "usage: hallboard say [--config FILE] --ticket TICKET --window NAME\n"
    "       hallboard say [--config FILE] TEXT\n";

// Far longer than anything say plays (an urgent notice is read up to 300
// characters, about a minute): a device that takes longer does not play.
constexpr int kSayTimeoutSeconds = 120;

struct SayArgs {
  std::string config, ticket, window, text;
};

std::optional<SayArgs> parse_say_args(const std::vector<std::string>& args) {
  SayArgs a;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if (args[i] == "--config" && has_value)
      a.config = args[++i];
    else if (args[i] == "--ticket" && has_value)
      a.ticket = args[++i];
    else if (args[i] == "--window" && has_value)
      a.window = args[++i];
    else if (!args[i].starts_with("--") && a.text.empty())
      a.text = args[i];
    else
      return std::nullopt;
  }
  // A call (both halves) or a text, never both, never neither.
  const bool call = !a.ticket.empty() || !a.window.empty();
  if (call == !a.text.empty() || (call && (a.ticket.empty() || a.window.empty())))
    return std::nullopt;
  return a;
}

// The config's <sound>; the defaults without a config, or when it has none
// (so that speakers can be tried before the config gets one).
std::optional<model::Sound> sound_of(const std::string& path) {
  if (path.empty()) return model::Sound{};
  const Loaded loaded = load_source(path, feed::Limits{});
  if (!loaded.bytes) {
    std::cerr << "hallboard say: " << loaded.error << "\n";
    return std::nullopt;
  }
  model::Diagnostics out;
  const auto config = feed::parse_player_config(*loaded.bytes, canonical_location(path), out);
  for (const auto& d : out)
    std::cerr << model::format_diagnostic(d) << "\n";
  // A config with errors is refused (cli.md: status 2), not read halfway:
  // `say` is how IT staff check a screen's sound before it goes live.
  if (!config || model::has_errors(out)) return std::nullopt;
  return config->sound.value_or(model::Sound{});
}

}  // namespace

int say_command(const std::vector<std::string>& args) {
  const auto a = parse_say_args(args);
  if (!a) {
    std::cerr << kSayUsage;
    return 2;
  }
  const auto sound = sound_of(a->config);
  if (!sound) return 2;
  auto speech = audio::Speech::open();
  if (!speech) std::cerr << "hallboard say: " << speech.error() << "\n";
  auto voice = audio::Voice::open(
      *sound, [](const std::string& line) { std::cerr << line << "\n"; },
      speech ? &*speech : nullptr);
  if (!voice) {
    std::cerr << "hallboard say: " << voice.error() << "\n";
    return 1;
  }
  if (a->text.empty())
    (*voice)->say_call(a->ticket, a->window);
  else
    (*voice)->say(schedule::urgent_utterance(a->text));
  if (!(*voice)->wait_idle(kSayTimeoutSeconds)) {
    std::cerr << "hallboard say: the sound device did not play it within " << kSayTimeoutSeconds
              << " s\n";
    return 1;
  }
  return 0;
}

}  // namespace hb::app
