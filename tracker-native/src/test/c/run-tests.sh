#!/usr/bin/env bash
# Builds and runs the C tests of libmemraynative.so under LD_PRELOAD (run by the Maven build
# in the test phase). Usage: run-tests.sh SKIP LIBRARY BUILD_DIRECTORY
# (SKIP: anything but "falsefalse", from -DskipTests / -Dmaven.test.skip, skips them).
set -uo pipefail
if [ "$1" != "falsefalse" ]; then
  echo "C tests skipped"
  exit 0
fi
lib="$2"
build="$3/c-tests"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$build"
${CC:-gcc} -std=gnu11 -Wall -Wextra -Werror -O2 -fno-builtin -fno-omit-frame-pointer -rdynamic \
  -I"$here/../../main/c" -o "$build/test_native" "$here/test_native.c" \
  "$lib" -Wl,-rpath,"$(dirname "$lib")" -lpthread -ldl || exit 1

status=0
LD_PRELOAD="$lib" timeout 180 "$build/test_native" || status=1
LD_PRELOAD="$lib" timeout 60 "$build/test_native" disabled || status=1
# 64 threads x 1,000,000 allocations and frees each (64 M in all), drained meanwhile; a watchdog
# (alarm, 300 s) fails a deadlock with a message. About 60 s on 2 cores (87 s of CPU time),
# longer when other work shares them.
# MEMRAY_STRESS_ALLOCATIONS sets the allocations per thread.
LD_PRELOAD="$lib" timeout 400 "$build/test_native" stress 64 "${MEMRAY_STRESS_ALLOCATIONS:-1000000}" 300 \
  || status=1
# A process that preloads the library and knows nothing of it (a child of the tracked program).
if [ "$(LD_PRELOAD="$lib" sh -c 'echo preloaded-child-ok | tr a-z A-Z')" != "PRELOADED-CHILD-OK" ]; then
  echo "FAIL a plain child process under LD_PRELOAD"
  status=1
else
  echo "ok   a plain child process under LD_PRELOAD runs unchanged"
fi
exit $status
