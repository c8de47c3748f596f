# A here-document that runs to the end of the script ends there, as in bash
echo start
cat <<EOF
body line $((1 + 1))
last line