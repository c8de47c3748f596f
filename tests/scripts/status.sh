true; echo $?
false; echo $?
! false; echo $?
false || echo or-ran
true && echo and-ran
false && echo never
true | false; echo $?
