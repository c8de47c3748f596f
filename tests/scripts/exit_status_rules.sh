# What $? is after various commands.
true; echo $?
false; echo $?
nosuchcommand_xyz 2>/dev/null; echo $?
/ 2>/dev/null; echo $?
(exit 300); echo $?
(exit -1); echo $?
f() { return 7; }; f; echo $?
x=$(exit 9); echo $?
echo $( (exit 4) ; echo $? )
! (exit 3); echo $?
