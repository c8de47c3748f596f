# No globbing in assignments or case words; globbing in for lists.
mkdir gl && cd gl && touch x1 x2
v=x*
echo "$v"
echo $v
case x1 in x*) echo "pattern in case" ;; esac
arr=(x*); echo "${#arr[@]}"
[[ x1 == x* ]] && echo "pattern in [[ ]]"
