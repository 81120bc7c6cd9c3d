#!/usr/bin/env bash
# Installs what building and testing caas-advisor needs on Debian 12, and nothing that is already there.
set -eu
packages=(g++ cmake ninja-build git libyaml-cpp-dev libyaml-dev libcli11-dev nlohmann-json3-dev libfmt-dev catch2 libexpected-dev)
if [ "${1:-}" = "--dev" ]; then
  # For CI (.ci/run): fuzzing, static checks, the shells and groff that test the completions and the manual page,
  # the Debian package tools, and ccache; and the browser test of the HTML page (ctest's `browser`, skipped without
  # it): Chromium, and a font for its screenshots.
  packages+=(clang clang-format clang-tidy libclang-rt-14-dev zsh fish groff-base man-db dpkg-dev file ccache chromium
             fonts-dejavu-core)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
