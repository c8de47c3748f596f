# A process substitution is a process of its own: $! names it and wait gives its status.
cat <(exit 123) >/dev/null
wait "$!"
echo $?
cat <(sleep 0.2; exit 7) > /dev/null
wait $!; echo "after sleep: $?"
echo x > >(cat > /dev/null; exit 5)
wait $!; echo "writer: $?"
[ -n "$!" ] && echo "bang set"
jobs
true <(:) ; jobs; echo "jobs listed none"
