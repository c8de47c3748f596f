# set -x shows for/select heads, case words, each [[ ]] test and (( )) as bash does.
exec 2>&1
set -x
y=1
for f in a "b c"; do :; done
for (( i = 0 ; i < $y ; i++ )); do :; done
for ((;;)); do break; done
((  x + $y))
case "$f x" in b*) : ;; esac
[[ $f == b* && -n x ]]
[[ ! -z $y || ( a < b ) ]]
[[ x =~ "a.b" ]]
[[ -n "" ]]
[[ a = b ]]
[[ 1 -eq 1 ]]
set -- 1 2
for x do :; done
select s in a; do break; done < /dev/null
z=q; a=( "x y"   $z ); a+=(1); a[1]=x; a[$z]+=y
x=a; x+="b c"
f() { for (( i = 0 ; i < $y ; i++ )); do :; done; ((  x + $y)); [[ a = b ]]; }
set +x
declare -f f
