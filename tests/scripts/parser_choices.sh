# Where the grammar has two readings, the one bash takes.
((x = 1 + 2)); echo "arithmetic: $x"
((echo two subshells) )
((echo a)) 2>/dev/null; echo "((echo a)) is arithmetic: $?"
( (echo apart))
for ((;;)); do echo "for ((;;))"; break; done
for ((i = 0; i < 2; i++)) { echo "brace body $i"; }
for w in a b; { echo "for-in brace body $w"; }
[[ a == a ]] |& cat; echo "[[ ]] |&: $?"
case x in x) echo "last item without ;;"
esac
case x in (x) echo "open parenthesis";; esac
case y in x) ;; y) echo "after an empty item";; esac
eval 'x=1 if true; then echo no; fi' 2>/dev/null; echo "reserved after assignment: $?"
eval 'echo a=(b)' 2>/dev/null; echo "array literal to echo: $?"
declare a=(one two) && echo "declare takes ${a[1]}"
eval '{ (echo a) (echo b); }' 2>/dev/null; echo "two subshells unseparated: $?"
eval 'for i in a b do echo $i; done' 2>/dev/null; echo "do inside the list: $?"
eval 'a= (x y)' 2>/dev/null; echo "space before (: $?"
eval 'echo > (x)' 2>/dev/null; echo "space in process substitution: $?"
eval '( )' 2>/dev/null; echo "empty subshell: $?"
eval 'if true; then fi' 2>/dev/null; echo "empty then: $?"
eval 'f() echo x' 2>/dev/null; echo "simple function body: $?"
f ( ) { echo "spaced parentheses"; }; f
function g { echo "function keyword"; }; g
function h() ( echo "subshell body" ); h
! ! true; echo "double bang: $?"
time_it() { time true; } 2>/dev/null; time_it; echo "timed: $?"
echo a &&
  echo "after && and a newline" ||
  echo never
echo piped |
  cat
