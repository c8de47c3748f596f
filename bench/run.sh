#!/usr/bin/env bash
# Measures wasmix against its baselines (bash, GNU coreutils, native programs) in one run
# and writes the table into BENCHMARKS.md between the markers.
set -euo pipefail
cd "$(dirname "$0")/.."
table=$(cargo bench --bench compare 2>/dev/null | grep '^|')
machine="$(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d)"
python3 - "$table" "$machine" <<'PY'
import re, sys
table, machine = sys.argv[1], sys.argv[2]
text = open("BENCHMARKS.md").read()
block = f"<!-- results -->\nMeasured on {machine}:\n\n{table}\n<!-- /results -->"
text = re.sub(r"<!-- results -->.*<!-- /results -->", block, text, flags=re.S)
open("BENCHMARKS.md", "w").write(text)
PY
echo "BENCHMARKS.md updated:"
echo "$table"
