# A stage of a pipeline is a subshell: what its words assign, and an error that ends it,
# stay inside it.
echo ${x=1} | cat
echo "x=$x"
echo $((y=5)) | cat
echo "y=$y"
echo a | echo ${z:=3}
echo "z=$z"
i=0
echo $((i++)) $((i++)) | cat
echo "i=$i"
echo ${missing?not set} | cat
echo "after: $?"
set -e
echo ${gone?} | cat
echo "still here"
shopt -s lastpipe
echo ${w=2} | read u
echo "w=$w u=$u"
