# Redirections on brace groups and loops apply to everything inside.
{ echo one; echo two; } > group.txt
wc -l < group.txt
for i in 1 2 3; do echo "line $i"; done > loop.txt
tail -n 1 loop.txt
{ echo out; echo err >&2; } 2>/dev/null
if true; then echo "from if"; fi | tr a-z A-Z
{ read -r first; read -r second; } < group.txt
echo "$second"
