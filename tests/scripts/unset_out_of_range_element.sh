# unset of an element counted back past the start is bash's bad subscript error.
a=(1 2 3)
unset -v 'a[-1]'
echo "${a[@]} status $?"
unset -v 'a[-5]'
echo "status $?"
echo "${a[@]}"
