# ! negates a pipeline's status; time reports on stderr only.
! false && echo "negated false is true"
! true || echo "negated true is false"
! echo hi | grep -q nothing && echo "negation covers the whole pipeline"
time true 2>/dev/null
{ time echo timed; } 2>/dev/null
echo "status after time: $?"
