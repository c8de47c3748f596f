# `exec -c` starts the program with no environment at all (prefix assignments too);
# `exec -l` puts a dash before its argv[0], the name `-a` gave or the command's own.
(exec -a specialname bash -c 'echo "$0"')
(exec -l -a specialname bash -c 'echo "$0"')
(exec -la other bash -c 'echo "$0"')
(exec -cl bash -c 'echo "$0"')
(export FOO=BAR; exec -c -l printenv) | grep -c FOO
(FOO=BAR exec -c printenv) | grep -c FOO
(exec -c printenv) | wc -l
(export FOO=BAR; exec printenv) | grep FOO
(FOO=BAR exec printenv) | grep FOO
