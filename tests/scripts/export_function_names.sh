# `export -f` refuses a function whose name no environment entry could carry (`/`,
# `=`), and names what is not a function; `declare -f a=b` cannot make one.
f-b() { :; }; export -f f-b; echo $?
function a/b { :; }; export -f a/b 2>&1 | sed 's/.*line [0-9]*: //'
function x=y { :; }; export -f x=y 2>&1 | sed 's/.*line [0-9]*: //'
function 1a { :; }; export -f 1a; echo $?
export -f q=1 2>&1 | sed 's/.*line [0-9]*: //'
declare -f g=1 2>&1 | sed 's/.*line [0-9]*: //'
