# Slices of arrays and of the positional parameters
a=(1 2 3 4 5 6)
echo "${a[@]:2}"
echo "${a[@]:1:3}"
echo "${a[@]: -2}"
echo "${a[@]: -3:2}"
set -- p q r s
echo "${@:2}"
echo "${@:2:2}"
echo "${*: -1}"
b=([2]=x [5]=y [9]=z)
echo "${b[@]:3}"
