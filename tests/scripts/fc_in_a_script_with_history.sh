# fc in a script under `set -o history`: -0 is fc itself (listed, never run again), 0
# the command before it.
set -o history
echo a
echo b
fc -0
fc -s -0
fc -l
echo c
fc -l 0
fc -l -0
fc -s 0
