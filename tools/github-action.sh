#!/usr/bin/env bash
# The GitHub Action's steps (action.yml); runnable by hand with the same INPUT_* variables.
#   tools/github-action.sh build BIN   builds one self-contained caas-advisor into BIN: with Docker, from the
#                                      project's Dockerfile (Debian 12); without it (a container job), from source
#                                      with apt (Debian or Ubuntu)
#   tools/github-action.sh run BIN     runs BIN with INPUT_COMMAND, INPUT_PATHS, INPUT_FORMATS, INPUT_FAIL_ON and
#                                      INPUT_ARGS; writes exit-code and the report paths to GITHUB_OUTPUT, appends a
#                                      markdown report to GITHUB_STEP_SUMMARY (INPUT_SUMMARY=true), and exits with
#                                      the tool's exit code
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
action=$1
bin=$2

build() {
  mkdir -p "$(dirname "$bin")"
  if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
    docker build -q -t caas-advisor-action "$here" >/dev/null
    docker run --rm --entrypoint cat caas-advisor-action /usr/local/bin/caas-advisor >"$bin"
  else
    sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends g++ cmake ninja-build libyaml-cpp-dev libyaml-dev \
      libcli11-dev nlohmann-json3-dev libfmt-dev libexpected-dev >/dev/null
    cmake -S "$here" -B "$here/.action-build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCAAS_STATIC=ON \
      -DCAAS_TESTS=OFF -DCAAS_BENCH=OFF -DCAAS_DEV=OFF >/dev/null
    cmake --build "$here/.action-build" --target caas-advisor
    cp "$here/.action-build/caas-advisor" "$bin"
  fi
  chmod +x "$bin"
  "$bin" --version
}

run() {
  local command=${INPUT_COMMAND:-check} args=() format markdown='' code=0
  case $command in
    check | recommend | validate | diff) ;;
    *) echo "::error::caas-advisor action: command must be check, recommend, validate or diff, not '$command'"; exit 2 ;;
  esac
  args+=("$command")
  read -ra paths <<<"${INPUT_PATHS:-.}"
  args+=("${paths[@]}")
  read -ra formats <<<"${INPUT_FORMATS:-github}"
  for format in "${formats[@]}"; do
    args+=(-f "$format")
    [[ $format == markdown=* ]] && markdown=${format#markdown=}
  done
  [[ -n ${INPUT_FAIL_ON:-} ]] && args+=(--fail-on "$INPUT_FAIL_ON")
  read -ra extra <<<"${INPUT_ARGS:-}"
  args+=("${extra[@]}")
  echo "caas-advisor ${args[*]}" >&2
  "$bin" "${args[@]}" || code=$?
  if [[ -n ${GITHUB_OUTPUT:-} ]]; then
    echo "exit-code=$code" >>"$GITHUB_OUTPUT"
    for format in "${formats[@]}"; do
      [[ $format == *=* ]] && echo "${format%%=*}=${format#*=}" >>"$GITHUB_OUTPUT"
    done
  fi
  if [[ -n $markdown && -f $markdown && ${INPUT_SUMMARY:-true} == true && -n ${GITHUB_STEP_SUMMARY:-} ]]; then
    cat "$markdown" >>"$GITHUB_STEP_SUMMARY"
  fi
  exit "$code"
}

case $action in
  build) build ;;
  run) run ;;
  *) echo "usage: $0 build|run BIN" >&2; exit 2 ;;
esac
