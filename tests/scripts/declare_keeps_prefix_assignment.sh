# A prefix assignment before `declare` stays only when the declaration exports the
# variable or makes it read-only, as with `export` and `readonly`; `declare -p` only
# shows it.
FOO=1 declare -p FOO
declare -p FOO 2> /dev/null || echo "FOO gone after declare -p"
A=1 declare A; echo "A=${A-unset}"
B=1 declare B=2; echo "B=${B-unset}"
C=1 declare -i C; echo "C=${C-unset}"
D=1 declare -x D; declare -p D
E=1 declare -r E; declare -p E
F=1 export F; declare -p F
G=1 readonly G; declare -p G
H=1 typeset -x H; declare -p H
