# A function called with `var=value f` sees var as a temporary variable; what the
# function makes its own (export, declare -g, a new assignment after unset, a POSIX
# special builtin's prefix) outlives the call, the rest does not.
f() { unset var; var=5; }; var=0; var=30 f; echo "unset then set: $var"
g() { declare var=7; }; var=0; var=30 g; echo "local declare: $var"
h() { export var=8; }; var=0; var=30 h; echo "export: $var"
k() { declare -g var=9; }; var=0; var=30 k; echo "declare -g: $var"; declare -p var
m() { var=4; }; var=0; var=30 m; echo "plain assignment: $var"
n() { var=4 :; }; var=0; var=30 n; echo "builtin prefix: $var"
set -o posix
r() { var=20 return 5; }; var=0; var=30 r; echo "posix return prefix: $? $var"
s() { return 5; }; var=0; var=30 s; echo "posix plain call: $? $var"
