#!/usr/bin/env bash
# Builds the Debian package from a configured build folder (cpack) and checks it: the version is the project's,
# the dependencies were computed (dpkg-shlibdeps) and name the shared libraries the binary links, and every file
# `cmake --install` promises is in it. Usage: tools/check-package.sh [BUILD_DIR]   (default build)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
cmake --build "$build" --target caas-advisor caas_docs
(cd "$build" && cpack -G DEB >/dev/null)
version=$(sed -n 's/^project(caas-advisor VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
deb=$(ls "$build"/caas-advisor_"$version"_*.deb)
failed=0
fail() { echo "check-package: $*" >&2; failed=1; }

[[ $(dpkg-deb -f "$deb" Version) == "$version" ]] || fail "version is not $version"
depends=$(dpkg-deb -f "$deb" Depends)
# Each shared library the binary needs is provided by a package the .deb depends on.
while read -r lib path; do
  package=""
  for candidate in "$path" "$(readlink -f "$path")" "/usr$path"; do
    package=$(dpkg -S "$candidate" 2>/dev/null | head -1 | cut -d: -f1) && [[ -n $package ]] && break
  done
  [[ -n $package ]] || { fail "no package provides $lib ($path)"; continue; }
  grep -qF -e "$package (" -e "$package," <<<"$depends, " || fail "Depends ($depends) does not name $package (for $lib)"
done < <(ldd "$build/caas-advisor" | awk '$2 == "=>" && $3 ~ /^\// {print $1, $3}')
files=$(dpkg-deb -c "$deb" | awk '{print $6}')
for path in ./usr/bin/caas-advisor ./usr/share/man/man1/caas-advisor.1 \
  ./usr/share/bash-completion/completions/caas-advisor ./usr/share/zsh/vendor-completions/_caas-advisor \
  ./usr/share/fish/vendor_completions.d/caas-advisor.fish ./usr/share/caas-advisor/schemas/report.schema.json \
  ./usr/share/caas-advisor/schemas/workload.schema.json ./usr/share/doc/caas-advisor/LICENSE \
  ./usr/share/doc/caas-advisor/README.md ./usr/share/doc/caas-advisor/CHANGELOG.md; do
  grep -qxF "$path" <<<"$files" || fail "$path is not in the package"
done
[[ $failed == 0 ]] || exit 1
echo "check-package: $(basename "$deb"): version $version, Depends: $depends; $(wc -l <<<"$files") entries" >&2
