# Building strings in a loop with printf -v and +=.
out=""
for i in 1 2 3; do printf -v item '<%02d>' "$i"; out+=$item; done
echo "$out"
declare -a cells
for i in 0 1 2; do printf -v "cells[$i]" '%s%s' "c" "$i"; done
echo "${cells[*]}"
printf -v joined '%s,' a b c; echo "${joined%,}"
