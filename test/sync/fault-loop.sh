#!/usr/bin/env bash
# Runs the sync fault tests N times in a row (default 20), each run a fresh vitest process with
# its own PostgreSQL, and prints how many passed: `bash test/sync/fault-loop.sh 20`.
# Logs of failed runs are kept in $TMPDIR/privacyops-fault-loop-<run>.log.
set -uo pipefail
cd "$(dirname "$0")/../.."
n="${1:-20}"
passed=0
for i in $(seq 1 "$n"); do
  log="${TMPDIR:-/tmp}/privacyops-fault-loop-$i.log"
  if bash scripts/with-keyring.sh npx vitest run test/sync/faults.test.ts >"$log" 2>&1; then
    passed=$((passed + 1))
    rm -f "$log"
    echo "run $i: passed"
  else
    echo "run $i: FAILED (see $log)"
  fi
done
echo "fault tests: $passed/$n passed"
[ "$passed" -eq "$n" ]
