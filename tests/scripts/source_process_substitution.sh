# `source <(command)` reads the pipe to its end: its text runs, `return` ends it with a
# status, and arguments become its positional parameters.
source <(echo return 37); echo $?
. <(echo 'x=5; echo in $1 $#') a b; echo $x
f() { source <(printf 'echo %s\n' "$@"); }; f p q
source <(printf 'g() { echo from g; }\n'); g
