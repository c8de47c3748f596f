# Associative arrays
declare -A color
color[apple]=red
color[banana]=yellow
color["cherry tree"]=pink
echo "${color[apple]} ${color[banana]} ${color[cherry tree]}"
echo "${#color[@]}"
for key in "${!color[@]}"; do echo "$key -> ${color[$key]}"; done | sort
unset 'color[banana]'
echo "${#color[@]}"
[[ -v color[apple] ]] && echo "apple is set"
[[ -v color[banana] ]] || echo "banana is gone"
declare -A counts=([a]=1 [b]=2)
counts[a]=$(( counts[a] + 5 ))
echo "${counts[a]} ${counts[b]}"
