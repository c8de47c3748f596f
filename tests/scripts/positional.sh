echo "$#"
echo "$1-$2"
show() { echo "in function: $# $1"; }
show x y z
echo "back: $1"
