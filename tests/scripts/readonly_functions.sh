# readonly -f: a function that cannot be defined again or unset; listed with -fr.
f(){ echo f
}
g(){ :
}
readonly -f f
readonly -f
echo ---
declare -Fr
echo ---
declare -fr | head -3
echo ---
f(){ echo new
}
echo "def: $?"
f
unset -f f
echo "unset: $?"
unset f
echo "unset2: $?"
readonly -f nosuch
echo "nosuch: $?"
declare -F
declare -pf f | head -2
