! false && echo negated-true
! true || echo negated-false
! echo x | grep -q y && echo no-match
