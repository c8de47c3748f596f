[ "$$" -gt 0 ] && echo pid-ok
sleep 0.05 &
[ -n "$!" ] && echo bg-pid-ok
wait
s=$(echo $$)
[ "$s" = "$$" ] && echo same-in-subst
