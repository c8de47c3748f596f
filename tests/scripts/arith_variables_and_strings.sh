# Names in arithmetic are evaluated recursively; strings are errors or zero.
a=3 b=a c=b
echo $(( c + 1 ))
unset z
echo $(( z + 1 ))
expr_var="2 * 3"
echo $(( expr_var + 1 ))
arr=(5 6 7)
echo $(( arr[1] + arr[2] )) $(( ${#arr[@]} * 2 ))
i=1; echo $(( arr[i++] )) $i
