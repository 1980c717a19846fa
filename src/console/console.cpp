// The Console's own state: its settings read from the store, and the
// drafts read once and shared until a record changes. Dispatch (which
// route, who may) is routes.cpp's.
#include "console/console.h"

#include <iostream>

#include "console/auth.h"
#include "console/play_report.h"

namespace hb::console {

Console::Console(store::Store& store, ConsoleOptions options, Clock clock)
    : store_(store),
      options_(std::move(options)),
      clock_(std::move(clock)),
      decoy_hash_(hash_password(random_token()).value_or("")) {
  sweep_plays_if_due();  // at serve's start, then daily from the heartbeats
}

int Console::utc_offset_minutes() {
  const auto stored = store_.setting("utc_offset_minutes");
  if (stored && *stored) {
    try {
      return std::stoi(**stored);
    } catch (const std::exception&) {
    }
  }
  return model::kDefaultUtcOffsetMinutes;
}

void Console::log(const std::string& line) const {
  if (options_.log) {
    options_.log(line);
  } else {
    std::cerr << "hallboard console: " << line << '\n';
  }
}

namespace {

// In batches, the store free between them: heartbeats keep coming while a
// day of 500 screens' lines (~3M) goes.
store::Result<std::int64_t> delete_raw_plays(store::Store& store, std::int64_t cutoff) {
  std::int64_t lines = 0;
  for (;;) {
    const auto gone = store.delete_plays_received_before(cutoff);
    if (!gone) return gone;
    lines += *gone;
    if (*gone < store::kPlaysDeletedAtOnce) return lines;
  }
}

}  // namespace

void Console::sweep_plays_if_due() {
  const std::int64_t t = now();
  {
    std::lock_guard lock(plays_sweep_mutex_);
    if (last_plays_sweep_ && t - *last_plays_sweep_ < kRetentionSweepEvery) return;
    last_plays_sweep_ = t;
  }
  const auto days = store_.delete_play_days_before(plays_retention_cutoff(t, utc_offset_minutes()));
  if (!days) return log("proof of play retention: " + days.error().message);
  const auto lines = delete_raw_plays(store_, t - store::kRawPlaysKept);
  if (!lines) return log("proof of play retention: " + lines.error().message);
  if (*lines > 0 || *days > 0) {
    log("proof of play retention: deleted " + std::to_string(*lines) + " lines received over 40 days ago, " +
        std::to_string(*days) + " daily sums older than 13 months");
  }
}

PublishSettings Console::publish_settings() {
  PublishSettings s;
  s.feeds_dir = options_.data_dir / "feeds";
  const auto hall = store_.setting("hall_id");
  if (hall && *hall) s.hall_id = **hall;
  s.utc_offset_minutes = utc_offset_minutes();
  s.signer = options_.signer;
  s.one_at_a_time = &publish_mutex_;
  return s;
}

base::Result<std::shared_ptr<const ReadContent>, std::string> Console::drafts() {
  const auto generation = store_.drafts_generation();
  if (!generation) return generation.error().message;
  const PublishSettings settings = publish_settings();
  std::lock_guard lock(drafts_cache_->mutex);
  DraftsCache& c = *drafts_cache_;
  if (c.content && c.generation == *generation && c.hall_id == settings.hall_id &&
      c.utc_offset == settings.utc_offset_minutes) {
    return c.content;
  }
  // Read after the generation: a change in between makes the next request read again.
  auto records = store_.all_records();
  if (!records) return records.error().message;
  c.content = std::make_shared<const ReadContent>(
      draft_reader_->read(*records, settings.hall_id, settings.utc_offset_minutes));
  c.generation = *generation;
  c.hall_id = settings.hall_id;
  c.utc_offset = settings.utc_offset_minutes;
  return c.content;
}

}  // namespace hb::console
