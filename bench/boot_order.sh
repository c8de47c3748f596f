#!/usr/bin/env bash
# Writes cli/boot-order.txt: the functions of wasmix that boots and short commands run,
# the most sampled first. The linker lays them out together at the start of the code
# (cli/build.rs), so that a boot faults in and maps a few hundred kilobytes of code instead
# of pieces of all 21 MB. Names the file holds that a build no longer has are skipped, so
# an old list only loses some of its effect; run this again after changes that move much
# of the boot. Needs Linux `perf`.
set -euo pipefail
cd "$(dirname "$0")/.."

wasmix=$PWD/target/release/wasmix
if [ "${1:-}" = --workload ]; then
    work=$2
    for _ in $(seq ${BOOT_ORDER_RUNS:-600}); do
        "$wasmix" --ephemeral --cache-dir "$work/cache" --mount "$work/data:/data" \
            -c 'cd /data && wc -l input && wc -w input'
        "$wasmix" --ephemeral --cache-dir "$work/cache" --mount "$work/data:/data" \
            -c 'cd /data && grep -c one input; grep -v one input; sed s/a/b/g input; tr a-z A-Z < input; cut -f2 input; uniq -c input; base64 input; seq 1 3; sort input; diff input input || true'
        "$wasmix" --ephemeral --cache-dir "$work/cache" --mount "$work/data:/data" \
            -c "cd /data && awk '{ n += NF } END { print n }' input; gzip -c input | bzip2 -c | wc -c; echo hi | cat; ls / > /dev/null; x=\$(printf %s a); [ \"\$x\" = a ]"
        echo 'for i in 1 2; do echo $((i + 1)); done' | "$wasmix" --ephemeral --cache-dir "$work/cache"
        "$wasmix" --version
    done > /dev/null 2>&1
    exit 0
fi

cargo build --release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/data"
printf 'one\ttwo\nthree\tfour\none\ttwo\n' > "$work/data/input"
perf record -q -e cpu-clock:u -F 50000 -o "$work/perf.data" -- "$0" --workload "$work"
# Code of /bin runs in place from the artifacts built in (data, not functions to order).
perf report -i "$work/perf.data" --no-demangle --dsos wasmix --sort sym -g none 2> /dev/null |
    awk '/%/ { print $3 }' | grep -v -e '^0x' -e 'precompiled.*ARTIFACT' > cli/boot-order.txt
echo "cli/boot-order.txt: $(wc -l < cli/boot-order.txt) functions"
