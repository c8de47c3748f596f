# How ulimit reads its words: a limit after each option, a bare number for the file
# size, several options at once, and the errors bash gives for bad ones.
ulimit -n 100 5
echo "extra word: $?"
ulimit -n
ulimit -n 50 -t 30
ulimit -n -t
ulimit -t -n
ulimit zz
echo "zz: $?"
ulimit -t 1.5
echo "1.5: $?"
ulimit -y
echo "-y: $?"
ulimit -t -5
echo "-5: $?"
ulimit -f -- -42
echo "-- -42: $?"
ulimit 7000
echo "bare: $?"
ulimit -f
ulimit -H
ulimit -n $(( (1 << 62) + 1 ))
echo "huge: $?"
ulimit -t unlimited
echo "unlimited above hard: $?"
ulimit -t
