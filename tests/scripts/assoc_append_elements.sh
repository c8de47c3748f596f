# [k]+=v inside a+=(...) appends, in an associative array too (bash 5.2 ignores it in a=(...)).
declare -A a
hello=100
a=([hello]=1 [hello]+=2)
echo "${!a[@]} ${a[@]}"
a+=([hello]+=:34 [hello]+=:56)
echo "${!a[@]} ${a[@]}"
a+=([new]+=x [new]+=y)
declare -p a
b=(1 2); b+=([0]+=x [5]+=y); declare -p b
declare -Ai c=([k]=1); c+=([k]+=2); declare -p c
