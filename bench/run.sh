#!/usr/bin/env bash
# Runs the benchmarks and prints the table of results (see bench/RESULTS.md).
#   bench/run.sh [--runs N] [--seconds S] [--rows 1,2,...] [--bursts N] [--out FILE] [--smoke]
#   bench/run.sh --jmh [JMH options]        the JMH micro-benchmarks (e.g. ScreenLayoutBenchmark)
# Builds the project first when its jars are missing, installs heaptrack when it is missing and
# this is a root shell with apt-get; async-profiler comes from Maven Central with the build.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"

if [[ ! -f cli/target/memray-cli.jar || ! -d bench/target/lib || ! -d bench/target/classes ]] \
    || [[ -n "$(find bench/src -newer bench/target/classes -type f 2>/dev/null | head -1)" ]]; then
  echo "bench: building (mvn -q install -DskipTests)" >&2
  mvn -q install -DskipTests
fi

if ! command -v heaptrack >/dev/null; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "bench: installing heaptrack" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq heaptrack >/dev/null
  else
    echo "bench: heaptrack is not installed; its rows are skipped" >&2
  fi
fi

cp="bench/target/classes:bench/target/lib/*"
if [[ "${1:-}" == "--jmh" ]]; then
  shift
  exec java -cp "$cp" org.openjdk.jmh.Main "$@"
fi
exec java -Dmemray.root="$root" -cp "$cp" io.github.memrayjvm.bench.Bench "$@"
