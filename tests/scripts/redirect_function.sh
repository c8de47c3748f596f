f() { echo from-f; echo err-f >&2; }
f > fo.txt 2> fe.txt
cat fo.txt fe.txt
g() { echo inside; } > g.txt
g; cat g.txt
