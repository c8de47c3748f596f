# Unquoted $* and $@ split as bash splits them: joined by IFS's first character, then
# split, so an empty parameter between others is a field when that character is no
# blank; with IFS empty nothing splits and empty parameters vanish.
show() { printf '[%s]' "$@"; echo " ($#)"; }
set -- 'a b' c ''
show $*; show "$*"; show $@; show "$@"
IFS=''
show $*; show "$*"; show $@; show "$@"
IFS=zx
show $*; show "$*"; show $@; show "$@"
set -- one '' two
show $*; show $@
set -- "" "" "" "" ""
show =$@=
IFS=
show =$@=
IFS=x
show $*
set -- $*
show $*
x=
IFS=''
show $x
