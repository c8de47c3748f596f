{ echo out; echo err >&2; } &> both.txt
sort both.txt
{ echo out; echo err >&2; } 2>/dev/null
echo to-stderr >&2 2>/dev/null
