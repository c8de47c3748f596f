# An associative array's `(key value ...)` list takes each word whole, unsplit and
# unglobbed, as bash 5.2; `printf -v` assigns any element an assignment could.
p=(a 1 b 2)
declare -A h=( "${p[@]}" ); declare -p h
declare -A g=( ${p[@]} ); declare -p g
foo="1 2"
declare -A v=( $foo 3 ); v+=( $foo 4 ); v+=( '$foo' x ); declare -p v
declare -A k=( a{1,2} b * c ); declare -p k
declare -A t; t=( ~ ~/x ); declare -p t
f() { local -A y=( $foo 5 ); declare -p y; }; f
declare -a n=( $foo ); declare -p n
declare -A a
printf -v "a[@]" "%5s" s
printf -v "a[k k]" z
key="x y"; printf -v "a[$key]" w; printf -v 'a[$key]' v
declare -p a
b=(); i=1; printf -v "b[i+1]" q; declare -p b
for bad in "a[]]" "a[[]" "a[]" "1x"; do printf -v "$bad" v 2>&1 | sed 's/.*printf: //'; done
readonly r; printf -v r x 2>&1 | sed 's/.*line [0-9]*: //'
