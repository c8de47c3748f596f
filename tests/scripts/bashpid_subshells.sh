# $BASHPID: each subshell has a pid of its own, which stays the same inside it; $$ does not change.
[ "$$" = "$BASHPID" ] && echo "top: \$BASHPID is \$\$"
bp=$BASHPID; sub=$( (echo $BASHPID) )
[ "$bp" -ne "$sub" ] && echo "subshell: its own"
[ "$(echo $BASHPID)" != "$BASHPID" ] && echo "command substitution: its own"
( first=$BASHPID; [ "$first" = "$BASHPID" ] && echo "stable inside"; [ "$$" != "$BASHPID" ] && echo "\$\$ is the parent's" )
( outer=$BASHPID; ( [ "$outer" != "$BASHPID" ] && echo "nested: its own" ) )
{ echo $BASHPID; chicken() ( echo $BASHPID;); chicken;} | sort -u | wc -l
echo $BASHPID | { read p; [ "$p" != "$BASHPID" ] && echo "pipeline stages: their own"; }
