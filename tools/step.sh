# Sourced by .ci/run and tools/test.sh. `step NAME COMMAND...` runs COMMAND and then prints, on standard error, its
# wall time and its CPU time (user and system, of it and everything it started), so a slow machine and a slow step
# can be told apart in the log.
step() {
  local name=$1
  shift
  echo "== step $name: $*" >&2
  local TIMEFORMAT="== step $name: %R s wall, %U s user, %S s sys"
  time "$@"
}
