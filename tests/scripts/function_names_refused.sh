# Function names written with an expansion or a quote are refused; digits are not.
1() { echo one; }; echo "digits: $?"
"q"() { :; }; echo "quoted: $?"
a$b() { :; }; echo "dollar: $?"
f\x() { :; }; echo "backslash: $?"
$foo-bar() { ls ; }
echo "parameter: $?"
foo-$(echo hi)() { ls ; }
echo "substitution: $?"
declare -F
# ${s:} has no offset: a bad substitution, which ends a subshell.
( s=123; echo "${s: }"; echo ${s:}; echo "not reached" )
echo "bad substitution: $?"
( a=(1 2); echo ${a[@]:}; echo "not reached" )
echo "bad substitution of an array: $?"
