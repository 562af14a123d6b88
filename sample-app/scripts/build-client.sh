#!/usr/bin/env bash
# Builds the sample's C client of the shared counter with the machine's C compiler.
#
#   sample-app/scripts/build-client.sh [OUTPUT]      default OUTPUT: sample-app/target/jobs_client
#
# Compiler: $CC if set, else cc, gcc or clang. Links -lrt where shm_open lives there (glibc < 2.34).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
module="$(dirname "$here")"
source_file="$module/src/main/c/jobs_client.c"
output="${1:-$module/target/jobs_client}"

if [[ -n "${CC:-}" ]]; then
  read -r -a compiler <<<"$CC"
else
  compiler=()
  for candidate in cc gcc clang; do
    if command -v "$candidate" >/dev/null 2>&1; then
      compiler=("$candidate")
      break
    fi
  done
  if [[ ${#compiler[@]} -eq 0 ]]; then
    echo "build-client.sh: no C compiler found (cc, gcc or clang); install one, e.g. apt-get install gcc" >&2
    exit 1
  fi
fi

mkdir -p "$(dirname "$output")"
flags=(-std=c11 -O2 -Wall -Wextra)

# Try without -lrt first (glibc >= 2.34, musl and macOS have shm_open in libc); fall back to -lrt.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if "${compiler[@]}" "${flags[@]}" -o "$output" "$source_file" >"$log" 2>&1; then
  cat "$log" >&2
elif ! "${compiler[@]}" "${flags[@]}" -o "$output" "$source_file" -lrt; then
  echo "build-client.sh: compiling $source_file failed; without -lrt:" >&2
  cat "$log" >&2
  exit 1
fi
echo "built $output"
