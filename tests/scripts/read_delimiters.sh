# read with IFS and delimiters
IFS=: read -r user pass uid <<< "root:x:0:0:root"
echo "$user $uid"
IFS= read -r whole <<< "  keep  spaces  "
echo "[$whole]"
read -d ";" first <<< "one;two"
echo "$first"
