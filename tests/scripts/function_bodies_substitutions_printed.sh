# Command substitutions in a printed function hold their commands in bash's layout.
f() { for name in $( echo 1 2 3 ); do :; done; echo $(a;b) $(a
b) "x$( if true; then echo; fi )y" $( (sub) ) $(cat <<E
hi
E
) $((1+2)) $(<file) `c` ; x=$(  d  ); }
declare -f f
g() { case $(  echo x ) in *) echo "$( echo  y  )" ;; esac; }
type g
