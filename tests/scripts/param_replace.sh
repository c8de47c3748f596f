s="one two one two"
echo ${s/one/1} ${s//one/1}
echo ${s/#one/start} ${s/%two/end}
echo ${s// /_}
echo ${s//o}
