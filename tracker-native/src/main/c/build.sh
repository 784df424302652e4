#!/usr/bin/env bash
# Builds libmemraynative.so (run by the Maven build; can be run by hand).
# Usage: build.sh OUTPUT_FILE JAVA_HOME
set -euo pipefail
out="$1"
java_home="$2"
here="$(cd "$(dirname "$0")" && pwd)"
include="$java_home/include"
if [ ! -f "$include/jni.h" ]; then
  echo "memray native build: no JNI headers in $include (a JDK, not a JRE, is needed)" >&2
  exit 1
fi
mkdir -p "$(dirname "$out")"
${CC:-gcc} -std=gnu11 -Wall -Wextra -Werror -O2 -fPIC -fno-omit-frame-pointer \
  -fvisibility=hidden -I"$include" -I"$include/linux" -shared -Wl,-z,defs -Wl,--as-needed \
  -o "$out" "$here/hooks.c" "$here/core.c" "$here/unwind_rules.c" "$here/jni.c" -ldl -lm -lpthread -lgcc_s
