# DIRSTACK follows pushd/popd/cd and changes the stack; ~N, ~+N, ~-N name its entries.
cd /
pushd /usr; pushd /tmp
echo ~0 ~1 ~2 ~+1 ~-0 ~-2 ~9 "${DIRSTACK[@]}"
declare -p DIRSTACK
dirs -v -1; dirs -v +0; dirs -p -1
DIRSTACK[1]=/etc; dirs; DIRSTACK[7]=/x; echo $?; dirs
pushd -n +1; echo "rotated quietly"; dirs
pushd -n /var; dirs
cd /usr; echo "${DIRSTACK[0]}"
{ dirs +9; dirs -9; dirs 7; dirs +x; dirs -m; pushd /nowhere; popd +x; } 2>&1 | sed 's/^[^ ]*: line/line/'
dirs -c; echo "${DIRSTACK[@]}"
