#!/usr/bin/env bash
# Records glibc's locale keywords for the two locales wasmix has, C (also POSIX) and
# C.UTF-8, from this machine's `locale`: keywords.tsv holds, per keyword, its category,
# then for each locale the value as `locale -k` prints it and as plain `locale` does.
set -euo pipefail
cd "$(dirname "$0")"
categories="LC_CTYPE LC_NUMERIC LC_TIME LC_COLLATE LC_MONETARY LC_MESSAGES LC_PAPER LC_NAME
LC_ADDRESS LC_TELEPHONE LC_MEASUREMENT LC_IDENTIFICATION"
for category in $categories; do
  paste <(env -i LC_ALL=C locale -k "$category") <(env -i LC_ALL=C locale "$category") \
    <(env -i LC_ALL=C.UTF-8 locale -k "$category") <(env -i LC_ALL=C.UTF-8 locale "$category") |
    awk -F'\t' -v category="$category" 'BEGIN { OFS = "\t" } {
      split($1, c, "="); split($3, u, "=")
      print c[1], category, substr($1, length(c[1]) + 2), $2, substr($3, length(u[1]) + 2), $4
    }'
done > keywords.tsv
echo "recorded $(wc -l < keywords.tsv) keywords"
