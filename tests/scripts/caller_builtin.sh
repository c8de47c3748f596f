# caller tells a function where it was called from.
where() { caller 0 | sed 's, [^ ]*$,,'; }
f() { where; g; }
g() { caller 1 | sed 's, [^ ]*$,,'; }
f
where
caller; echo "caller outside a function: $?"
