# Errors bash reports through report_error end the shell under set -e, even in a
# condition; others only end the command line.
shopt -s failglob
( set -e; echo *.nothing-matches; echo "not reached" )
echo "failglob: $?"
( set -e; if echo *.nothing-matches; then :; fi; echo "not reached" )
echo "failglob in a condition: $?"
( set -e; for x in *.nothing-matches; do echo "$x"; done; echo "not reached" )
echo "failglob in a loop: $?"
shopt -u failglob
( set -e; readonly r=1; r=2; echo "not reached" )
echo "readonly: $?"
( set -e; f() { readonly q=1; q=2; echo "not reached"; }; f || echo "not reached"; echo "nor here" )
echo "readonly in a function: $?"
( set -e; x=; echo ${!x} || true; echo "not reached" )
echo "invalid variable name: $?"
( set -e; unset x; echo ${!x} || true; echo "not reached" )
echo "invalid indirect expansion: $?"
( set -e; echo $((1/0)); echo "not reached" )
echo "division: $?"
( set -e; echo $((1/0)) || true
  echo "the next line runs" )
echo "division in a condition: $?"
# Without set -e: the rest of the line is not run.
x=1a; echo ${!x}; echo "not reached"
echo "after an invalid name: $?"
unset x; echo ${!x}; echo "not reached"
echo "after an unset one: $?"
