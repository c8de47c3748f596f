# ${!VAR} where VAR is unset is an error in bash 5; ${!ref:=x} assigns to the variable
# ref names; an array without element 0 names nothing.
echo "before"
echo undef=${!undef-default}
echo "status $?"
echo undef=${!undef}
echo "status $?"
z=zz
zz=
echo ${!z:=foo}
echo ${!z:=bar}
echo "zz=$zz"
declare -A A=([A]=a [B]=b)
echo "[${!A}]"
x=y
y=x
echo "cycle=${!x}"
