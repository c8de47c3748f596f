# declare -u and -l on arrays and with +=.
declare -u shout=(quiet words)
echo "${shout[*]}"
shout+=(more)
echo "${shout[2]}"
declare -l soft
soft="LOUD"; soft+=" AGAIN"
echo "$soft"
declare +l soft
soft="Mixed"; echo "$soft"
