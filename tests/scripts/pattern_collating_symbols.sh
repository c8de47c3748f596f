# Collating symbols and equivalence classes in bracket expressions (C locale).
m() { case $1 in $2) echo "$1 ~ $2";; *) echo "$1 !~ $2";; esac; }
m a '[[.a.]]'
m - '[[.hyphen.]-9]'
m p '[[.a.]-[.z.]]'
m - '[[.-.]]'
m ' ' '[[.space.]]'
m ' ' '[[.grave-accent.]]'
m 4 '[[.-.]-9]'
m c '[[.yyz.]-[.z.]]'
m c '[[.yyz.][.a.]-z]'
m c '[[.yyz.][.a.]-[.z.]]'
m p '[[.a.]-[.Z.]]'
m p '[[.a.]-[.zz.]p]'
m p '[[.aa.]-[.z.]p]'
m c '[[.yyz.]cde]'
m abc '[[.cb.]a-Za]*'
m $'\t' '[[.space.][.tab.][.newline.]]'
m abc '[[:alpha:]][[=b=]][[:ascii:]]'
m abc '[[:alpha:]][[=B=]][[:ascii:]]'
m '`' '[[.grave-accent.]]'
[[ x == [[=x=][.y.]] ]] && echo cond
touch f-1 f_2; echo f[[.hyphen.][.underscore.]]*
