#!/usr/bin/env bash
# Runs the JMH suite of the benchmarks module with fixed options, commits nothing, and writes the run's summary
# and docs/BENCHMARKS.md.
#
#   scripts/run-benchmarks.sh              build, run everything (~65 minutes on 2 cores), write summary and report
#   scripts/run-benchmarks.sh --quick      short iterations, a smoke test of the pipeline (~7 minutes); writes only under
#                                          benchmarks/target/
#   scripts/run-benchmarks.sh --report     only regenerate docs/BENCHMARKS.md from the newest committed summary
#
# JMH's raw JSON, its console logs and the machine description go to benchmarks/target/jmh/ (never committed).
# benchmarks/summarize.py reduces them to one row per figure in benchmarks/results/DATE-jdkN.tsv (the committed
# record of the run: a later run on the same day and JDK replaces it), and benchmarks/report.py writes the report
# from that summary, so every ratio in it compares figures of one run on one machine.
#
# The JDK: $JAVA_HOME's if set, else the java on the PATH; it also builds the jar. On Java 22+ the patomic engine
# calls native code through FFM (JNA below 22; ATOMICS_BENCH_BINDING=jna forces JNA on 22+ for a comparison).
#
# The Redis rows (RedisCounters: atomics-redis against Spring Data Redis's RedisAtomicLong) need Debian's
# redis-server (apt-get install redis-server): the script starts one on a free port of 127.0.0.1, without
# persistence, and stops it afterwards.
#
# The ZooKeeper rows (ZookeeperCounters: atomics-zookeeper against Curator's DistributedAtomicLong) need nothing
# installed: each fork starts a standalone ZooKeeper server of its own (fsync on) from the jar. With
# ATOMICS_BENCH_ZOOKEEPER=host:port,... they run against that ensemble instead.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

MODE=full
case "${1:-}" in
  --quick) MODE=quick ;;
  --report) MODE=report ;;
  "") ;;
  *) echo "usage: $0 [--quick|--report]" >&2; exit 2 ;;
esac

RAW="$ROOT/benchmarks/target/jmh"
SUMMARIES="$ROOT/benchmarks/results"
REPORT="$ROOT/docs/BENCHMARKS.md"
if [ "$MODE" = quick ]; then
  # a smoke test never overwrites the committed summaries and report
  SUMMARIES="$ROOT/benchmarks/target/results-quick"
  REPORT="$ROOT/benchmarks/target/BENCHMARKS-quick.md"
fi
JAR="$ROOT/benchmarks/target/benchmarks.jar"

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAVA_FEATURE=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
# Options of the JMH JVM, which its forks inherit (they add their @Fork arguments, native access among them):
# Java 23+ warns when JMH itself uses sun.misc.Unsafe; 17 knows no such flag.
JAVA_OPTS=()
if [ "${JAVA_FEATURE:-17}" -ge 23 ]; then
  JAVA_OPTS+=(--sun-misc-unsafe-memory-access=allow)
fi
case "${ATOMICS_BENCH_BINDING:-auto}" in
  auto) ;;
  jna | ffm) JAVA_OPTS+=("-Datomics.native.binding=$ATOMICS_BENCH_BINDING") ;;
  *) echo "ATOMICS_BENCH_BINDING must be auto, jna or ffm" >&2; exit 2 ;;
esac

# Fixed JMH options: three forks per benchmark (run-to-run noise here is 9-21%: one fork hides it), 2 x 1 s
# warm-up and 3 x 1 s measurement each (~20 s per benchmark with the forks' start-up; 176 benchmark runs in all,
# counting parameters: 139 single-thread, 21 two-thread, 8 Redis and 8 ZooKeeper).
if [ "$MODE" = quick ]; then
  JMH_OPTS=(-f 1 -wi 1 -w 200ms -i 2 -r 200ms)
else
  JMH_OPTS=(-f 3 -wi 2 -w 1s -i 3 -r 1s)
fi
# Single-thread benchmarks (ns/op), all run with the gc profiler: it only reads allocation counters between
# iterations, and gives gc.alloc.rate.norm (B/op) for every figure.
SINGLE='dev\.atomics\.benchmarks\.(Ours|AtomicLong|VarHandle|Agrona|JnaNaive)Width[1248](Mixed)?\.|dev\.atomics\.benchmarks\.(JnaFloor(Arity)?|BridgeFloor|Width16Calls)\.|dev\.atomics\.benchmarks\.(Ours|Synchronized|StampedLock)Width16\.|dev\.atomics\.benchmarks\.SharedWidth8\.'
# Two threads on one counter (ops/us), width 16 included (ContendedWidth16).
CONTENDED='dev\.atomics\.benchmarks\.Contended'
# A counter on a Redis key against RedisAtomicLong (us/op), on the redis-server started below.
REDIS='dev\.atomics\.benchmarks\.RedisCounters\.'
# A counter on a znode against Curator's DistributedAtomicLong (us/op), on a server each fork starts.
ZOOKEEPER='dev\.atomics\.benchmarks\.ZookeeperCounters\.'

if [ "$MODE" != report ]; then
  echo "== building the benchmarks jar"
  # From a clean module: the shade plugin would otherwise merge into the last run's uber-jar and keep its
  # (stale) copies of atomics-core's classes.
  rm -rf "$ROOT/benchmarks/target"
  mvn -q -B -Pbenchmarks -pl benchmarks -am package -DskipTests
  mkdir -p "$RAW" "$SUMMARIES"

  loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
  {
    echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "nproc=$(nproc)"
    echo "cpu=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)"
    echo "kernel=$(uname -sr)"
    echo "java=$("$JAVA" -version 2>&1 | tr '\n' ' ' | sed 's/  */ /g')"
    echo "java_options=${JAVA_OPTS[*]}"
    echo "jmh_options=${JMH_OPTS[*]}"
    echo "mode=$MODE"
    echo "loadavg_start=$(loadavg)"
  } > "$RAW/machine.properties"

  # Runs JMH, keeps its console output in a log and shows only which benchmark is running.
  run_jmh() {
    local json=$1 log=$2 rc
    shift 2
    set +e
    "$JAVA" "${JAVA_OPTS[@]}" -jar "$JAR" "${JMH_OPTS[@]}" -foe true -rf json -rff "$json" "$@" 2>&1 \
      | tee "$log" | grep --line-buffered -E '^# (Benchmark|Parameters): '
    rc=${PIPESTATUS[0]}
    set -e
    if [ "$rc" -ne 0 ]; then
      echo "JMH failed (exit $rc); see $log" >&2
      exit "$rc"
    fi
  }

  echo "== single thread (with -prof gc)"
  run_jmh "$RAW/single.json" "$RAW/single.log" -prof gc "$SINGLE"
  echo "== two threads, one counter"
  run_jmh "$RAW/contended.json" "$RAW/contended.log" "$CONTENDED"

  echo "== Redis: a counter on a key, against RedisAtomicLong (local redis-server)"
  command -v redis-server >/dev/null || { echo "redis-server is not installed (apt-get install redis-server)" >&2; exit 1; }
  REDIS_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
    > "$RAW/redis-server.log" 2>&1 &
  REDIS_PID=$!
  trap 'kill "$REDIS_PID" 2>/dev/null || true' EXIT
  for _ in $(seq 100); do
    redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  echo "redis=$(redis-server --version | sed 's/ sha=.*//')" >> "$RAW/machine.properties"
  ATOMICS_BENCH_REDIS_PORT=$REDIS_PORT run_jmh "$RAW/redis.json" "$RAW/redis.log" "$REDIS"
  kill "$REDIS_PID"
  wait "$REDIS_PID" 2>/dev/null || true
  trap - EXIT

  echo "== ZooKeeper: a counter on a znode, against Curator's DistributedAtomicLong (server in each fork)"
  # the versions the jar bundles (the server runs from it too)
  jar_version() { unzip -p "$JAR" "META-INF/maven/$1/pom.properties" 2>/dev/null | sed -n 's/^version=//p'; }
  echo "zookeeper=$(jar_version org.apache.zookeeper/zookeeper)" >> "$RAW/machine.properties"
  echo "curator=$(jar_version org.apache.curator/curator-recipes)" >> "$RAW/machine.properties"
  if [ -n "${ATOMICS_BENCH_ZOOKEEPER:-}" ]; then
    echo "zookeeper_ensemble=$ATOMICS_BENCH_ZOOKEEPER" >> "$RAW/machine.properties"
  fi
  run_jmh "$RAW/zookeeper.json" "$RAW/zookeeper.log" "$ZOOKEEPER"
  echo "loadavg_end=$(loadavg)" >> "$RAW/machine.properties"
  JDK=$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  SUMMARY="$SUMMARIES/$(date -u +%Y-%m-%d)-jdk$JDK.tsv"
  echo "== writing $SUMMARY"
  python3 "$ROOT/benchmarks/summarize.py" --machine "$RAW/machine.properties" --out "$SUMMARY" \
    "$RAW/single.json" "$RAW/contended.json" "$RAW/redis.json" "$RAW/zookeeper.json"
else
  SUMMARY=$(ls "$SUMMARIES"/*.tsv | sort | tail -1)
fi

echo "== writing $REPORT from $SUMMARY"
python3 "$ROOT/benchmarks/report.py" --summary "$SUMMARY" --out "$REPORT"
echo "done: $SUMMARY, $REPORT"
