# `ulimit -c` keeps the core file size limit as Linux does: soft 0 until raised,
# inherited by subshells, a soft limit above the hard one refused.
ulimit -S -c 0
ulimit -c
ulimit -c -S -- 1000
ulimit -c
(ulimit -S -c 50; ulimit -c)
ulimit -c
ulimit -H -c 2000
ulimit -Hc
ulimit -S -c 3000 2>&1 | sed 's/.*ulimit: //'
ulimit -c
