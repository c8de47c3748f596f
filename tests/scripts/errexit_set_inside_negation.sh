# `!` makes the commands it runs conditions only when `set -e` is on as it starts: a
# `set -e` run inside `! f` takes hold there.
set -o errtrace
trap 'echo ERR at $LINENO' ERR
f() { false; echo in-f; }
! f
echo after-negated
set -e
! f
echo still-running
g() { set +e; set -e; false; echo in-g; }
g || echo g-failed
set +e
h() { set -e; false; echo not-reached; }
! h
echo not-reached-either
