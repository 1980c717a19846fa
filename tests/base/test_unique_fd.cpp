// The one owner of a file descriptor: closed once, by whoever owns it last.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <utility>

#include "base/unique_fd.h"

namespace hb::base {
namespace {

bool is_open(int fd) {
  return ::fcntl(fd, F_GETFD) != -1;
}

TEST_CASE("a UniqueFd closes its descriptor once, and a move hands it over") {
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  const int r = ends[0], w = ends[1];
  {
    UniqueFd reader(r);
    UniqueFd writer(w);
    CHECK(reader.valid());
    CHECK(reader.get() == r);
    UniqueFd moved(std::move(reader));
    CHECK_FALSE(reader.valid());  // NOLINT(bugprone-use-after-move): moved from on purpose
    CHECK(moved.get() == r);
    CHECK(is_open(r));
    CHECK(writer.close());  // closed now, and said so
    CHECK_FALSE(writer.valid());
    CHECK_FALSE(is_open(w));
    CHECK(writer.close());  // nothing left to close
    UniqueFd other;
    CHECK_FALSE(other.valid());
    other = std::move(moved);
    CHECK(other.get() == r);
    CHECK(is_open(r));
  }
  CHECK_FALSE(is_open(r));  // the last owner closed it
}

TEST_CASE("assigning over a UniqueFd closes what it held") {
  int a[2], b[2];
  REQUIRE(::pipe(a) == 0);
  REQUIRE(::pipe(b) == 0);
  UniqueFd keep_a1(a[1]), keep_b1(b[1]);
  UniqueFd fd(a[0]);
  fd = UniqueFd(b[0]);
  CHECK_FALSE(is_open(a[0]));
  CHECK(is_open(b[0]));
}

}  // namespace
}  // namespace hb::base
