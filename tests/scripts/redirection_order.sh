# The order of redirections matters: 2>&1 >file vs >file 2>&1.
{ echo out; echo err >&2; } > both.txt 2>&1
sort both.txt
{ echo out; echo err >&2; } 2>&1 > only_out.txt | sed 's/^/piped: /'
cat only_out.txt
echo appended >> both.txt
wc -l < both.txt
exec 3>&1
out=$( { echo to-stdout; echo to-three >&3; } 3>&1 1>/dev/null )
echo "captured: $out"
exec 3>&-
