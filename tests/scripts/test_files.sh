mkdir dir; touch file; echo data > full
[ -d dir ] && echo dir
[ -f file ] && echo file
[ -e nosuch ] || echo missing
[ -s full ] && echo nonempty
[ -s file ] || echo emptyfile
[ -r full -a -w full ] && echo rw
