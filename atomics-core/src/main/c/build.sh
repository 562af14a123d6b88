#!/usr/bin/env bash
# Builds atomics-core's native libraries with the machine's C compiler:
#   <out>/<JNA resource prefix>/libpatomic.<so|dylib>          the bundled patomic-ABI implementation
#   <out>/<JNA resource prefix>/libatomics_bridge.<so|dylib>   the JNA call bridge
# Usage: bash build.sh <outputDirectory>   (Maven passes target/classes)
# Environment: CC picks the compiler (default: cc, then gcc, then clang).
set -euo pipefail

if [ "$#" -ne 1 ] || [ -z "$1" ]; then
    echo "usage: bash $0 <outputDirectory>" >&2
    exit 2
fi
out_root=$1
script=${BASH_SOURCE[0]}
case "$script" in
    */*) here=${script%/*} ;;
    *) here=. ;;
esac
here=$(cd "$here" && pwd)

# ---- compiler ---------------------------------------------------------------------------------
cc_cmd=
if [ -n "${CC:-}" ]; then
    cc_cmd=$CC
else
    for candidate in cc gcc clang; do
        if command -v "$candidate" >/dev/null 2>&1; then
            cc_cmd=$candidate
            break
        fi
    done
fi
if [ -z "$cc_cmd" ] || ! command -v "${cc_cmd%% *}" >/dev/null 2>&1; then
    echo "ERROR: atomics-core needs a C compiler (cc/gcc/clang) to build its native library;" \
         "install one, e.g. apt-get install gcc${cc_cmd:+ (CC=$cc_cmd was not found)}" >&2
    exit 1
fi

# ---- JNA resource prefix (com.sun.jna.Platform.RESOURCE_PREFIX) and library suffix -------------
os=$(uname -s)
arch=$(uname -m)
case "$arch" in
    x86_64 | amd64) jna_arch=x86-64 ;;
    aarch64 | arm64) jna_arch=aarch64 ;;
    i386 | i486 | i586 | i686) jna_arch=x86 ;;
    armv*) jna_arch=arm ;;
    *) jna_arch=${arch//_/-} ;;
esac
case "$os" in
    Darwin)
        prefix=darwin-$jna_arch
        suffix=dylib
        ;;
    *)
        prefix=linux-$jna_arch
        suffix=so
        ;;
esac

out_dir=$out_root/$prefix
patomic_lib=$out_dir/libpatomic.$suffix
bridge_lib=$out_dir/libatomics_bridge.$suffix

# ---- up to date? ------------------------------------------------------------------------------
# Rebuild when an output is missing or any source (C files, headers, this script) is newer.
up_to_date() {
    local target=$1
    [ -f "$target" ] || return 1
    [ -z "$(find "$here" -type f \( -name '*.c' -o -name '*.h' -o -name 'build.sh' \) \
        -newer "$target" -print -quit)" ]
}
if up_to_date "$patomic_lib" && up_to_date "$bridge_lib"; then
    exit 0
fi

# ---- compile ----------------------------------------------------------------------------------
mkdir -p "$out_dir"
# shellcheck disable=SC2206  # CC and CFLAGS may hold several words on purpose
cc_words=($cc_cmd)
flags=(-std=c11 -O2 -fPIC -shared -Wall -Wextra -Werror -fvisibility=hidden -I"$here/include")

compile() { # <output> <soname> <source>
    local output=$1 soname=$2 source=$3 tmp
    local link=()
    if [ "$suffix" = so ]; then
        link=(-Wl,-soname,"$soname")
    else
        link=(-Wl,-install_name,"@rpath/$soname")
    fi
    tmp=$output.tmp.$$
    if ! "${cc_words[@]}" "${flags[@]}" -o "$tmp" "$source" "${link[@]}"; then
        rm -f "$tmp"
        echo "ERROR: atomics-core: compiling $source with ${cc_words[*]} failed" >&2
        exit 1
    fi
    mv -f "$tmp" "$output"
}

compile "$patomic_lib" "libpatomic.$suffix" "$here/patomic.c"
compile "$bridge_lib" "libatomics_bridge.$suffix" "$here/atomics_bridge.c"
echo "atomics-core: built native libraries in $out_dir (${cc_words[0]})"
