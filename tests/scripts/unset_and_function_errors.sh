# bash's words and lines for these errors: `unset` of an element before an indexed
# array's start names the subscript alone; redefining a read-only function is reported
# on the line its definition ends.
declare -a AA
unset AA[-2] 2>&1 | sed 's/.*line [0-9]*: //'
a=(1 2); unset "a[-3]" 2>&1 | sed 's/.*line [0-9]*: //'; echo "${#a[@]}"
func() { echo func; }
readonly -f func
func()
{
	echo bar
} 2>&1
{ func()
{
	echo bar
}
} 2>&1 | sed 's/^.*: line/line/'
func
