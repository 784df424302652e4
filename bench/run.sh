#!/usr/bin/env bash
# Runs the benchmarks and prints the table of results (see bench/RESULTS.md).
#   bench/run.sh [--runs N] [--seconds S] [--rows 1,2,...] [--bursts N] [--out FILE] [--smoke]
#   bench/run.sh --jmh [JMH options]        the JMH micro-benchmarks (e.g. ScreenLayoutBenchmark)
# Builds the project first when its jars are missing, installs heaptrack when it is missing and
# this is a root shell with apt-get; async-profiler comes from Maven Central with the build.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"

# Builds the modules the benchmarks run (not the Maven plugin) when a jar is missing or the
# benchmarks' sources changed since their jar was made.
bench_jar=bench/target/memray-bench-0.1.0-SNAPSHOT.jar
if [[ ! -f cli/target/memray-cli.jar || ! -f "$bench_jar" || ! -d bench/target/lib ]] \
    || [[ -n "$(find bench/src bench/pom.xml -newer "$bench_jar" -type f 2>/dev/null | head -1)" ]]; then
  echo "bench: building (mvn -q install -DskipTests -pl bench -am)" >&2
  mvn -q install -DskipTests -pl bench -am
fi

if ! command -v heaptrack >/dev/null; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "bench: installing heaptrack" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq heaptrack >/dev/null
  else
    echo "bench: heaptrack is not installed; its rows are skipped" >&2
  fi
fi

# The JVM of $JAVA_HOME when set, else the one on the PATH; every measured run uses it too.
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cp="bench/target/classes:bench/target/lib/*"
if [[ "${1:-}" == "--jmh" ]]; then
  shift
  exec "$java" -cp "$cp" org.openjdk.jmh.Main "$@"
fi
exec "$java" -Dmemray.root="$root" -cp "$cp" io.github.memrayjvm.bench.Bench "$@"
