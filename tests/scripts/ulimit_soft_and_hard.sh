# ulimit sets both limits unless told -S or -H; a soft limit may not pass the hard
# one, and a hard limit is only ever lowered.
show() {
  echo "$1: soft $(ulimit -S -t) hard $(ulimit -H -t) plain $(ulimit -t)"
}
ulimit -S -t 123456
show soft
ulimit -H -t 123457
show hard
ulimit -t 123455
show both
ulimit -S -t 123454
show again
ulimit -S -t 123456
echo "soft above hard: $?"
ulimit -H -t 123456
echo "hard raised: $?"
ulimit -S -H -t 100
echo "both lowered: $?"
ulimit -t hard
show from-hard
ulimit -S -t 50
ulimit -t soft
show from-soft
(ulimit -t 40; show subshell)
show after
