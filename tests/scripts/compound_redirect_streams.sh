# What the shell reads itself inside a redirected compound command or function call
# (a command substitution) reads from the redirection, as in bash.
echo potato > input
[[ $(cat) == "a b" ]] <<< "a b"; echo "cond status $?"
[[ $(cat) == "a b" ]] <<< "a b" > out && rm out && echo ok
{ echo "group: $(cat)"; } <<< xyz
if [[ $(cat) == q ]]; then echo "if: yes"; fi <<< q
{ x=$(cat); echo "x=$x"; } < input
while read -r line; do echo "line $line, rest: $(cat)"; done <<< $'one\ntwo\nthree'
f() { echo "f: $(cat)"; }
f <<< fun
g() { cd /nonexistent-dir; }
g 2>/dev/null; echo "g status $?"
{ cd /nonexistent-dir; } 2>/dev/null; echo "group status $?"
echo "after: $(cat < input)"
# N<&N is left alone, open or not.
exec 3<&-
echo hello 3<&3; echo "dup status $?"
echo hello 4>&4; echo "dup status $?"
# $_: empty after a command without words; set after a builtin.
true x; $NOTHING; echo "[$_]"
true x; y=1; echo "[$_]"
true x; >/dev/null; echo "[$_]"
unset _; echo "[$_]"
true x; read _ <<< foo; echo "[$_]"
