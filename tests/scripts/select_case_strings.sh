# String comparisons in case and [[ ]] with quotes
pat="a*"
case abc in $pat) echo "unquoted variable is a pattern" ;; esac
case abc in "$pat") echo no ;; *) echo "quoted variable is literal" ;; esac
[[ abc == $pat ]] && echo "pattern in [[ ]]"
[[ abc == "$pat" ]] || echo "literal in [[ ]]"
