# [[ ]] with numbers (arithmetic) and files
x=7
[[ $x -gt 5 ]] && echo "greater"
[[ x -lt 10 ]] && echo "names are variables"
[[ 2+2 -eq 4 ]] && echo "expressions"
[[ $x -ne 7 ]] || echo "not not equal"
touch older
sleep 0.05
touch newer
[[ newer -nt older ]] && echo "newer is newer"
[[ older -ot newer ]] && echo "older is older"
[[ older -ef older ]] && echo "same file"
[[ -f older && -e newer && ! -d newer ]] && echo "file tests"
[[ -d . && -s /dev/null ]] || echo "dev null is empty"
