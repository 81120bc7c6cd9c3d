#!/usr/bin/env bash
# Builds caas-advisor and runs every test, as CI does (.ci/run runs this after tools/install-deps.sh --dev):
#   release  the shipped binary, Release (-O2) with warnings as errors: build/caas-advisor
#   asan     the test suite and the binary under AddressSanitizer and UndefinedBehaviorSanitizer (Debug): build-asan/
#   test     every test (ctest); the end-to-end tests run the sanitized binary
#   shipped  the end-to-end tests again, running the shipped binary
# The tests are compiled once, in the sanitized build. ccache is used when it is installed.
set -eu
cd "$(dirname "$0")/.."
source tools/step.sh
config=(-G Ninja)
if command -v ccache >/dev/null; then
  config+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  # Hits across checkouts in different folders (a CI clone, a worktree): paths relative to the checkout.
  export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=1
fi
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

step release-configure cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "${config[@]}" >/dev/null
step release-build cmake --build build --target caas-advisor caas_docs
step asan-configure cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCAAS_SANITIZE=ON "${config[@]}" >/dev/null
step asan-build cmake --build build-asan
step test ctest --test-dir build-asan --output-on-failure --parallel "$(nproc)"
step shipped env CAAS_TEST_BINARY="$PWD/build/caas-advisor" build-asan/tests/caas_tests "[e2e]"
