# Subshells copy arrays; changes stay inside
a=(1 2 3)
( a[0]=changed; echo "inside ${a[0]}" )
echo "outside ${a[0]}"
b=$(a+=(4); echo "${#a[@]}")
echo "$b ${#a[@]}"
