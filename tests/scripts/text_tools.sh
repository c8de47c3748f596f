printf 'apple 3\nbanana 1\ncherry 2\n' > fruit
sort -k2 -n fruit
cut -d' ' -f1 fruit | tr a-z A-Z
grep -c an fruit
nl fruit
sha256sum fruit | cut -c1-16
base64 fruit | base64 -d | head -n 1
