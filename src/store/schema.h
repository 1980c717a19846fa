// The database schema as a list of migrations; PRAGMA user_version says how
// many have run. A new build adds migrations, never edits old ones.
#pragma once

#include "store/sqlite.h"

namespace hb::store {

int schema_version();
// Runs the migrations the file lacks, each in its own transaction. Throws
// SqliteFailure for a file from a newer build (user_version too high).
void migrate(Database& db);

}  // namespace hb::store
