# `set -o ignoreeof` is on exactly while IGNOREEOF is set: when a function's local
# IGNOREEOF goes away, the option follows the variable that comes back, as in bash.
set -o | grep ignoreeof
f() { local IGNOREEOF=2; set -o | grep ignoreeof; }
f; set -o | grep ignoreeof
IGNOREEOF=3
g() { local IGNOREEOF; unset IGNOREEOF; set -o | grep ignoreeof; }
g; set -o | grep ignoreeof
