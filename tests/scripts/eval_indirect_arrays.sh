# eval and indirection to build variable names
for n in 1 2 3; do eval "var_$n=\$((n * n))"; done
for n in 1 2 3; do name="var_$n"; echo "${!name}"; done
arr=(p q r)
name=arr
eval "echo \${$name[1]}"
ref="arr[@]"
echo "${!ref}"
