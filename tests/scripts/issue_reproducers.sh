# Cases from the shell issue, each of which once differed from bash
x=oops
while true; do echo hi; break $x; done
echo "after break"
