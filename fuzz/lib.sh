# Sourced by the fuzz/run_*.sh scripts: builds one libFuzzer target of the
# core alone (no tests, renderer or benchmarks) in build-fuzz/, with clang.
# Usage: build_fuzz_target TARGET SCRIPT_NAME
build_fuzz_target() {
  command -v clang++ >/dev/null || { echo "$2 needs clang (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
  CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHALLBOARD_FUZZ=ON \
    -DHALLBOARD_TESTS=OFF -DHALLBOARD_RENDER=OFF -DHALLBOARD_BENCH=OFF -DHALLBOARD_SANITIZE=ON >/dev/null
  cmake --build build-fuzz --target "$1"
}
