# declare -F lists functions; unset -f removes them
a() { :; }
b() { :; }
declare -F | grep -E " (a|b)$"
unset -f a
declare -F | grep -cE " a$"
