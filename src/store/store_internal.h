// What the store's .cpp files share: running a body under the connection's
// mutex and turning a SQLite failure into an error value.
#pragma once

#include "store/store.h"

namespace hb::store {

Error storage_error(const SqliteFailure& failure);

template <class F>
auto Store::locked(F&& f) -> decltype(f()) {
  std::lock_guard lock(*mutex_);
  try {
    return f();
  } catch (const SqliteFailure& failure) {
    return storage_error(failure);
  }
}

}  // namespace hb::store
