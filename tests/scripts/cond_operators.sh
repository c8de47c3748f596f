# [[ ]] operators: string order, -n/-z, && || !, grouping, arithmetic comparisons.
[[ apple < banana ]] && echo "apple sorts first"
[[ -z "" && -n x ]] && echo "empty and not"
[[ ! -e /nonexistent ]] && echo "missing"
[[ ( 1 -lt 2 || 3 -gt 4 ) && ! 5 -eq 6 ]] && echo grouped
x=10
[[ $x -ge 10 && $x -le 20 ]] && echo "in range"
[[ 010 -eq 8 ]] && echo "octal in [[ -eq ]]" || echo "decimal"
[[ abc == a* ]] && echo glob
[[ abc == "a*" ]] || echo "quoted no glob"
[[ -v x ]] && echo "x is set"
