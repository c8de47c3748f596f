# DEBUG runs before each simple command; RETURN when a function or source returns.
count=0
trap 'count=$((count + 1))' DEBUG
a=1
b=2
c=3
trap - DEBUG
echo "debug ran $count times"
f() { trap 'echo "f returns"' RETURN; echo "in f"; }
f
echo "after f"
g() { echo "in g"; }
g
