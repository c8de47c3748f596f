# Under set -e, a compound command (not a subshell) whose status comes from a failure
# where -e is ignored (before && or ||, negated, in a condition) does not end the shell;
# a function call, a subshell and a plain failure do.
( set -e; f() { test no = yes && echo hi; }; f; echo survived-f ); echo "[$?]"
( set -e; { test no = yes && echo hi; }; echo survived-group ); echo "[$?]"
( set -e; ( test no = yes && echo hi ); echo survived-subshell ); echo "[$?]"
( set -e; if true; then test no = yes && echo hi; fi; echo survived-if ); echo "[$?]"
( set -e; for i in 1; do test no = yes && echo hi; done; echo survived-for ); echo "[$?]"
( set -e; trap 'echo ERR' ERR; { test no = yes && echo hi; }; echo survived-trap ); echo "[$?]"
( set -e; { { false && true; }; }; echo nested ); echo "[$?]"
( set -e; { ! true; }; echo bang-group ); echo "[$?]"
( set -e; x() { ! true; }; x; echo bang-f ); echo "[$?]"
( set -e; false && true; { echo in; } 2>/dev/null > /nonexistent/x; echo stale ); echo "[$?]"
( set -e; i=0; while [ $i -lt 1 ]; do i=1; test no = yes && echo; done; echo survived-while ); echo "[$?]"
( set -e; case x in x) false || false;; esac; echo not-here ); echo "[$?]"
( set -e; { true && false; }; echo not-here ); echo "[$?]"
