# An interactive shell reading a pipe records each command; fc lists, ranges, reverses
# and re-runs them; the history is written to HISTFILE at the end.
printf 'echo %s\n' 1 2 3 > hist
HISTFILE=hist bash --norc -i 2>/dev/null <<'EOF2'
history -c
history -r
fc -l
fc -ln -3
fc -lr 2 3
fc -l 3 2
fc -s 2=two 3
fc -l -2
history 3
fc -s nosuch
EOF2
echo "status $?"
cat hist
printf 'a\nb\n' | bash --norc -i 2>/dev/null -c 'read x; echo "read $x"' 
bash --norc -i 2>/dev/null <<'EOF2'
read line
this line is read by read, not run
echo "read: $line"
HISTFILE=
echo $((1+2)) | cat
EOF2
