if false; then :; else (exit 4); fi; echo $?
{ false; }; echo $?
for i in 1; do false; done; echo $?
case x in y) ;; esac; echo $?
