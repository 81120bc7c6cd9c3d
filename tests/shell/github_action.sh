#!/usr/bin/env bash
# The GitHub Action's run step (tools/github-action.sh, as action.yml calls it) with the inputs a workflow gives:
# the command line it builds, its outputs, the job summary, and the exit code it passes on.
# Usage: github_action.sh CAAS_ADVISOR (from the project root)
set -u
tool=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failed=0
fail() { echo "FAIL: $*"; failed=1; }
run_action() {
  : >"$dir/output"
  : >"$dir/summary"
  GITHUB_OUTPUT=$dir/output GITHUB_STEP_SUMMARY=$dir/summary tools/github-action.sh run "$tool" >"$dir/stdout" 2>"$dir/stderr"
}

# A clean folder: exit 0, annotations on standard output, the markdown in the summary, the report paths as outputs.
INPUT_COMMAND=recommend INPUT_PATHS="examples/photo-thumbnailer.yaml examples/orders-api.yaml" \
  INPUT_FORMATS="github markdown=$dir/report.md json=$dir/report.json" INPUT_FAIL_ON="" INPUT_ARGS="--region us-east-1" \
  INPUT_SUMMARY=true run_action
code=$?
[[ $code == 0 ]] || fail "recommend exited $code: $(cat "$dir/stderr")"
grep -qx "exit-code=0" "$dir/output" || fail "no exit-code=0 output"
grep -qx "markdown=$dir/report.md" "$dir/output" || fail "no markdown output"
grep -qx "json=$dir/report.json" "$dir/output" || fail "no json output"
grep -q '"workloads": 2' "$dir/report.json" || fail "the JSON report does not hold both workloads"
cmp -s "$dir/report.md" "$dir/summary" || fail "the job summary is not the markdown report"
grep -q '^::notice' "$dir/stdout" || fail "no annotations on standard output"

# The gate: a workload whose runs_on cannot run it fails the step with the tool's exit code, 1.
printf 'name: big-job\nkind: job\nruns_on: lambda\nexecution:\n  duration: {typical: 2h}\n' >"$dir/big-job.yaml"
INPUT_COMMAND=check INPUT_PATHS="$dir/big-job.yaml" INPUT_FORMATS="github" INPUT_SUMMARY=false run_action
code=$?
[[ $code == 1 ]] || fail "check on an infeasible runs_on exited $code, not 1"
grep -qx "exit-code=1" "$dir/output" || fail "no exit-code=1 output"
grep -q '^::error' "$dir/stdout" || fail "no error annotation"
[[ ! -s $dir/summary ]] || fail "summary: false still wrote the job summary"

# diff, as the pull-request recipe of docs/ci.md runs it: the markdown comment with its marker, and the gate.
INPUT_COMMAND=diff INPUT_PATHS="tests/fixtures/diff/base/services/orders.yaml tests/fixtures/diff/head/services/orders.yaml" \
  INPUT_FORMATS="github markdown=$dir/diff.md" INPUT_ARGS="--fail-on-cost-increase 1USD" INPUT_SUMMARY=false run_action
code=$?
[[ $code == 1 ]] || fail "diff over the cost gate exited $code, not 1: $(cat "$dir/stderr")"
grep -qx "exit-code=1" "$dir/output" || fail "no exit-code=1 output for diff"
[[ $(head -n 1 "$dir/diff.md") == '<!-- caas-advisor-diff -->' ]] || fail "the diff's markdown does not start with its marker"

# A command the Action does not run is refused.
INPUT_COMMAND=rules INPUT_PATHS=. run_action
code=$?
[[ $code == 2 ]] || fail "command rules exited $code, not 2"

[[ $failed == 0 ]] && echo "github action: outputs, summary and exit codes as a workflow sees them"
exit $failed
