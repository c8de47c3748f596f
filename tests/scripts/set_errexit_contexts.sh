# set -e: which failures end the script and which do not.
set -e
false || echo "after || is fine"
if false; then :; else echo "if condition is fine"; fi
! true
echo "negated pipeline is fine"
f() { false; echo "not reached in f"; }
f || echo "function failing in || context runs on"
x=$(false) || echo "failed substitution in ||"
( false ) || echo "subshell in ||"
echo "before the end"
false
echo "never printed"
