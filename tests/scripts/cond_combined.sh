# [[ ]] combinations
a=5 b=abc
if [[ $a -gt 3 && $b == a* ]]; then echo both; fi
if [[ $a -lt 3 || $b =~ ^a ]]; then echo either; fi
if [[ ! ( $a -eq 5 ) ]]; then echo no; else echo negated; fi
[[ -z $undefined && -n $b ]] && echo lengths
[[ $b > abb ]] && echo greater
