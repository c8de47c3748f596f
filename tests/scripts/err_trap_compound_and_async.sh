# The ERR trap runs for the failing command inside a loop, case or group, not again for
# the compound command; not for an asynchronous list's own status; not for a group
# whose redirection failed.
trap 'echo "ERR line $LINENO"' ERR
for y in 1 2; do
  false
done
case x in
  x) false ;;
esac
{ false; false; }
if false; then :; else false; fi
{ echo hidden; } > /nonexistent/dir/file
(false)
false &
wait
echo done
