# A syntax error inside eval is status 2 and the shell goes on.
eval 'if then' 2>/dev/null; echo "syntax error: $?"
eval 'echo "unterminated' 2>/dev/null; echo "unterminated: $?"
eval 'exit_not=1; echo ok'
eval '' ; echo "empty eval: $?"
eval 'false'; echo "false: $?"
x='echo one; echo two'
eval $x
