ulimit -v 100000
ulimit -v
ulimit -t 30
ulimit -t
ulimit
