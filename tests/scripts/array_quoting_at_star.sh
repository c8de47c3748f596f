# "${a[@]}" keeps elements, "${a[*]}" joins them with IFS's first character.
a=("one two" "" three)
printf '<%s>' "${a[@]}"; echo
printf '<%s>' "${a[*]}"; echo
printf '<%s>' ${a[@]}; echo
IFS=-
printf '<%s>' "${a[*]}"; echo
IFS=
printf '<%s>' "${a[*]}"; echo
unset IFS
printf '<%s>' "${a[@]:1}"; echo
