# A script holding bytes that are not UTF-8 runs with those bytes as they are: echoed
# back, compared, counted as one character each.
printf 'echo \274 "\274" $'"'"'\274'"'"' \316\274\ncase $'"'"'\\xbc'"'"' in \274) echo same;; esac\nx=\274; echo ${#x}\n' > nonutf8.sh
bash nonutf8.sh | od -An -tx1
. ./nonutf8.sh | od -An -tx1
bash < nonutf8.sh | od -An -tx1
