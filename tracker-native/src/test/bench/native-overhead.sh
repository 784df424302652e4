#!/usr/bin/env bash
# Overhead of the native tracker on a malloc-heavy Java program (NativeChurn: Deflater,
# Inflater, small direct buffers), against the untracked run and heaptrack, in alternating runs.
# Run after `mvn -pl tracker-native -am verify` from the repository root:
#   bash tracker-native/src/test/bench/native-overhead.sh [runs] [rounds] [java]
# For each run: the loop's wall time, the loop thread's CPU time, and the whole process tree's
# CPU time (JVM start-up, tracking set-up, heaptrack's interpreter included). Prints medians and
# ratios to the untracked run; no assertions (machines differ, shared machines are noisy).
set -euo pipefail
runs="${1:-5}"
rounds="${2:-20000}"
java="${3:-java}"
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
cp="$root/tracker-native/target/classes:$root/tracker-native/target/test-classes:$root/api/target/classes:$root/testkit/target/classes:$root/examples/target/classes"
lib="$(ls "$root"/tracker-native/target/classes/io/github/memrayjvm/tracker/natives/linux-*/libmemraynative.so)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
driver=io.github.memrayjvm.tracker.natives.NativeDriver

# measure NAME COMMAND...: runs it, appends "wall cpu process" to $work/NAME.
measure() {
  local name="$1"; shift
  /usr/bin/time -f "process=%U %S" -o "$work/time" "$@" > "$work/out" 2>/dev/null
  local wall cpu process
  wall=$(grep -o 'elapsedMillis=[0-9]*' "$work/out" | cut -d= -f2)
  cpu=$(grep -o 'cpuMillis=[0-9]*' "$work/out" | cut -d= -f2)
  process=$(awk -F'[= ]' '/process=/ {printf "%d", ($2 + $3) * 1000}' "$work/time")
  echo "$wall $cpu $process" >> "$work/$name"
  printf '  %-10s loop %6s ms wall, %6s ms cpu; process %6s ms cpu\n' "$name" "$wall" "$cpu" "$process"
}

for ((i = 1; i <= runs; i++)); do
  echo "run $i"
  measure untracked "$java" -Xmx512m -cp "$cp" $driver churn "$rounds"
  measure native env LD_PRELOAD="$lib" "$java" -Xmx512m -agentpath:"$lib" -cp "$cp" $driver churn-tracked "$rounds"
  measure heaptrack heaptrack -o "$work/ht" "$java" -Xmx512m -cp "$cp" $driver churn "$rounds"
  rm -f "$work"/ht*
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
for column in 1 2 3; do
  label=$(echo "loop-wall loop-cpu process-cpu" | cut -d' ' -f$column)
  u=$(cut -d' ' -f$column "$work/untracked" | median)
  t=$(cut -d' ' -f$column "$work/native" | median)
  h=$(cut -d' ' -f$column "$work/heaptrack" | median)
  awk -v l="$label" -v u="$u" -v t="$t" -v h="$h" 'BEGIN {
    printf "median %-11s untracked %7.0f ms | native %7.0f ms (%.2fx) | heaptrack %7.0f ms (%.2fx)\n", l, u, t, t / u, h, h / u }'
done
