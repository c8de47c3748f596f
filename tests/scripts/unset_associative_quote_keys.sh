# `unset "a[$k]"` of keys that are quote characters or a backslash: the key expanded once
# more leaves a lone quote as it is, so each one goes, as in bash.
declare -A dict
dict['"']=1; dict['`']=2; dict["'"]=3; dict['\']=4; dict[x]=5
del() { unset -v dict["$1"]; }
for k in "${!dict[@]}"; do [ "$k" = x ] || del "$k"; done
declare -p dict
k=x; unset 'dict[$k]'; declare -p dict
