shopt -u interactive_comments
echo #not-a-comment a#b
echo 'quoted #x' "#y" \#z
cat <<END
#body stays
END
x=(#a b)
echo ${#x[@]} $#
shopt -s interactive_comments
echo back # a comment again
