# declare -p and set write an associative array's keys quoted where the shell would
# read them otherwise, as bash does.
declare -A a
for k in 'a b' 'x]' a=b 'a"b' 'a$b' 'a*b' 'a\b' "a'b" -x a.b a@b 'a;b' 'a[b' '#x' 'x#' \
    '~x' 'x~' 'a{b' 'a!b' a%b 'a^b' a,b a:b 'a|b' 'a&b' 'a<b' 'a(b' 'a?b' "$(printf 'a\tb')"; do
  unset a; declare -A a; a[$k]=1; declare -p a
done
declare -A __assoc=(['k e y']='v a l' [a]=b)
set | grep '^__assoc'
