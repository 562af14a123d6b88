#!/usr/bin/env bash
# CPU profile of JMH benchmarks with async-profiler, where JMH's own perfnorm/perfasm cannot run (machines without
# hardware counters or hsdis). async-profiler comes from Maven Central (tools.profiler:async-profiler, its jar
# carries the native agent per platform); it samples the CPU clock, so it is not biased to safepoints as
# -prof stack is, and it names inlined Java frames and native ones (the bridge, patomic) alike.
#
#   scripts/profile-benchmark.sh REGEX [JMH options...]
#   scripts/profile-benchmark.sh 'OursWidth16\.load$'
#   scripts/profile-benchmark.sh 'OursWidth8\.load$' -p engine=JVM
#
# One fork, 3 x 1 s warm-up and measurement unless the options say otherwise. Prints, per benchmark, the hottest
# frames ("flat") and where the full text profile is (benchmarks/target/profile/, never committed). The JDK:
# $JAVA_HOME's if set, else the java on the PATH. Builds benchmarks/target/benchmarks.jar if it is missing
# (run scripts/run-benchmarks.sh --quick, or delete the jar, after changing the code).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

if [ $# -lt 1 ]; then
  echo "usage: $0 REGEX [JMH options...]" >&2
  exit 2
fi

ASYNC_PROFILER_VERSION=4.1
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) PLATFORM=linux-x64 ;;
  Linux-aarch64) PLATFORM=linux-arm64 ;;
  *) echo "$0: async-profiler's jar has no agent for $(uname -s)-$(uname -m)" >&2; exit 2 ;;
esac

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAVA_FEATURE=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
JAVA_OPTS=()
if [ "${JAVA_FEATURE:-17}" -ge 23 ]; then
  # JMH, and Maven's Guava, use sun.misc.Unsafe, which Java 23+ warns about
  JAVA_OPTS+=(--sun-misc-unsafe-memory-access=allow)
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi

JAR="$ROOT/benchmarks/target/benchmarks.jar"
if [ ! -f "$JAR" ]; then
  echo "== building the benchmarks jar"
  mvn -q -B -Pbenchmarks -pl benchmarks -am package -DskipTests
fi

PROFILER="$ROOT/benchmarks/target/profiler"
AGENT="$PROFILER/$PLATFORM/libasyncProfiler.so"
if [ ! -f "$AGENT" ]; then
  echo "== fetching async-profiler $ASYNC_PROFILER_VERSION from Maven Central"
  mvn -q -B dependency:copy -Dartifact="tools.profiler:async-profiler:$ASYNC_PROFILER_VERSION" \
    -DoutputDirectory="$PROFILER"
  (cd "$PROFILER" && unzip -q -o "async-profiler-$ASYNC_PROFILER_VERSION.jar" "$PLATFORM/*")
fi


OUT="$ROOT/benchmarks/target/profile"
mkdir -p "$OUT"
regex=$1
shift
"$JAVA" "${JAVA_OPTS[@]}" -jar "$JAR" "$regex" -f 1 -wi 3 -w 1s -i 3 -r 1s "$@" \
  -prof "async:libPath=$AGENT;event=cpu;output=text;flat=20;dir=$OUT" 2>&1 \
  | sed -n '/^# Benchmark: /p; /ns  percent  samples  top/,/^Async profiler results/p; /^Benchmark /,$p'
echo "full profiles: $OUT/<benchmark>/summary-cpu.txt"
