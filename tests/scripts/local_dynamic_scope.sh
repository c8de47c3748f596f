# local is dynamic: callees see the caller s locals
show() { echo "x=$x"; }
outer() { local x=outer; show; inner; show; }
inner() { x=changed-by-inner; }
x=global
outer
show
