for i in 1 2 3; do (sleep 0.$i; echo job $i) & done
wait
echo all done
