# A nameref to an array element evaluates its subscript at each use.
a=(zero one two three)
typeset -n computed='a[$(echo 2) + 1]'
echo "computed=$computed"
i=1
typeset -n moving='a[i + 1]'
echo "$moving"
i=0
echo "$moving"
moving=new
echo "${a[@]}"
typeset -n last='a[-1]'
last=end
echo "${a[@]}"
declare -A h=([k]=v)
typeset -n key='h[k]'
key=w
echo "$key ${h[k]}"
