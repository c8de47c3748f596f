# break and continue outside a loop, in a function called from a loop, and with a count
# that is out of range.
break
echo "after a lone break: $?"
continue
echo "after a lone continue: $?"
f() { break; }
for i in 1 2; do f; echo "loop $i"; done
for i in 1 2 3; do break 0; done
echo "loop ended"
for i in 1 2; do for j in a b; do continue 2; echo never; done; echo never either; done
echo "nested done"
