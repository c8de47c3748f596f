# bash lists an associative array in its hash table's order, and the table's size
# depends on how the array came to be: 1,024 buckets for one made as an array, 128 for a
# variable that existed first, 256 for BASH_CMDS and 64 for BASH_ALIASES (as large as
# the tables they show). `hash` lists the programs in its table's order too.
foo=help
declare -A foo=([zero]=zero [one]=one [two]=2 [three]=3)
declare -p foo
declare -A made=([zero]=zero [one]=one [two]=2 [three]=3)
declare -p made
declare g
declare -A g
g[zero]=1 g[one]=2
echo "${!g[@]}"
f() { local v; declare -A v; v[a]=1; v[b]=2; v[c]=3; v[zz]=4; echo "${!v[@]}"; }
f
conv=x
declare -A conv
for i in {1..300}; do conv[k$i]=$i; done
echo "${!conv[@]}"
conv=([x]=1 [y]=2 [w]=3)
echo "${!conv[@]}"
declare -A big
for i in {1..2100}; do big[k$i]=$i; done
echo "${!big[@]}" | cksum
alias zz=1 ab=2 l=3 ll=4 grep=5 x=6
echo "${!BASH_ALIASES[@]}"
hash -p /bin/true tt; hash -p /bin/ls ls; hash -p /bin/cat cat; hash -p /x/y qq; hash -p /bin/a aa
hash
echo "${!BASH_CMDS[@]}"
BASH_CMDS[new]=/bin/new
hash -l
