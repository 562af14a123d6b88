#!/usr/bin/env bash
# Runs the jcstress litmus tests of the JVM engine's memory-order mapping (module jcstress, profile jcstress) and
# writes docs/JCSTRESS.md from the results. Not part of the test command: jcstress needs minutes of both cores.
#
#   scripts/run-jcstress.sh            build, run every test (~5 minutes on 2 cores), write the report
#
# Options (fixed, so that runs compare; JCSTRESS_ARGS replaces them): jcstress's "quick" preset with 5 iterations
# of 300 ms per fork and two forks per test on the default JVM (tiered, C2): a normal one and one with C2's
# scheduling randomizers (-XX:+StressLCM and friends), each with the whole test compiled as one (-sc false).
# jcstress's defaults also run 8 JVM flag sets (-Xint, C1 only, no tiering, ...) and every interpreter/C1/C2
# combination of the actors: about 70 times as many forks, hours here.
#   scripts/run-jcstress.sh --report   only regenerate docs/JCSTRESS.md from the last results
#   JCSTRESS_MODE=default scripts/run-jcstress.sh   a longer run (jcstress's own presets: sanity, quick,
#                                      default, tough, stress)
#
# Results: jcstress's HTML report, binary results (jcstress-results-*.bin.gz: jcstress writes them to its working
# directory, so it runs in the results directory) and console log (console.log) under jcstress/results/, which git
# ignores; the committed summary, docs/JCSTRESS.md, is generated from the console log by jcstress/report.py.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

MODE=run
rc=0
case "${1:-}" in
  --report) MODE=report ;;
  "") ;;
  *) echo "usage: $0 [--report]" >&2; exit 2 ;;
esac

RESULTS="$ROOT/jcstress/results"
LOG="$RESULTS/console.log"
JCSTRESS_MODE=${JCSTRESS_MODE:-quick}
read -r -a JCSTRESS_ARGS <<< "${JCSTRESS_ARGS:--sc false -iters 5 -time 300}"

if [ "$MODE" = run ]; then
  echo "== building the jcstress jar"
  # from a clean module: the shade plugin would otherwise keep the last uber-jar's copies of atomics-core
  rm -rf "$ROOT/jcstress/target"
  mvn -q -B -Pjcstress -pl jcstress -am package -DskipTests
  rm -rf "$RESULTS"
  mkdir -p "$RESULTS"
  {
    echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "nproc=$(nproc)"
    echo "cpu=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)"
    echo "java=$(java -version 2>&1 | head -1)"
    echo "mode=$JCSTRESS_MODE"
    echo "options=-m $JCSTRESS_MODE -c 2 ${JCSTRESS_ARGS[*]}"
    echo "loadavg_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  } > "$RESULTS/machine.properties"
  echo "== running (mode $JCSTRESS_MODE)"
  set +e
  # -jvmArgs: one JVM flag set (see above); --enable-native-access: JNA (the patomic neighbour test) loads
  # native code, and Java 24+ would warn
  (cd "$RESULTS" && java -jar "$ROOT/jcstress/target/jcstress.jar" -v -m "$JCSTRESS_MODE" -c 2 "${JCSTRESS_ARGS[@]}" \
    -r "$RESULTS" -jvmArgs "--enable-native-access=ALL-UNNAMED" -t 'dev\.atomics\.jcstress\.' > "$LOG" 2>&1)
  rc=$?
  set -e
  echo "loadavg_end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS/machine.properties"
  tail -5 "$LOG"
  if [ "$rc" -ne 0 ]; then
    echo "jcstress exited with $rc (a FORBIDDEN outcome or an error); see $LOG and $RESULTS/index.html" >&2
  fi
fi

python3 "$ROOT/jcstress/report.py" --log "$LOG" --machine "$RESULTS/machine.properties" --out "$ROOT/docs/JCSTRESS.md"
echo "done: docs/JCSTRESS.md"
exit "$rc"
