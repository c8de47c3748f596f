max() { local m=$1; shift; for v; do ((v > m)) && m=$v; done; echo $m; }
max 3 9 2 7
max -5 -2 -9
