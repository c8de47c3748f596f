# >&word where word is not a descriptor: bash sends stdout and stderr to the file;
# 1>&word sends stdout alone; 2>&word is an ambiguous redirect.
{ echo out; echo err >&2; } >&both.txt
cat both.txt
{ echo out; echo err >&2; } 1>&only.txt 2>/dev/null
cat only.txt
echo b 2>&nothing.txt; echo "status $?"
ls
