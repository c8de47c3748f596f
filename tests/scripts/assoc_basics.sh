# Associative arrays: keys, values, membership, unset, keys with spaces.
declare -A color=([apple]=red [banana]=yellow ["sky blue"]=blue)
color[grass]=green
for k in apple banana grass "sky blue"; do echo "$k=${color[$k]}"; done
echo "${#color[@]}"
[[ -v color[apple] ]] && echo has apple
[[ -v color[pear] ]] || echo no pear
unset 'color[apple]'
echo "${#color[@]} ${color[apple]-gone}"
key="sky blue"
echo "${color[$key]}"
printf '%s\n' "${color[@]}" | sort
