path=/home/user/docs/report.final.txt
base=${path##*/}
dir=${path%/*}
ext=${base##*.}
stem=${base%.*}
echo "$dir | $base | $stem | $ext"
upper=${stem^^}
echo "${upper//./_}"
