# history's list and file outside an interactive shell: -r -w -a -n -c -d -s, the
# numbering, HISTSIZE and HISTFILESIZE, and usage errors.
printf 'cmd orig%s\n' 1 2 3 > hist
HISTFILE=hist
history -c
history -r
history -r
history | wc -l
history 2
history -d 1; history | head -n 1
history -d -1; history | tail -n 1
history -d 2-3; history
history -d 99; echo "status $?"
history x; echo "status $?"
history 1 2; echo "status $?"
history -s stored entry; history 1
history -w; cat hist
printf 'added1\nadded2\n' >> hist
history -n; history | tail -n 2
history -a other; cat other
history -c; history; echo "cleared, status $?"
HISTSIZE=2; history -r; history
HISTFILESIZE=1; cat hist
fc -l; echo "fc status $?"
