set -e
if false; then echo no; else echo else-branch; fi
while false; do :; done
false || echo "or-rescued"
false && echo never
! false
echo "still running"
x=$(false) || echo "subst failed"
echo end
