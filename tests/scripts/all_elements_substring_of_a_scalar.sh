# `${var[@]:offset:length}` of a variable that is no array cuts its value as a string,
# as bash does; of an array it selects elements.
var=blah
echo "${var[@]:3}" "${var:3}" "${var[*]:3}" "${var[0]:3}"
echo "1 ${var[@]:1:2}" "${var[*]: -2}" "${var[@]:1:-1}"
unset u; echo "2 <${u[@]:1}>"
declare -i n=12345; echo "3 ${n[@]:2}"
a=(abc def); echo "4 ${a[@]:1}" "${a[0]:1}"
for w in "${var[@]:1:2}"; do echo "word <$w>"; done
