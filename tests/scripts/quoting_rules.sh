# Quotes: which characters keep their meaning inside each kind.
v=value
echo 'single $v `x` \n'
echo "double $v \$v \"q\" \\ \` end"
echo $'ansi \x41 \101 \t|'
echo "a"'b'$'c'"$v"
echo \$v \"escaped\" \\ \'
echo "$(echo "inner \"quoted\"")"
echo "tab	inside" | cat -A 2>/dev/null | head -1 || true
printf '%s|' "" '' "$empty_unset"; echo
