# `z=y local z` (or typeset, declare) in a function makes a local with the prefix's
# value, exported as bash makes it; the caller's variable is untouched after the call.
fff5() { z=y typeset z; echo "|$z|"; declare -p z; }
fff5; echo "[$z]"
z=42 fff5; echo "[$z]"
z=7; fff5; echo "[$z]"
g() { a=1 local a b=2; echo "$a $b"; a=5 declare -i a; echo $a; }
g; echo "[${a-unset}]"
h() { local q=1; q=2 local q; echo $q; declare -p q; q=3 declare -p q; echo $q; }
h
f() { local -a v; local -a w; g2; echo "f: ${v[@]}, ${w[@]}"; }
g2() { aux=v; declare -ga "$aux=( asdf fdsa )"; declare -ga w=( asdf fdsa ); echo "g: ${v[@]}, ${w[@]}"; }
f
echo "after: ${v[@]}, ${w[@]}"
