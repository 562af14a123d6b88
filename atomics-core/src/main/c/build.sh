#!/usr/bin/env bash
# Builds atomics-core's native libraries:
#   <out>/<JNA resource prefix>/libpatomic.<so|dylib>          the bundled patomic-ABI implementation
#   <out>/<JNA resource prefix>/libatomics_bridge.<so|dylib>   the JNA call bridge
#   <out>/<JNA resource prefix>/libatomics_guard.<so|dylib>    the fault guard of shared mappings (signal
#                                                              handler; never unloaded: -z nodelete)
# for this machine (its C compiler), and on Linux x86-64 also for linux-aarch64 with Debian's cross
# compiler (gcc-aarch64-linux-gnu), so that one jar serves both.
# Usage: bash build.sh <outputDirectory>   (Maven passes target/classes)
# Environment:
#   CC                   the compiler for this machine (default: cc, then gcc, then clang)
#   CC_AARCH64           the aarch64 cross compiler (default: aarch64-linux-gnu-gcc)
#   ATOMICS_NATIVE_CROSS auto (default): build linux-aarch64 if the cross compiler is installed,
#                          else warn and skip it;
#                        aarch64: the linux-aarch64 libraries are required (CI): fail without the
#                          cross compiler;
#                        none: build only for this machine.
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
cross=${ATOMICS_NATIVE_CROSS:-auto}
case "$cross" in
    auto | aarch64 | none) ;;
    *)
        echo "ERROR: ATOMICS_NATIVE_CROSS must be auto, aarch64 or none, not '$cross'" >&2
        exit 2
        ;;
esac

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

# ---- up to date? ------------------------------------------------------------------------------
# Rebuild when an output is missing or any source (C files, headers, this script) is newer.
up_to_date() {
    local target=$1
    [ -f "$target" ] || return 1
    [ -z "$(find "$here" -type f \( -name '*.c' -o -name '*.h' -o -name 'build.sh' \) \
        -newer "$target" -print -quit)" ]
}

# ---- compile ----------------------------------------------------------------------------------
# Warnings are errors: the C code keeps -Wall -Wextra clean on every compiler that builds it.
flags=(-std=c11 -O2 -fPIC -shared -Wall -Wextra -Werror -fvisibility=hidden -I"$here/include")

compile() { # <output> <soname> <source> <suffix> <compiler words...>; extra link flags in $extra_link
    local output=$1 soname=$2 source=$3 lib_suffix=$4 tmp
    shift 4
    local link=()
    if [ "$lib_suffix" = so ]; then
        link=(-Wl,-soname,"$soname" ${extra_link:-})
    else
        link=(-Wl,-install_name,"@rpath/$soname")
    fi
    tmp=$output.tmp.$$
    if ! "$@" "${flags[@]}" -o "$tmp" "$source" "${link[@]}"; then
        rm -f "$tmp"
        echo "ERROR: atomics-core: compiling $source with $* failed" >&2
        exit 1
    fi
    mv -f "$tmp" "$output"
}

build_target() { # <resource prefix> <suffix> <compiler words...>
    local target_prefix=$1 lib_suffix=$2
    shift 2
    local dir=$out_root/$target_prefix
    local lib_patomic=$dir/libpatomic.$lib_suffix lib_bridge=$dir/libatomics_bridge.$lib_suffix
    local lib_guard=$dir/libatomics_guard.$lib_suffix
    if up_to_date "$lib_patomic" && up_to_date "$lib_bridge" && up_to_date "$lib_guard"; then
        return 0
    fi
    mkdir -p "$dir"
    # upstream's SONAME (install name on macOS), so that a program linked against this library runs
    # against a system-installed upstream patomic 1.x, and the other way round, with no rename
    local patomic_soname=libpatomic.so.1
    if [ "$lib_suffix" = dylib ]; then
        patomic_soname=libpatomic.1.dylib
    fi
    compile "$lib_patomic" "$patomic_soname" "$here/patomic.c" "$lib_suffix" "$@"
    compile "$lib_bridge" "libatomics_bridge.$lib_suffix" "$here/atomics_bridge.c" "$lib_suffix" "$@"
    # a signal handler's code must outlive every thread that may take the signal: never unloaded
    extra_link=-Wl,-z,nodelete compile "$lib_guard" "libatomics_guard.$lib_suffix" "$here/atomics_guard.c" \
        "$lib_suffix" "$@"
    echo "atomics-core: built native libraries in $dir ($1)"
}

# shellcheck disable=SC2206  # CC may hold several words on purpose
cc_words=($cc_cmd)
build_target "$prefix" "$suffix" "${cc_words[@]}"

# ---- linux-aarch64, cross-compiled from linux-x86-64 --------------------------------------------
if [ "$prefix" = linux-x86-64 ] && [ "$cross" != none ]; then
    # shellcheck disable=SC2206
    cross_words=(${CC_AARCH64:-aarch64-linux-gnu-gcc})
    if command -v "${cross_words[0]}" >/dev/null 2>&1; then
        build_target linux-aarch64 so "${cross_words[@]}"
    elif [ "$cross" = aarch64 ]; then
        echo "ERROR: atomics-core: ATOMICS_NATIVE_CROSS=aarch64 but the aarch64 cross compiler" \
             "'${cross_words[0]}' is not installed; install it (Debian: apt-get install" \
             "gcc-aarch64-linux-gnu libc6-dev-arm64-cross) or set CC_AARCH64" >&2
        exit 1
    else
        echo "WARNING: atomics-core: no aarch64 cross compiler ('${cross_words[0]}'): the jar" \
             "will have no linux-aarch64 libraries. Install gcc-aarch64-linux-gnu (Debian) to" \
             "build them, or set ATOMICS_NATIVE_CROSS=none to silence this." >&2
        # never package aarch64 libraries built from older sources than the x86-64 ones
        for stale in "$out_root/linux-aarch64/libpatomic.so" "$out_root/linux-aarch64/libatomics_bridge.so" \
                "$out_root/linux-aarch64/libatomics_guard.so"; do
            if [ -f "$stale" ] && ! up_to_date "$stale"; then
                rm -f "$stale"
                echo "WARNING: atomics-core: removed the out-of-date $stale" >&2
            fi
        done
        rmdir "$out_root/linux-aarch64" 2>/dev/null || true
    fi
fi
