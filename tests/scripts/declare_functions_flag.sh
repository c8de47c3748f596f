# declare -F and -f on functions
greet() { echo hi; }
declare -F greet
declare -F nosuch || echo "no such function"
declare -f greet > /dev/null && echo "greet is defined"
