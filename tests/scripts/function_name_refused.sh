# A function name with a quote or an expansion is refused on the line the
# definition ends on, and the script goes on.
echo before
{
function sys$read
{
	echo x
}
} 2>&1 | cut -d: -f2-
echo "after $?"
