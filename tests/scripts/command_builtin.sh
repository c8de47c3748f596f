f() { echo function; }
ls() { echo "not the real ls"; }
ls /nonexistent 2>/dev/null || true
command ls / > /dev/null && echo real-ls
command -v cd
command -v nosuch || echo "no such: $?"
command echo via-command
