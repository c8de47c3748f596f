# File tests in [[ ]] and [ ].
mkdir d; touch f; ln -s f lnk; : > empty; echo x > full
for p in d f lnk empty full missing; do
  r=""
  [[ -e $p ]] && r+=e
  [[ -f $p ]] && r+=f
  [[ -d $p ]] && r+=d
  [[ -L $p ]] && r+=L
  [[ -s $p ]] && r+=s
  [[ -r $p ]] && r+=r
  echo "$p: ${r:-none}"
done
[[ full -nt missing ]] && echo "newer than missing"
[[ f -ef lnk ]] && echo "same file"
