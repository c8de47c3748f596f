# `exec NAME` with NAME nowhere in PATH is exec's own complaint, status 127; with
# `shopt -s execfail` the script goes on.
bash -c 'exec nosuchcmd; echo not reached' 2>&1 | sed 's/.*line [0-9]*: //'
bash -c 'shopt -s execfail; exec nosuchcmd; echo "after $?"' 2>&1 | sed 's/.*line [0-9]*: //'
bash -c 'exec /nonexistent/prog' 2>&1 | sed 's/.*line [0-9]*: //'
bash -c 'exec nosuchcmd'; echo "status $?"
