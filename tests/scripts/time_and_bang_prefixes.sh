# time [-p] [--] and ! may be repeated and mixed before a pipeline, as in bash.
TIMEFORMAT=
time time echo a; echo $?
time time -p echo a 2>/dev/null; echo $?
time -p time echo a 2>/dev/null; echo $?
time -p -- echo b 2>/dev/null
time -- :; echo $?
! time false; echo $?
time ! false; echo $?
! ! true; echo $?
f() { time ! true; ! time -p false; }; type f
