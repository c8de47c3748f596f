((1 + 1)); echo $?
((0)); echo $?
i=0
((i++)); echo $i $?
if ((i > 0)); then echo positive; fi
