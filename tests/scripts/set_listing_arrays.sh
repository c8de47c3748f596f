# set and declare -p show arrays as assignments
list=(one "two words" three)
declare -A map=([k]=v)
set | grep -E '^(list|map)='
declare -p list map
str='a "quoted" $thing'
declare -p str
