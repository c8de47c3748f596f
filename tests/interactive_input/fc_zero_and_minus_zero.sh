# fc counts 0 as the command before it and -0 as itself: listed, never run again
# (fc -s -0 looped on itself); a name that matches nothing is no command.
echo a
fc -l nosuch
fc -0
fc -s nosuch
fc -l -0
fc -l 0 -0
fc -s -0
fc -s 0
